"""A click's places and explanations from those of the marks before it (issue 18).

A click adds one mark to a visit whose marks were ranked a moment ago: the places of the
marks and the explanation of every muscle side (``ranking_explain.explanations``) are kept
for the last few sets of marks, and the set with one mark more at its end is made from them.
The new mark's place is the only one that changes: it is a new place at the end, or one
more mark on a place already there. A muscle side the place names in no zone and does not
lie under explains every other place as before (no new zone; its patterns' strengths
count only the places they name), so it keeps its explanation (with "no zone" at a new
place); the muscle sides the place names or lies under are explained again, from all the
places, as a ranking from nothing explains them. The answer is the same in every case
(tests/core/test_ranking_step.py compares them over many random visits).

Only for small visits (fewer marks than ``BATCH_UNDER``: the muscles under a mark are then
found mark by mark, as ``distinct_places`` finds them); a big visit is ranked from nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.ranking_explain import (
    CandidateSide,
    Explanation,
    Spot,
    explanations,
    muscle_sides_named,
    sided_spot,
)
from nmt_bodymap.core.ranking_geometry import (
    BATCH_UNDER,
    AtlasLike,
    Point,
    muscles_under,
    spot_point,
)
from nmt_bodymap.core.ranking_places import Places
from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW

KEPT_STEPS = 3  # sets of marks whose places and explanations are kept (~30 KB each at 15)

PlaceKey = tuple[str, str, Side, tuple[tuple[str, Side], ...]]
Fields = tuple[tuple[str, str, Side, Point | None], ...]  # per spot: view, region, side, point


@dataclass
class Step:
    """The places of some marks and every muscle side's explanation over them."""

    sided: list[Spot]
    points: list[Point | None]
    places: Places
    per_place: dict[tuple[str, Side], Explanation]
    # False: places made without the muscles under them (a test's mark-by-mark), not grown
    growable: bool
    # the drafts the last ranking made on it, with the pain areas it used (``Draft``s)
    drafts: tuple[Any, list[Any]] | None = None
    # place key (as ``distinct_places`` makes it) -> place, made when a click grows it
    index: dict[PlaceKey, int] | None = None
    # those of the marks before a click that the click leaves as they were
    carried: tuple[Any, dict[tuple[str, CandidateSide], Any]] | None = None
    new_place: bool = False  # the click's mark is on a new place, the last


def prepare(
    spots: Sequence[Spot],
    fields: Fields | None,
    kb: KnowledgeBase,
    atlas: AtlasLike,
    fresh: Callable[[Sequence[Spot]], Step],
) -> Step:
    """The places and explanations of ``spots`` (``fields``: their view, region, side and
    point, the key they are kept under; None: not kept); ``fresh`` makes them from nothing."""
    if fields is None or len(spots) >= BATCH_UNDER:
        return fresh(spots)
    kept: OrderedDict[Fields, Step] = kb.memo.setdefault(("steps", atlas), OrderedDict())
    step = kept.get(fields)
    if step is not None:
        kept.move_to_end(fields)
        return step
    base = kept.get(fields[:-1]) if fields else None  # only growable steps are kept
    if base is None:
        step = fresh(spots)
        if not step.growable:
            return step
    else:
        kept.move_to_end(fields[:-1])  # the visit before the click: kept for the next one
        step = _grown(base, spots[-1], kb, atlas)
    kept[fields] = step
    while len(kept) > KEPT_STEPS:
        kept.popitem(last=False)
    return step


def made_step(
    sided: list[Spot],
    points: list[Point | None],
    places: Places,
    per_place: dict[tuple[str, Side], Explanation],
) -> Step:
    """A step from places made from nothing (``distinct_places``) and their explanations."""
    return Step(sided, points, places, per_place, len(places.unders) == len(places.spots))


def _grown(base: Step, spot: Spot, kb: KnowledgeBase, atlas: AtlasLike) -> Step:
    """``base`` with ``spot`` marked after its marks."""
    spot = sided_spot(spot, atlas) if spot.side == "midline" else spot
    point = spot.point
    if point is None:
        point = spot_point(spot.view, spot.region, spot.side, None, atlas)
    on_drawing = point is not None and spot.view != INTERNAL_VIEW
    under = muscles_under(atlas, spot.view, point) if on_drawing else ()
    key: PlaceKey = (spot.view, spot.region, spot.side, under)
    old = base.places
    index = base.index
    if index is None:
        index = base.index = {
            (s.view, s.region, s.side, muscles): i
            for i, (s, muscles) in enumerate(zip(old.spots, old.unders, strict=True))
        }
    place = index.get(key)
    if place is None:  # a new place, at the end
        place = len(old.spots)
        places = Places(
            [*old.spots, spot],
            [*old.points, point],
            [*old.counts, 1],
            [*old.of, place],
            [*old.unders, under],
        )
        index = {**index, key: place}
    else:  # one more mark on a place
        counts = list(old.counts)
        counts[place] += 1
        places = Places(
            list(old.spots), list(old.points), counts, [*old.of, place], list(old.unders)
        )
    grown = len(places.spots) > len(old.spots)
    # The muscle sides the place names (all its links, live or not) or lies over.
    named = {*muscle_sides_named(kb, spot.region, spot.side), *under}
    per_place: dict[tuple[str, Side], Explanation] = {}
    for muscle_side, explained in base.per_place.items():
        if muscle_side in named:
            continue
        if grown:
            zones, tp_ids, others = explained
            explained = ((*zones, None), tp_ids, others)
        per_place[muscle_side] = explained
    per_place.update(
        explanations(
            places.spots, places.points, kb, atlas, places.counts, places.unders or None, named
        )
    )
    # A candidate whose muscle the place does not name nor lie over explains the same spots
    # with the same trigger points: the same draft (a zone more) and tie-break.
    muscles = {muscle_id for muscle_id, _ in named}
    carried = None
    if base.drafts is not None:
        pain_areas, drafts = base.drafts
        kept = {(d.muscle.id, d.side): d for d in drafts if d.muscle.id not in muscles}
        carried = (pain_areas, kept)
    return Step(
        [*base.sided, spot],
        [*base.points, point],
        places,
        per_place,
        growable=True,
        index=index,
        carried=carried,
        new_place=grown,
    )
