"""Plain geometry of one drawing: regions, muscles and axes sorted out of the SVG by id,
and their form in the disk cache (WKB plus a JSON index).

Split from :mod:`nmt_bodymap.core.atlas`, which indexes these for hit-testing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union, cast

from nmt_bodymap.core import atlas_cache
from nmt_bodymap.core.atlas_cache import StoredGeometry
from nmt_bodymap.core.sides import VIEWS, Side

if TYPE_CHECKING:  # shapely is imported where a geometry object is made (issue 18)
    from shapely.geometry.base import BaseGeometry

    from nmt_bodymap.core.svg_geometry import SvgShapes

# a shapely geometry, or one of the cache made into one on first use
Geometry = Union["BaseGeometry", StoredGeometry]


def resolved(geometry: Geometry) -> BaseGeometry:
    """The shapely geometry (made from the cache's WKB on first use)."""
    return geometry.geometry if isinstance(geometry, StoredGeometry) else geometry


_REGION_ID = re.compile(r"^region-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")
_MUSCLE_ID = re.compile(r"^muscle-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")
_AXIS_ID = re.compile(r"^axis-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")

CACHE_FORMAT = "atlas-geometry-2"  # bump when the cached index changes shape (2: rings, flags)


class AtlasRegion:
    """One region of one view, on one client side; ``shape`` is made on first use."""

    __slots__ = ("_shape", "area", "label", "point", "region", "side", "view")

    def __init__(
        self,
        view: str,
        region: str,
        side: Side,
        label: str,
        shape: Geometry,
        point: tuple[float, float],
        area: float,
    ) -> None:
        self.view = view
        self.region = region
        self.side: Side = side
        self.label = label
        self._shape = shape
        self.point = point
        self.area = area

    @property
    def shape(self) -> BaseGeometry:
        return resolved(self._shape)

    @property
    def source(self) -> Geometry:
        """The shape as stored (no shapely object made for it)."""
        return self._shape

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.view, self.region, self.side)

    def _fields(self) -> tuple[Any, ...]:
        return (self.view, self.region, self.side, self.label, self.point, self.area)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AtlasRegion):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"AtlasRegion{self._fields()!r}"


@dataclass(frozen=True)
class ViewGeometry:
    """What the atlas keeps of one drawing, derived once from the SVG (or read from cache).

    Plain data, so it can be written to the cache and read back without the SVG parser.
    """

    view: str
    view_box: tuple[float, float, float, float]
    outline: Geometry
    regions: tuple[AtlasRegion, ...]  # sorted by (region, side): border clicks go to the first
    muscles: dict[tuple[str, Side], Geometry]
    deep_muscles: frozenset[str]
    axes: dict[tuple[str, Side], Geometry]  # LineStrings


def view_geometry(view: str, shapes: SvgShapes) -> ViewGeometry:
    """Sort the drawing's elements into regions, outline, muscles and axes by their ids."""
    from shapely.ops import unary_union

    from nmt_bodymap.core.vocabulary import region_label

    regions: list[AtlasRegion] = []
    outline_parts: list[BaseGeometry] = []
    muscles: dict[tuple[str, Side], Geometry] = {}
    deep: set[str] = set()
    axes: dict[tuple[str, Side], Geometry] = {}
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
            if "deep" in shapes.classes.get(element_id, frozenset()):
                deep.add(match["name"])
    for element_id, line in shapes.lines.items():
        if match := _AXIS_ID.match(element_id):
            axes[(match["name"], cast(Side, match["side"]))] = line
        elif match := _MUSCLE_ID.match(element_id):  # a muscle drawn as an open stroke
            muscles[(match["name"], cast(Side, match["side"]))] = line.buffer(4)
    regions.sort(key=lambda r: (r.region, r.side))
    outline = unary_union(outline_parts or [r.shape for r in regions])
    return ViewGeometry(
        view=view,
        view_box=shapes.view_box,
        outline=outline,
        regions=tuple(regions),
        muscles=muscles,
        deep_muscles=frozenset(deep),
        axes=axes,
    )


def views_to_cache(views: Mapping[str, ViewGeometry]) -> bytes:
    index: dict[str, Any] = {}
    geometries: list[BaseGeometry] = []
    for view, g in views.items():
        muscle_keys = list(g.muscles)
        axis_keys = list(g.axes)
        index[view] = {
            "view_box": list(g.view_box),
            "regions": [[r.region, r.side, r.label, *r.point, r.area] for r in g.regions],
            "muscles": [list(k) for k in muscle_keys],
            "deep": sorted(g.deep_muscles),
            "axes": [list(k) for k in axis_keys],
        }
        geometries.append(resolved(g.outline))
        geometries += [r.shape for r in g.regions]
        geometries += [resolved(g.muscles[k]) for k in muscle_keys]
        geometries += [resolved(g.axes[k]) for k in axis_keys]
    return atlas_cache.pack_geometry({"format": CACHE_FORMAT, "views": index}, geometries)


def views_from_cache(payload: bytes) -> dict[str, ViewGeometry] | None:
    """The cached views, or None when the entry does not decode into a whole atlas."""
    try:
        index, geometries = atlas_cache.unpack_stored(payload)
        if index["format"] != CACHE_FORMAT or list(index["views"]) != list(VIEWS):
            return None
        views: dict[str, ViewGeometry] = {}
        at = 0
        for view, entry in index["views"].items():
            regions_index = entry["regions"]
            muscle_keys, axis_keys = entry["muscles"], entry["axes"]
            wanted = 1 + len(regions_index) + len(muscle_keys) + len(axis_keys)
            if at + wanted > len(geometries):
                return None
            outline = geometries[at]
            shapes = geometries[at + 1 : at + wanted]
            at += wanted
            regions = tuple(
                AtlasRegion(
                    view=view,
                    region=str(name),
                    side=cast(Side, side),
                    label=str(label),
                    shape=shape,
                    point=(float(px), float(py)),
                    area=float(area),
                )
                for (name, side, label, px, py, area), shape in zip(
                    regions_index, shapes[: len(regions_index)], strict=True
                )
            )
            rest = shapes[len(regions_index) :]
            muscles = {
                (str(n), cast(Side, s)): g
                for (n, s), g in zip(muscle_keys, rest[: len(muscle_keys)], strict=True)
            }
            axes = {
                (str(n), cast(Side, s)): g
                for (n, s), g in zip(axis_keys, rest[len(muscle_keys) :], strict=True)
            }
            vb = [float(v) for v in entry["view_box"]]
            views[view] = ViewGeometry(
                view=view,
                view_box=(vb[0], vb[1], vb[2], vb[3]),
                outline=outline,
                regions=regions,
                muscles=muscles,
                deep_muscles=frozenset(str(m) for m in entry["deep"]),
                axes=axes,
            )
        if at != len(geometries):
            return None
        return views
    except Exception:  # any malformed entry is only a cache miss, whatever the error
        return None
