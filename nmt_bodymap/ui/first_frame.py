"""The first frame (issue 18): the body figures drawn straight from the two SVG drawings
while the atlas geometry and the knowledge load on a background thread.

:class:`FirstFrame` is the window's central widget until the panels are built; it paints
both figures with ``QSvgRenderer`` (no numpy, shapely, pydantic or YAML needed), or, from
the second start at the same window size, from the pictures rendered then and kept on disk
(``ui/figure_pictures``: no SVG parsed or rendered before the first paint). A click
on a figure in that moment is kept in drawing coordinates and answered once the map is
ready and the chart's visit is open: it is given to the body map as the same click, once.

:class:`PanelLoader` loads the atlas and the knowledge (Qt-free core code) on a Python
thread after the first paint; :meth:`PanelLoader.result` waits for it (or loads in the
calling thread when it was never started), so asking the window for a panel early is safe.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from nmt_bodymap.resources import asset_path
from nmt_bodymap.ui import figure_pictures
from nmt_bodymap.ui.figure_pictures import view_box
from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

    from nmt_bodymap.ui.main_window import MainWindow

log = logging.getLogger(__name__)

VIEWS = ("anterior", "posterior")
POLL_MS = 15  # how often the GUI thread looks whether the background load is done
# Where the panels will put the figures (window_state's splitter sizes): left and right lists.
LEFT, RIGHT, MARGIN = 250, 440, 24


_RENDERERS: dict[str, QSvgRenderer] = {}


def shared_renderer(view: str) -> QSvgRenderer:
    """The parsed drawing of ``view``, parsed once per application (GUI thread): the first
    frame paints from it, the body scenes draw their outline and landmarks from it."""
    renderer = _RENDERERS.get(view)
    if renderer is None or not shiboken6.isValid(renderer):  # a new application
        from PySide6.QtSvg import QSvgRenderer  # not on the start path when pictures are kept

        renderer = QSvgRenderer(str(asset_path("body_svgs", f"{view}.svg")))
        renderer.setParent(QCoreApplication.instance())
        _RENDERERS[view] = renderer
    return renderer


def load_atlas_and_knowledge() -> tuple[Any, Any]:
    """What the panels need that the first frame does not (runs on the loader thread)."""
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.core.knowledge import load_knowledge

    atlas, knowledge = load_atlas(), load_knowledge()
    warm_first_click(atlas, knowledge)
    from nmt_bodymap.ui.after_start import freeze_long_lived

    freeze_long_lived("atlas and knowledge")  # not walked again by every collection
    return atlas, knowledge


def warm_first_click(atlas: Any, knowledge: Any) -> None:
    """Load here, on the loader thread, what the first click's answer would otherwise load
    on the GUI thread on first use (issue 18): the prepared region shapes of the hit-test,
    the muscle index, the vocabulary, the pain-area frequencies and the ranking's modules,
    by ranking one spot per view. A failure here only loses the head start."""
    from nmt_bodymap.core.ranking import rank_candidates
    from nmt_bodymap.core.ranking_explain import Spot

    for view in atlas.views():
        try:
            region = atlas.regions(view)[0]
            x, y = region.point
            atlas.region_at(view, x, y)
            rank_candidates([Spot(view, region.region, region.side, (x, y))], knowledge, atlas)
        except Exception:  # the click loads it itself then
            log.warning("warming the first click failed", exc_info=True)


class PanelLoader:
    """Loads the atlas and the knowledge once, on a background thread."""

    def __init__(self, load: Callable[[], tuple[Any, Any]] | None = None) -> None:
        self._load = load or load_atlas_and_knowledge
        self._thread: threading.Thread | None = None
        self._outcome: tuple[Any, Any] | None = None
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        # told on the loader thread when the load ends; parentless and held here (not a
        # child of the window, which may be destroyed while the thread still runs)
        self.news: _LoaderNews | None = None

    def start(self) -> None:
        with self._lock:
            if self._thread is None and self._outcome is None:
                # not a daemon: at exit Python waits for it before its own and PySide6's
                # teardown, so its news (below) never meets a Qt object being destroyed
                self._thread = threading.Thread(target=self._run, name="map-loader")
                self._thread.start()

    def _run(self) -> None:
        try:
            self._outcome = self._load()
        except BaseException as exc:  # handed to the GUI thread by result()
            self._error = exc
        news = self.news
        if news is not None and threading.current_thread() is not threading.main_thread():
            news.done.emit()  # queued to the GUI thread; the loader keeps ``news`` alive

    def done(self) -> bool:
        return self._outcome is not None or self._error is not None

    def result(self) -> tuple[Any, Any]:
        """(atlas, knowledge): waits for the thread, or loads here if it never started."""
        with self._lock:
            thread = self._thread
            if thread is None and not self.done():
                self._run()
        if thread is not None:
            thread.join()
        if self._error is not None:
            raise self._error
        assert self._outcome is not None
        return self._outcome


class FirstFrame(QWidget):
    """Both figures from their SVG drawings; clicks are kept until the map is ready."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first-frame")
        self.setAccessibleName(tr("Body map (loading)"))
        self.pending: list[tuple[str, float, float]] = []  # view, x, y in drawing units
        self.pictures: dict[str, QImage] = {}  # the figure drawn last, per view
        self._kept: set[str] = set()  # views whose first picture went to the disk cache
        self._painted = False

    def box(self, view: str) -> QRectF:
        """The drawing's viewBox (from the SVG text; parsed by Qt only if it has none)."""
        return view_box(view) or shared_renderer(view).viewBoxF()

    def figure_rects(self) -> dict[str, QRectF]:
        """Where each figure is drawn in this widget (aspect kept, side by side)."""
        area = QRectF(self.rect())
        if area.width() > LEFT + RIGHT + 300:
            area.adjust(LEFT, 0, -RIGHT, 0)
        area.adjust(MARGIN, MARGIN, -MARGIN, -MARGIN)
        half = area.width() / len(VIEWS)
        rects = {}
        for i, view in enumerate(VIEWS):
            box = self.box(view)
            cell = QRectF(area.left() + i * half, area.top(), half, area.height())
            scale = min(cell.width() / box.width(), cell.height() / box.height())
            width, height = round(box.width() * scale), round(box.height() * scale)
            # whole pixels: the kept picture is drawn 1:1, never rescaled
            left = round(cell.center().x() - width / 2)
            top = round(cell.center().y() - height / 2)
            rects[view] = QRectF(left, top, max(width, 1), max(height, 1))
        return rects

    def to_drawing(self, pos: QPointF) -> tuple[str, float, float] | None:
        """The view and drawing coordinates under ``pos``; None off both figures' boxes."""
        for view, rect in self.figure_rects().items():
            if rect.contains(pos):
                box = self.box(view)
                x = box.left() + (pos.x() - rect.left()) * box.width() / rect.width()
                y = box.top() + (pos.y() - rect.top()) * box.height() / rect.height()
                return view, x, y
        return None

    def to_widget(self, view: str, x: float, y: float) -> QPointF:
        """Where drawing point (x, y) of ``view`` is in this widget."""
        rect, box = self.figure_rects()[view], self.box(view)
        return QPointF(
            rect.left() + (x - box.left()) * rect.width() / box.width(),
            rect.top() + (y - box.top()) * rect.height() / box.height(),
        )

    def picture(self, view: str, rect: QRectF) -> QImage:
        """``view``'s figure at ``rect``'s size in device pixels: the one drawn last, the
        one kept on disk from an earlier start, or rendered from the SVG now (then kept)."""
        ratio = self.devicePixelRatioF()
        width, height = round(rect.width() * ratio), round(rect.height() * ratio)
        image = self.pictures.get(view)
        if image is not None and (image.width(), image.height()) == (width, height):
            return image
        image = figure_pictures.read_picture(view, width, height, ratio)
        if image is None:
            image = figure_pictures.render_picture(shared_renderer(view), width, height, ratio)
            if view not in self._kept:  # the size the next start opens at: keep it
                self._kept.add(view)
                QTimer.singleShot(0, lambda: self._keep(view, image))
        self.pictures[view] = image
        return image

    @staticmethod
    def _keep(view: str, image: QImage) -> None:
        if not figure_pictures.write_picture(view, image):
            log.info("the first frame's picture could not be kept (cache folder unusable)")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        for view, rect in self.figure_rects().items():
            painter.drawImage(rect.topLeft(), self.picture(view, rect))
        painter.end()
        if not self._painted:  # the ``Qt`` namespace (~20 ms of enums) after the first paint
            self._painted = True
            QTimer.singleShot(0, self, self._cross_cursor)

    def _cross_cursor(self) -> None:
        self.setCursor(QtCore.Qt.CursorShape.CrossCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        where = self.to_drawing(event.position())
        if where is not None:
            self.pending.append(where)
            window = self.window()
            show = getattr(window, "show_status", None)
            if callable(show):
                show("The map is loading: your mark is placed as soon as it is ready")
        event.accept()


class QueuedClicks:
    """Gives the clicks made on the first frame to the body map, once, when the map is
    built and the chart's visit is open (or the chart opened without one)."""

    def __init__(self, window: MainWindow, clicks: list[tuple[str, float, float]]) -> None:
        self.window, self.clicks = window, list(clicks)
        self._timer = QTimer(window)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._try)
        self._looking = False
        if self.clicks:
            self._timer.start()  # the fallback; the news below answers at once (issue 18)
            window.worker.pending_changed.connect(self._soon)
            window.open_visit.changed.connect(self._soon)
            self._soon()  # the chart may be open already (it opened before the map was ready)

    def _soon(self, *_news: object) -> None:
        """A store job ended or the visit's document changed: look again in the next turn
        of the event loop (after the callbacks of that news have run), once."""
        if self.clicks and not self._looking:
            self._looking = True
            QTimer.singleShot(0, self._timer, self._look)

    def _look(self) -> None:
        self._looking = False
        if self.clicks:
            self._try()

    def _ready(self) -> bool:
        window = self.window
        if not getattr(window, "chart_started", False) or window.worker.pending():
            return False
        return window.marks.visit_id is None or window.open_visit.doc is not None

    def _try(self) -> None:
        if not self._ready():
            return
        self._timer.stop()
        clicks, self.clicks = self.clicks, []
        self._disconnect()
        if clicks and not self.window.body_map.isEnabled():
            # the visit that opened is signed (read-only): the click is not charted, so
            # nothing is shown and then refused (lead, from the rooms review)
            self.window.statusBar().showMessage(
                tr("This visit is signed (read-only): the click was not charted"), 8000
            )
            return
        # their saves (the first opens the real store, issue 18) start once the answer,
        # the candidates list, has painted
        self.window.worker.hold_until_painted(self.window.candidates.tree.viewport())
        for view, x, y in clicks:
            self.window.body_map._on_point_clicked(view, QPointF(x, y))

    def _disconnect(self) -> None:
        for signal in (self.window.worker.pending_changed, self.window.open_visit.changed):
            with contextlib.suppress(RuntimeError, TypeError):  # never connected
                signal.disconnect(self._soon)


class _LoaderNews(QObject):
    """Carries "the loader is done" from the loader thread to ``then`` on the GUI thread:
    the signal reaches this object's slot queued, in the thread this object lives in. No
    parent: held by the loader, it lives as long as the thread can emit (a child of the
    window was destroyed with it while the thread emitted: a crash at exit, 2 in 50)."""

    done = Signal()

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self._then = then
        self.done.connect(self._arrived)

    @Slot()
    def _arrived(self) -> None:
        self._then()


def install_first_frame(window: MainWindow) -> FirstFrame:
    """Make the figures-only frame the window's central widget, with its loader."""
    frame = FirstFrame()
    window.setCentralWidget(frame)
    window.first_frame = frame
    window.panel_loader = PanelLoader()
    return frame


def load_then_build(window: MainWindow) -> None:
    """After the first paint: load on the background thread, then build the panels on
    the GUI thread and answer the clicks made meanwhile."""
    loader: PanelLoader = window.panel_loader
    timer = QTimer(window)
    timer.setInterval(POLL_MS)  # the fallback: the loader's news builds at once (issue 18)

    def check() -> None:
        if not shiboken6.isValid(timer) or not loader.done() or not timer.isActive():
            return  # the window was closed while loading, or the panels are built already
        timer.stop()
        window.build_panels()  # takes the loader's result; replaces the first frame
        from nmt_bodymap.ui.after_start import freeze_long_lived

        freeze_long_lived("panels")  # the atlas, the knowledge, the panels: kept for good

    timer.timeout.connect(check)
    loader.news = _LoaderNews(check)
    timer.start()
    loader.start()


def after_panels_built(window: MainWindow) -> None:
    """The panels are built (on the loader's news, or earlier because a key, a menu or a
    room asked for one): the first frame's clicks go to the map once it can chart them, and
    what waited for the panels (the chart's start) runs. Before, a build asked for by a
    key left both waiting for the news, which such a build never sends."""
    frame = window.__dict__.get("first_frame")
    if frame is not None and window.__dict__.get("queued_clicks") is None:
        clicks, frame.pending = list(frame.pending), []
        window.queued_clicks = QueuedClicks(window, clicks)
    for callback in window.__dict__.pop("_after_build", []):
        callback()


def when_built(window: MainWindow, callback: Callable[[], None]) -> None:
    """Run ``callback`` now if the panels are built, else right after they are.

    A chart that opens before the atlas and the knowledge have loaded must not build the
    panels itself: that would block the GUI thread on the loader, freezing the first frame
    that keeps taking clicks meanwhile.
    """
    if window.__dict__.get("built", True):
        callback()
    else:
        window.__dict__.setdefault("_after_build", []).append(callback)


def uncharted_clicks(window: MainWindow) -> int:
    """Marks clicked while the chart was opening that are not on the map yet."""
    frame, queued = window.__dict__.get("first_frame"), window.__dict__.get("queued_clicks")
    waiting = len(frame.pending) if frame is not None else 0  # emptied when queued
    return waiting + (len(queued.clicks) if queued is not None else 0)


def may_close(window: MainWindow) -> bool:
    """Closing now loses no click the therapist made, or the therapist says it may."""
    count = uncharted_clicks(window)
    if not count:
        return True
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        window,
        tr("Marks not charted yet"),
        tr(
            "{count} mark(s) clicked while the chart was opening are not charted yet "
            "and will be lost. Close anyway?"
        ).format(count=count),
    )
    return answer == QMessageBox.StandardButton.Yes
