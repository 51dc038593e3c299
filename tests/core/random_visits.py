"""Random visits on the real atlas for the place-by-place ranking tests (issue 18): many
marks clicked again and again on a few random points, and every spot its own place (the
mark-by-mark answer those tests compare with); and the answer ranked with nothing kept
(``rank_fresh``), which the kept and stepped rankings are compared with."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.ranking import Candidate, Places, Spot, rank_and_under

INTERNAL = (Spot("internal", "upper_teeth", "right"),)  # no muscle drawn under it


def random_visit(
    count: int, places: int, seed: int, extras: Sequence[Spot] = INTERNAL
) -> list[Spot]:
    """``count`` marks on ``places`` random points of the real atlas plus ``extras``; every
    point and extra is marked at least once, and the marks come in random order."""
    atlas = load_atlas()
    rng = random.Random(seed)
    points: list[Spot] = []
    while len(points) < places:
        view = rng.choice(atlas.views())
        min_x, min_y, width, height = atlas.view_box(view)
        x, y = min_x + rng.random() * width, min_y + rng.random() * height
        region = atlas.region_at(view, x, y)
        if region is not None:
            points.append(Spot(view, region.region, region.side, (x, y)))
    points += extras
    spots = [rng.choice(points) for _ in range(count)] + points
    rng.shuffle(spots)
    return spots


def per_spot(spots, points, atlas) -> Places:  # type: ignore[no-untyped-def]
    """Every spot its own place: the mark-by-mark look-up (patched in for
    ``ranking.distinct_places``)."""
    n = len(spots)
    return Places(list(spots), list(points), [1] * n, list(range(n)))


def rank_fresh(spots: list[Spot], **kwargs: Any) -> tuple[list[Candidate], list[Any]]:
    """The answer with nothing kept (the memos of the knowledge base emptied)."""
    kb = load_knowledge()
    saved = dict(kb.memo)
    kb.memo.clear()
    try:
        return rank_and_under(spots, kb, **kwargs)
    finally:
        kb.memo.clear()
        kb.memo.update(saved)
