"""Pictures for paper: the visit's marks on both body views, and one muscle's story.

Drawn off screen into ``QImage`` (needs only a ``QGuiApplication``, so the CLI can use it):
the figure from the view's SVG, faint region borders, then the marks with the app's own
symbols (shape = quality, colour and number = intensity) and a numbered badge that the
report's legend lists. Regions that hold a mark are tinted so the place reads on paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer
from shapely.geometry import box
from shapely.ops import unary_union

from nmt_bodymap.core.atlas import Atlas, load_atlas
from nmt_bodymap.core.knowledge_schema import MuscleDef
from nmt_bodymap.core.sides import Side
from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.i18n import tr_noop
from nmt_bodymap.ui.map.captions import paint_captions
from nmt_bodymap.ui.map.geometry import path_from_geometry
from nmt_bodymap.ui.map.highlight import zone_regions
from nmt_bodymap.ui.map.map_items import draw_pain_symbol
from nmt_bodymap.ui.map.palette import MapColors
from nmt_bodymap.ui.map.render import _svg_bytes

SURFACE_VIEWS = ("anterior", "posterior")
VIEW_TITLES = {
    "anterior": tr_noop("Front (client's right on the left)"),
    "posterior": tr_noop("Back (client's right on the right)"),
}
_BORDER = QColor(120, 100, 85, 110)
_TINT = QColor(255, 190, 60, 70)
_ESSENTIAL = QColor(214, 39, 40, 170)
_SPILLOVER = QColor(214, 39, 40, 150)
_MUSCLE = QColor(31, 119, 180, 210)


@dataclass(frozen=True)
class NumberedMark:
    number: int  # as listed in the legend
    record: Any  # the pain mark record


def number_marks(marks: Sequence[Any]) -> list[NumberedMark]:
    """Marks numbered 1.. in view order (front, back, internal sites), then as charted."""
    order = {"anterior": 0, "posterior": 1}
    ranked = sorted(marks, key=lambda m: (order.get(m.view, 2), m.id))
    return [NumberedMark(i, m) for i, m in enumerate(ranked, start=1)]


def _renderer(view: str) -> QSvgRenderer:
    renderer = QSvgRenderer(QByteArray(_svg_bytes(view, False)))
    if not renderer.isValid():
        raise RuntimeError(f"cannot read the {view} drawing")
    return renderer


def _frame(atlas: Atlas, view: str, area: Any, height_px: int) -> tuple[QImage, float, QRectF]:
    """A white image framing ``area`` (a shapely geometry in view units) ``height_px`` high."""
    min_x, min_y, max_x, max_y = area.bounds
    scale = height_px / (max_y - min_y)
    image = QImage(round((max_x - min_x) * scale), height_px, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    return image, scale, QRectF(min_x, min_y, max_x - min_x, max_y - min_y)


def _begin(image: QImage, scale: float, frame: QRectF) -> QPainter:
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    painter.translate(-frame.left(), -frame.top())
    return painter


def _draw_figure(
    painter: QPainter, atlas: Atlas, view: str, scale: float, captions: bool = True
) -> None:
    _x, _y, width, height = atlas.view_box(view)
    _renderer(view).render(painter, QRectF(0, 0, width, height))
    if captions:  # translated; a cropped picture would cut "Client's right" in half
        paint_captions(painter, view)
    pen = QPen(_BORDER, 1.2 / scale)
    pen.setCosmetic(False)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for region in atlas.regions(view):
        painter.drawPath(path_from_geometry(region.shape))


def body_chart(view: str, marks: Sequence[NumberedMark], height_px: int = 2000) -> QImage:
    """The whole ``view`` with the visit's marks on it, numbered as in the legend."""
    atlas = load_atlas()
    outline = atlas.outline(view)
    _min_x, min_y, _max_x, max_y = outline.bounds
    view_x, _view_y, view_width, _view_height = atlas.view_box(view)
    margin = 0.02 * (max_y - min_y)
    area = box(view_x, min_y - margin, view_x + view_width, max_y + margin)
    image, scale, frame = _frame(atlas, view, area, height_px)
    painter = _begin(image, scale, frame)
    try:
        _draw_figure(painter, atlas, view, scale)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(_TINT))
        shown = [m for m in marks if m.record.view == view and m.record.x is not None]
        for mark in shown:
            try:
                region = atlas.region(view, mark.record.region, mark.record.side)
            except KeyError:
                continue
            painter.drawPath(path_from_geometry(region.shape))
        painter.resetTransform()
        radius = height_px / 75
        for mark in shown:
            record = mark.record
            x = (record.x - frame.left()) * scale
            y = (record.y - frame.top()) * scale
            painter.save()
            painter.translate(x, y)
            state = MarkState(
                key=str(record.id),
                view=view,
                x=record.x,
                y=record.y,
                region=record.region,
                side=record.side,
                intensity=record.intensity,
                quality=record.quality,
                status="saved",
            )
            draw_pain_symbol(painter, state, MapColors(dark=False), radius)
            _badge(painter, QPointF(radius * 1.05, -radius * 1.05), str(mark.number), radius)
            painter.restore()
    finally:
        painter.end()
    return image


def _badge(painter: QPainter, at: QPointF, text: str, radius: float) -> None:
    """The legend number in a white rounded box beside a mark."""
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(round(radius * 1.1))
    painter.setFont(font)
    width = painter.fontMetrics().horizontalAdvance(text) + radius * 0.6
    rect = QRectF(at.x(), at.y() - radius * 0.75, width, radius * 1.5)
    painter.setPen(QPen(QColor("#1a1a1a"), max(1.0, radius / 10)))
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(rect, radius * 0.3, radius * 0.3)
    painter.setPen(QColor("#1a1a1a"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def muscle_views(muscle: MuscleDef, side: Side) -> list[str]:
    """The surface views where the muscle, its trigger points or its referral zone show."""
    atlas = load_atlas()
    zones = zone_regions(muscle, side)
    views = []
    for view in SURFACE_VIEWS:
        drawn = {(r.region, r.side) for r in atlas.regions(view)}
        has_muscle = atlas.muscle_shape(view, muscle.id, side) is not None
        if has_muscle or set(zones) & drawn:
            views.append(view)
    return views


def muscle_picture(
    muscle: MuscleDef, side: Side, view: str, height_px: int = 1400, min_height: float = 900.0
) -> QImage:
    """Where the muscle is (blue), where it sends pain (red: solid essential, hatched
    spillover) and where to press (black dots on its trigger points), on one view, framed
    on that part of the body with enough around it to recognise it."""
    atlas = load_atlas()
    zones = {
        key: kind
        for key, kind in zone_regions(muscle, side).items()
        if _has_region(atlas, view, key)
    }
    shape = atlas.muscle_shape(view, muscle.id, side)
    parts = [atlas.region(view, r, s).shape for (r, s) in zones]  # type: ignore[arg-type]
    if shape is not None:
        parts.append(shape)
    if not parts:
        parts.append(atlas.outline(view))
    area = unary_union(parts)
    min_x, min_y, max_x, max_y = area.bounds
    cy = (min_y + max_y) / 2
    half_h = max(min_height, (max_y - min_y) + 160) / 2
    vx, vy, vw, vh = atlas.view_box(view)
    cy = min(max(cy, vy + half_h), vy + vh - half_h) if vh > 2 * half_h else cy
    # The whole width of the body in that band, so no arm is cut at the picture's edge.
    band = atlas.outline(view).intersection(box(vx, cy - half_h, vx + vw, cy + half_h))
    left, _top, right, _bottom = band.bounds if not band.is_empty else (min_x, 0, max_x, 0)
    left, right = min(left, min_x) - 30, max(right, max_x) + 30
    framed = box(left, cy - half_h, right, cy + half_h)
    image, scale, frame = _frame(atlas, view, framed, height_px)
    painter = _begin(image, scale, frame)
    try:
        _draw_figure(painter, atlas, view, scale, captions=False)
        for (region, region_side), kind in zones.items():
            path = path_from_geometry(atlas.region(view, region, region_side).shape)  # type: ignore[arg-type]
            if kind == "essential":
                painter.setPen(QPen(_ESSENTIAL.darker(130), 2.0))
                painter.setBrush(QBrush(_ESSENTIAL))
            else:
                painter.setPen(QPen(_SPILLOVER, 2.0, Qt.PenStyle.DashLine))
                painter.setBrush(QBrush(_SPILLOVER, Qt.BrushStyle.BDiagPattern))
            painter.drawPath(path)
        if shape is not None:
            style = Qt.PenStyle.DashLine if muscle.layer == "deep" else Qt.PenStyle.SolidLine
            outline = path_from_geometry(shape)
            painter.setPen(QPen(QColor("white"), 9.0))  # a halo: the muscle stands out of
            painter.setBrush(Qt.BrushStyle.NoBrush)  # a red referral zone beneath it
            painter.drawPath(outline)
            painter.setPen(QPen(_MUSCLE.darker(160), 3.5, style))
            painter.setBrush(QBrush(_MUSCLE))
            painter.drawPath(outline)
        painter.setPen(QPen(QColor("white"), 3.0))
        painter.setBrush(QColor(15, 15, 15))
        for point in muscle.trigger_points:
            if point.view != view:
                continue
            where = atlas.point_on_muscle(view, muscle.id, side, point.along, point.across)
            if where is not None:
                painter.drawEllipse(QPointF(*where), 13.0, 13.0)
    finally:
        painter.end()
    return image


def _has_region(atlas: Atlas, view: str, key: tuple[str, str]) -> bool:
    try:
        atlas.region(view, key[0], key[1])  # type: ignore[arg-type]
    except KeyError:
        return False
    return True
