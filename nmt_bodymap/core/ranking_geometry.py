"""Where a candidate's trigger points lie and how far they are from the spots.

Nearness is only the ranking's last tie-break (see :mod:`nmt_bodymap.core.ranking`); the
positions also place the pins of a candidate on the drawing. Points on the other view are
compared through the mirror image (the views share one scale).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from nmt_bodymap.core.knowledge_schema import MuscleDef, TriggerPointDef
from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW

Point = tuple[float, float]


class AtlasLike(Protocol):
    """The part of :class:`nmt_bodymap.core.atlas.Atlas` the ranking uses (hashable: cached)."""

    def __hash__(self) -> int: ...

    def views(self) -> tuple[str, ...]: ...
    def outline(self, view: str) -> Any: ...
    def region(self, view: str, region: str, side: Side) -> Any: ...
    def muscles_at(self, view: str, x: float, y: float) -> list[tuple[str, Side]]: ...
    def point_on_muscle(
        self, view: str, muscle_id: str, side: Side, along: float, across: float = 0.0
    ) -> Point | None: ...


@dataclass(frozen=True)
class TriggerPointSpot:
    """A trigger point of a candidate, placed on the drawing (``point`` None if undrawn)."""

    id: str
    label: str
    view: str
    side: Side
    point: Point | None


def exists_on(tp: TriggerPointDef, side: Side) -> bool:
    """False for a trigger point described on the other side only (``only_side``)."""
    return tp.only_side is None or tp.only_side == side


def trigger_points(
    atlas: AtlasLike, muscle: MuscleDef, side: Side, ids: Iterable[str] | None = None
) -> list[TriggerPointSpot]:
    """The muscle's trigger points on ``side`` (only ``ids`` when given), placed."""
    wanted = None if ids is None else set(ids)
    return [
        TriggerPointSpot(tp.id, tp.label, tp.view, side, _place(atlas, muscle.id, side, tp))
        for tp in muscle.trigger_points
        if exists_on(tp, side) and (wanted is None or tp.id in wanted)
    ]


def _place(atlas: AtlasLike, muscle_id: str, side: Side, tp: TriggerPointDef) -> Point | None:
    return _placed(atlas, tp.view, muscle_id, side, tp.along, tp.across)


@lru_cache(maxsize=8192)
def _placed(
    atlas: AtlasLike, view: str, muscle_id: str, side: Side, along: float, across: float
) -> Point | None:
    """Trigger-point positions, cached: the atlas geometry never changes at run time."""
    point = atlas.point_on_muscle(view, muscle_id, side, along, across)
    return None if point is None else (float(point[0]), float(point[1]))


def spot_point(
    view: str, region: str, side: Side, point: Point | None, atlas: AtlasLike
) -> Point | None:
    """Where a spot is: the click, or the region's representative point."""
    if point is not None or view == INTERNAL_VIEW:
        return point
    return _region_point(atlas, view, region, side)


@lru_cache(maxsize=1024)
def _region_point(atlas: AtlasLike, view: str, region: str, side: Side) -> Point | None:
    for place_side in (side, "midline"):  # a sided midline spot: the midline region's point
        try:
            point = atlas.region(view, region, place_side).point  # type: ignore[arg-type]
        except KeyError:
            continue
        return (float(point[0]), float(point[1]))
    return None


@lru_cache(maxsize=32768)  # a 10,000-mark visit is asked about twice (ranking, under spot)
def muscles_under(atlas: AtlasLike, view: str, point: Point) -> tuple[tuple[str, Side], ...]:
    """The drawn muscles lying under ``point`` (cached: a spot is asked about often)."""
    return tuple(atlas.muscles_at(view, point[0], point[1]))


BATCH_UNDER = 32  # from this many points on a view, one query of the tree answers them all


def muscles_under_many(
    atlas: AtlasLike, view: str, points: list[Point]
) -> list[tuple[tuple[str, Side], ...]]:
    """``muscles_under`` for each of ``points`` (one tree query for a big visit's marks)."""
    many = getattr(atlas, "muscles_at_many", None)
    if many is None or len(points) < BATCH_UNDER:
        return [muscles_under(atlas, view, p) for p in points]
    return [tuple(found) for found in many(view, points)]


@lru_cache(maxsize=16)
def _mirror_axis(atlas: AtlasLike, view: str) -> float:
    """x of the figure's midline on ``view`` (centre of the outline's bounds)."""
    bounds = getattr(atlas, "outline_bounds", None)  # the atlas's: read without shapely
    min_x, _, max_x, _ = bounds(view) if bounds is not None else atlas.outline(view).bounds
    return (min_x + max_x) / 2.0


def _on_view(atlas: AtlasLike, point: Point, source: str, target: str) -> Point:
    """``point`` of view ``source`` seen on view ``target`` (anterior <-> posterior mirror)."""
    if source == target:
        return point
    offset = point[0] - _mirror_axis(atlas, source)
    return (_mirror_axis(atlas, target) - offset, point[1])


def mean_distance(
    tps: tuple[TriggerPointSpot, ...],
    explained: Iterable[int],
    views: list[str],
    points: list[Point | None],
    atlas: AtlasLike,
) -> float:
    """Mean distance from each explained spot to the nearest of ``tps``."""
    distances: list[float] = []
    for i in explained:
        target = points[i]
        if target is None:
            continue
        best: float | None = None
        for tp in tps:
            if tp.point is None:
                continue
            x, y = _on_view(atlas, tp.point, tp.view, views[i])
            d = math.hypot(x - target[0], y - target[1])
            best = d if best is None else min(best, d)
        if best is not None:
            distances.append(best)
    return sum(distances) / len(distances) if distances else 0.0
