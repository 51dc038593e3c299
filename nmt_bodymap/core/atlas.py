"""The region atlas: named regions and muscles of the body drawings, and hit-testing.

Geometry comes only from the SVG drawings (``assets/body_svgs/<view>.svg``), by element id:
``region-<name>-<side>``, ``muscle-<id>-<side>``, ``axis-<id>-<side>`` and the ``outline``
layer (docs/architecture.md). A grid and ray crossings per view (``atlas_hits``) answer
"which region is under this click"; on a shared border the region whose id sorts first
wins, so the same click always gives the same answer.

Parsing the drawings takes a noticeable part of a second, so the derived geometry is kept in
a disk cache (:mod:`nmt_bodymap.core.atlas_cache`) keyed by the SVG bytes; a changed drawing
misses the cache and is parsed again. From the cache, shapes are plain coordinates (shapely
objects made on first use) and trigger points come placed (``atlas_places``): issue 18.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nmt_bodymap import __version__
from nmt_bodymap.core import atlas_cache
from nmt_bodymap.core.atlas_cache import StoredGeometry
from nmt_bodymap.core.atlas_hits import Outline, PointIndex
from nmt_bodymap.core.atlas_places import Placements
from nmt_bodymap.core.atlas_views import (
    CACHE_FORMAT,
    AtlasRegion,
    Geometry,
    ViewGeometry,
    resolved,
    view_geometry,
    views_from_cache,
    views_to_cache,
)
from nmt_bodymap.core.sides import VIEWS, Side
from nmt_bodymap.resources import asset_path, resource_path

if TYPE_CHECKING:  # numpy and shapely load on first use of a geometry object (issue 18)
    from shapely.geometry import LineString, Point
    from shapely.geometry.base import BaseGeometry
    from shapely.strtree import STRtree

    from nmt_bodymap.core.svg_geometry import SvgShapes

MIDLINE_BAND = 4.0  # view units either side of the midline that count as the midline

__all__ = ["Atlas", "AtlasRegion", "ViewGeometry", "cache_key", "load_atlas", "read_atlas"]

CACHE_KIND = "atlas"
# code whose output the cache stores: editing it must miss the cache like a new drawing
_PARSING_CODE = ("atlas.py", "atlas_views.py", "svg_geometry.py", "atlas_cache.py")


@dataclass
class _View:
    view_box: tuple[float, float, float, float]
    outline: Geometry
    regions: list[AtlasRegion]
    muscles: dict[tuple[str, Side], Geometry]
    muscle_keys: list[tuple[str, Side]]
    axes: dict[tuple[str, Side], Geometry]
    region_hits: PointIndex | None = None  # the click's look-ups (made on the first)
    muscle_hits: PointIndex | None = None
    muscle_tree: STRtree | None = None  # a big visit's look-up (shapely), made on first use
    outline_index: Outline | None = None

    @property
    def prepared(self) -> bool:
        """The click's region look-up is made (the loader thread makes it: first_frame)."""
        return self.region_hits is not None


class Atlas:
    """Regions and muscles of every view, with hit-testing in view coordinates."""

    def __init__(self, views: Mapping[str, ViewGeometry], key: str | None = None) -> None:
        self._views: dict[str, _View] = {}
        # trigger points placed, read from the disk cache under the atlas's key when it has one
        self._placements = Placements(key, self._point_on_muscle)
        self._deep: dict[str, bool] = {}
        self._wholes: dict[tuple[str, str, str], AtlasRegion] = {}
        for view, geometry in views.items():
            self._views[view] = self._index_view(geometry)
            for name, _ in geometry.muscles:
                self._deep[name] = self._deep.get(name, False) or name in geometry.deep_muscles

    @classmethod
    def from_drawings(cls, drawings: Mapping[str, SvgShapes]) -> Atlas:
        """The atlas of parsed drawings (view -> shapes), without any cache."""
        return cls({view: view_geometry(view, shapes) for view, shapes in drawings.items()})

    @staticmethod
    def _index_view(geometry: ViewGeometry) -> _View:
        return _View(
            view_box=geometry.view_box,
            outline=geometry.outline,
            regions=list(geometry.regions),
            muscles=dict(geometry.muscles),
            muscle_keys=sorted(geometry.muscles),
            axes=dict(geometry.axes),
        )

    def _view(self, view: str) -> _View:
        try:
            return self._views[view]
        except KeyError:
            raise KeyError(f"unknown view {view!r}; expected one of {self.views()}") from None

    def views(self) -> tuple[str, ...]:
        return tuple(self._views)

    def view_box(self, view: str) -> tuple[float, float, float, float]:
        return self._view(view).view_box

    def outline(self, view: str) -> BaseGeometry:
        return resolved(self._view(view).outline)

    def outline_bounds(self, view: str) -> tuple[float, float, float, float]:
        """The outline's bounds (min x, min y, max x, max y), read without shapely."""
        return self._view(view).outline.bounds

    def outline_exteriors(self, view: str) -> list[list[tuple[float, float]]] | None:
        """Each outline polygon's outer ring as (x, y), from the cache (else None)."""
        outline = self._view(view).outline
        if not isinstance(outline, StoredGeometry) or not outline.simple:
            return None
        return [list(zip(r[0][::2], r[0][1::2], strict=True)) for r in outline.rings()]

    def near_outline(self, view: str, x: float, y: float, tolerance: float) -> bool | None:
        """On the figure or within ``tolerance`` of its edge, without shapely; None where
        only shapely's grown outline can tell (within half a unit of the tolerance)."""
        v = self._view(view)
        if v.outline_index is None:
            if not (isinstance(v.outline, StoredGeometry) and v.outline.simple):
                return None
            v.outline_index = Outline(v.outline)
        return v.outline_index.near(x, y, tolerance)

    def regions(self, view: str | None = None) -> list[AtlasRegion]:
        if view is not None:
            return list(self._view(view).regions)
        return [r for v in self._views.values() for r in v.regions]

    def region(self, view: str, region: str, side: Side) -> AtlasRegion:
        """One region; a region split into parts (``buttock``) as the union of its parts."""
        for candidate in self._view(view).regions:
            if candidate.region == region and candidate.side == side:
                return candidate
        whole = self._wholes.get((view, region, side))
        if whole is None:
            whole = self._whole(view, region, side)
            self._wholes[(view, region, side)] = whole
        return whole

    def _whole(self, view: str, region: str, side: Side) -> AtlasRegion:
        from nmt_bodymap.core.vocabulary import load_vocabulary, region_label

        entry = load_vocabulary().get(region)
        names = set(entry.parts) if entry is not None else set()
        parts = [r for r in self._view(view).regions if r.region in names and r.side == side]
        if not parts:
            raise KeyError(f"no region {region!r} ({side}) on the {view} view")
        from shapely.ops import unary_union

        shape = unary_union([r.shape for r in parts])
        largest = max(parts, key=lambda r: r.area)  # its point lies inside the whole
        label = region_label(region, side)
        area = round(shape.area, 1)
        return AtlasRegion(view, region, side, label, shape, largest.point, area)

    def region_at(self, view: str, x: float, y: float) -> AtlasRegion | None:
        """The region under a point; None outside the figure. Borders go to the first id."""
        v = self._view(view)
        if v.region_hits is None:  # no shapely call (and no lock let go) per click
            v.region_hits = PointIndex([r.source for r in v.regions])
        first = v.region_hits.first(x, y)
        return None if first is None else v.regions[first]

    def side_at(self, view: str, x: float) -> Side:
        """The client's side of a point by the midline alone (within ``MIDLINE_BAND`` of it:
        midline). On the anterior view the client's right is on the viewer's left."""
        min_x, _, width, _ = self.view_box(view)
        offset = x - (min_x + width / 2)
        if abs(offset) <= MIDLINE_BAND:
            return "midline"
        viewer_left = offset < 0
        return "right" if viewer_left == (view == "anterior") else "left"

    def muscle_ids(self) -> frozenset[str]:
        return frozenset(name for v in self._views.values() for name, _ in v.muscles)

    def muscle_keys(self, view: str) -> list[tuple[str, Side]]:
        """The (muscle id, side) of every muscle drawn on ``view``, sorted."""
        return list(self._view(view).muscle_keys)

    def muscle_shape(self, view: str, muscle_id: str, side: Side) -> BaseGeometry | None:
        found = self._view(view).muscles.get((muscle_id, side))
        return None if found is None else resolved(found)

    def muscle_source(self, view: str, muscle_id: str, side: Side) -> Geometry | None:
        """The muscle's shape as stored (no shapely object made for it)."""
        return self._view(view).muscles.get((muscle_id, side))

    def muscle_is_deep(self, muscle_id: str) -> bool:
        return self._deep.get(muscle_id, False)

    def muscles_at(self, view: str, x: float, y: float) -> list[tuple[str, Side]]:
        """Every muscle drawn under the point (superficial and deep), sorted by id."""
        v = self._view(view)
        if v.muscle_hits is None:  # no shapely call (and no lock let go) per click
            v.muscle_hits = PointIndex([v.muscles[k] for k in v.muscle_keys])
        return sorted(v.muscle_keys[i] for i in v.muscle_hits.hits(x, y))

    def muscles_at_many(
        self, view: str, points: list[tuple[float, float]]
    ) -> list[list[tuple[str, Side]]]:
        """``muscles_at`` for many points in one query of the tree (a big visit's marks)."""
        v = self._view(view)
        found: list[list[tuple[str, Side]]] = [[] for _ in points]
        if not v.muscle_keys or not points:
            return found
        import numpy as np
        import shapely
        from shapely.strtree import STRtree

        if v.muscle_tree is None:
            shapes = [resolved(v.muscles[k]) for k in v.muscle_keys]
            v.muscle_tree = STRtree(np.array(shapes, dtype=object))
        query = shapely.points(np.asarray(points, dtype=float))
        where, which = v.muscle_tree.query(query, predicate="intersects")
        for i, j in zip(where.tolist(), which.tolist(), strict=True):
            found[i].append(v.muscle_keys[j])
        for muscles in found:
            muscles.sort()
        return found

    def point_on_muscle(
        self, view: str, muscle_id: str, side: Side, along: float, across: float = 0.0
    ) -> tuple[float, float] | None:
        """A point on the muscle's axis (0 = origin end, 1 = insertion end), moved across its
        width (-1..1, + toward the client's lateral side or, for a side-to-side axis, toward
        the feet); pulled inside the muscle shape if it falls outside. Placed once: from the
        disk cache after :meth:`place_many` (no shapely), else by shapely."""
        return self._placements.get((view, muscle_id, side, along, across))

    def place_many(self, requests: Iterable[tuple[str, str, Side, float, float]]) -> None:
        """Place these (view, muscle id, side, along, across) at once: read from the disk
        cache (keyed by the atlas and the requests), or placed and stored there."""
        self._placements.place_many(requests)

    def _point_on_muscle(
        self, view: str, muscle_id: str, side: Side, along: float, across: float
    ) -> tuple[float, float] | None:
        from shapely.ops import nearest_points

        v = self._view(view)
        found_axis = v.axes.get((muscle_id, side))
        found_shape = v.muscles.get((muscle_id, side))
        axis: Any = None if found_axis is None else resolved(found_axis)
        shape = None if found_shape is None else resolved(found_shape)
        if axis is None:
            if shape is None:
                return None
            p = shape.representative_point()
            return (p.x, p.y)
        along = min(1.0, max(0.0, along))
        base = axis.interpolate(along, normalized=True)
        point = base
        if across and shape is not None:
            point = self._moved_across(view, axis, side, along, base, shape, across)
        if shape is not None and not shape.covers(point):
            point = nearest_points(shape.buffer(-0.5) if shape.area > 4 else shape, point)[0]
        return (round(point.x, 2), round(point.y, 2))

    def _moved_across(
        self,
        view: str,
        axis: LineString,
        side: Side,
        along: float,
        base: Point,
        shape: BaseGeometry,
        across: float,
    ) -> Point:
        length = axis.length or 1.0
        a = axis.interpolate(max(0.0, along - 0.02) * length)
        b = axis.interpolate(min(1.0, along + 0.02) * length)
        dx, dy = b.x - a.x, b.y - a.y
        norm = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / norm, dx / norm
        if abs(dx) > abs(dy):  # axis runs side to side: positive toward the feet
            want = (0.0, 1.0)
        else:
            centre_x = self.view_box(view)[0] + self.view_box(view)[2] / 2
            lateral = 1.0 if base.x >= centre_x else -1.0
            if side == "midline":
                lateral = 1.0
            want = (lateral, 0.0)
        if nx * want[0] + ny * want[1] < 0:
            nx, ny = -nx, -ny
        # the muscle's extent across the axis at this point, on the side we move to
        from shapely.geometry import LineString, Point

        reach = 400.0
        probe = LineString(
            [(base.x - nx * reach, base.y - ny * reach), (base.x + nx * reach, base.y + ny * reach)]
        )
        cut = probe.intersection(shape)
        offsets = [
            (c[0] - base.x) * nx + (c[1] - base.y) * ny
            for g in getattr(cut, "geoms", [cut])
            if not g.is_empty
            for c in g.coords
        ]
        if not offsets:
            return base
        half = max(0.0, max(offsets)) if across > 0 else max(0.0, -min(offsets))
        step = 0.9 * half * across
        return Point(base.x + nx * step, base.y + ny * step)


@cache
def load_atlas(drawings_dir: Path | None = None) -> Atlas:
    """The atlas of both views, read once per process (from the disk cache when it is fresh).

    ``drawings_dir`` holds ``<view>.svg``; the packaged ``assets/body_svgs`` by default.
    """
    return read_atlas(drawings_dir)


def read_atlas(drawings_dir: Path | str | None = None, *, use_cache: bool = True) -> Atlas:
    """Read the atlas afresh: from the geometry cache when its key matches, else from the SVGs.

    The SVG bytes are always read and hashed (a few milliseconds), so an edited or
    regenerated drawing can never be answered from an old cache entry.
    """
    folder = Path(drawings_dir) if drawings_dir is not None else asset_path("body_svgs")
    svgs = {view: (folder / f"{view}.svg").read_bytes() for view in VIEWS}
    key = _cache_key(svgs)
    if use_cache:
        payload = atlas_cache.read_entry(CACHE_KIND, key)
        if payload is not None:
            views = views_from_cache(payload)
            if views is not None:
                return Atlas(views, key)
    from nmt_bodymap.core import svg_geometry  # svgelements is imported only on a miss

    views = {
        view: view_geometry(view, svg_geometry.parse_svg_shapes(data))
        for view, data in svgs.items()
    }
    if use_cache:
        atlas_cache.write_entry(CACHE_KIND, key, views_to_cache(views))
    return Atlas(views, key if use_cache else None)


def cache_key(drawings_dir: Path | str | None = None) -> str:
    """The cache key of the drawings in ``drawings_dir`` (default: the packaged ones)."""
    folder = Path(drawings_dir) if drawings_dir is not None else asset_path("body_svgs")
    return _cache_key({view: (folder / f"{view}.svg").read_bytes() for view in VIEWS})


def _cache_key(svgs: Mapping[str, bytes]) -> str:
    """Everything the cached geometry depends on: drawings, labels, code and library versions."""
    here = Path(__file__).resolve().parent
    code = []
    for name in _PARSING_CODE:
        try:
            code.append((here / name).read_bytes())
        except OSError:  # a frozen build ships no sources; its version pins the code
            code.append(b"")
    parts: list[bytes | str] = [CACHE_FORMAT, __version__, *atlas_cache.shapely_release()]
    parts += code
    parts.append(resource_path("regions.yaml").read_bytes())  # region labels
    for view, data in sorted(svgs.items()):
        parts += [view, data]
    return atlas_cache.content_key(*parts)


def mark_side(view: str, region: str, side: Side, x: float | None) -> Side:
    """The side a stored mark is named with: a midline mark on a one-sided region takes the
    side of its point ("Left sternum"; :func:`nmt_bodymap.core.vocabulary.shown_side`)."""
    from nmt_bodymap.core.vocabulary import shown_side

    if side != "midline" or x is None:
        return side
    atlas = load_atlas()
    side_at = atlas.side_at if view in atlas.views() else None
    return shown_side(view, region, side, x, side_at)


def mark_label(view: str, region: str, side: Side, x: float | None) -> str:
    """A stored mark's place as shown on screen and in documents: "Left sternum"."""
    from nmt_bodymap.core.vocabulary import region_label

    return region_label(region, mark_side(view, region, side, x))
