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
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.resources import asset_path

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
    if not image.save(str(target), "PNG"):
        raise RuntimeError(f"cannot write {target}")
    return target


def _svg_bytes(view: str, show_muscles: bool) -> bytes:
    """The drawing, with its muscle layer shown or hidden as asked."""
    text = asset_path("body_svgs", f"{view}.svg").read_text(encoding="utf-8")
    if not show_muscles:
        text = text.replace('id="muscles"', 'id="muscles" style="display:none"', 1)
    return text.encode("utf-8")


def _draw_labels(painter: QPainter, view: str, scale: float) -> None:
    """Region names at their representative points, shrunk to fit small regions."""
    atlas = load_atlas()
    painter.setPen(_LABEL)
    for region in atlas.regions(view):
        text = _short_label(region.region)
        x, y = region.point
        minx, _, maxx, _ = region.shape.bounds
        room = max(maxx - minx, 12.0)
        size = max(3.2, min(9.0, room / max(len(text), 1) * 1.7))
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        w = metrics.horizontalAdvance(text)
        painter.drawText(QPointF(x - w / 2, y + metrics.ascent() / 3), text)
