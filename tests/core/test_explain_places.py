"""Issue 18: the explanations over a big visit's places spell out the pattern links of
each (region, side) once, not once per place, and the answer does not depend on it."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.core.ranking_explain import explanations
from nmt_bodymap.core.vocabulary import overlapping
from tests.core.test_rank_big_visit import big_visit


def _distinct(seed: int) -> list:  # type: ignore[type-arg]
    return list(dict.fromkeys(big_visit(0, 400, seed)))


@pytest.mark.parametrize("seed", [18, 19])
def test_links_spelled_out_once_per_region_and_side(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    spots = _distinct(seed)
    kb, atlas = load_knowledge(), load_atlas()
    asked: Counter[str] = Counter()
    real = KnowledgeBase.pattern_links

    def counting(self: KnowledgeBase, region: str):  # type: ignore[no-untyped-def]
        asked[region] += 1
        return real(self, region)

    monkeypatch.setattr(KnowledgeBase, "pattern_links", counting)
    for key in [k for k in kb.memo if k[0] == "strongest"]:
        del kb.memo[key]  # as a fresh process: nothing spelled out yet
    first = explanations(spots, [s.point for s in spots], kb, atlas)
    kinds = {(s.region, s.side) for s in spots}
    assert len(kinds) < len(spots)  # places share regions: the cut has work to save
    expected: Counter[str] = Counter(name for r, _side in kinds for name in overlapping(r))
    assert asked == expected
    # the links of a region and side are kept with the knowledge: the next visit (the same
    # places here) asks for none again, and gets the same answer
    asked.clear()
    assert explanations(spots, [s.point for s in spots], kb, atlas) == first
    assert not asked


@pytest.mark.parametrize("seed", [18, 19])
def test_answer_independent_of_place_order(seed: int) -> None:
    """Each place keeps its own zones: the explanations of the places in another order
    are the same, reordered (the shared links carry no place's index)."""
    spots = _distinct(seed)
    kb, atlas = load_knowledge(), load_atlas()
    rng = random.Random(seed)
    weights = [rng.randint(1, 5) for _ in spots]
    order = list(range(len(spots)))
    random.Random(seed + 1).shuffle(order)
    first = explanations(spots, [s.point for s in spots], kb, atlas, weights)
    moved = [spots[i] for i in order]
    second = explanations(moved, [s.point for s in moved], kb, atlas, [weights[i] for i in order])
    assert first.keys() == second.keys()
    back = {new: old for new, old in enumerate(order)}
    for key, (zones, tp_ids, others) in first.items():
        zones2, tp_ids2, others2 = second[key]
        assert tuple(zones2[new] for new in range(len(order))) == tuple(
            zones[back[new]] for new in range(len(order))
        )
        assert sorted(back[i] for i in others2) == list(others)
        assert tp_ids2 == tp_ids
