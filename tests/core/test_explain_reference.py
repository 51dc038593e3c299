"""Issue 18: ``explanations`` over a big visit's places (links grouped per region and side,
the places another pattern names kept per pattern) answers exactly as the plain
place-by-place reference below: the same zones, trigger points and "other" places."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.core.places import zone_sides
from nmt_bodymap.core.ranking_explain import (
    ZONE_WEIGHTS,
    Explanation,
    Spot,
    explanations,
    fits,
    live_ids,
)
from nmt_bodymap.core.ranking_geometry import muscles_under
from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW, overlapping
from tests.core.random_visits import random_visit


def reference(
    spots: Sequence[Spot], kb: KnowledgeBase, weights: Sequence[int]
) -> dict[tuple[str, Side], Explanation]:
    """Place by place, link by link: every zone compared where it falls."""
    atlas = load_atlas()
    n = len(spots)
    by_pattern: dict[tuple[str, Side], dict[int, list[str | None]]] = {}
    for i, spot in enumerate(spots):
        for name in overlapping(spot.region):
            for link in kb.pattern_links(name):
                for side in zone_sides(link.entry.side, spot.side):
                    zones = by_pattern.setdefault((link.muscle.id, side), {}).setdefault(
                        link.pattern, [None] * n
                    )
                    now = zones[i]
                    if now is None or ZONE_WEIGHTS[link.kind] > ZONE_WEIGHTS[now]:
                        zones[i] = link.kind
    local: dict[tuple[str, Side], set[int]] = {}
    for i, spot in enumerate(spots):
        if spot.point is None or spot.view == INTERNAL_VIEW:
            continue
        for muscle_id, side in muscles_under(atlas, spot.view, spot.point):
            if muscle_id in kb and side in ("left", "right") and fits(spot, side):
                local.setdefault((muscle_id, side), set()).add(i)

    def strength(zones: list[str | None]) -> tuple[int, float]:
        covered = sum(w for z, w in zip(zones, weights, strict=True) if z)
        return covered, sum(ZONE_WEIGHTS[z] * w for z, w in zip(zones, weights, strict=True) if z)

    result: dict[tuple[str, Side], Explanation] = {}
    for key in {*by_pattern, *local}:
        options = [(p, zs) for p, zs in by_pattern.get(key, {}).items() if live_ids(kb, *key, p)]
        best: list[str | None] = [None] * n
        tp_ids: tuple[str, ...] = ()
        others: set[int] = set()
        if options:
            best = list(max(options, key=lambda o: strength(o[1]))[1])
            tp_ids = sum((live_ids(kb, *key, p) for p, zs in sorted(options) if zs == best), ())
            others = {i for _, zs in options for i, z in enumerate(zs) if z and not best[i]}
        for i in local.get(key, ()):
            if best[i] is None:
                best[i] = "local"
                others.discard(i)
        if options or key in local:
            result[key] = (tuple(best), tp_ids, tuple(sorted(others)))  # type: ignore[arg-type]
    return result


@pytest.mark.parametrize("seed", [18, 19, 20])
def test_explanations_equal_the_place_by_place_reference(seed: int) -> None:
    spots = list(dict.fromkeys(random_visit(600, 300, seed)))
    kb = load_knowledge()
    weights = [random.Random(seed).randint(1, 6) for _ in spots]
    got = explanations(spots, [s.point for s in spots], kb, load_atlas(), weights)
    want = reference(spots, kb, weights)
    assert got == want
    # the visit has patterns competing for a muscle, so "other" places are in play
    assert any(others for _zones, _ids, others in got.values())
