"""A zoomable, pannable window onto one body scene.

The view converts the mouse position to view coordinates and asks the core
atlas what lies there; it draws nothing of its own except the hover label.
Wheel zooms around the pointer, the middle button (or Space + drag) pans, and
a left click on the figure asks for a pain mark at that exact point.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel, QWidget

from nmt_bodymap.ui.map.body_scene import BodyScene
from nmt_bodymap.ui.map.labels import place_label
from nmt_bodymap.ui.map.map_items import PainMarkItem, TriggerPointPin

MIN_SCALE = 0.2
MAX_SCALE = 12.0
ZOOM_STEP = 1.25


class BodyView(QGraphicsView):
    """Shows a :class:`BodyScene`; emits where the therapist clicks and hovers."""

    point_clicked = Signal(str, QPointF)  # view name, view coordinates
    hovered = Signal(str)  # "Right temple", or "" off the figure

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

    # -- zoom and fit ----------------------------------------------------------------------
    def zoom_by(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if MIN_SCALE * self._fit_scale() <= scale <= MAX_SCALE * self._fit_scale():
            self.scale(factor, factor)
            self._fitted = False

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def fit(self) -> None:
        self.fitInView(self.body_scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True

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
        self._title.move(4, 2)
        self._title.adjustSize()

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
        item = self.itemAt(pos)
        if event.button() == Qt.MouseButton.LeftButton and isinstance(item, TriggerPointPin):
            # A click on a pin charts what was found at that trigger point.
            self.body_scene.pin_clicked.emit(item.muscle_id, item.side, item.tp_id)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and not isinstance(
            item, PainMarkItem | TriggerPointPin
        ):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.point_clicked.emit(self.body_scene.view, self.scene_point(pos))
            event.accept()
            return
        super().mousePressEvent(event)

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
