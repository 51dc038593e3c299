"""The things drawn on a body view besides the figure: pain marks, trigger-point pins, findings.

They keep a constant size on screen whatever the zoom (large, easy click targets,
crisp at any DPI); their position is in view coordinates.

Touch (issue 15): a mark's and a pin's hit area is at least ``hit_radius`` screen pixels,
which the view sets from the screen's physical DPI so a finger has 9 mm to land on. Marks
that would cover each other at the view's zoom draw their badge moved aside (``offset``,
in screen pixels) with a leader line to the charted point; the stored position and the
item's position stay the point itself, and the badge is what a click hits.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import mark_place_label
from nmt_bodymap.ui.map.palette import MapColors, intensity_color, text_color_on

MARK_RADIUS = 12.0  # screen pixels
PIN_RADIUS = 7.0
# issue 15 (charting, z-values/opacity only): pins and findings are drawn above the pain
# marks and a mark lets the lit referral zone show through, so a badge never hides the
# trigger point or the essential zone exactly where the client hurts.
MARK_Z, FINDING_Z, PIN_Z = 50, 52, 55
MARK_OPACITY = 0.8
LEADER_DOT = 3.0  # the charted point of a mark whose badge is moved aside


_SYMBOLS: dict[tuple[str, float], QPainterPath] = {}
_DARK_EDGE, _LIGHT_EDGE, _WHITE = QColor("#f0f0f0"), QColor("#1a1a1a"), QColor("#ffffff")


def quality_symbol(quality: str, radius: float) -> QPainterPath:
    """A shape per pain quality, so quality reads without colour."""
    return QPainterPath(_symbol(quality, radius))


def _symbol(quality: str, radius: float) -> QPainterPath:
    """The shape of ``quality``, made once per quality and size (a paint reads it)."""
    found = _SYMBOLS.get((quality, radius))
    if found is None:
        found = _SYMBOLS[(quality, radius)] = _make_symbol(quality, radius)
    return found


def _make_symbol(quality: str, radius: float) -> QPainterPath:
    path = QPainterPath()
    r = radius
    if quality == "sharp":  # triangle
        path.addPolygon(
            QPolygonF(
                [QPointF(0, -r * 1.15), QPointF(r * 1.1, r * 0.8), QPointF(-r * 1.1, r * 0.8)]
            )
        )
    elif quality == "burning":  # diamond
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(0, -r * 1.2),
                    QPointF(r * 1.2, 0),
                    QPointF(0, r * 1.2),
                    QPointF(-r * 1.2, 0),
                ]
            )
        )
    elif quality in ("tingling", "numbness"):  # square (rounded for numb)
        rect = QRectF(-r * 0.95, -r * 0.95, r * 1.9, r * 1.9)
        if quality == "numbness":
            path.addRoundedRect(rect, r * 0.5, r * 0.5)
        else:
            path.addRect(rect)
    elif quality == "throbbing":  # hexagon
        import math

        points = [
            QPointF(
                r * 1.1 * math.cos(math.pi / 3 * i + math.pi / 6),
                r * 1.1 * math.sin(math.pi / 3 * i + math.pi / 6),
            )
            for i in range(6)
        ]
        path.addPolygon(QPolygonF(points))
    else:  # ache and anything else: circle
        path.addEllipse(QPointF(0, 0), r, r)
    path.closeSubpath()
    return path


def draw_pain_symbol(
    painter: QPainter, mark: MarkState, colors: MapColors, radius: float = MARK_RADIUS
) -> None:
    """The look of a pain mark centred on (0, 0): the quality's shape filled with the
    intensity colour, the number inside, and a red "!" badge while it is not saved.

    Shared by the marks on the figure and the internal sites beside it, so a mark reads
    the same wherever it is.
    """
    fill = intensity_color(mark.intensity)
    symbol = _symbol(mark.quality, radius)
    edge = _LIGHT_EDGE if not colors.dark else _DARK_EDGE
    pen = QPen(edge, 1.6)
    if mark.status == "unsaved":
        pen = QPen(colors.unsaved, 2.6, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(QBrush(fill))
    painter.drawPath(symbol)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(int(radius * 1.05))
    painter.setFont(font)
    painter.setPen(text_color_on(fill))
    rect = QRectF(-radius, -radius, 2 * radius, 2 * radius)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(mark.intensity))
    if mark.status == "unsaved":
        painter.setPen(QPen(colors.unsaved, 2))
        painter.setBrush(_WHITE)
        painter.drawEllipse(QPointF(radius, -radius), 6, 6)
        font.setPixelSize(10)
        painter.setFont(font)
        painter.setPen(colors.unsaved)
        painter.drawText(QRectF(radius - 6, -radius - 6, 12, 12), Qt.AlignmentFlag.AlignCenter, "!")


def mark_tooltip(mark: MarkState, label: str | None = None) -> str:
    """A mark's tooltip: "Right temple: ache, 6/10" (and why it is not saved)."""
    text = tr("{place}: {quality}, {intensity}/10").format(
        place=mark_place_label(mark) if label is None else label,
        quality=tr(mark.quality),
        intensity=mark.intensity,
    )
    if mark.status == "unsaved":
        text = tr("{mark} — NOT SAVED").format(mark=text)
    return text + (f"\n{mark.error}" if mark.error else "")


_LEADER_POINT = QRectF(-LEADER_DOT - 1, -LEADER_DOT - 1, 2 * LEADER_DOT + 2, 2 * LEADER_DOT + 2)
# A mark item's flags, made once (an enum OR per item cost 0.1 s for a 10,000-mark visit).
_MARK_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    | QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
)


class PainMarkItem(QGraphicsItem):
    """A pain mark: a symbol coloured by intensity with the number inside; draggable."""

    def __init__(self, mark: MarkState, colors: MapColors, label: str | None = None) -> None:
        super().__init__()
        self.key = mark.key
        self._colors = colors
        self._mark = mark
        self._press_pos: QPointF | None = None
        self._hit_radius = MARK_RADIUS * 1.3
        self._offset = QPointF(0, 0)
        self._bounds: QRectF | None = None  # worked out when Qt asks
        self._shown: tuple[object, ...] | None = None  # what the tooltip last told
        self._drawn: tuple[object, ...] | None = None  # where and what the symbol drew
        self.setFlags(_MARK_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(MARK_Z)
        self.setOpacity(MARK_OPACITY)
        # Drawn into a pixmap once per change of the mark, so repaints of the map blit it.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.update_mark(mark, label)

    @property
    def mark(self) -> MarkState:
        return self._mark

    def update_mark(self, mark: MarkState, label: str | None = None) -> None:
        """Show ``mark`` (``label``: its place's name when the caller knows it already).

        Only what changed is touched (issue 18): a mark's save answer ("saving" to "saved")
        changes neither its look nor its tooltip nor its place, so its cached pixmap is kept
        and nothing is repainted."""
        self._mark = mark
        unsaved = mark.status == "unsaved"
        tip: tuple[object, ...] = (mark.view, mark.region, mark.side, mark.x, mark.intensity)
        tip += (mark.quality, unsaved, mark.error)
        if tip != self._shown:
            self._shown = tip
            self.setToolTip(mark_tooltip(mark, label))
        drawn = (mark.x, mark.y, mark.intensity, mark.quality, unsaved)
        if drawn != self._drawn:
            if drawn[:2] != (self._drawn or (None, None))[:2]:
                self.setPos(mark.x, mark.y)  # type: ignore[arg-type]
            self._drawn = drawn
            self.update()  # drawn afresh where it is, as before

    @property
    def offset(self) -> QPointF:
        """Where the badge is drawn from the charted point (screen pixels; (0, 0): on it)."""
        return QPointF(self._offset)

    def set_offset(self, offset: QPointF) -> None:
        if offset != self._offset:
            self.prepareGeometryChange()
            self._offset = QPointF(offset)
            self._bounds = None  # worked out when Qt asks
            self.update()

    @property
    def hit_radius(self) -> float:
        return self._hit_radius

    def set_hit_radius(self, radius: float) -> None:
        """The badge's hit area (screen pixels); never smaller than what is drawn."""
        radius = max(MARK_RADIUS * 1.3, radius)
        if radius != self._hit_radius:
            self.prepareGeometryChange()
            self._hit_radius = radius
            self._bounds = None  # worked out when Qt asks

    def boundingRect(self) -> QRectF:
        # Kept, not made per call: Qt asks a dozen times per click (issue 18).
        if self._bounds is None:
            r = max(MARK_RADIUS * 1.6, self._hit_radius)
            badge = QRectF(-r, -r, 2 * r, 2 * r).translated(self._offset)
            self._bounds = badge.united(_LEADER_POINT)
        return QRectF(self._bounds)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(self._offset, self._hit_radius, self._hit_radius)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._offset.isNull():
            # The badge sits aside: a leader line and a dot keep the charted point exact.
            edge = _LIGHT_EDGE if not self._colors.dark else _DARK_EDGE
            painter.setPen(QPen(edge, 1.4))
            painter.drawLine(QPointF(0, 0), self._offset)
            painter.setBrush(intensity_color(self._mark.intensity))
            painter.drawEllipse(QPointF(0, 0), LEADER_DOT, LEADER_DOT)
            painter.translate(self._offset)
        if self.isSelected():
            painter.setPen(QPen(self._colors.selection, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), MARK_RADIUS * 1.45, MARK_RADIUS * 1.45)
        draw_pain_symbol(painter, self._mark, self._colors, MARK_RADIUS)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = self.pos()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        start, self._press_pos = self._press_pos, None
        scene = self.scene()
        if start is not None and start != self.pos() and scene is not None:
            mover = getattr(scene, "mark_dragged", None)
            if mover is not None:
                mover.emit(self.key, start, self.pos())


class TriggerPointPin(QGraphicsItem):
    """A trigger point of the highlighted muscle: a pin with a cross, clickable."""

    def __init__(
        self, muscle_id: str, side: str, tp_id: str, label: str, colors: MapColors
    ) -> None:
        super().__init__()
        self._colors = colors
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(PIN_Z)
        self._hit_radius = r = PIN_RADIUS + 4
        self._bounds = QRectF(-r, -r, 2 * r, 2 * r)
        # Every pin looks the same: drawn once into a pixmap, moved and shown by blitting.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.retarget(muscle_id, side, tp_id, label)

    def retarget(self, muscle_id: str, side: str, tp_id: str, label: str) -> None:
        """Make this pin stand for another trigger point (pins are reused between clicks)."""
        self.muscle_id = muscle_id
        self.side = side
        self.tp_id = tp_id
        self.label = label
        self.setToolTip(label)

    def set_hit_radius(self, radius: float) -> None:
        """The pin's hit area (screen pixels); never smaller than what is drawn."""
        radius = max(PIN_RADIUS + 4, radius)
        if radius != self._hit_radius:
            self.prepareGeometryChange()
            self._hit_radius = radius
            self._bounds = QRectF(-radius, -radius, 2 * radius, 2 * radius)

    @property
    def hit_radius(self) -> float:
        return self._hit_radius

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self._hit_radius, self._hit_radius)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(_WHITE, 3))
        painter.setBrush(self._colors.pin)
        painter.drawEllipse(QPointF(0, 0), PIN_RADIUS, PIN_RADIUS)
        painter.setPen(QPen(self._colors.pin.darker(160), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0, 0), PIN_RADIUS + 1.5, PIN_RADIUS + 1.5)
        painter.setPen(QPen(_WHITE, 2))
        d = PIN_RADIUS * 0.55
        painter.drawLine(QPointF(-d, -d), QPointF(d, d))
        painter.drawLine(QPointF(-d, d), QPointF(d, -d))


class FindingItem(QGraphicsItem):
    """A recorded finding: a square badge (filled for active, open for latent)."""

    SIZE = 9.0

    def __init__(self, active: bool, tooltip: str, colors: MapColors) -> None:
        super().__init__()
        self._active = active
        self._colors = colors
        self.setToolTip(tooltip)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(FINDING_Z)

    def boundingRect(self) -> QRectF:
        s = self.SIZE + 3
        return QRectF(-s, -s, 2 * s, 2 * s)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = self._colors.finding_active
        painter.setPen(QPen(color.darker(170), 2))
        painter.setBrush(color if self._active else QColor(255, 255, 255, 220))
        s = self.SIZE
        painter.drawRect(QRectF(-s, -s, 2 * s, 2 * s).translated(s * 0.9, s * 0.9))
