"""Pain extent remembered per set of places (issue 18): the same figures as unioning every
visit's regions, a changed visit gets its own figure, and each set is unioned once."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from shapely.ops import unary_union

from nmt_bodymap.core import pain_extent as module
from nmt_bodymap.core.atlas import Atlas, load_atlas
from nmt_bodymap.core.pain_extent import clear_cache, pain_extent


@dataclass(frozen=True)
class Mark:
    view: str
    region: str
    side: str


def _unioned(marks: list[Mark], atlas: Atlas) -> float:
    """The extent the slow way: every view's marked regions unioned, over the figure."""
    by_view: dict[str, list[object]] = {}
    for view, region, side in {(m.view, m.region, m.side) for m in marks}:
        if view not in atlas.views():
            continue
        try:
            shape = atlas.region(view, region, side).shape  # type: ignore[arg-type]
        except KeyError:
            continue
        by_view.setdefault(view, []).append(shape)
    covered = sum(unary_union(shapes).area for shapes in by_view.values())
    figure = sum(atlas.outline(v).area for v in atlas.views())
    return 100.0 * covered / figure


def test_remembered_extent_equals_the_union_for_random_visits() -> None:
    atlas = load_atlas()
    clear_cache()
    drawn = [Mark(r.view, r.region, r.side) for r in atlas.regions()]
    # wholes made of parts overlap their parts: the figure must count that area once
    wholes = [Mark("posterior", "buttock", "left"), Mark("posterior", "calf", "right")]
    rng = random.Random(18)
    for _ in range(60):
        marks = rng.sample(drawn, rng.randint(0, 8)) + rng.sample(wholes, rng.randint(0, 2))
        marks += rng.sample(marks, min(2, len(marks)))  # a place marked twice counts once
        expected = _unioned(marks, atlas)
        assert pain_extent(marks, atlas) == pytest.approx(expected, rel=1e-9, abs=1e-12)
        assert pain_extent(marks, atlas) == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_a_whole_and_its_part_count_the_part_once() -> None:
    atlas = load_atlas()
    part = [Mark("posterior", "upper_buttock", "left")]
    whole = [Mark("posterior", "buttock", "left")]
    assert pain_extent(whole + part, atlas) == pytest.approx(pain_extent(whole, atlas))
    assert pain_extent(part, atlas) < pain_extent(whole, atlas)


def test_a_changed_visit_gets_its_own_extent_not_the_remembered_one() -> None:
    atlas = load_atlas()
    clear_cache()
    visit = [Mark("anterior", "temple", "right"), Mark("anterior", "jaw", "right")]
    before = pain_extent(visit, atlas)
    visit.append(Mark("posterior", "calf", "left"))  # a mark added at a new place
    grown = pain_extent(visit, atlas)
    assert grown > before
    assert grown == pytest.approx(_unioned(visit, atlas), rel=1e-9)
    visit[0] = Mark("anterior", "temple", "left")  # a mark moved to the other side
    assert pain_extent(visit, atlas) == pytest.approx(_unioned(visit, atlas), rel=1e-9)
    del visit[2]
    del visit[0]  # marks deleted
    assert pain_extent(visit, atlas) == pytest.approx(_unioned(visit, atlas), rel=1e-9)
    assert pain_extent(visit, atlas) < before


def test_each_set_of_places_is_computed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    atlas = load_atlas()
    clear_cache()
    computed: list[frozenset[tuple[str, str, str]]] = []
    original = module._Extents.covered

    def counting(self: module._Extents, places: frozenset[tuple[str, str, str]]) -> float:
        computed.append(places)
        return original(self, places)

    monkeypatch.setattr(module._Extents, "covered", counting)
    neck = [Mark("posterior", "posterior_neck", "left"), Mark("anterior", "temple", "right")]
    for _ in range(50):  # fifty visits at the same two places, in either order
        pain_extent(neck, atlas)
        pain_extent(list(reversed(neck)), atlas)
    assert len(computed) == 1
    pain_extent(neck[:1], atlas)
    assert len(computed) == 2


def test_overlap_from_the_kept_bounds_decides_as_the_shapes_do() -> None:
    """Issue 18: each place's bounds are read once; the pair test made from them gives the
    same answer as the shapes' own intersection for every pair of drawn places on a view."""
    atlas = load_atlas()
    clear_cache()
    extents = module._extents(atlas)
    places = [(r.view, r.region, r.side) for r in atlas.regions() if r.view == "posterior"]
    for place in places:
        assert extents.shape(place) is not None
        assert extents.bounds[place] == tuple(extents.shapes[place].bounds)
    decided = 0
    for i, one in enumerate(places):
        for two in places[i + 1 :]:
            a, b = extents.shapes[one], extents.shapes[two]
            share = module.OVERLAP_SHARE * min(a.area, b.area)
            assert extents.overlap(one, two) == (a.intersection(b).area > share)
            decided += 1
    assert decided > 100
    whole, part = ("posterior", "buttock", "left"), ("posterior", "upper_buttock", "left")
    assert extents.shape(whole) is not None and extents.shape(part) is not None
    assert extents.overlap(whole, part)  # a whole and its part: the part's area in common
