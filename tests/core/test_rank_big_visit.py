"""Issue 18: a big visit is ranked over its distinct places, made once for the ranking and
the under-the-spot list, and only the candidates returned are spelled out mark by mark; the
answer is the one a mark-by-mark ranking gives (same candidates, order, zones, counts)."""

from __future__ import annotations

import pytest

from nmt_bodymap.core import ranking, ranking_places
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.ranking import (
    Spot,
    rank_and_under,
    rank_candidates,
    under_spots,
)
from tests.core.random_visits import per_spot, random_visit


def big_visit(count: int, places: int, seed: int) -> list[Spot]:
    """``count`` marks on ``places`` random points of the real atlas (clicked again and
    again), plus internal sites and midline spots left and right of the sternum's midline."""
    sternum = load_atlas().region("anterior", "sternum", "midline").point
    extras = [
        Spot("internal", "upper_teeth", "right"),
        Spot("anterior", "sternum", "midline", (sternum[0] - 3.0, sternum[1])),
        Spot("anterior", "sternum", "midline", (sternum[0] + 3.0, sternum[1])),
        Spot("anterior", "temple", "left"),  # no point: the region's own
    ]
    return random_visit(count, places, seed, extras)


@pytest.mark.parametrize("seed", [18, 19])
def test_big_visit_ranks_as_mark_by_mark(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    spots = big_visit(2500, 300, seed)
    shown, under = rank_and_under(spots, limit=30)
    whole = rank_candidates(spots)
    monkeypatch.setattr(ranking, "distinct_places", per_spot)
    by_mark = rank_candidates(spots)
    by_mark_under = under_spots(spots)
    assert len(by_mark) > 100 and len(by_mark_under) > 20
    assert whole == by_mark  # every candidate: order, score, explains, zones, pins, others
    assert shown == by_mark[:30]
    assert under == by_mark_under  # muscles, sides, order and the marks under each
    # What the list shows: "n of m spots" and the zone at each mark.
    assert [len(c.explains) for c in shown] == [len(c.explains) for c in by_mark[:30]]
    assert len(shown[0].zones) == len(spots)
    assert any(c.other_tp_spots for c in by_mark)  # the "other trigger point" case is met


def test_places_made_once_and_only_shown_candidates_spelled_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spots = big_visit(3000, 200, 7)
    made: list[int] = []
    expanded: list[int] = []
    real_places, real_expand = ranking.distinct_places, ranking_places.Places.expand

    def counting_places(spots_, points, atlas):  # type: ignore[no-untyped-def]
        made.append(len(spots_))
        return real_places(spots_, points, atlas)

    def counting_expand(self, zones):  # type: ignore[no-untyped-def]
        expanded.append(len(zones))
        return real_expand(self, zones)

    monkeypatch.setattr(ranking, "distinct_places", counting_places)
    monkeypatch.setattr(ranking_places.Places, "expand", counting_expand)
    shown, under = rank_and_under(spots, limit=10)
    assert made == [len(spots)]  # one grouping for both lists
    assert len(shown) == 10 and under
    spelled_out = len(expanded)
    whole = len(rank_candidates(spots))
    # Per mark only the 10 returned (and those whose tie nearness had to break).
    assert whole > 100 and spelled_out < 40
    assert all(n < 400 for n in expanded)  # zones are worked per place, not per mark


def test_a_bad_mark_among_many_gives_its_one_error() -> None:
    spots = big_visit(200, 20, 3)
    spots.insert(150, Spot("anterior", "temple", "midline"))
    with pytest.raises(ValueError, match="side 'midline' does not fit region 'temple'"):
        rank_and_under(spots, limit=30)
