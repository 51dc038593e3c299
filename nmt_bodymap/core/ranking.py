"""From painful spots to the muscles to palpate, best first.

A therapist marks where the client hurts; each muscle of the knowledge base, on
each side of the body, is checked against every spot: does one of its referral
zones cover the spot (``essential`` or ``spillover``), or, failing any referral
explanation for that spot, does the spot lie over the muscle itself (``local``)?
The muscles that account for the spots are returned as :class:`Candidate` s,
ordered as a clinician would examine them:

1. **Coverage** - a muscle that explains more of the spots comes first: one
   trigger point explaining the whole pattern beats several explaining parts.
2. **Score** - the sum of zone weights over the explained spots: essential 1.0,
   spillover 0.5, local 0.25. For equal coverage a spot in an essential zone
   (felt by nearly every patient) outweighs one in a spillover zone (felt by
   some); local pain is the weakest evidence because every muscle hurts where
   it lies.
3. **Nearness** - the mean distance from each explained spot to the muscle's
   nearest trigger point. Travell & Simons note that most trigger points refer
   pain to or near their own site, and the examination works outward from the
   painful area; among equally good explanations the nearest muscle is the
   likeliest and the quickest to confirm by palpation. Points on the other view
   are compared through the mirror image (the views share one scale).
4. **Specificity** - fewer regions in the essential zone: a muscle whose
   essential pain is concentrated is the more specific explanation.
5. Display name, then side (right, left, bilateral) - so equal input always
   gives identical output.

Laterality follows the client's side: a zone entry ``same`` covers a spot on the
trigger point's side, ``opposite`` on the other side, ``both`` either side; a
midline spot (sternum, sacrum...) is covered by the muscle of either side. Pain
on the left never yields a right-side muscle unless a zone crosses over.

When the left and right instances of a muscle explain exactly the same spots in
exactly the same way (a midline complaint, or a zone felt on both sides), they are
merged into one ``bilateral`` candidate carrying the trigger points of both
sides, so a midline pain does not list every muscle twice.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Protocol

from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.core.knowledge_schema import MuscleDef, TriggerPointDef, ZoneSide
from nmt_bodymap.core.sides import Side, opposite
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW, load_vocabulary

ZoneName = Literal["essential", "spillover", "local"]
CandidateSide = Literal["left", "right", "bilateral"]
Point = tuple[float, float]

ZONE_WEIGHTS: dict[str, float] = {"essential": 1.0, "spillover": 0.5, "local": 0.25}
_SIDE_ORDER = {"right": 0, "left": 1, "bilateral": 2}


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
class Spot:
    """A painful place: a region of the vocabulary on the client's side.

    ``point`` is where the therapist clicked (view coordinates), if known;
    internal sites (view ``internal``) have none.
    """

    view: str
    region: str
    side: Side
    point: Point | None = None


@dataclass(frozen=True)
class TriggerPointSpot:
    """A trigger point of a candidate, placed on the drawing (``point`` None if undrawn)."""

    id: str
    label: str
    view: str
    side: Side
    point: Point | None


@dataclass(frozen=True)
class Candidate:
    """One muscle on one side (or both sides, ``bilateral``) that may cause the spots."""

    muscle: str
    name: str
    side: CandidateSide
    aliases: tuple[str, ...]
    score: float
    explains: tuple[int, ...]
    zones: tuple[ZoneName | None, ...]
    trigger_points: tuple[TriggerPointSpot, ...]

    def to_json(self) -> dict[str, Any]:
        """The candidate as the ``lookup --json`` contract shows it."""
        return {
            "muscle": self.muscle,
            "name": self.name,
            "side": self.side,
            "aliases": list(self.aliases),
            "score": round(self.score, 4),
            "explains": list(self.explains),
            "zones": list(self.zones),
            "trigger_points": [
                {
                    "view": tp.view,
                    "point": None if tp.point is None else [round(c, 2) for c in tp.point],
                    "label": tp.label,
                }
                for tp in self.trigger_points
            ],
        }


def rank_candidates(
    spots: Sequence[Spot],
    knowledge: KnowledgeBase | None = None,
    atlas: AtlasLike | None = None,
) -> list[Candidate]:
    """The muscles that may cause ``spots``, best first (see the module docstring)."""
    kb = knowledge if knowledge is not None else load_knowledge()
    if atlas is None:
        from nmt_bodymap.core.atlas import load_atlas

        atlas = load_atlas()
    for spot in spots:
        _check_spot(spot)
    coverage = _referral_coverage(spots, kb)
    _add_local_coverage(spots, kb, atlas, coverage)
    spot_points = [_spot_point(spot, atlas) for spot in spots]
    ranked: list[tuple[tuple[Any, ...], Candidate]] = []
    for muscle_id, sides in _merge_sides(coverage).items():
        muscle = kb.muscle(muscle_id)
        for side in sides:
            instance_sides: tuple[Side, ...] = ("right", "left") if side == "bilateral" else (side,)
            tps = tuple(tp for s in instance_sides for tp in _trigger_points(atlas, muscle, s))
            zones = coverage[(muscle_id, instance_sides[0])]
            candidate = Candidate(
                muscle=muscle.id,
                name=muscle.name,
                side=side,
                aliases=tuple(muscle.aliases),
                score=sum(ZONE_WEIGHTS[z] for z in zones if z is not None),
                explains=tuple(i for i, z in enumerate(zones) if z is not None),
                zones=tuple(zones),
                trigger_points=tps,
            )
            key = (
                -len(candidate.explains),
                -candidate.score,
                _mean_distance(candidate, spots, spot_points, atlas),
                len({z.region for z in muscle.referral.essential}),
                muscle.name.lower(),
                _SIDE_ORDER[side],
            )
            ranked.append((key, candidate))
    ranked.sort(key=lambda item: item[0])
    return [candidate for _, candidate in ranked]


def muscle_candidate(
    muscle_id: str,
    side: CandidateSide,
    knowledge: KnowledgeBase | None = None,
    atlas: AtlasLike | None = None,
) -> Candidate:
    """One muscle as a candidate that explains no spot: for showing a muscle picked from a
    guide or a library on the map, with its trigger points placed like a ranked one."""
    kb = knowledge if knowledge is not None else load_knowledge()
    if atlas is None:
        from nmt_bodymap.core.atlas import load_atlas

        atlas = load_atlas()
    muscle = kb.muscle(muscle_id)
    instance_sides: tuple[Side, ...] = ("right", "left") if side == "bilateral" else (side,)
    return Candidate(
        muscle=muscle.id,
        name=muscle.name,
        side=side,
        aliases=tuple(muscle.aliases),
        score=0.0,
        explains=(),
        zones=(),
        trigger_points=tuple(
            tp for s in instance_sides for tp in _trigger_points(atlas, muscle, s)
        ),
    )


def zone_sides(rule: ZoneSide, spot_side: Side) -> tuple[Side, ...]:
    """The sides of the muscle whose zone entry (``rule``) covers a spot on ``spot_side``."""
    if spot_side == "midline" or rule == "both":
        return ("left", "right")
    return (spot_side,) if rule == "same" else (opposite(spot_side),)


def _check_spot(spot: Spot) -> None:
    entry = load_vocabulary().get(spot.region)
    if entry is None:
        raise ValueError(f"unknown region {spot.region!r}")
    if spot.side not in entry.client_sides():
        raise ValueError(f"side {spot.side!r} does not fit region {spot.region!r}")
    if (spot.view == INTERNAL_VIEW) != entry.internal:
        raise ValueError(f"region {spot.region!r} is not on the {spot.view!r} view")


Coverage = dict[tuple[str, Side], list[ZoneName | None]]


def _referral_coverage(spots: Sequence[Spot], kb: KnowledgeBase) -> Coverage:
    """Best referral zone of each muscle side for each spot."""
    coverage: Coverage = {}
    for i, spot in enumerate(spots):
        for link in kb.zones_naming(spot.region):
            for side in zone_sides(link.entry.side, spot.side):
                zones = coverage.setdefault((link.muscle.id, side), [None] * len(spots))
                current = zones[i]
                if current is None or ZONE_WEIGHTS[link.kind] > ZONE_WEIGHTS[current]:
                    zones[i] = link.kind
    return coverage


def _add_local_coverage(
    spots: Sequence[Spot], kb: KnowledgeBase, atlas: AtlasLike, coverage: Coverage
) -> None:
    """For spots no referral zone explains, the muscles lying right under the point."""
    explained = {i for zones in coverage.values() for i, z in enumerate(zones) if z is not None}
    for i, spot in enumerate(spots):
        if i in explained or spot.view == INTERNAL_VIEW:
            continue
        point = _spot_point(spot, atlas)
        if point is None:
            continue
        for muscle_id, side in atlas.muscles_at(spot.view, point[0], point[1]):
            if muscle_id in kb and side in ("left", "right"):
                zones = coverage.setdefault((muscle_id, side), [None] * len(spots))
                zones[i] = "local"


def _merge_sides(coverage: Coverage) -> dict[str, list[CandidateSide]]:
    """Per muscle, the candidate sides: ``bilateral`` when both sides match exactly."""
    result: dict[str, list[CandidateSide]] = {}
    for muscle_id, _side in coverage:
        result.setdefault(muscle_id, [])
    for muscle_id, sides in result.items():
        left = coverage.get((muscle_id, "left"))
        right = coverage.get((muscle_id, "right"))
        if left is not None and left == right:
            sides.append("bilateral")
        else:
            if right is not None:
                sides.append("right")
            if left is not None:
                sides.append("left")
    return result


def _trigger_points(atlas: AtlasLike, muscle: MuscleDef, side: Side) -> list[TriggerPointSpot]:
    return [
        TriggerPointSpot(tp.id, tp.label, tp.view, side, _place(atlas, muscle.id, side, tp))
        for tp in muscle.trigger_points
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


def _spot_point(spot: Spot, atlas: AtlasLike) -> Point | None:
    if spot.point is not None or spot.view == INTERNAL_VIEW:
        return spot.point
    return _region_point(atlas, spot.view, spot.region, spot.side)


@lru_cache(maxsize=1024)
def _region_point(atlas: AtlasLike, view: str, region: str, side: Side) -> Point | None:
    try:
        point = atlas.region(view, region, side).point
    except KeyError:
        return None
    return (float(point[0]), float(point[1]))


@lru_cache(maxsize=16)
def _mirror_axis(atlas: AtlasLike, view: str) -> float:
    """x of the figure's midline on ``view`` (centre of the outline's bounds)."""
    min_x, _, max_x, _ = atlas.outline(view).bounds
    return (min_x + max_x) / 2.0


def _on_view(atlas: AtlasLike, point: Point, source: str, target: str) -> Point:
    """``point`` of view ``source`` seen on view ``target`` (anterior <-> posterior mirror)."""
    if source == target:
        return point
    offset = point[0] - _mirror_axis(atlas, source)
    return (_mirror_axis(atlas, target) - offset, point[1])


def _mean_distance(
    candidate: Candidate,
    spots: Sequence[Spot],
    spot_points: Sequence[Point | None],
    atlas: AtlasLike,
) -> float:
    distances: list[float] = []
    for i in candidate.explains:
        target = spot_points[i]
        if target is None:
            continue
        nearest = _nearest(candidate.trigger_points, target, spots[i].view, atlas)
        if nearest is not None:
            distances.append(nearest)
    return sum(distances) / len(distances) if distances else 0.0


def _nearest(
    tps: Iterable[TriggerPointSpot], target: Point, view: str, atlas: AtlasLike
) -> float | None:
    best: float | None = None
    for tp in tps:
        if tp.point is None:
            continue
        x, y = _on_view(atlas, tp.point, tp.view, view)
        d = math.hypot(x - target[0], y - target[1])
        best = d if best is None else min(best, d)
    return best
