"""Which trigger point of each muscle explains which painful spot, and how strongly.

Split from :mod:`nmt_bodymap.core.ranking` (which orders the candidates): the spots, the
zone kinds, and per muscle side the best trigger point(s) with the spots they explain.
Laterality comes from :func:`nmt_bodymap.core.places.zone_sides` (one rule, one place).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from operator import itemgetter, mul
from typing import Literal

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.places import zone_sides
from nmt_bodymap.core.ranking_geometry import AtlasLike, Point, exists_on, muscles_under
from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW, load_vocabulary, overlapping, shown_side

ZoneName = Literal["essential", "spillover", "local"]
CandidateSide = Literal["left", "right", "bilateral"]
ZONE_WEIGHTS: dict[str, float] = {"essential": 1.0, "spillover": 0.5, "local": 0.25}


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


def live_ids(kb: KnowledgeBase, muscle_id: str, side: Side, pattern: int) -> tuple[str, ...]:
    """Ids of the trigger points of a pattern that exist on ``side`` (memoised)."""
    key = ("live", muscle_id, side, pattern)
    found = kb.memo.get(key)
    if found is None:
        tps = {tp.id: tp for tp in kb.muscle(muscle_id).trigger_points}
        ids = kb.patterns(muscle_id)[pattern].trigger_points
        found = kb.memo[key] = tuple(t for t in ids if exists_on(tps[t], side))
    return found


def fits(spot: Spot, muscle_side: Side) -> bool:
    """A one-sided spot on a midline region (right of the sternum) is under that side's
    muscles only; any other spot under whatever the hit test found."""
    entry = load_vocabulary()[spot.region]
    return entry.sides != "midline" or spot.side == "midline" or spot.side == muscle_side


def sided_spot(spot: Spot, atlas: AtlasLike) -> Spot:
    """A midline spot with a point on a region whose pain may be one-sided (vertex, chin,
    sternum, sacrum) takes the side of the point: a click left of the midline is the left
    vertex (on the anterior view the client's left is on the viewer's right); the rule is
    :func:`nmt_bodymap.core.vocabulary.shown_side`."""
    x = None if spot.point is None else spot.point[0]
    side = shown_side(spot.view, spot.region, spot.side, x, getattr(atlas, "side_at", None))
    return spot if side == spot.side else Spot(spot.view, spot.region, side, spot.point)


def check_spot(spot: Spot) -> None:
    entry = load_vocabulary().get(spot.region)
    if entry is None:
        raise ValueError(f"unknown region {spot.region!r}")
    if spot.side not in entry.spot_sides():
        raise ValueError(f"side {spot.side!r} does not fit region {spot.region!r}")
    if (spot.view == INTERNAL_VIEW) != entry.internal:
        raise ValueError(f"region {spot.region!r} is not on the {spot.view!r} view")


Zones = tuple[ZoneName | None, ...]
Explanation = tuple[Zones, tuple[str, ...], tuple[int, ...]]


def explanations(
    spots: Sequence[Spot],
    points: list[Point | None],
    kb: KnowledgeBase,
    atlas: AtlasLike,
    weights: Sequence[int] | None = None,
    unders: Sequence[tuple[tuple[str, Side], ...]] | None = None,
    only: Collection[tuple[str, Side]] | None = None,
) -> dict[tuple[str, Side], Explanation]:
    """Per muscle side: the zones at each spot of its best trigger point(s), their ids, and
    the spots only another of its trigger points explains.

    ``weights`` (default 1 each) counts a spot as that many equal spots: the ranking of a
    whole visit passes each distinct place once with the number of marks on it, and the
    muscles already found under each (``unders``: no second look-up). ``only``: just these
    muscle sides (each explained as among all, from all the places: a click's new place
    changes only the muscle sides it names, ``ranking_step``)."""
    n = len(spots)
    counts = [1] * n if weights is None else list(weights)
    by_pattern: dict[tuple[str, Side], dict[int, list[ZoneName | None]]] = {}
    # The pattern links of a place depend on its region and side alone: a visit's ~1,500
    # places share a few dozen of them, so each is spelled out once, with each (muscle side,
    # pattern)'s strongest zone, and given to all its places at once. Taken in the order
    # of each group's first place, the patterns come in the same order as place by place.
    named: dict[tuple[tuple[str, Side], int], list[int]] = {}  # the places each zones names
    groups: dict[tuple[str, Side], list[int]] = {}
    for i, spot in enumerate(spots):
        groups.setdefault((spot.region, spot.side), []).append(i)
    for (region, spot_side), members in groups.items():
        hits = _strongest_hits(kb, region, spot_side)
        if only is not None:
            hits = {hit: kind for hit, kind in hits.items() if hit[0] in only}
        for (key, pattern), kind in hits.items():
            per_pattern = by_pattern.get(key)
            if per_pattern is None:
                per_pattern = by_pattern[key] = {}
            zones = per_pattern.get(pattern)
            if zones is None:
                zones = per_pattern[pattern] = [None] * n
                named[(key, pattern)] = []
            for i in members:  # each place is in one group: its zone is set once
                zones[i] = kind
            named[(key, pattern)] += members
    local: dict[tuple[str, Side], set[int]] = {}
    for i, spot in enumerate(spots):
        point = points[i]
        if point is None or spot.view == INTERNAL_VIEW:
            continue
        under = unders[i] if unders else muscles_under(atlas, spot.view, point)
        if only is not None:
            under = tuple(muscle_side for muscle_side in under if muscle_side in only)
        for muscle_id, side in under:
            if muscle_id in kb and side in ("left", "right") and fits(spot, side):
                local.setdefault((muscle_id, side), set()).add(i)
    result: dict[tuple[str, Side], Explanation] = {}
    live_table = _live_table(kb)
    for key in {*by_pattern, *local}:
        lives = live_table.get(key)
        if lives is None:  # per pattern of the muscle, its trigger points live on the side
            count = len(kb.patterns(key[0]))
            lives = live_table[key] = tuple(live_ids(kb, *key, p) for p in range(count))
        options = [
            (index, zones) for index, zones in by_pattern.get(key, {}).items() if lives[index]
        ]
        best: list[ZoneName | None] = [None] * n
        tp_ids: tuple[str, ...] = ()
        others: set[int] = set()
        if len(options) == 1:
            best = options[0][1]
            tp_ids = lives[options[0][0]]
        elif options:
            chosen, zones = max(options, key=lambda o: _strength(o[1], counts, named[(key, o[0])]))
            best = list(zones)
            for index, zones in sorted(options):
                if zones == best:
                    tp_ids += lives[index]
            # the places another pattern names and the best one does not
            others = set().union(*(named[(key, index)] for index, _ in options))
            others.difference_update(named[(key, chosen)])
        for i in local.get(key, ()):
            if best[i] is None:
                best[i] = "local"
                others.discard(i)
        if options or key in local:
            result[key] = (tuple(best), tp_ids, tuple(sorted(others)))
    return result


def _live_table(kb: KnowledgeBase) -> dict[tuple[str, Side], tuple[tuple[str, ...], ...]]:
    """Per muscle side, ``live_ids`` of each of its patterns (one look-up per muscle side
    and ranking, not one per pattern; filled as muscle sides come up)."""
    table: dict[tuple[str, Side], tuple[tuple[str, ...], ...]] | None = kb.memo.get("lives")
    if table is None:
        table = kb.memo["lives"] = {}
    return table


def _strongest_hits(
    kb: KnowledgeBase, region: str, spot_side: Side
) -> dict[tuple[tuple[str, Side], int], ZoneName]:
    """Every (muscle side, pattern) a spot on this region and side lies in, in the order of
    the knowledge base's links, with its strongest zone (the first of equal ones; memoised:
    read only)."""
    memo_key = ("strongest", region, spot_side)
    known: dict[tuple[tuple[str, Side], int], ZoneName] | None = kb.memo.get(memo_key)
    if known is not None:
        return known
    found: dict[tuple[tuple[str, Side], int], ZoneName] = {}
    for name in overlapping(region):
        for link in kb.pattern_links(name):
            for side in zone_sides(link.entry.side, spot_side):
                hit = ((link.muscle.id, side), link.pattern)
                current = found.get(hit)
                if current is None or ZONE_WEIGHTS[link.kind] > ZONE_WEIGHTS[current]:
                    found[hit] = link.kind
    kb.memo[memo_key] = found
    return found


def muscle_sides_named(kb: KnowledgeBase, region: str, spot_side: Side) -> set[tuple[str, Side]]:
    """The muscle sides whose patterns name a spot on this region and side in a zone (live
    trigger points or not)."""
    return {key for key, _ in _strongest_hits(kb, region, spot_side)}


def _strength(
    zones: Sequence[ZoneName | None], counts: Sequence[int], where: list[int]
) -> tuple[int, float]:
    # The places a pattern explains (``where``, the places its zones name), in order: the
    # same sums, added in the same order, as a loop over every place, at C speed over the
    # few it names (of ~1,500).
    where.sort()
    pick = itemgetter(*where) if len(where) > 1 else (lambda seq: (seq[where[0]],))
    covered: tuple[int, ...] = pick(counts)
    named: tuple[ZoneName, ...] = pick(zones)
    return sum(covered), sum(map(mul, map(ZONE_WEIGHTS.__getitem__, named), covered))


def merge_sides(
    per_side: dict[tuple[str, Side], Explanation],
) -> dict[tuple[str, CandidateSide], Explanation]:
    """Per muscle, the candidate sides: ``bilateral`` when both sides match exactly."""
    result: dict[tuple[str, CandidateSide], Explanation] = {}
    for muscle_id in sorted({m for m, _ in per_side}):  # the muscles in id order
        left = per_side.get((muscle_id, "left"))
        right = per_side.get((muscle_id, "right"))
        if left is not None and left == right:
            result[(muscle_id, "bilateral")] = left
            continue
        if right is not None:
            result[(muscle_id, "right")] = right
        if left is not None:
            result[(muscle_id, "left")] = left
    return result
