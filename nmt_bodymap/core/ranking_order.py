"""The ranking's last steps: ties broken, ideas first, trigger points placed (issue 18).

Split from :mod:`nmt_bodymap.core.ranking` (the order itself is described there). What a
click repeats is memoised on the knowledge base (``kb.memo``, keyed by the atlas too): the
placed trigger points of every muscle side (placed all at once on the first ranking, which
the app does on its loader thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, groupby
from operator import attrgetter
from typing import Any

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.knowledge_schema import MuscleDef
from nmt_bodymap.core.ranking_explain import CandidateSide, ZoneName
from nmt_bodymap.core.ranking_geometry import (
    AtlasLike,
    Point,
    TriggerPointSpot,
    exists_on,
    mean_distance,
    trigger_points,
)
from nmt_bodymap.core.ranking_places import Places
from nmt_bodymap.core.sides import Side

SIDE_ORDER = {"right": 0, "left": 1, "bilateral": 2}
_KEY = attrgetter("key")


@dataclass(slots=True)
class Draft:
    """A candidate while it is ordered: its zones per place; per spot only when needed."""

    key: tuple[Any, ...]
    muscle: MuscleDef
    side: CandidateSide
    zones: tuple[ZoneName | None, ...]  # per place
    tp_ids: tuple[str, ...]
    others: tuple[int, ...]  # places
    tps: tuple[TriggerPointSpot, ...]
    score: float
    covered: int  # marks explained
    group: str | None
    spot_zones: tuple[ZoneName | None, ...] = ()
    explains: tuple[int, ...] | None = None
    tie: tuple[Any, ...] | None = None  # its tie-break (``break_ties``), once measured
    made: Any = None  # the candidate made of it (``ranking.Candidate``)
    before: Any = None  # the candidate made of it on the marks before a click

    def per_spot(self, places: Places) -> tuple[int, ...]:
        """The explained spots (their zones kept in ``spot_zones``)."""
        if self.explains is None:
            self.spot_zones = places.expand(self.zones)
            self.explains = tuple(compress(range(len(self.spot_zones)), self.spot_zones))
        return self.explains

    def carried(self, new_place: bool) -> Draft:
        """The draft on the marks and one more, which it does not explain (its muscle is
        not named there, ``ranking_step``): a zone more, None (at a new place, and at the
        new spot), the same spots explained."""
        zones = (*self.zones, None) if new_place else self.zones
        moved = Draft(
            self.key,
            self.muscle,
            self.side,
            zones,
            self.tp_ids,
            self.others,
            self.tps,
            self.score,
            self.covered,
            self.group,
        )
        if self.explains is not None:
            moved.spot_zones = (*self.spot_zones, None)
            moved.explains = self.explains
        moved.tie = self.tie
        moved.before = self.made
        return moved


def break_ties(
    ranked: list[Draft],
    views: list[str],
    points: list[Point | None],
    places: Places,
    kb: KnowledgeBase,
    atlas: AtlasLike,
) -> list[Draft]:
    """Within runs of equal keys: nearness, specificity, name, side (nearness is measured
    only where it decides something: it is the slowest part of the key, per spot). A draft
    keeps its tie-break: one carried over a click (``Draft.carried``) is not measured again."""

    def tie(d: Draft) -> tuple[Any, ...]:
        found = d.tie
        if found is None:
            near = mean_distance(d.tps, d.per_spot(places), views, points, atlas)
            found = d.tie = (near, *_order_of(kb, d.muscle), SIDE_ORDER[d.side])
        return found

    result: list[Draft] = []
    for _key, equal in groupby(ranked, key=_KEY):  # the runs of equal keys
        run = list(equal)
        if len(run) > 1:
            run.sort(key=tie)
        result += run
    return result


def _order_of(kb: KnowledgeBase, muscle: MuscleDef) -> tuple[int, str]:
    """A muscle's last tie-breaks: its essential regions counted, its name (memoised)."""
    key = ("order", muscle.id)
    found: tuple[int, str] | None = kb.memo.get(key)
    if found is None:
        essential = len({z.region for z in muscle.referral.essential})
        found = kb.memo[key] = (essential, muscle.name.lower())
    return found


def placed_tps(
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
        table = _placed_table(kb, atlas)
        wanted = set(ids)
        found = tuple(
            tp
            for s in sides
            for tp in table.get((muscle_id, s)) or trigger_points(atlas, kb.muscle(muscle_id), s)
            if not ids or tp.id in wanted
        )
        kb.memo[key] = found
    return found


def _placed_table(
    kb: KnowledgeBase, atlas: AtlasLike
) -> dict[tuple[str, Side], tuple[TriggerPointSpot, ...]]:
    """Every muscle side's trigger points, placed once (a few ms) instead of a few per
    click while the first clicks meet new muscles."""
    key = ("placed table", atlas)
    table: dict[tuple[str, Side], tuple[TriggerPointSpot, ...]] | None = kb.memo.get(key)
    if table is None:
        sides: tuple[Side, ...] = ("right", "left")
        place_many = getattr(atlas, "place_many", None)
        if place_many is not None:  # the atlas's: read from its disk cache (issue 18)
            place_many(
                (tp.view, m.id, s, tp.along, tp.across)
                for m in kb.muscles
                for s in sides
                for tp in m.trigger_points
                if exists_on(tp, s)
            )
        table = {(m.id, s): tuple(trigger_points(atlas, m, s)) for m in kb.muscles for s in sides}
        kb.memo[key] = table
    return table


def ideas_first(ranked: list[Draft]) -> list[Draft]:
    """Later parts of a group move behind the other muscles of their coverage and strength.

    ``ranked`` is in the order of its keys (coverage, then strength first): with no later
    part in it, the sort below would keep that order, so it is not made."""
    seen: set[tuple[str, str]] = set()
    for draft in ranked:  # is a later part in it?
        if draft.group is not None:
            idea = (draft.group, draft.side)
            if idea in seen:
                break
            seen.add(idea)
    else:
        return ranked
    seen.clear()
    keyed: list[tuple[tuple[Any, ...], Draft]] = []
    moved = False
    for position, draft in enumerate(ranked):
        later = False
        if draft.group is not None:
            idea = (draft.group, draft.side)
            later = idea in seen
            moved = moved or later
            seen.add(idea)
        tier = (-draft.covered, -round(draft.score, 6))  # covered: the spots it explains
        keyed.append(((*tier, later, position), draft))
    if not moved:
        return ranked
    keyed.sort(key=lambda item: item[0])
    return [draft for _, draft in keyed]
