"""Light and dark: the app follows the system palette and colour scheme.

Qt already hands us the system palette; we only pick the Fusion style where the
platform style cannot draw a dark palette (Linux without a desktop theme), so
widgets and the body map agree. Map colours come from :class:`MapColors`.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def apply_theme(app: QApplication) -> None:
    if sys.platform.startswith("linux"):
        app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
