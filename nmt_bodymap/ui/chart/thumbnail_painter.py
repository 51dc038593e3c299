"""The visit list's thumbnails drawn with Qt at their final size (issue 18, memory).

The same picture as ``core.thumbnails`` (both outlines side by side in skin colour with a
dark edge, a dot per mark, larger and darker the higher its intensity, with a thin white
rim), drawn by ``QPainter`` with antialiasing straight into a ``QImage`` of the final size:
no Pillow (2 MiB of imports), no supersampled picture, no PNG round trip. Only the two
outlines are kept, as one painter path per size (~50 KB). A ``QImage`` may be painted on any
thread, so the store worker draws a listing's thumbnails and the GUI thread redraws the open
visit's.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from nmt_bodymap.core.thumbnails import (
    OUTLINE,
    SKIN,
    VIEWS,
    MarkDot,
    dot_radius,
    dots_of,
    intensity_colour,
    layout,
    outline_polygons,
)

if TYPE_CHECKING:
    from nmt_bodymap.core.atlas import Atlas

RIM_WIDTH = 1 / 3  # the white rim round a dot (one pixel of core.thumbnails' 3x picture)
OUTLINE_WIDTH = 1.1  # about as dark as the 3x picture's 3-pixel edge scaled down


@lru_cache(maxsize=4)
def _outlines(atlas: Atlas, height: int) -> tuple[QPainterPath, int]:
    """Both outlines placed side by side in pixels, and the picture's width."""
    scale, min_x, min_y, cell = layout(atlas, height)
    path = QPainterPath()
    for column, view in enumerate(VIEWS):
        left = column * cell
        for ring in outline_polygons(atlas, view):
            path.addPolygon(
                QPolygonF(
                    [QPointF(left + (x - min_x) * scale, (y - min_y) * scale) for x, y in ring]
                )
            )
            path.closeSubpath()
    return path, cell * len(VIEWS)


def paint_dots(atlas: Atlas, dots: Sequence[MarkDot], height: int) -> QImage:
    """Both outlines ``height`` pixels tall with ``dots`` on them (ARGB, premultiplied)."""
    path, width = _outlines(atlas, height)
    scale, min_x, min_y, cell = layout(atlas, height)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(*OUTLINE), OUTLINE_WIDTH))
        painter.setBrush(QBrush(QColor(*SKIN)))
        painter.drawPath(path)
        painter.setPen(QPen(QColor(255, 255, 255), RIM_WIDTH))
        for dot in dots:
            cx = VIEWS.index(dot.view) * cell + (dot.x - min_x) * scale
            cy = (dot.y - min_y) * scale
            radius = dot_radius(dot.intensity, height) - RIM_WIDTH / 2  # the rim inside
            painter.setBrush(QBrush(QColor(*intensity_colour(dot.intensity))))
            painter.drawEllipse(QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius))
    finally:
        painter.end()
    return image


def paint_thumbnail(marks: Sequence[Any], height: int, atlas: Atlas | None = None) -> QImage:
    """The thumbnail of ``marks`` (pain marks, as ``core.thumbnails.marks_thumbnail`` takes)."""
    if atlas is None:
        from nmt_bodymap.core.atlas import load_atlas

        atlas = load_atlas()
    return paint_dots(atlas, dots_of(marks, atlas), height)
