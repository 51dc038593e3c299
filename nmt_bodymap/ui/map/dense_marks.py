"""The marks of a dense view drawn as ONE item (issue 18: a visit of 10,000 marks).

Over ``DENSE_MARKS`` marks on a view, a badge per mark reads as nothing and 10,000 graphics
items cost seconds to make and to paint. :class:`DenseMarks` paints every mark it holds as
a plain symbol (the quality's shape in the intensity's colour, no number) at a constant
size on screen, from one cached picture per zoom. A mark that needs its own item (selected,
dragged, or not saved) is taken out of the layer and drawn by its ``PainMarkItem`` on top;
the scene decides which (:mod:`nmt_bodymap.ui.map.body_scene`).

A click is hit-tested here (:meth:`key_at`, the same screen distance as a mark item's hit
area) and the scene raises the mark hit to an item of its own, so selecting, dragging and
the menu of a mark work on a dense view as on a sparse one. Hovering shows the mark's tooltip.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.map.map_items import MARK_OPACITY, MARK_RADIUS, MARK_Z, quality_symbol
from nmt_bodymap.ui.map.palette import intensity_color

PLAIN_RADIUS = MARK_RADIUS * 0.6  # screen pixels: a plain symbol is smaller than a badge

# half the side of a symbol's stamp: the symbols reach 1.2 radii from their centre
STAMP_HALF = math.ceil(PLAIN_RADIUS * 1.25) + 1

_BRUSHES: dict[int, QBrush] = {}
_SYMBOLS: dict[str, QPainterPath] = {}
_STAMPS: dict[tuple[int, str, float], QPixmap] = {}


def plain_brush(intensity: int) -> QBrush:
    """One shared brush per intensity."""
    found = _BRUSHES.get(intensity)
    if found is None:
        found = _BRUSHES[intensity] = QBrush(intensity_color(intensity))
    return found


def plain_symbol(quality: str) -> QPainterPath:
    """One shared path per quality, centred on (0, 0)."""
    found = _SYMBOLS.get(quality)
    if found is None:
        found = _SYMBOLS[quality] = quality_symbol(quality, PLAIN_RADIUS)
    return found


def plain_stamp(intensity: int, quality: str, ratio: float) -> QPixmap:
    """The plain symbol of an intensity and a quality, drawn once into a small pixmap at
    the device's pixel ratio, centred at (``STAMP_HALF``, ``STAMP_HALF``)."""
    key = (intensity, quality, ratio)
    found = _STAMPS.get(key)
    if found is None:
        side = 2 * STAMP_HALF
        found = QPixmap(math.ceil(side * ratio), math.ceil(side * ratio))
        found.setDevicePixelRatio(ratio)
        found.fill(Qt.GlobalColor.transparent)
        painter = QPainter(found)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(plain_brush(intensity))
        painter.translate(STAMP_HALF, STAMP_HALF)
        painter.drawPath(plain_symbol(quality))
        painter.end()
        _STAMPS[key] = found
    return found


class DenseMarks(QGraphicsItem):
    """Plain symbols of many marks in one item, hit-tested by screen distance."""

    def __init__(self, area: QRectF) -> None:
        super().__init__()
        self._area = QRectF(area)  # the scene rect: every mark lies on the figure
        self._marks: dict[str, MarkState] = {}
        self._scale = 1.0  # screen pixels per scene unit (the view's zoom)
        self._hit_radius = MARK_RADIUS * 1.3
        self.setZValue(MARK_Z - 1)  # under the marks drawn as items, pins and findings
        self.setOpacity(MARK_OPACITY)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view hit-tests (key_at)
        # Painted once per zoom into a pixmap; a repaint of the map blits it.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # -- the marks -------------------------------------------------------------------------
    def keys(self) -> list[str]:
        return list(self._marks)

    def __len__(self) -> int:
        return len(self._marks)

    def __contains__(self, key: object) -> bool:
        return key in self._marks

    def set_area(self, area: QRectF) -> None:
        self.prepareGeometryChange()
        self._area = QRectF(area)

    def set_marks(self, marks: dict[str, MarkState]) -> None:
        self._marks = dict(marks)
        self.update()

    def put(self, mark: MarkState) -> None:
        if self._marks.get(mark.key) != mark:
            self._marks[mark.key] = mark
            self.update()

    def drop(self, key: str) -> None:
        if self._marks.pop(key, None) is not None:
            self.update()

    # -- zoom and hit area -----------------------------------------------------------------
    def set_scale(self, scale: float) -> None:
        self._scale = scale

    def set_hit_radius(self, radius: float) -> None:
        self._hit_radius = max(MARK_RADIUS * 1.3, radius)

    def key_at(self, point: QPointF, scale: float | None = None) -> str | None:
        """The mark whose hit area (screen pixels) holds the scene ``point``: the nearest,
        the one charted last when equally near (it is drawn on top); None: no mark."""
        scale = scale or self._scale
        reach = (self._hit_radius / scale) ** 2  # in scene units, squared
        px, py = point.x(), point.y()
        best, best_key = reach, None
        for key, mark in self._marks.items():
            dx, dy = mark.x - px, mark.y - py  # type: ignore[operator]
            distance = dx * dx + dy * dy
            if distance <= best:
                best, best_key = distance, key
        return best_key

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        from nmt_bodymap.ui.map.map_items import mark_tooltip

        key = self.key_at(event.scenePos())
        self.setToolTip("" if key is None else mark_tooltip(self._marks[key]))
        super().hoverMoveEvent(event)

    # -- drawing ---------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._area

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._area)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Every mark's symbol at a constant size on screen (in device coordinates): a
        stamp per intensity and quality drawn once, then copied to each mark's place (a
        path filled per mark was 85 ms for 5,000 marks)."""
        to_device = painter.worldTransform()
        m11, m12, m21, m22 = to_device.m11(), to_device.m12(), to_device.m21(), to_device.m22()
        dx, dy = to_device.dx() - STAMP_HALF, to_device.dy() - STAMP_HALF
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        stamps: dict[tuple[int, str], QPixmap] = {}
        draw = painter.drawPixmap
        painter.resetTransform()
        for mark in self._marks.values():
            x, y = mark.x, mark.y
            kind = (mark.intensity, mark.quality)
            stamp = stamps.get(kind)
            if stamp is None:
                stamp = stamps[kind] = plain_stamp(mark.intensity, mark.quality, ratio)
            draw(QPointF(m11 * x + m21 * y + dx, m12 * x + m22 * y + dy), stamp)  # type: ignore[operator]
        painter.setTransform(to_device)
