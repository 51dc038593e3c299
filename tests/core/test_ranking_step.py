"""A click ranked from the marks before it (issue 18, ``core.ranking_step``) answers exactly as
a ranking from nothing: the same candidates in the same order, with the same scores, zones,
trigger points and "other trigger point" spots, and the same muscles under the spots, for
random visits on both views (sides, midline spots left and right, internal sites, spots
without a point, marks on a place already marked) after marks are added, removed or moved,
for the list's limit, a small one and none."""

from __future__ import annotations

import random
from typing import Any

import pytest

from nmt_bodymap.core import ranking, ranking_order
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.pain_areas import PainAreas
from nmt_bodymap.core.ranking import Spot, rank_and_under
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW, internal_sites
from tests.core.random_visits import rank_fresh as _fresh


class _Marks:
    """Random spots as a therapist marks them (fixed seed)."""

    def __init__(self, seed: int) -> None:
        self.atlas = load_atlas()
        self.rng = random.Random(seed)
        self.regions = self.atlas.regions()
        self.internal = [
            Spot(INTERNAL_VIEW, name, side)
            for name, site in internal_sites().items()
            for side in site.client_sides()
        ]
        sternum = self.atlas.region("anterior", "sternum", "midline").point
        self.midline = [  # a midline region clicked left and right of its midline
            Spot("anterior", "sternum", "midline", (sternum[0] - 3.0, sternum[1])),
            Spot("anterior", "sternum", "midline", (sternum[0] + 3.0, sternum[1])),
        ]

    def spot(self) -> Spot:
        rng = self.rng
        kind = rng.random()
        if kind < 0.06:
            return rng.choice(self.internal)
        if kind < 0.12:
            region = rng.choice(self.regions)  # no point: the region's own
            return Spot(region.view, region.region, region.side)
        if kind < 0.16:
            return rng.choice(self.midline)
        while True:
            view = rng.choice(self.atlas.views())
            min_x, min_y, width, height = self.atlas.view_box(view)
            x, y = min_x + rng.random() * width, min_y + rng.random() * height
            region = self.atlas.region_at(view, x, y)
            if region is not None:
                return Spot(view, region.region, region.side, (x, y))

    def changed(self, visit: list[Spot]) -> list[Spot]:
        """The visit after a gesture: mostly a click (a mark more, sometimes on a place
        already marked), else an undo, a mark deleted or moved."""
        rng = self.rng
        gesture = rng.random()
        if gesture < 0.45 or len(visit) < 2:
            return [*visit, self.spot()]
        if gesture < 0.6:
            return [*visit, rng.choice(visit)]  # again on a marked place
        if gesture < 0.75:
            return visit[:-1]
        changed = list(visit)
        if gesture < 0.88:
            del changed[rng.randrange(len(changed))]
        else:
            changed[rng.randrange(len(changed))] = self.spot()
        return changed


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_click_ranked_from_the_marks_before_it_answers_as_from_nothing(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nmt_bodymap.core import ranking_step

    kb = load_knowledge()
    grown: list[int] = []
    real = ranking_step._grown

    def counting(*args: Any) -> Any:
        grown.append(1)
        return real(*args)

    monkeypatch.setattr(ranking_step, "_grown", counting)
    marks = _Marks(seed)
    compared = 0
    for _visit in range(6):
        visit = [marks.spot() for _ in range(marks.rng.choice([1, 3, 8, 15]))]
        for _gesture in range(8):
            limit = marks.rng.choice([30, 30, 5, None])
            answer = rank_and_under(visit, kb, limit=limit)
            assert answer == _fresh(visit, limit=limit)
            compared += 1
            visit = marks.changed(visit)
    assert compared == 48
    assert len(grown) > 15  # the clicks were made from the marks before them


def test_the_first_candidates_are_the_first_of_all_of_them() -> None:
    """Only the tiers the first ``limit`` reach into are ordered: the same first ones."""
    kb = load_knowledge()
    marks = _Marks(8)
    for count in (1, 2, 4, 10, 16, 25):
        visit = [marks.spot() for _ in range(count)]
        everything = _fresh(visit)[0]
        for limit in (1, 5, 30):
            assert rank_and_under(visit, kb, limit=limit)[0] == everything[:limit]


def test_other_pain_areas_on_a_grown_visit_answer_as_from_nothing() -> None:
    kb = load_knowledge()
    marks = _Marks(5)
    visit = [marks.spot() for _ in range(6)]
    rank_and_under(visit, kb, limit=30)
    clicked = [*visit, marks.spot()]
    equal = PainAreas({}, {}, {})
    assert rank_and_under(clicked, kb, pain_areas=equal, limit=30) == _fresh(
        clicked, pain_areas=equal, limit=30
    )
    assert rank_and_under(clicked, kb, limit=30) == _fresh(clicked, limit=30)


def test_a_click_measures_nearness_only_for_the_muscles_its_mark_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The tie-break by nearness measured on the visit before the click is kept for the
    candidates whose muscle the new mark names in no zone and does not lie over (the same
    spots explained by the same trigger points). Fails on a ranking that measures every tie
    again on every click."""
    kb = load_knowledge()
    marks = _Marks(21)
    measured: list[str] = []
    real = ranking_order.mean_distance

    def counting(tps: Any, *args: Any) -> float:
        measured.append(tps[0].id if tps else "")
        return real(tps, *args)

    monkeypatch.setattr(ranking_order, "mean_distance", counting)
    visit = [s for s in (marks.spot() for _ in range(60)) if s.view != INTERNAL_VIEW][:15]
    rank_and_under(visit, kb, limit=30)  # the visit as it opened
    before = len(measured)
    assert before > 10  # ties were broken by nearness
    remeasured = []
    for _click in range(10):
        measured.clear()
        rank_and_under([*visit, marks.spot()], kb, limit=30)
        remeasured.append(len(measured))
    assert sorted(remeasured)[5] < before / 2  # a click re-measures a few, not all


def test_a_click_drafts_anew_only_the_candidates_of_the_muscles_its_mark_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The other candidates are carried over from the visit before the click (a zone more);
    fails on a ranking that places every candidate's trigger points again on every click."""
    kb = load_knowledge()
    marks = _Marks(22)
    placed: list[str] = []
    real = ranking.placed_tps

    def counting(kb_: Any, atlas: Any, muscle_id: str, *args: Any) -> Any:
        placed.append(muscle_id)
        return real(kb_, atlas, muscle_id, *args)

    monkeypatch.setattr(ranking, "placed_tps", counting)
    visit = [marks.spot() for _ in range(15)]
    rank_and_under(visit, kb, limit=30)  # the visit as it opened
    before = len(placed)
    assert before > 30
    drafted = []
    for _click in range(10):
        placed.clear()
        clicked = [*visit, marks.spot()]
        answer = rank_and_under(clicked, kb, limit=30)
        drafted.append(len(placed))
        assert answer == _fresh(clicked, limit=30)
    assert sorted(drafted)[5] < before / 2  # a click drafts a few, not all


def test_a_click_explains_again_only_the_muscle_sides_its_place_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from nmt_bodymap.core import ranking_step

    kb = load_knowledge()
    marks = _Marks(30)
    visit = [marks.spot() for _ in range(15)]
    whole = rank_and_under(visit, kb, limit=30)
    asked: list[Any] = []
    real = ranking_step.explanations

    def counting(*args: Any) -> Any:
        asked.append(args[-1])
        return real(*args)

    monkeypatch.setattr(ranking_step, "explanations", counting)
    monkeypatch.setattr(ranking, "explanations", counting)  # a ranking from nothing
    again = [*visit, visit[3]]  # one more mark on a marked place
    answer = rank_and_under(again, kb, limit=30)
    assert len(asked) == 1 and 0 < len(asked[0]) < 60  # the muscle sides its place names
    assert answer == _fresh(again, limit=30)
    assert rank_and_under(visit, kb, limit=30) == whole  # undone: the kept answer
