"""Visit thumbnails drawn with Qt at their final size (issue 18, memory): the visit list's
and the progress view's, one drawer for both.

The picture ``core.thumbnails`` describes (both outlines side by side in skin colour with a
dark edge, a dot per mark, larger and darker the higher its intensity, with a thin white
rim), drawn by ``QPainter`` with antialiasing straight into a ``QImage`` of the final size:
no Pillow (2 MiB of imports), no supersampled picture, no PNG round trip. The outlines
alone are drawn once per size and kept (the visit list's 112 pixels, ~50 KB, and the
progress view's 144, ~80 KB); a thumbnail is a copy of it with the dots drawn on. A
``QImage`` may be painted on any thread, so the store worker draws a listing's thumbnails
(and the progress view's first screenful) and the GUI thread redraws the open visit's
(and the progress rows scrolled into view).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen

from nmt_bodymap.core.thumbnails import (
    OUTLINE,
    SKIN,
    VIEWS,
    MarkDot,
    dot_radius,
    dots_of,
    intensity_colour,
    layout,
    outline_rings,
)

if TYPE_CHECKING:
    from nmt_bodymap.core.atlas import Atlas

RIM_WIDTH = 1 / 3  # the thin white rim round a dot: a third of a pixel
OUTLINE_WIDTH = 1.0  # one pixel: the paint engine's light line stroker, no stroke outline made


@lru_cache(maxsize=2)  # the visit list's size and the progress view's
def _silhouettes(atlas: Atlas, height: int) -> QImage:
    """Both outlines side by side, ``height`` pixels tall, without dots (drawn once per size:
    stroking the outlines is the costly part, in time and in the paint engine's buffers)."""
    scale, min_x, min_y, cell = layout(atlas, height)
    path = QPainterPath()
    for column, view in enumerate(VIEWS):
        left = column * cell
        for ring in outline_rings(atlas, view):
            # point by point: a list of 2,000 QPointF would raise the heap for good
            for i, (x, y) in enumerate(ring):
                if i:
                    path.lineTo(left + (x - min_x) * scale, (y - min_y) * scale)
                else:
                    path.moveTo(left + (x - min_x) * scale, (y - min_y) * scale)
            path.closeSubpath()
    image = QImage(cell * len(VIEWS), height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(*OUTLINE), OUTLINE_WIDTH))
        painter.setBrush(QBrush(QColor(*SKIN)))
        painter.drawPath(path)
    finally:
        painter.end()
    return image


def paint_dots(atlas: Atlas, dots: Sequence[MarkDot], height: int) -> QImage:
    """Both outlines ``height`` pixels tall with ``dots`` on them (ARGB, premultiplied)."""
    image = _silhouettes(atlas, height).copy()  # its own pixels: any thread may paint it
    if not dots:
        return image
    scale, min_x, min_y, cell = layout(atlas, height)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
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
    """The thumbnail of ``marks``: pain marks (``view``, ``x``, ``y``, ``region``, ``side``,
    ``intensity``; see ``core.thumbnails.dots_of``), in any order."""
    if atlas is None:
        from nmt_bodymap.core.atlas import load_atlas

        atlas = load_atlas()
    return paint_dots(atlas, dots_of(marks, atlas), height)


def paint_thumbnails(
    wanted: Mapping[int, Sequence[Any]], height: int, atlas: Atlas
) -> dict[int, QImage]:
    """The progress view's rows' thumbnails, ``height`` pixels tall: row -> picture (the
    store worker draws the first screenful with it; any thread may)."""
    return {row: paint_thumbnail(marks, height, atlas) for row, marks in wanted.items()}
