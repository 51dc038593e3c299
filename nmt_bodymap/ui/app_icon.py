"""The application's icon (every rendered size from ``tools/make_icons.py``, plus the SVG).

Its own small module so that setting the window icon at start-up (``ui/app``) does not
import the About box and the action registry before the first paint (issue 18).
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from nmt_bodymap.resources import resource_path


def app_icon() -> QIcon:
    """The application icon, every rendered size (``tools/make_icons.py``) plus the SVG."""
    icon = QIcon()
    folder = resource_path("icons")
    for png in sorted(folder.glob("nmt-bodymap-*.png")):
        icon.addFile(str(png))
    if icon.isNull():
        icon.addFile(str(folder / "nmt-bodymap.svg"))
    return icon
