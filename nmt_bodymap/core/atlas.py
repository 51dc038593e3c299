"""The region atlas: named regions and muscles of the body drawings, and hit-testing.

Geometry comes only from the SVG drawings (``assets/body_svgs/<view>.svg``), by element id:
``region-<name>-<side>``, ``muscle-<id>-<side>``, ``axis-<id>-<side>`` and the ``outline``
layer (docs/architecture.md). One STRtree per view over the region shapes answers "which
region is under this click" quickly; on a shared border the region whose id sorts first
wins, so the same click always gives the same answer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import cast

import shapely
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points, unary_union
from shapely.strtree import STRtree

from nmt_bodymap.core.sides import VIEWS, Side
from nmt_bodymap.core.svg_geometry import SvgShapes, load_svg_shapes
from nmt_bodymap.core.vocabulary import region_label
from nmt_bodymap.resources import asset_path

_REGION_ID = re.compile(r"^region-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")
_MUSCLE_ID = re.compile(r"^muscle-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")
_AXIS_ID = re.compile(r"^axis-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")


@dataclass(frozen=True)
class AtlasRegion:
    """One region of one view, on one client side."""

    view: str
    region: str
    side: Side
    label: str
    shape: BaseGeometry
    point: tuple[float, float]
    area: float

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.view, self.region, self.side)


@dataclass
class _View:
    view_box: tuple[float, float, float, float]
    outline: BaseGeometry
    regions: list[AtlasRegion]
    tree: STRtree
    muscles: dict[tuple[str, Side], BaseGeometry]
    muscle_tree: STRtree | None
    muscle_keys: list[tuple[str, Side]]
    axes: dict[tuple[str, Side], LineString]


class Atlas:
    """Regions and muscles of every view, with hit-testing in view coordinates."""

    def __init__(self, drawings: dict[str, SvgShapes]) -> None:
        self._views: dict[str, _View] = {}
        self._deep: dict[str, bool] = {}
        for view, shapes in drawings.items():
            self._views[view] = self._build_view(view, shapes)

    def _build_view(self, view: str, shapes: SvgShapes) -> _View:
        regions: list[AtlasRegion] = []
        outline_parts: list[BaseGeometry] = []
        muscles: dict[tuple[str, Side], BaseGeometry] = {}
        axes: dict[tuple[str, Side], LineString] = {}
        for element_id, geom in shapes.areas.items():
            if shapes.layer_of.get(element_id) == "outline" or element_id == "outline":
                outline_parts.append(geom)
            elif match := _REGION_ID.match(element_id):
                side = cast(Side, match["side"])
                point = geom.representative_point()
                regions.append(
                    AtlasRegion(
                        view=view,
                        region=match["name"],
                        side=side,
                        label=region_label(match["name"], side),
                        shape=geom,
                        point=(round(point.x, 2), round(point.y, 2)),
                        area=round(geom.area, 1),
                    )
                )
            elif match := _MUSCLE_ID.match(element_id):
                muscles[(match["name"], cast(Side, match["side"]))] = geom
                classes = shapes.classes.get(element_id, frozenset())
                self._deep[match["name"]] = self._deep.get(match["name"], False) or (
                    "deep" in classes
                )
        for element_id, line in shapes.lines.items():
            if match := _AXIS_ID.match(element_id):
                axes[(match["name"], cast(Side, match["side"]))] = line
            elif match := _MUSCLE_ID.match(element_id):  # a muscle drawn as an open stroke
                muscles[(match["name"], cast(Side, match["side"]))] = line.buffer(4)
        regions.sort(key=lambda r: (r.region, r.side))
        for region in regions:
            shapely.prepare(region.shape)
        muscle_keys = sorted(muscles)
        muscle_tree = STRtree([muscles[k] for k in muscle_keys]) if muscle_keys else None
        return _View(
            view_box=shapes.view_box,
            outline=unary_union(outline_parts)
            if outline_parts
            else unary_union([r.shape for r in regions]),
            regions=regions,
            tree=STRtree([r.shape for r in regions]),
            muscles=muscles,
            muscle_tree=muscle_tree,
            muscle_keys=muscle_keys,
            axes=axes,
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
        return self._view(view).outline

    def regions(self, view: str | None = None) -> list[AtlasRegion]:
        if view is not None:
            return list(self._view(view).regions)
        return [r for v in self._views.values() for r in v.regions]

    def region(self, view: str, region: str, side: Side) -> AtlasRegion:
        for candidate in self._view(view).regions:
            if candidate.region == region and candidate.side == side:
                return candidate
        raise KeyError(f"no region {region!r} ({side}) on the {view} view")

    def region_at(self, view: str, x: float, y: float) -> AtlasRegion | None:
        """The region under a point; None outside the figure. Borders go to the first id."""
        v = self._view(view)
        hits = v.tree.query(Point(x, y), predicate="intersects")
        if len(hits) == 0:
            return None
        return v.regions[int(min(hits))]

    def muscle_ids(self) -> frozenset[str]:
        return frozenset(name for v in self._views.values() for name, _ in v.muscles)

    def muscle_shape(self, view: str, muscle_id: str, side: Side) -> BaseGeometry | None:
        return self._view(view).muscles.get((muscle_id, side))

    def muscle_is_deep(self, muscle_id: str) -> bool:
        return self._deep.get(muscle_id, False)

    def muscles_at(self, view: str, x: float, y: float) -> list[tuple[str, Side]]:
        """Every muscle drawn under the point (superficial and deep), sorted by id."""
        v = self._view(view)
        if v.muscle_tree is None:
            return []
        hits = v.muscle_tree.query(Point(x, y), predicate="intersects")
        return sorted(v.muscle_keys[int(i)] for i in hits)

    def point_on_muscle(
        self, view: str, muscle_id: str, side: Side, along: float, across: float = 0.0
    ) -> tuple[float, float] | None:
        """A point on the muscle's axis (0 = origin end, 1 = insertion end), moved across its
        width (-1..1, + toward the client's lateral side or, for a side-to-side axis, toward
        the feet); pulled inside the muscle shape if it falls outside."""
        v = self._view(view)
        axis = v.axes.get((muscle_id, side))
        shape = v.muscles.get((muscle_id, side))
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
def load_atlas() -> Atlas:
    """The atlas of both views, parsed once per process."""
    return Atlas({view: load_svg_shapes(asset_path("body_svgs", f"{view}.svg")) for view in VIEWS})
