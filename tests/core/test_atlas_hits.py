"""The click's look-ups (``Atlas.region_at``, ``Atlas.muscles_at``) answer as the shapely
tree does, point for point, boundaries included, without a shapely call per click (a
shapely call lets go of the interpreter lock: the GUI thread then waits for a save)."""

from __future__ import annotations

import itertools
import random

import pytest
import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from nmt_bodymap.core.atlas import Atlas, load_atlas, read_atlas
from nmt_bodymap.core.atlas_cache import StoredGeometry
from nmt_bodymap.core.atlas_hits import PointIndex
from nmt_bodymap.core.atlas_views import resolved


def _tree_answer(shapes: list[BaseGeometry], x: float, y: float) -> list[int]:
    return sorted(int(i) for i in STRtree(shapes).query(Point(x, y), predicate="intersects"))


def _probe_points(atlas: Atlas, view: str, rng: random.Random) -> list[tuple[float, float]]:
    """Random points, every 7th vertex and edge point of the drawn shapes, and points a
    hair beside them (where a ray count is in doubt)."""
    min_x, min_y, width, height = atlas.view_box(view)
    points = [(min_x + rng.random() * width, min_y + rng.random() * height) for _ in range(3000)]
    shapes = [r.shape for r in atlas.regions(view)]
    for shape in shapes[::3]:
        coords = list(shape.exterior.coords)[::7]
        for (x1, y1), (x2, y2) in itertools.pairwise(coords):
            points += [(x1, y1), ((x1 + x2) / 2, (y1 + y2) / 2), (x1 + 1e-9, y1 - 1e-9)]
            points += [(x1 + (x2 - x1) * 0.3, y1 + (y2 - y1) * 0.3), (x1 + 2e-6, y1)]
    return points


@pytest.mark.parametrize("from_cache", [True, False])
@pytest.mark.parametrize("view", ["anterior", "posterior"])
def test_the_look_ups_answer_as_the_shapely_tree(view: str, from_cache: bool) -> None:
    # from the cache: shapes read from their WKB (no shapely); else the parsed drawings
    atlas = read_atlas(use_cache=False)
    if from_cache:
        load_atlas()  # the cache entry written (in the session's cache folder)
        atlas = read_atlas()
        assert isinstance(atlas.regions(view)[0].source, StoredGeometry)
    v = atlas._view(view)
    regions = [r.shape for r in v.regions]
    region_tree = STRtree(regions)
    muscle_tree = STRtree([resolved(v.muscles[k]) for k in v.muscle_keys])
    checked = 0
    for x, y in _probe_points(atlas, view, random.Random(7)):
        hits = region_tree.query(Point(x, y), predicate="intersects")
        expected = v.regions[int(min(hits))] if len(hits) else None
        assert atlas.region_at(view, x, y) is expected, (x, y)
        found = muscle_tree.query(Point(x, y), predicate="intersects")
        assert atlas.muscles_at(view, x, y) == sorted(v.muscle_keys[int(i)] for i in found)
        checked += 1
    assert checked > 3500


def test_holes_edges_and_non_polygons() -> None:
    ring = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(3, 3), (6, 3), (6, 6), (3, 6)]])
    bow_tie = Polygon([(20, 0), (30, 10), (30, 0), (20, 10)])  # invalid: shapely answers
    multi = shapely.MultiPolygon([Polygon([(40, 0), (45, 0), (45, 5)])])
    shapes = [ring, bow_tie, multi]
    index = PointIndex(shapes)
    points: list[tuple[float, float]] = [(1, 1), (4, 4), (3, 4), (6, 6), (0, 5), (10, 10)]
    points += [(11, 5), (25, 5), (22, 1)]
    points += [(44, 1), (45, 2.5), (40, 0), (-1, -1), (5, 3.0000001), (5, 6)]
    # rays through vertices and along level edges (settled without shapely)
    points += [(0, 0), (5, 0), (-1, 0), (-1, 10), (2, 3), (4, 3), (3, 3), (7, 3), (7, 6)]
    points += [(44, 5), (45, 5), (39, 0), (50, 0), (2, 6), (6.5, 6), (19, 5), (25, 10)]
    for x, y in points:
        assert index.hits(x, y) == _tree_answer(shapes, x, y), (x, y)
        expected = _tree_answer(shapes, x, y)
        assert index.first(x, y) == (expected[0] if expected else None)


def test_an_ordinary_click_makes_no_shapely_call(monkeypatch: pytest.MonkeyPatch) -> None:
    atlas = load_atlas()
    region = atlas.regions("anterior")[5]
    x, y = region.point
    atlas.region_at("anterior", x, y)  # the look-ups are made on first use
    atlas.muscles_at("anterior", x, y)
    calls: list[str] = []

    def counted(name: str, real: object) -> object:
        def call(*args: object, **kwargs: object) -> object:
            calls.append(name)
            return real(*args, **kwargs)  # type: ignore[operator]

        return call

    monkeypatch.setattr(STRtree, "query", counted("query", STRtree.query))
    for name in ("intersects_xy", "points", "intersects"):
        monkeypatch.setattr(shapely, name, counted(name, getattr(shapely, name)))
    x2, y2 = x + 0.123456, y + 0.654321
    assert atlas.region_at("anterior", x2, y2) is not None
    atlas.muscles_at("anterior", x2, y2)
    assert calls == []


def test_a_cached_shape_files_its_edges_when_first_tested_not_with_the_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # issue 18: filing every shape's edges was ~20 ms of the map loader before the first
    # click; a click tests only the shapes whose box holds the point
    from nmt_bodymap.core import atlas_hits

    load_atlas()  # the cache entry written
    sources = [r.source for r in read_atlas().regions("anterior")]
    assert all(isinstance(s, StoredGeometry) for s in sources)
    filed: list[object] = []
    real = atlas_hits._stored_edges
    monkeypatch.setattr(atlas_hits, "_stored_edges", lambda g: (filed.append(g), real(g))[1])
    index = PointIndex(sources)
    assert filed == []
    temple = next(i for i, s in enumerate(read_atlas().regions("anterior")) if s.region == "temple")
    x, y = read_atlas().regions("anterior")[temple].point
    assert temple in index.hits(x, y)
    assert 1 <= len(filed) < len(sources) / 10
    first = len(filed)
    assert index.hits(x, y) == index.hits(x, y)
    assert len(filed) == first  # filed once
