"""Plain geometry of one drawing: regions, muscles and axes sorted out of the SVG by id,
and their form in the disk cache (WKB plus a JSON index).

Split from :mod:`nmt_bodymap.core.atlas`, which indexes these for hit-testing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from nmt_bodymap.core import atlas_cache
from nmt_bodymap.core.sides import VIEWS, Side

if TYPE_CHECKING:
    from nmt_bodymap.core.svg_geometry import SvgShapes

_REGION_ID = re.compile(r"^region-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")
_MUSCLE_ID = re.compile(r"^muscle-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")
_AXIS_ID = re.compile(r"^axis-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")

CACHE_FORMAT = "atlas-geometry-1"  # bump when the cached index changes shape


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


@dataclass(frozen=True)
class ViewGeometry:
    """What the atlas keeps of one drawing, derived once from the SVG (or read from cache).

    Plain data, so it can be written to the cache and read back without the SVG parser.
    """

    view: str
    view_box: tuple[float, float, float, float]
    outline: BaseGeometry
    regions: tuple[AtlasRegion, ...]  # sorted by (region, side): border clicks go to the first
    muscles: dict[tuple[str, Side], BaseGeometry]
    deep_muscles: frozenset[str]
    axes: dict[tuple[str, Side], LineString]


def view_geometry(view: str, shapes: SvgShapes) -> ViewGeometry:
    """Sort the drawing's elements into regions, outline, muscles and axes by their ids."""
    from nmt_bodymap.core.vocabulary import region_label

    regions: list[AtlasRegion] = []
    outline_parts: list[BaseGeometry] = []
    muscles: dict[tuple[str, Side], BaseGeometry] = {}
    deep: set[str] = set()
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
        geometries.append(g.outline)
        geometries += [r.shape for r in g.regions]
        geometries += [g.muscles[k] for k in muscle_keys]
        geometries += [g.axes[k] for k in axis_keys]
    return atlas_cache.pack_geometry({"format": CACHE_FORMAT, "views": index}, geometries)


def views_from_cache(payload: bytes) -> dict[str, ViewGeometry] | None:
    """The cached views, or None when the entry does not decode into a whole atlas."""
    try:
        index, geometries = atlas_cache.unpack_geometry(payload)
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
