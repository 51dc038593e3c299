"""Small pictures of a visit's pain marks: both body outlines side by side, a dot per mark.

Qt-free (pillow draws), so the worker thread can make them while it reads the visits.
The silhouettes come from the atlas (the SVG drawings); each mark is a dot at its
position, larger and darker the higher its intensity. Drawn at three times the size and
scaled down for smooth edges. Thumbnails are cached by their marks and size, so listing
the same visits again costs nothing; the result is PNG bytes (any toolkit can show it).

Pillow (and the atlas, with shapely) are imported when the first thumbnail is made, not
with this module (issue 18: the window's modules import this one on the start path). The
visit list draws the same picture with Qt instead (``ui/chart/thumbnail_painter``, from the
colours, layout and dot sizes here): no Pillow and no supersampled picture in the window.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when a thumbnail is made (see the module's note)
    from PIL.Image import Image as Picture

    from nmt_bodymap.core.atlas import Atlas

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


def _load_atlas() -> Atlas:
    from nmt_bodymap.core.atlas import load_atlas

    return load_atlas()


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
                x, y = (atlas or _load_atlas()).region(mark.view, mark.region, mark.side).point
            except KeyError:
                continue
        dots.append(MarkDot(mark.view, float(x), float(y), int(mark.intensity)))
    return tuple(sorted(dots, key=lambda d: (d.intensity, d.view, d.x, d.y)))


def intensity_colour(intensity: int) -> tuple[int, int, int, int]:
    t = min(10, max(0, intensity)) / 10 * (len(_RAMP) - 1)
    i = min(int(t), len(_RAMP) - 2)
    f = t - i
    a, b = _RAMP[i], _RAMP[i + 1]
    r, g, bl = (round(a[k] + (b[k] - a[k]) * f) for k in range(3))
    return (r, g, bl, 255)


def _polygons(geometry: Any) -> list[Any]:
    """The polygons of a shapely geometry (read by type name: shapely is not imported)."""
    kind = getattr(geometry, "geom_type", "")
    if kind == "Polygon":
        return [geometry]
    if kind == "MultiPolygon":
        return list(geometry.geoms)
    return [g for part in getattr(geometry, "geoms", []) for g in _polygons(part)]


def outline_rings(atlas: Atlas, view: str) -> list[Any]:
    """The body outline of ``view``: each polygon's outer ring, a sequence of ``(x, y)`` in
    view coordinates (read as it is walked: no list of the points is made)."""
    return [polygon.exterior.coords for polygon in _polygons(atlas.outline(view))]


def dot_radius(intensity: int, height: int) -> float:
    """A mark's dot radius in a picture ``height`` pixels tall: larger when stronger."""
    return height * (0.03 + 0.002 * intensity)


def layout(atlas: Atlas, height: int) -> tuple[float, float, float, int]:
    """(scale, min_x, min_y, cell width) shared by both views (same viewBox and scale)."""
    min_x, min_y, width, box_height = atlas.view_box(VIEWS[0])
    scale = height / box_height
    return scale, min_x, min_y, max(1, round(width * scale))


@lru_cache(maxsize=8)
def _silhouettes(atlas: Atlas, height: int) -> Picture:
    from PIL import Image, ImageDraw

    big = height * SUPERSAMPLE
    scale, min_x, min_y, cell = layout(atlas, big)
    image = Image.new("RGBA", (cell * len(VIEWS), big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for column, view in enumerate(VIEWS):
        for ring in outline_rings(atlas, view):
            points = [(column * cell + (x - min_x) * scale, (y - min_y) * scale) for x, y in ring]
            draw.polygon(points, fill=SKIN, outline=OUTLINE, width=SUPERSAMPLE)
    return image


def _dotted(atlas: Atlas, dots: tuple[MarkDot, ...], height: int) -> Picture:
    """The supersampled picture: the silhouettes with a dot per mark."""
    from PIL import ImageDraw

    image = _silhouettes(atlas, height).copy()
    draw = ImageDraw.Draw(image)
    big = height * SUPERSAMPLE
    scale, min_x, min_y, cell = layout(atlas, big)
    for dot in dots:
        column = VIEWS.index(dot.view)
        cx = column * cell + (dot.x - min_x) * scale
        cy = (dot.y - min_y) * scale
        radius = dot_radius(dot.intensity, big)
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            fill=intensity_colour(dot.intensity),
            outline=(255, 255, 255, 255),
            width=max(1, SUPERSAMPLE // 2),
        )
    return image


def _reduced_size(image: Picture) -> tuple[int, int]:
    return image.width // SUPERSAMPLE, image.height // SUPERSAMPLE


def _full_reduction(atlas: Atlas, dots: tuple[MarkDot, ...], height: int) -> Picture:
    """The whole supersampled picture scaled down (the reference the fast path equals)."""
    from PIL import Image

    image = _dotted(atlas, dots, height)
    return image.resize(_reduced_size(image), Image.Resampling.LANCZOS)


@lru_cache(maxsize=8)
def _small_silhouettes(atlas: Atlas, height: int) -> Picture:
    return _full_reduction(atlas, (), height)


# Lanczos reads 3 output pixels' worth of input around each pixel: a dot changes the scaled
# picture only this many output pixels around its box (one more for rounding)
_REACH = 4


def _reduced(atlas: Atlas, dots: tuple[MarkDot, ...], height: int) -> Picture:
    """The scaled-down picture, scaling only the patches around the dots (issue 18: the
    whole 432-pixel picture's Lanczos scaling was half of each thumbnail's time). Pillow's
    ``box`` reads the source pixels around the box as a whole scaling does, so each patch
    equals the same pixels of a whole scaling (tests/core/test_thumbnails.py); a dot at
    the picture's edge falls back to the whole scaling."""
    from PIL import Image

    image = _dotted(atlas, dots, height)
    small = _small_silhouettes(atlas, height).copy()
    width, tall = small.size
    if image.width != width * SUPERSAMPLE or image.height != tall * SUPERSAMPLE:
        # a width the supersampling does not divide: the whole scaling's fractional step
        # rounds differently in a patch (the app's 144-pixel thumbnails divide exactly)
        return image.resize((width, tall), Image.Resampling.LANCZOS)
    sx = sy = SUPERSAMPLE
    big = height * SUPERSAMPLE
    scale, min_x, min_y, cell = layout(atlas, big)
    for dot in dots:
        cx = VIEWS.index(dot.view) * cell + (dot.x - min_x) * scale
        cy = (dot.y - min_y) * scale
        radius = dot_radius(dot.intensity, big) + SUPERSAMPLE
        x0 = max(0, int((cx - radius) / sx) - _REACH)
        y0 = max(0, int((cy - radius) / sy) - _REACH)
        x1 = min(width, int((cx + radius) / sx) + _REACH + 1)
        y1 = min(tall, int((cy + radius) / sy) + _REACH + 1)
        if x0 <= 0 or y0 <= 0 or x1 >= width or y1 >= tall:
            # a dot at the picture's edge: Pillow's edge handling of a cut source differs
            return image.resize((width, tall), Image.Resampling.LANCZOS)
        # the source around the patch, wide enough that nothing the scaling reads is cut
        left = max(0, int((x0 - _REACH) * sx))
        top = max(0, int((y0 - _REACH) * sy))
        right = min(image.width, int((x1 + _REACH) * sx) + 1)
        bottom = min(image.height, int((y1 + _REACH) * sy) + 1)
        source = image.crop((left, top, right, bottom))
        box = (x0 * sx - left, y0 * sy - top, x1 * sx - left, y1 * sy - top)
        patch = source.resize((x1 - x0, y1 - y0), Image.Resampling.LANCZOS, box=box)
        small.paste(patch, (x0, y0))
    return small


@lru_cache(maxsize=512)
def _thumbnail(atlas: Atlas, dots: tuple[MarkDot, ...], height: int) -> bytes:
    out = io.BytesIO()
    # pixels only; the fastest zlib level (1.8 ms against 3.2, and smaller for these pictures)
    _reduced(atlas, dots, height).save(out, format="PNG", optimize=False, compress_level=1)
    return out.getvalue()


def marks_thumbnail(marks: Sequence[Any], height: int = 64, atlas: Atlas | None = None) -> bytes:
    """PNG bytes: both outlines ``height`` pixels tall with a dot per pain mark."""
    atlas = atlas or _load_atlas()
    return _thumbnail(atlas, dots_of(marks, atlas), height)
