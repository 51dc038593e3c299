"""What a visit's thumbnail shows, Qt-free: both body outlines side by side, a dot per mark.

The outlines come from the atlas (the SVG drawings); each mark is a dot at its position,
larger and darker the higher its intensity. This module holds the picture's parts (the
marks' dots, the layout shared by both views, the outlines' rings, the dot sizes and the
colours); ``ui/chart/thumbnail_painter`` draws them with Qt for the visit list and the
progress view alike (issue 18: one drawer, no Pillow and no supersampled picture).

The atlas (with shapely) is loaded when a mark without a position needs its region's
point, not with this module (the window's modules import this one on the start path).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loaded when a mark needs its region's point (see the module's note)
    from nmt_bodymap.core.atlas import Atlas

VIEWS: tuple[str, ...] = ("anterior", "posterior")
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
    found = atlas.outline_exteriors(view)  # read from the cache: no shapely (issue 18)
    if found is not None:
        return found
    return [polygon.exterior.coords for polygon in _polygons(atlas.outline(view))]


def dot_radius(intensity: int, height: int) -> float:
    """A mark's dot radius in a picture ``height`` pixels tall: larger when stronger."""
    return height * (0.03 + 0.002 * intensity)


def layout(atlas: Atlas, height: int) -> tuple[float, float, float, int]:
    """(scale, min_x, min_y, cell width) shared by both views (same viewBox and scale)."""
    min_x, min_y, width, box_height = atlas.view_box(VIEWS[0])
    scale = height / box_height
    return scale, min_x, min_y, max(1, round(width * scale))
