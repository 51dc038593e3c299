"""A zoomable, pannable window onto one body scene.

The view converts the mouse position to view coordinates and asks the core
atlas what lies there; it draws nothing of its own except the hover label.
Wheel zooms around the pointer, the middle button (or Space + drag) pans, and
a left click on the figure asks for a pain mark at that exact point. A right click on a
mark asks for its menu (``mark_menu_requested``).

Touch (issue 15, ``ui/map/touch.py``): a tap is a left click, two fingers pinch-zoom
around their centre and pan, a long press on a mark asks for the same menu as a right
click. Marks and pins get hit areas of at least 9 mm, from the screen's physical DPI.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
    QWindow,
)
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QLabel, QWidget

from nmt_bodymap.ui.map.body_scene import BodyScene
from nmt_bodymap.ui.map.dense_marks import DenseMarks
from nmt_bodymap.ui.map.labels import place_label
from nmt_bodymap.ui.map.map_items import PainMarkItem, TriggerPointPin
from nmt_bodymap.ui.map.touch import TOUCH_EVENTS, TouchGestures, target_pixels

UPDATE_REQUEST = QEvent.Type.UpdateRequest
META_CALL = QEvent.Type.MetaCall


class _HeldPaints(QObject):
    """Keeps back the window paints a scene asks for at once (see ``land_scene_changes``)."""

    def __init__(self) -> None:
        super().__init__()
        self.windows: list[QWidget] = []
        self.active = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == UPDATE_REQUEST and isinstance(obj, QWidget):
            if obj not in self.windows:
                self.windows.append(obj)
            return True
        return False


_HELD: list[_HeldPaints] = []


def land_scene_changes(scenes: Iterable[QGraphicsScene]) -> None:
    """The scenes' changed items handed to their views now, painted in one window paint.

    Qt processes a scene's changed items from a posted call and then paints the window at
    once (``QGraphicsScenePrivate::_q_processDirtyItems`` sends the window's posted
    ``UpdateRequest``): a gesture that changes both views painted the window twice, each
    time with what else was dirty by then, and again for what came after. Here, at the end
    of a gesture, the scenes' posted calls run with those immediate paints held back; one
    paint request is posted for the event loop, which paints everything changed once."""
    app = QCoreApplication.instance()
    if app is None:
        return
    if not _HELD:
        _HELD.append(_HeldPaints())  # one, kept: a QObject made per gesture costs more
    held = _HELD[0]
    if held.active:  # called again while landing (a scene's call led here): it holds already
        for scene in scenes:
            QCoreApplication.sendPostedEvents(scene, META_CALL)
        return
    held.windows.clear()
    held.active = True
    app.installEventFilter(held)
    try:
        for scene in scenes:
            QCoreApplication.sendPostedEvents(scene, META_CALL)
    finally:
        app.removeEventFilter(held)
        held.active = False
    for window in held.windows:  # Qt sees its request as still pending: one more is posted
        QCoreApplication.postEvent(
            window, QEvent(UPDATE_REQUEST), Qt.EventPriority.LowEventPriority.value
        )


MIN_SCALE = 0.2
MAX_SCALE = 12.0
ZOOM_STEP = 1.25


class BodyView(QGraphicsView):
    """Shows a :class:`BodyScene`; emits where the therapist clicks and hovers."""

    point_clicked = Signal(str, QPointF)  # view name, view coordinates
    hovered = Signal(str)  # "Right temple", or "" off the figure
    mark_menu_requested = Signal(str, QPoint)  # mark key, global position for the menu

    def __init__(self, scene: BodyScene, title: str, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.body_scene = scene
        self.setObjectName(f"body-view-{scene.view}")
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
            | QPainter.RenderHint.TextAntialiasing
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # The static figure is the scene's background: kept as one pixmap per view.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        # The background cache covers every pixel: no fill with the palette before each
        # paint (issue 18; the parents are not painted beneath either way).
        self.setViewport(QWidget())
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._title = QLabel(title, self)
        self._title.setObjectName("view-title")
        # Font and margins rather than a style sheet: the title sits over the map and is
        # repainted with it, and a style sheet makes every repaint go through its rules.
        title_font = self._title.font()
        title_font.setWeight(QFont.Weight.DemiBold)
        self._title.setFont(title_font)
        self._title.setContentsMargins(8, 4, 8, 4)
        self._hover_label = QLabel("", self)
        self._hover_label.setObjectName("hover-label")
        self._hover_label.setStyleSheet(
            "background: palette(tooltip-base); color: palette(tooltip-text);"
            "border: 1px solid palette(mid); border-radius: 4px; padding: 3px 8px;"
        )
        self._hover_label.hide()
        self._pan_from: QPoint | None = None
        self._space_down = False
        self._fitted = True
        self._hover_key: tuple[str, str] | None = None
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.touch = TouchGestures(self)
        self._screen_watched: QWindow | None = None

    # -- touch targets -----------------------------------------------------------------------
    def update_touch_targets(self) -> None:
        """Marks and pins get hit areas of at least 9 mm on this view's screen."""
        self.body_scene.set_hit_radius(target_pixels(self.screen()) / 2)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.update_touch_targets()
        handle = self.window().windowHandle()
        if handle is not None and handle is not self._screen_watched:
            # Moved to a screen of another density: the targets are sized again.
            self._screen_watched = handle
            handle.screenChanged.connect(self._on_screen_changed)

    def _on_screen_changed(self, _screen: object) -> None:
        self.update_touch_targets()

    def _zoom_changed(self) -> None:
        self.body_scene.set_view_scale(self.transform().m11())

    # -- zoom and fit ----------------------------------------------------------------------
    def zoom_by(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if MIN_SCALE * self._fit_scale() <= scale <= MAX_SCALE * self._fit_scale():
            self.scale(factor, factor)
            self._fitted = False
            self._zoom_changed()

    def clamped_factor(self, factor: float) -> float:
        """``factor`` cut so the zoom stays within the view's limits (pinch zoom)."""
        scale = self.transform().m11()
        low, high = MIN_SCALE * self._fit_scale(), MAX_SCALE * self._fit_scale()
        return max(low, min(high, scale * factor)) / scale if scale > 0 else 1.0

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the figure by (dx, dy) screen pixels (two-finger pan)."""
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() - round(dx))
        v.setValue(v.value() - round(dy))
        self._fitted = False

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def fit(self) -> None:
        self.fitInView(self.body_scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True
        self._zoom_changed()

    def _fit_scale(self) -> float:
        rect = self.body_scene.sceneRect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return 1.0
        return min(viewport.width() / rect.width(), viewport.height() / rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()
        self._fit_title()

    def _fit_title(self) -> None:
        """The title on one line where it fits, else wrapped to the view's width: a long
        title (German at 1366x768, the internal sites shown beside) is never cut off."""
        room = max(40, self.width() - 8)
        title = self._title
        title.move(4, 2)
        title.setWordWrap(False)
        title.adjustSize()
        if title.width() > room:
            title.setWordWrap(True)
            title.resize(room, title.heightForWidth(room))

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps)
        event.accept()

    # -- pointer ---------------------------------------------------------------------------
    def scene_point(self, widget_pos: QPoint) -> QPointF:
        return self.mapToScene(widget_pos)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space_down
        ):
            self._pan_from = pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self._press_off_marks(pos):
            event.accept()
            return
        super().mousePressEvent(event)

    def _press_off_marks(self, pos: QPoint) -> bool:
        """A left press on a pin or on the figure (True: handled); a mark is left to Qt."""
        item = self._item_at(pos)
        if isinstance(item, TriggerPointPin):
            # A click on a pin charts what was found at that trigger point.
            self.body_scene.pin_clicked.emit(item.muscle_id, item.side, item.tp_id)
            return True
        if not isinstance(item, PainMarkItem):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.point_clicked.emit(self.body_scene.view, self.scene_point(pos))
            return True
        return False

    def mark_at(self, pos: QPoint) -> PainMarkItem | None:
        item = self._item_at(pos)
        return item if isinstance(item, PainMarkItem) else None

    def _item_at(self, pos: QPoint) -> QGraphicsItem | None:
        """The item under ``pos``; on a dense view's layer, the mark hit (raised to an item
        of its own, so Qt selects and drags it like any mark) or None."""
        item = self.itemAt(pos)
        if isinstance(item, DenseMarks):
            return self.body_scene.mark_under(self.mapToScene(pos))
        return item

    def tap(self, pos: QPoint) -> None:
        """A one-finger tap: what a left click does (a tap on a mark selects only it)."""
        if self._press_off_marks(pos):
            return
        mark = self.mark_at(pos)
        if mark is not None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self.body_scene.clearSelection()
            mark.setSelected(True)

    def request_mark_menu(self, pos: QPoint) -> bool:
        """Ask for the menu of the mark at ``pos`` (right click, long press); False: none."""
        mark = self.mark_at(pos)
        if mark is None:
            return False
        self.mark_menu_requested.emit(mark.key, self.viewport().mapToGlobal(pos))
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A right click on a mark asks for its menu; elsewhere on the map nothing opens."""
        self.request_mark_menu(event.pos())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() in TOUCH_EVENTS and self.touch.handle(event):  # type: ignore[arg-type]
            return True
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            self._fitted = False
            event.accept()
            return
        self._update_hover(pos)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._set_hover(None, "", QPoint())
        super().leaveEvent(event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _update_hover(self, pos: QPoint) -> None:
        point = self.scene_point(pos)
        region = self.body_scene.atlas.region_at(self.body_scene.view, point.x(), point.y())
        if region is None:
            self._set_hover(None, "", pos)
        else:
            label = place_label(region.region, region.side)
            self._set_hover((region.region, region.side), label, pos)

    def _set_hover(self, key: tuple[str, str] | None, label: str, pos: QPoint) -> None:
        if key != self._hover_key:
            self._hover_key = key
            self.body_scene.show_hover(key)
            self.hovered.emit(label)
        if label:
            self._hover_label.setText(label)
            self._hover_label.adjustSize()
            x = min(pos.x() + 16, self.width() - self._hover_label.width() - 4)
            y = min(pos.y() + 18, self.height() - self._hover_label.height() - 4)
            self._hover_label.move(max(0, x), max(0, y))
            self._hover_label.show()
        else:
            self._hover_label.hide()

    def map_to_widget(self, point: tuple[float, float]) -> QPoint:
        """Viewport coordinates of a view point (used by tests and screenshots)."""
        return self.mapFromScene(QPointF(point[0], point[1]))
