"""Render a body view to a PNG off screen: the drawing plus region borders and labels.

Used by ``nmt-bodymap self-test`` (proves the Qt SVG stack works in an installation) and by
``tools/render_views.py`` (the pictures in ``docs/views``). Works without a window; creates a
QGuiApplication only when none exists.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.resources import asset_path
from nmt_bodymap.ui.map.captions import paint_captions

_BORDER = QColor(150, 110, 80, 200)
_LABEL = QColor(60, 45, 35)


def _ensure_app() -> None:
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _ensure_app.app = QGuiApplication([])  # type: ignore[attr-defined]


def _painter_path(geom: BaseGeometry) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    polys = [geom] if isinstance(geom, Polygon) else list(getattr(geom, "geoms", []))
    for poly in polys:
        if not isinstance(poly, Polygon):
            continue
        for ring in [poly.exterior, *poly.interiors]:
            polygon = QPolygonF([QPointF(float(x), float(y)) for x, y in ring.coords])
            path.addPolygon(polygon)
            path.closeSubpath()
    return path


def _short_label(region: str) -> str:
    return region.replace("_", " ")


def render_view(
    view: str,
    path: str | Path,
    *,
    show_regions: bool = True,
    show_labels: bool = True,
    show_muscles: bool = False,
    show_captions: bool = True,
    width_px: int = 1000,
) -> Path:
    """Draw ``view`` into a PNG at ``path`` (``width_px`` wide) and return the path."""
    _ensure_app()
    atlas = load_atlas()
    min_x, min_y, width, height = atlas.view_box(view)
    scale = width_px / width
    image = QImage(width_px, round(height * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    renderer = QSvgRenderer(QByteArray(_svg_bytes(view, show_muscles)))
    if not renderer.isValid():
        raise RuntimeError(f"cannot read the {view} drawing")
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.scale(scale, scale)
        painter.translate(-min_x, -min_y)
        if show_captions:  # "Client's right"... in the therapist's language
            paint_captions(painter, view)
        if show_regions:
            pen = QPen(_BORDER, 1.0 / scale if scale > 1 else 1.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for region in atlas.regions(view):
                painter.drawPath(_painter_path(region.shape))
        if show_labels:
            _draw_labels(painter, view, scale)
    finally:
        painter.end()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # PySide6's stubs type the format as bytes; the call itself accepts only str.
    if not image.save(str(target), "PNG"):  # type: ignore[call-overload]
        raise RuntimeError(f"cannot write {target}")
    return target


def _svg_bytes(view: str, show_muscles: bool) -> bytes:
    """The drawing, with its muscle layer shown or hidden as asked (its captions layer is
    always hidden: :func:`paint_captions` draws them translated)."""
    text = asset_path("body_svgs", f"{view}.svg").read_text(encoding="utf-8")
    if not show_muscles:
        text = text.replace('id="muscles"', 'id="muscles" style="display:none"', 1)
    return text.encode("utf-8")


_SHORT_WORDS = {
    "anterior": "ant.",
    "posterior": "post.",
    "lateral": "lat.",
    "medial": "med.",
    "inferior": "inf.",
    "superior": "sup.",
    "scapular": "scap.",
    "paraspinal": "parasp.",
    "shoulder": "shoul.",
    "finger": "f.",
}
_MAX_SIZE = 9.0  # view units (a 1400 px picture draws 1.4 px per unit)
_READABLE_SIZE = 6.0  # a full name this size reads well: no need to shorten it
_MIN_SIZE = 4.0  # smaller than this is unreadable: shorten the name, or leave it out


def _abbreviated(text: str) -> str:
    """Directional and long words shortened ("lat. shoulder"), for small regions."""
    return " ".join(_SHORT_WORDS.get(word, word) for word in text.split())


def _room(shape: BaseGeometry, x: float, y: float) -> tuple[float, float]:
    """Width and height of the region through (x, y): what a label there may span."""
    point = Point(x, y)
    sizes = []
    for line in (
        LineString([(x - 2000, y), (x + 2000, y)]),
        LineString([(x, y - 2000), (x, y + 2000)]),
    ):
        cut = line.intersection(shape)
        parts = [g for g in getattr(cut, "geoms", [cut]) if not g.is_empty]
        near = min(parts, key=lambda g: g.distance(point), default=None)
        sizes.append(near.length if near is not None else 0.0)
    return sizes[0], sizes[1]


def _fitted(text: str, shape: BaseGeometry, x: float, y: float) -> tuple[str, float]:
    """The label and font size that fit the region at (x, y), shortened if need be."""
    width, height = _room(shape, x, y)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10.0)
    advance_per_size = QFontMetricsF(font).horizontalAdvance

    def size_of(candidate: str) -> float:
        return min(_MAX_SIZE, 0.9 * width * 10.0 / advance_per_size(candidate), 0.75 * height)

    full, short = text, _abbreviated(text)
    if size_of(full) >= _READABLE_SIZE or size_of(short) <= size_of(full):
        return full, max(size_of(full), _MIN_SIZE)
    return short, max(size_of(short), _MIN_SIZE)


def _draw_labels(painter: QPainter, view: str, scale: float) -> None:
    """Region names at their representative points, sized to their region.

    Large regions are labelled first; a label that would cover one already drawn moves up
    or down inside its region, and is left out when there is no free place (the picture
    must stay readable; the region borders still show).
    """
    atlas = load_atlas()
    painter.setPen(_LABEL)
    taken: list[QRectF] = []
    for region in sorted(atlas.regions(view), key=lambda r: -r.area):
        x, y = region.point
        text, size = _fitted(_short_label(region.region), region.shape, x, y)
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        metrics = QFontMetricsF(font)
        w, h = metrics.horizontalAdvance(text), metrics.ascent() * 0.8
        for dy in (0.0, -1.2 * h, 1.2 * h, -2.4 * h, 2.4 * h):
            rect = QRectF(x - w / 2, y + dy - h / 2, w, h)
            if not region.shape.contains(Point(x, y + dy)):
                continue
            if any(rect.intersects(other) for other in taken):
                continue
            taken.append(rect)
            painter.setFont(font)
            painter.drawText(QPointF(rect.left(), rect.bottom()), text)
            break
