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

from collections import OrderedDict
from collections.abc import Callable, Sequence
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
    muscles_under,
    spot_point,
    trigger_points,
)
from nmt_bodymap.core.ranking_order import Draft, break_ties, ideas_first, placed_tps
from nmt_bodymap.core.ranking_places import Places, distinct_places
from nmt_bodymap.core.ranking_step import Step, made_step, prepare
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
    "rank_and_under",
    "rank_candidates",
    "under_spots",
]

_NO_PAIN_AREAS = PainAreas({}, {}, {})
KEPT_RANKINGS = 8  # sets of marks whose ranking is kept (undo, redo, selections)
KEPT_MARKS = 200  # ... of at most this many marks


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


Under = tuple[str, Side, tuple[int, ...]]  # a muscle under the spots: id, side, spots


def rank_candidates(
    spots: Sequence[Spot],
    knowledge: KnowledgeBase | None = None,
    atlas: AtlasLike | None = None,
    pain_areas: PainAreas | None = None,
    limit: int | None = None,
) -> list[Candidate]:
    """The muscles that may cause ``spots``, best first (see the module docstring); the
    first ``limit`` of them when given (the same as slicing the whole list, cheaper).

    ``pain_areas`` defaults to the packaged frequency order when the knowledge base is the
    packaged one, and to none (every muscle of equal frequency) for a handmade one.
    """
    return rank_and_under(spots, knowledge, atlas, pain_areas, limit, under=False)[0]


def rank_and_under(
    spots: Sequence[Spot],
    knowledge: KnowledgeBase | None = None,
    atlas: AtlasLike | None = None,
    pain_areas: PainAreas | None = None,
    limit: int | None = None,
    under: bool = True,
) -> tuple[list[Candidate], list[Under]]:
    """``rank_candidates`` and ``under_spots`` of the same spots, their places made once."""
    kb = knowledge if knowledge is not None else load_knowledge()
    atlas = atlas if atlas is not None else _default_atlas()
    if pain_areas is None:
        # a knowledge base is the packaged one for life, and its pain areas are the packaged
        # ones (``load_pain_areas`` makes a path and hashes it per call: ~10 us a click)
        pain_areas = kb.memo.get("pain areas")
        if pain_areas is None:
            packaged = knowledge is None or knowledge is load_knowledge()
            pain_areas = load_pain_areas() if packaged else _NO_PAIN_AREAS
            kb.memo["pain areas"] = pain_areas
    # The same marks ranked again (an undo, a redo, a selection given back): the answer
    # kept for the last few sets of marks, exact (a moved mark is another spot); not for a
    # big visit (its answers are large and its key costs a hash per mark).
    kept: OrderedDict[Any, Any] | None = None
    key = None
    if len(spots) <= KEPT_MARKS:
        kept = kb.memo.setdefault(("ranked", atlas), OrderedDict())
        # the spots' fields (a Spot's own hash is Python code, run per spot per look-up)
        key = (tuple([(s.view, s.region, s.side, s.point) for s in spots]), limit, under)
        found = kept.get(key)
        if found is not None and found[0] is pain_areas:
            kept.move_to_end(key)
            return list(found[1]), list(found[2])
    for view, region, side in dict.fromkeys((s.view, s.region, s.side) for s in spots):
        check_spot(Spot(view, region, side))  # the first bad spot's error, once per kind
    # A click's marks are the marks before it and one more: their places and explanations
    # made from those kept of the marks before (``ranking_step``).
    step = prepare(spots, None if key is None else key[0], kb, atlas, _fresh_step(kb, atlas))
    ranked = _rank(step, kb, atlas, pain_areas, limit)
    unders = _under(step.places, kb, atlas) if under else []
    if kept is not None:
        kept[key] = (pain_areas, tuple(ranked), tuple(unders))
        if len(kept) > KEPT_RANKINGS:
            kept.popitem(last=False)
    return ranked, unders


def _prepare(
    spots: Sequence[Spot], atlas: AtlasLike
) -> tuple[list[Spot], list[Point | None], Places]:
    """The sided spots, their points and their distinct places."""
    # Only a midline spot can take the side of its point (``sided_spot``).
    sided = [sided_spot(s, atlas) if s.side == "midline" else s for s in spots]
    points = [
        s.point if s.point is not None else spot_point(s.view, s.region, s.side, None, atlas)
        for s in sided
    ]
    return sided, points, distinct_places(sided, points, atlas)


def _fresh_step(kb: KnowledgeBase, atlas: AtlasLike) -> Callable[[Sequence[Spot]], Step]:
    def fresh(spots: Sequence[Spot]) -> Step:
        sided, points, places = _prepare(spots, atlas)
        per_place = explanations(
            places.spots, places.points, kb, atlas, places.counts, places.unders or None
        )
        return made_step(sided, points, places, per_place)

    return fresh


def _rank(
    step: Step, kb: KnowledgeBase, atlas: AtlasLike, pain_areas: PainAreas, limit: int | None
) -> list[Candidate]:
    places, spots, points = step.places, step.sided, step.points
    counts, place_spots = places.counts, places.spots
    merged = merge_sides(step.per_place)
    # Coverage and strength per place times its marks (sums of quarters and whole numbers:
    # exactly what adding them mark by mark gives), explained places only; first for all,
    # when only the first ``limit`` are wanted and there are more.
    sums: list[tuple[int, float]] = []
    if limit is not None and 0 < limit < len(merged):
        for zones, _tp_ids, _others in merged.values():
            covered = 0
            score = 0.0
            for p in compress(range(len(zones)), zones):
                count = counts[p]
                covered += count
                score += ZONE_WEIGHTS[zones[p]] * count  # type: ignore[index]
            sums.append((covered, score))
    last = sorted(sums, reverse=True)[limit - 1] if sums and limit else None
    # The drafts of the marks before a click whose muscle the new mark does not name (with
    # the same pain areas): carried over, a zone more (``ranking_step``).
    carried = step.carried[1] if step.carried and step.carried[0] is pain_areas else {}
    drafts: list[Draft] = []
    for k, ((muscle_id, side), (zones, tp_ids, others)) in enumerate(merged.items()):
        if last is not None:
            covered, score = sums[k]
            if (covered, score) < last and not _shown(covered, score, last):
                continue  # in a tier wholly behind the first ``limit`` candidates
        before = carried.get((muscle_id, side))
        if before is not None:
            drafts.append(before.carried(step.new_place))
            continue
        muscle = kb.muscle(muscle_id)
        sides: tuple[Side, ...] = ("right", "left") if side == "bilateral" else (side,)
        if last is None:
            covered = 0
            score = 0.0
        frequency = 0.0
        for p in compress(range(len(zones)), zones):
            zone, count = zones[p], counts[p]
            if last is None:
                covered += count
                score += ZONE_WEIGHTS[zone] * count  # type: ignore[index]
            rank = pain_areas.rank(place_spots[p].region, muscle.id) if zone != "local" else 99
            frequency += count * rank
        key = (-covered, -score, frequency / covered if covered else 99.0)
        tps = placed_tps(kb, atlas, muscle_id, sides, tp_ids)
        group = pain_areas.group_of.get(muscle.id)
        drafts.append(Draft(key, muscle, side, zones, tp_ids, others, tps, score, covered, group))
    step.drafts = (pain_areas, drafts)
    step.carried = None  # made of them (what is kept of a step is the drafts it made)
    drafts.sort(key=lambda d: d.key)
    views = [s.view for s in spots]
    ordered = ideas_first(break_ties(drafts, views, points, places, kb, atlas))
    return [_candidate(d, places) for d in ordered[:limit]]


def _shown(covered: int, score: float, last: tuple[int, float]) -> bool:
    """Whether a candidate is in a tier up to ``last`` (the tier of the ``limit``-th by
    coverage and strength): only those can be among the first ``limit``. The order moves a
    candidate only within its tier (ties are broken within equal keys, later parts of a
    group move behind the others of their tier) and the tiers come in the order of their
    keys, so the candidates of the tiers behind cannot be shown and are neither placed nor
    ordered (about half of a 15-mark visit's). ``ideas_first``
    compares strengths rounded to 6 places: one rounded equal to the last tier's is kept
    too (strengths are sums of quarters, so none is)."""
    if covered != last[0]:
        return covered > last[0]
    return score >= last[1] or round(score, 6) == round(last[1], 6)


def _candidate(draft: Draft, places: Places) -> Candidate:
    explains = draft.per_spot(places)
    before: Candidate | None = draft.before
    if before is not None:  # carried over a click: its zones one spot longer
        draft.before = None
        candidate = Candidate(
            before.muscle,
            before.name,
            before.side,
            before.aliases,
            before.score,
            before.explains,
            draft.spot_zones,
            before.trigger_points,
            before.explaining,
            before.group,
            before.other_tp_spots,
        )
    else:
        muscle = draft.muscle
        candidate = Candidate(
            muscle=muscle.id,
            name=muscle.name,
            side=draft.side,
            aliases=tuple(muscle.aliases),
            score=draft.score,
            explains=explains,
            zones=draft.spot_zones,
            trigger_points=draft.tps,
            explaining=draft.tp_ids,
            group=draft.group,
            other_tp_spots=places.expand_indexes(draft.others),
        )
    draft.made = candidate
    return candidate


def under_spots(
    spots: Sequence[Spot], knowledge: KnowledgeBase | None = None, atlas: AtlasLike | None = None
) -> list[Under]:
    """The muscles lying under the spots (muscle id, side, indexes of the spots), most
    spots first: always worth palpating where it hurts, whatever refers there.

    Worked out per distinct place (view, region, side and the muscles under it: one tree
    query per view for all the points), so a visit's 10,000 marks cost a look-up per place.
    """
    kb = knowledge if knowledge is not None else load_knowledge()
    atlas = atlas if atlas is not None else _default_atlas()
    return _under(_prepare(spots, atlas)[2], kb, atlas)


def _under(places: Places, kb: KnowledgeBase, atlas: AtlasLike) -> list[Under]:
    found: dict[tuple[str, Side], list[int]] = {}  # muscle side -> its places
    for place, (spot, point) in enumerate(zip(places.spots, places.points, strict=True)):
        if point is None or spot.view == INTERNAL_VIEW:
            continue
        under = places.unders[place] if places.unders else muscles_under(atlas, spot.view, point)
        for muscle_id, side in under:
            if muscle_id in kb and side in ("left", "right") and fits(spot, side):
                found.setdefault((muscle_id, side), []).append(place)
    members = places.members
    spots_of = {
        key: sorted(i for place in where for i in members[place]) for key, where in found.items()
    }
    order = sorted(
        spots_of.items(), key=lambda kv: (-len(kv[1]), kb.muscle(kv[0][0]).name, kv[0][1])
    )
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
