"""A whole visit is ranked over its distinct places, each counted as its marks (issue 18)."""

from __future__ import annotations

import random

import pytest

from nmt_bodymap.core import ranking
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.ranking import distinct_places, rank_candidates
from tests.core.random_visits import per_spot as _per_spot
from tests.core.random_visits import random_visit as _visit


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ranking_over_places_gives_the_same_candidates_as_mark_by_mark(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    spots = _visit(120, 25, seed)
    by_place = rank_candidates(spots)
    monkeypatch.setattr(ranking, "distinct_places", _per_spot)
    by_mark = rank_candidates(spots)
    assert len(by_place) > 10
    assert by_place == by_mark  # order, scores, explains, zones, trigger points, all alike


def test_whole_visit_is_explained_over_its_distinct_places(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spots = _visit(400, 12, 7)
    seen: list[tuple[int, list[int]]] = []
    real = ranking.explanations

    def counting(spots_, points, kb, atlas, weights=None, unders=None):  # type: ignore[no-untyped-def]
        seen.append((len(spots_), list(weights or [])))
        assert unders is not None and len(unders) == len(spots_)  # found once, not again
        return real(spots_, points, kb, atlas, weights, unders)

    monkeypatch.setattr(ranking, "explanations", counting)
    candidates = rank_candidates(spots)
    assert len(seen) == 1
    explained, counts = seen[0]
    assert explained <= 13  # 12 clicked points and one internal site, not 413 marks
    assert sum(counts) == len(spots)
    best = candidates[0]
    assert len(best.zones) == len(spots)  # the answer still speaks of every mark


def test_places_split_where_different_muscles_lie_under_the_points() -> None:
    atlas = load_atlas()
    spots = _visit(50, 30, 11)
    points = [s.point for s in spots]
    places = distinct_places(spots, points, atlas)
    assert sum(places.counts) == len(spots)
    for i, spot in enumerate(spots):
        place = places.spots[places.of[i]]
        assert (place.view, place.region, place.side) == (spot.view, spot.region, spot.side)


def test_one_query_for_many_points_finds_what_one_point_at_a_time_finds() -> None:
    """``Atlas.muscles_at_many`` (a big visit's look-up) agrees with ``muscles_at`` point by
    point, off the body and on overlapping deep and superficial muscles alike."""
    atlas = load_atlas()
    rng = random.Random(5)
    for view in atlas.views():
        min_x, min_y, width, height = atlas.view_box(view)
        points = [(min_x + rng.random() * width, min_y + rng.random() * height) for _ in range(600)]
        many = atlas.muscles_at_many(view, points)
        one_by_one = [atlas.muscles_at(view, x, y) for x, y in points]
        assert many == one_by_one
        assert sum(1 for m in many if len(m) > 1) > 10  # layered muscles were hit


def test_a_big_visit_groups_its_places_as_a_small_one_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from nmt_bodymap.core import ranking_geometry

    atlas = load_atlas()
    spots = _visit(300, 80, 13)
    points = [s.point for s in spots]
    batched = distinct_places(spots, points, atlas)
    monkeypatch.setattr(ranking_geometry, "BATCH_UNDER", 10**9)  # point by point
    assert distinct_places(spots, points, atlas) == batched
