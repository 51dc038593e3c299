"""The muscles under a visit's marks are looked up per distinct place (issue 18): a visit
of many marks on few places asks the atlas once per place, and lists the same muscles with
the same spots as a mark-by-mark look-up."""

from __future__ import annotations

import pytest

from nmt_bodymap.core import ranking
from nmt_bodymap.core.ranking import under_spots
from tests.core.random_visits import per_spot as _per_spot
from tests.core.random_visits import random_visit as _visit


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_under_spots_per_place_equals_mark_by_mark(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    spots = _visit(300, 30, seed)
    by_place = under_spots(spots)
    monkeypatch.setattr(ranking, "distinct_places", _per_spot)
    by_mark = under_spots(spots)
    assert len(by_place) > 5
    assert by_place == by_mark  # muscles, sides, order and every spot's index alike
    assert max(len(indexes) for _m, _s, indexes in by_place) > 10  # places marked often


def test_under_spots_asks_the_atlas_once_per_place(monkeypatch: pytest.MonkeyPatch) -> None:
    spots = _visit(2000, 10, 4)
    asked: list[tuple[float, float]] = []
    real = ranking.muscles_under

    def counting(atlas, view, point):  # type: ignore[no-untyped-def]
        asked.append(point)
        return real(atlas, view, point)

    monkeypatch.setattr(ranking, "muscles_under", counting)
    found = under_spots(spots)
    assert found and len(asked) <= 10  # ten places (the internal site has no point)
