"""From painful spots to the muscles to palpate, best first.

A therapist marks where the client hurts; each muscle of the knowledge base, on each side
of the body, is checked against every spot, one trigger point at a time: a trigger point's
referral pattern covers a spot through an ``essential`` or a ``spillover`` zone; a spot
lying over the muscle itself is ``local``. A muscle's candidate takes the trigger point (or
the trigger points sharing a pattern) that explains the most spots; spots that only another
trigger point of the same muscle explains are not counted (they are reported in
``other_tp_spots``: "two trigger points of the same muscle"). The candidate names the
trigger points that explain the spots (``explaining``) and its pins are those.

The candidates are ordered as a trigger-point clinician examines them:

1. **Coverage** - more of the spots explained comes first: one trigger point explaining
   the whole pattern beats several explaining parts.
2. **Zone strength** - the sum of zone weights over the explained spots: essential 1.0,
   spillover 0.5, local 0.25 (an essential zone is felt by nearly every patient, spillover
   by some; every muscle hurts where it lies, so local pain is the weakest evidence).
3. **Group** - parts with one pattern (the three scalenes...) are one clinical idea: the
   second and later parts of a group follow the other muscles of the same coverage and
   strength, so the first rows are different ideas (``group`` names the group).
4. **Frequency** - the mean rank of the muscle in the pain guide of each explained
   spot's region (``resources/pain_areas.yaml``): the more frequent cause first.
5. **Nearness** - the mean distance from the spots to the explaining trigger points,
   only as a last tie-break (referred pain is by definition felt away from its source).
6. Fewer essential regions (the more specific pattern), display name, side (right, left,
   bilateral): equal input always gives identical output.

Laterality follows the client's side: a zone entry ``same`` covers a spot on the trigger
point's side, ``opposite`` the other side, ``both`` either side; a midline spot is covered
by the muscle of either side. When the left and right instances explain the same spots in
the same way they merge into one ``bilateral`` candidate with both sides' trigger points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any

from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.core.pain_areas import PainAreas, load_pain_areas
from nmt_bodymap.core.ranking_explain import (
    ZONE_WEIGHTS,
    CandidateSide,
    Spot,
    ZoneName,
    check_spot,
    explanations,
    fits,
    merge_sides,
    sided_spot,
)
from nmt_bodymap.core.ranking_geometry import (
    AtlasLike,
    Point,
    TriggerPointSpot,
    mean_distance,
    muscles_under,
    muscles_under_many,
    spot_point,
    trigger_points,
)
from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW

__all__ = [
    "ZONE_WEIGHTS",
    "AtlasLike",
    "Candidate",
    "CandidateSide",
    "Places",
    "Spot",
    "TriggerPointSpot",
    "ZoneName",
    "distinct_places",
    "rank_candidates",
]

_SIDE_ORDER = {"right": 0, "left": 1, "bilateral": 2}
_NO_PAIN_AREAS = PainAreas({}, {}, {})


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
    explaining: tuple[str, ...] = ()  # ids of the trigger points that explain the spots
    group: str | None = None  # id of the group of parts with one pattern
    other_tp_spots: tuple[int, ...] = ()  # spots another trigger point of it explains

    def to_json(self) -> dict[str, Any]:
        """The candidate as the ``lookup --json`` contract shows it (plus extra keys)."""
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
                    "id": tp.id,
                    "side": tp.side,
                }
                for tp in self.trigger_points
            ],
            "group": self.group,
            "other_trigger_point_spots": list(self.other_tp_spots),
        }


def rank_candidates(
    spots: Sequence[Spot],
    knowledge: KnowledgeBase | None = None,
    atlas: AtlasLike | None = None,
    pain_areas: PainAreas | None = None,
) -> list[Candidate]:
    """The muscles that may cause ``spots``, best first (see the module docstring).

    ``pain_areas`` defaults to the packaged frequency order when the knowledge base is the
    packaged one, and to none (every muscle of equal frequency) for a handmade one.
    """
    kb = knowledge if knowledge is not None else load_knowledge()
    atlas = atlas if atlas is not None else _default_atlas()
    if pain_areas is None:
        packaged = knowledge is None or knowledge is load_knowledge()
        pain_areas = load_pain_areas() if packaged else _NO_PAIN_AREAS
    for spot in spots:
        check_spot(spot)
    spots = [sided_spot(spot, atlas) for spot in spots]
    points = [spot_point(s.view, s.region, s.side, s.point, atlas) for s in spots]
    places = distinct_places(spots, points, atlas)
    per_place = explanations(places.spots, places.points, kb, atlas, places.counts)
    ranked: list[tuple[tuple[Any, ...], Candidate]] = []
    for (muscle_id, side), (zones, tp_ids, others) in merge_sides(per_place).items():
        muscle = kb.muscle(muscle_id)
        sides: tuple[Side, ...] = ("right", "left") if side == "bilateral" else (side,)
        tps = _placed_tps(kb, atlas, muscle_id, sides, tp_ids)
        # Coverage, strength and frequency per place times its marks (sums of quarters and
        # whole numbers: exactly what adding them mark by mark gives).
        covered = score = frequency = 0.0
        for zone, count, spot in zip(zones, places.counts, places.spots, strict=True):
            if zone is None:
                continue
            covered += count
            score += ZONE_WEIGHTS[zone] * count
            rank = pain_areas.rank(spot.region, muscle.id) if zone != "local" else 99
            frequency += count * rank
        spot_zones = places.expand(zones)
        candidate = Candidate(
            muscle=muscle.id,
            name=muscle.name,
            side=side,
            aliases=tuple(muscle.aliases),
            score=score,
            explains=tuple(compress(range(len(spot_zones)), spot_zones)),  # zone not None
            zones=spot_zones,
            trigger_points=tps,
            explaining=tp_ids,
            group=pain_areas.group_of.get(muscle.id),
            other_tp_spots=places.expand_indexes(others),
        )
        key = (-int(covered), -score, frequency / covered if covered else 99.0)
        ranked.append((key, candidate))
    ranked.sort(key=lambda item: item[0])
    return _ideas_first(_break_ties(ranked, spots, points, kb, atlas))


@dataclass(frozen=True)
class Places:
    """The distinct places of some spots: a place is a view, region and side with the same
    muscles under its points, so every spot on it is explained alike (the ranking of a
    10,000-mark visit runs over its few hundred places, each counted as its marks)."""

    spots: list[Spot]  # one spot per place (the first on it)
    points: list[Point | None]
    counts: list[int]  # marks on each place
    of: list[int]  # per spot, its place

    def expand(self, zones: tuple[ZoneName | None, ...]) -> tuple[ZoneName | None, ...]:
        """Per-place zones as per-spot zones."""
        return tuple(map(zones.__getitem__, self.of))

    def expand_indexes(self, place_indexes: tuple[int, ...]) -> tuple[int, ...]:
        """Indexes of places as the (sorted) indexes of the spots on them."""
        if not place_indexes:
            return ()
        wanted = set(place_indexes)
        return tuple(i for i, p in enumerate(self.of) if p in wanted)


def distinct_places(
    spots: Sequence[Spot], points: Sequence[Point | None], atlas: AtlasLike
) -> Places:
    """Group sided spots (with their points) into places explained alike."""
    index: dict[tuple[Any, ...], int] = {}
    result = Places([], [], [], [])
    unders: list[tuple[tuple[str, Side], ...]] = [()] * len(spots)
    by_view: dict[str, tuple[list[int], list[Point]]] = {}
    for i, (spot, point) in enumerate(zip(spots, points, strict=True)):
        if point is not None and spot.view != INTERNAL_VIEW:
            where, placed = by_view.setdefault(spot.view, ([], []))
            where.append(i)
            placed.append(point)
    for view, (where, placed) in by_view.items():  # one look-up per view, not per mark
        for i, under in zip(where, muscles_under_many(atlas, view, placed), strict=True):
            unders[i] = under
    for spot, point, under in zip(spots, points, unders, strict=True):
        key = (spot.view, spot.region, spot.side, under)
        place = index.get(key)
        if place is None:
            place = index[key] = len(result.spots)
            result.spots.append(spot)
            result.points.append(point)
            result.counts.append(0)
        result.counts[place] += 1
        result.of.append(place)
    return result


def _break_ties(
    ranked: list[tuple[tuple[Any, ...], Candidate]],
    spots: Sequence[Spot],
    points: list[Point | None],
    kb: KnowledgeBase,
    atlas: AtlasLike,
) -> list[Candidate]:
    """Within runs of equal keys: nearness, specificity, name, side (nearness is measured
    only where it decides something: it is the slowest part of the key)."""
    views = [s.view for s in spots]
    result: list[Candidate] = []
    start = 0
    while start < len(ranked):
        end = start + 1
        while end < len(ranked) and ranked[end][0] == ranked[start][0]:
            end += 1
        run = [candidate for _, candidate in ranked[start:end]]
        if len(run) > 1:
            run.sort(
                key=lambda c: (
                    mean_distance(c.trigger_points, c.explains, views, points, atlas),
                    _essential_count(kb, c.muscle),
                    c.name.lower(),
                    _SIDE_ORDER[c.side],
                )
            )
        result += run
        start = end
    return result


def _essential_count(kb: KnowledgeBase, muscle_id: str) -> int:
    key = ("essential", muscle_id)
    found = kb.memo.get(key)
    if found is None:
        essential = kb.muscle(muscle_id).referral.essential
        found = kb.memo[key] = len({z.region for z in essential})
    return found


def _placed_tps(
    kb: KnowledgeBase,
    atlas: AtlasLike,
    muscle_id: str,
    sides: tuple[Side, ...],
    ids: tuple[str, ...],
) -> tuple[TriggerPointSpot, ...]:
    """The trigger points of ``ids`` (all when empty) on ``sides``, placed (memoised)."""
    key = ("tps", atlas, muscle_id, sides, ids)
    found = kb.memo.get(key)
    if found is None:
        muscle = kb.muscle(muscle_id)
        found = tuple(tp for s in sides for tp in trigger_points(atlas, muscle, s, ids or None))
        kb.memo[key] = found
    return found


def _ideas_first(ranked: list[Candidate]) -> list[Candidate]:
    """Later parts of a group move behind the other muscles of their coverage and strength."""
    seen: set[tuple[str, str]] = set()
    keyed: list[tuple[tuple[Any, ...], Candidate]] = []
    for position, candidate in enumerate(ranked):
        later = False
        if candidate.group is not None:
            idea = (candidate.group, candidate.side)
            later = idea in seen
            seen.add(idea)
        tier = (-len(candidate.explains), -round(candidate.score, 6))
        keyed.append(((*tier, later, position), candidate))
    keyed.sort(key=lambda item: item[0])
    return [candidate for _, candidate in keyed]


def under_spots(
    spots: Sequence[Spot], knowledge: KnowledgeBase | None = None, atlas: AtlasLike | None = None
) -> list[tuple[str, Side, tuple[int, ...]]]:
    """The muscles lying under the spots (muscle id, side, indexes of the spots), most
    spots first: always worth palpating where it hurts, whatever refers there.

    Worked out per distinct place (view, region, side and the muscles under it: one tree
    query per view for all the points), so a visit's 10,000 marks cost a look-up per place.
    """
    kb = knowledge if knowledge is not None else load_knowledge()
    atlas = atlas if atlas is not None else _default_atlas()
    sided = [sided_spot(given, atlas) for given in spots]
    points = [spot_point(s.view, s.region, s.side, s.point, atlas) for s in sided]
    places = distinct_places(sided, points, atlas)
    per_place: list[tuple[tuple[str, Side], ...]] = []
    for spot, point in zip(places.spots, places.points, strict=True):
        if point is None or spot.view == INTERNAL_VIEW:
            per_place.append(())
            continue
        per_place.append(
            tuple(
                (muscle_id, side)
                for muscle_id, side in muscles_under(atlas, spot.view, point)
                if muscle_id in kb and side in ("left", "right") and fits(spot, side)
            )
        )
    found: dict[tuple[str, Side], list[int]] = {}
    for i, place in enumerate(places.of):
        for key in per_place[place]:
            found.setdefault(key, []).append(i)
    order = sorted(found.items(), key=lambda kv: (-len(kv[1]), kb.muscle(kv[0][0]).name, kv[0][1]))
    return [(muscle_id, side, tuple(indexes)) for (muscle_id, side), indexes in order]


def muscle_candidate(
    muscle_id: str,
    side: CandidateSide,
    knowledge: KnowledgeBase | None = None,
    atlas: AtlasLike | None = None,
) -> Candidate:
    """One muscle as a candidate that explains no spot: for showing a muscle picked from a
    guide or a library on the map, with its trigger points placed like a ranked one."""
    kb = knowledge if knowledge is not None else load_knowledge()
    atlas = atlas if atlas is not None else _default_atlas()
    muscle = kb.muscle(muscle_id)
    sides: tuple[Side, ...] = ("right", "left") if side == "bilateral" else (side,)
    return Candidate(
        muscle=muscle.id,
        name=muscle.name,
        side=side,
        aliases=tuple(muscle.aliases),
        score=0.0,
        explains=(),
        zones=(),
        trigger_points=tuple(tp for s in sides for tp in trigger_points(atlas, muscle, s)),
    )


def _default_atlas() -> AtlasLike:
    from nmt_bodymap.core.atlas import load_atlas

    return load_atlas()
