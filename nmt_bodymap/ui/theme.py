"""Light and dark: the app follows the system palette and colour scheme, also while running.

Qt already hands us the system palette; we only pick the Fusion style where the
platform style cannot draw a dark palette (Linux without a desktop theme), so
widgets and the body map agree. Map colours come from :class:`MapColors`.

When the system switches between light and dark while the app runs
(``QStyleHints.colorSchemeChanged``), :class:`ThemeFollower` makes sure the widget
palette matches the new scheme (some platform themes do not update it themselves),
re-picks the shared :class:`MapColors` and repaints the window.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

if TYPE_CHECKING:  # the palettes and the map colours load after the first paint (issue 18)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    from nmt_bodymap.ui.map.palette import MapColors


def apply_theme(app: QApplication) -> None:
    # Fusion already (Linux without a desktop theme, off screen): not made again (~9 ms).
    if sys.platform.startswith("linux") and app.style().name().casefold() != "fusion":
        app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)


def dark_palette() -> QPalette:
    """A dark widget palette (Fusion's colours) for platforms that do not supply one."""
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, colour in (
        (role.Window, "#2b2f33"),
        (role.WindowText, "#e6e8ea"),
        (role.Base, "#1f2327"),
        (role.AlternateBase, "#2b2f33"),
        (role.ToolTipBase, "#2b2f33"),
        (role.ToolTipText, "#e6e8ea"),
        (role.PlaceholderText, "#8a9096"),
        (role.Text, "#e6e8ea"),
        (role.Button, "#33383d"),
        (role.ButtonText, "#e6e8ea"),
        (role.BrightText, "#ff6b6b"),
        (role.Light, "#464c52"),
        (role.Midlight, "#3c4147"),
        (role.Mid, "#26292d"),
        (role.Dark, "#181a1d"),
        (role.Shadow, "#000000"),
        (role.Highlight, "#3d8ee0"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#78bfff"),
        (role.LinkVisited, "#c49cff"),
    ):
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#80868c"))
    return p


def match_palette(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Make the widget palette agree with ``scheme`` when the platform left it behind."""
    from PySide6.QtCore import Qt

    from nmt_bodymap.ui.map.palette import is_dark_theme

    if scheme == Qt.ColorScheme.Dark and not is_dark_theme():
        app.setPalette(dark_palette())
    elif scheme == Qt.ColorScheme.Light and is_dark_theme():
        app.setPalette(app.style().standardPalette())


class ThemeFollower(QObject):
    """Child of the window: re-applies palette and map colours when the scheme changes.

    Being the window's child, it is disconnected with the window (no dangling slot)."""

    def __init__(self, window: QMainWindow, colors: MapColors) -> None:
        from PySide6.QtGui import QGuiApplication

        super().__init__(window)
        self._window, self._colors = window, colors
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.scheme_changed)

    def scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        from PySide6.QtWidgets import QGraphicsView

        app = QApplication.instance()
        if isinstance(app, QApplication):
            match_palette(app, scheme)
        self._colors.choose()
        for view in self._window.findChildren(QGraphicsView):
            scene = view.scene()
            if scene is not None:
                scene.setBackgroundBrush(self._colors.background)
                scene.update()
        for widget in (self._window, *self._window.findChildren(QWidget)):
            QWidget.update(widget)  # the base method: item views overload update(index)


def follow_system_theme(window: QMainWindow) -> ThemeFollower:
    """One call in the window: its ``colors`` (MapColors) follow the system from now on."""
    return ThemeFollower(window, window.colors)  # type: ignore[attr-defined]
