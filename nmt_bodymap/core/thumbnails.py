"""Small pictures of a visit's pain marks: both body outlines side by side, a dot per mark.

Qt-free (pillow draws), so the worker thread can make them while it reads the visits.
The silhouettes come from the atlas (the SVG drawings); each mark is a dot at its
position, larger and darker the higher its intensity. Drawn at three times the size and
scaled down for smooth edges. Thumbnails are cached by their marks and size, so listing
the same visits again costs nothing; the result is PNG bytes (any toolkit can show it).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from PIL import Image, ImageDraw
from shapely.geometry import MultiPolygon, Polygon

from nmt_bodymap.core.atlas import Atlas, load_atlas

VIEWS: tuple[str, ...] = ("anterior", "posterior")
SUPERSAMPLE = 3
SKIN = (241, 236, 230, 255)
OUTLINE = (74, 79, 85, 255)
# Mild to worst: pale orange to deep red-purple (the map's warm ramp, in brief).
_RAMP = ((252, 190, 90), (235, 110, 45), (190, 40, 60), (110, 20, 90))


@dataclass(frozen=True)
class MarkDot:
    """Where a mark sits (view coordinates) and how strong it is (0-10)."""

    view: str
    x: float
    y: float
    intensity: int


def dots_of(marks: Iterable[Any], atlas: Atlas | None = None) -> tuple[MarkDot, ...]:
    """Dots for marks carrying ``view``, ``x``, ``y``, ``region``, ``side`` and ``intensity``.

    A mark without a position sits on its region's representative point; internal
    sites (no geometry) have no dot."""
    dots = []
    for mark in marks:
        if getattr(mark, "deleted_at", None) is not None or mark.view not in VIEWS:
            continue
        x, y = getattr(mark, "x", None), getattr(mark, "y", None)
        if x is None or y is None:
            try:
                x, y = (atlas or load_atlas()).region(mark.view, mark.region, mark.side).point
            except KeyError:
                continue
        dots.append(MarkDot(mark.view, float(x), float(y), int(mark.intensity)))
    return tuple(sorted(dots, key=lambda d: (d.intensity, d.view, d.x, d.y)))


def _colour(intensity: int) -> tuple[int, int, int, int]:
    t = min(10, max(0, intensity)) / 10 * (len(_RAMP) - 1)
    i = min(int(t), len(_RAMP) - 2)
    f = t - i
    a, b = _RAMP[i], _RAMP[i + 1]
    r, g, bl = (round(a[k] + (b[k] - a[k]) * f) for k in range(3))
    return (r, g, bl, 255)


def _polygons(geometry: Any) -> list[Polygon]:
    if isinstance(geometry, Polygon):
        return [geometry]
    if isinstance(geometry, MultiPolygon):
        return list(geometry.geoms)
    return [g for part in getattr(geometry, "geoms", []) for g in _polygons(part)]


def _layout(atlas: Atlas, height: int) -> tuple[float, float, float, int]:
    """(scale, min_x, min_y, cell width) shared by both views (same viewBox and scale)."""
    min_x, min_y, width, box_height = atlas.view_box(VIEWS[0])
    scale = height / box_height
    return scale, min_x, min_y, max(1, round(width * scale))


@lru_cache(maxsize=8)
def _silhouettes(atlas: Atlas, height: int) -> Image.Image:
    big = height * SUPERSAMPLE
    scale, min_x, min_y, cell = _layout(atlas, big)
    image = Image.new("RGBA", (cell * len(VIEWS), big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for column, view in enumerate(VIEWS):
        for polygon in _polygons(atlas.outline(view)):
            points = [
                (column * cell + (x - min_x) * scale, (y - min_y) * scale)
                for x, y in polygon.exterior.coords
            ]
            draw.polygon(points, fill=SKIN, outline=OUTLINE, width=SUPERSAMPLE)
    return image


@lru_cache(maxsize=512)
def _thumbnail(atlas: Atlas, dots: tuple[MarkDot, ...], height: int) -> bytes:
    image = _silhouettes(atlas, height).copy()
    draw = ImageDraw.Draw(image)
    big = height * SUPERSAMPLE
    scale, min_x, min_y, cell = _layout(atlas, big)
    for dot in dots:
        column = VIEWS.index(dot.view)
        cx = column * cell + (dot.x - min_x) * scale
        cy = (dot.y - min_y) * scale
        radius = big * (0.03 + 0.002 * dot.intensity)
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            fill=_colour(dot.intensity),
            outline=(255, 255, 255, 255),
            width=max(1, SUPERSAMPLE // 2),
        )
    small = image.resize(
        (image.width // SUPERSAMPLE, image.height // SUPERSAMPLE), Image.Resampling.LANCZOS
    )
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=False)  # no metadata: pixels only
    return out.getvalue()


def marks_thumbnail(marks: Sequence[Any], height: int = 64, atlas: Atlas | None = None) -> bytes:
    """PNG bytes: both outlines ``height`` pixels tall with a dot per pain mark."""
    atlas = atlas or load_atlas()
    return _thumbnail(atlas, dots_of(marks, atlas), height)
