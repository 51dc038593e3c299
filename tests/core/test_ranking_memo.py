"""What the ranking keeps between clicks (issue 18) is never stale: the answer kept per set
of marks and the placed trigger points give exactly what a ranking from nothing gives."""

from __future__ import annotations

import random
from typing import Any

import pytest

from nmt_bodymap.core import ranking
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.pain_areas import PainAreas, load_pain_areas
from nmt_bodymap.core.ranking import Spot, rank_and_under
from tests.core.random_visits import rank_fresh as _fresh


def _two_points_apart() -> tuple[Spot, Spot]:
    """The same region and side, clicked where different muscles lie under the point."""
    atlas = load_atlas()
    rng = random.Random(3)
    for region in atlas.regions("posterior"):
        min_x, min_y, max_x, max_y = region.shape.bounds
        seen: dict[tuple[Any, ...], tuple[float, float]] = {}
        for _ in range(60):
            x, y = rng.uniform(min_x, max_x), rng.uniform(min_y, max_y)
            if atlas.region_at("posterior", x, y) is not region:
                continue
            seen.setdefault(tuple(atlas.muscles_at("posterior", x, y)), (x, y))
            if len(seen) == 2:
                a, b = seen.values()
                name, side = region.region, region.side
                return Spot("posterior", name, side, a), Spot("posterior", name, side, b)
    raise AssertionError("no region with two muscles under it")


def test_a_moved_mark_is_ranked_anew_not_from_the_kept_answer() -> None:
    kb = load_knowledge()
    other = Spot("anterior", "temple", "right", None)
    before, moved = _two_points_apart()
    first = rank_and_under([other, before], kb, limit=30)
    second = rank_and_under([other, moved], kb, limit=30)
    assert second != first  # other muscles under the moved mark: another answer
    assert second == _fresh([other, moved], limit=30)
    assert rank_and_under([other, before], kb, limit=30) == first  # moved back: kept


def test_the_same_marks_are_ranked_once_and_the_answer_is_a_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kb = load_knowledge()
    spots = [Spot("anterior", "temple", "right"), Spot("posterior", "lumbar_paraspinal", "left")]
    kb.memo.pop(("ranked", load_atlas()), None)
    calls: list[int] = []
    real = ranking._rank

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(ranking, "_rank", counted)
    ranked, under = rank_and_under(spots, kb, limit=30)
    expected = (list(ranked), list(under))
    ranked.clear()  # a caller's list is its own
    under.clear()
    assert rank_and_under(spots, kb, limit=30) == expected  # an undo: no work
    assert len(calls) == 1
    assert rank_and_under(spots, kb, limit=5)[0] == expected[0][:5]  # another limit: ranked
    assert len(calls) == 2
    assert expected == _fresh(spots, limit=30)


def test_other_pain_areas_are_not_answered_from_the_kept_ranking() -> None:
    kb = load_knowledge()
    spots = [Spot("posterior", "lumbar_paraspinal", "left"), Spot("posterior", "sacrum", "left")]
    packaged = rank_and_under(spots, kb, pain_areas=load_pain_areas())
    equal = PainAreas({}, {}, {})
    assert rank_and_under(spots, kb, pain_areas=equal) == _fresh(spots, pain_areas=equal)
    assert rank_and_under(spots, kb, pain_areas=load_pain_areas()) == packaged
