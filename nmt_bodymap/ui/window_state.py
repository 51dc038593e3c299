"""The charting window opens where and how the therapist left it, and always fits the screen.

The first start sizes the window from the screen's available geometry (a 1366x768 laptop,
or 1920x1080 at 150 % = 1280x720 logical pixels, gets a window that fits, not 1500x920).
Later starts restore the window geometry, the splitters, the body view shown (both, front
or back) and the side tab, kept with QSettings in the app's config folder
(``NMT_BODYMAP_CONFIG_DIR`` in tests). A saved geometry that no longer fits the screen
(another monitor, another scale) is shrunk back onto it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import QSplitter, QWidget

from nmt_bodymap.settings import config_dir

if TYPE_CHECKING:
    from nmt_bodymap.ui.main_window import MainWindow

PREFERRED = QSize(1500, 920)
SCREEN_SHARE = 0.94  # of the available screen: room for the title bar and the frame
STATE_FILE = "window-state.ini"
LAYOUT_MODES = ("both", "anterior", "posterior")


def chart_title(url: str) -> str:
    """A friendly name of the chart for the window title, never the raw database URL:
    "charts (this computer)" for a chart file, "clinic on db.example" for a server."""
    if "://" not in url:
        return f"{Path(url).stem or 'chart'} (this computer)"
    from nmt_bodymap.store.first_look_server import shown_address

    plain = shown_address(url)  # a plain server address: no SQLAlchemy on the GUI thread
    if plain is not None:
        return f"{plain.database} on {plain.host}"
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return "chart"
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        return f"{Path(database).stem or 'chart'} (this computer)"
    return f"{parsed.database or 'chart'} on {parsed.host or 'this computer'}"


def window_settings() -> QSettings:
    return QSettings(str(config_dir() / STATE_FILE), QSettings.Format.IniFormat)


def initial_size(available: QRect, preferred: QSize = PREFERRED) -> QSize:
    """The preferred size, shrunk to fit ``available`` (the screen without task bars)."""
    return QSize(
        min(preferred.width(), int(available.width() * SCREEN_SHARE)),
        min(preferred.height(), int(available.height() * SCREEN_SHARE)),
    )


def fit_to_screen(widget: QWidget, width: int, height: int, share: float = SCREEN_SHARE) -> None:
    """Resize a window or dialog to ``width`` x ``height``, or less so it fits its screen
    (``share`` of it at most), and keep it on the screen."""
    screen = QWidget.screen(widget)  # unbound: a form may name an attribute "screen"
    if screen is None:
        widget.resize(width, height)
        return
    available = screen.availableGeometry()
    size = QSize(
        min(width, int(available.width() * share)), min(height, int(available.height() * share))
    )
    size = size.expandedTo(widget.minimumSize())
    widget.resize(size)
    frame = QRect(widget.pos(), size)
    if not available.contains(frame):
        frame.moveCenter(available.center())
        widget.move(frame.topLeft())


def _splitters(window: MainWindow) -> dict[str, QSplitter]:
    """The window's own splitters, by name, for saving and restoring.

    Named, not searched for. Kept by their place in a search of the window, the splitters
    moved once the assessment tab had been shown (its panel has a splitter of its own, met
    before the map's): the next start restored the assessment's vertical splitter onto the
    map, and the front and back views came back stacked. A search also gives Python a
    wrapper for every widget of the window (3.4 of the 4.6 ms restoring costs, issue 18).
    """
    found = {
        "window": window.splitter,
        "candidates": window.candidates.findChild(QSplitter),
        "map": window.body_map._splitter,
        "left": window.splitter.widget(0),
    }
    return {name: split for name, split in found.items() if isinstance(split, QSplitter)}


def layout_mode(window: MainWindow) -> str:
    """Which body view the map shows: "both", "anterior" or "posterior"."""
    views = window.body_map.views
    shown = [name for name, view in views.items() if not view.isHidden()]
    return shown[0] if len(shown) == 1 else "both"


def restore_geometry_only(window: MainWindow, settings: QSettings | None = None) -> None:
    """Size and place the window as last closed, before its panels exist (issue 18)."""
    geometry = (settings or window_settings()).value("geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        fit_to_screen(window, PREFERRED.width(), PREFERRED.height())
    else:
        fit_to_screen(window, window.width(), window.height(), share=1.0)


def restore_window_state(window: MainWindow, settings: QSettings | None = None) -> None:
    """Size and lay the window out as last closed (first start: fit the screen)."""
    settings = settings or window_settings()
    geometry = settings.value("geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        fit_to_screen(window, PREFERRED.width(), PREFERRED.height())
    else:
        fit_to_screen(window, window.width(), window.height(), share=1.0)  # as it was left
    layout = window.layout()
    if layout is not None:
        layout.activate()  # lay the panels out at that size: splitters restore into it
    for name, splitter in _splitters(window).items():
        state = settings.value(f"splitter/{name}")
        if state is not None:
            splitter.restoreState(state)
    mode = settings.value("layout-mode")
    if mode in LAYOUT_MODES and mode != "both":
        window.body_map.set_layout_mode(mode)
    tab = settings.value("side-tab")
    if tab is not None and str(tab).isdigit() and int(tab) < window.side_tabs.count():
        window.side_tabs.setCurrentIndex(int(tab))


def save_window_state(window: MainWindow, settings: QSettings | None = None) -> None:
    """Remember geometry, splitters, the body view and the side tab for the next start."""
    settings = settings or window_settings()
    settings.setValue("geometry", window.saveGeometry())
    for name, splitter in _splitters(window).items():
        settings.setValue(f"splitter/{name}", splitter.saveState())
    for key in settings.childKeys():  # kept by place before: possibly on the wrong one
        if key.startswith("splitter-"):
            settings.remove(key)
    settings.setValue("layout-mode", layout_mode(window))
    settings.setValue("side-tab", window.side_tabs.currentIndex())
    settings.sync()
