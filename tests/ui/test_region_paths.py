"""The body scenes' region paths come from a disk cache beside the atlas's (issue 18): the
same paths as built from the shapes, read back without building them, rebuilt when the
entry is damaged or the shapes change."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF
from shapely.affinity import translate

from nmt_bodymap.core import atlas_cache
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.map import geometry
from nmt_bodymap.ui.map.body_scene import BodyScene
from nmt_bodymap.ui.map.palette import MapColors


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    monkeypatch.setenv(atlas_cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(geometry, "_remembered", {})


def _built(view: str) -> list[Any]:
    return [geometry.path_from_geometry(r.shape) for r in load_atlas().regions(view)]


def _refuse_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_shape: object) -> None:
        raise AssertionError("built a path the cache holds")

    monkeypatch.setattr(geometry, "path_from_geometry", refuse)


@pytest.mark.usefixtures("fresh")
def test_cached_paths_are_the_built_ones_and_are_read_back_without_building(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    atlas = load_atlas()
    for view in atlas.views():
        expected = _built(view)
        assert geometry.region_paths(atlas, view) == expected  # built, stored
        monkeypatch.setattr(geometry, "_remembered", {})  # a new process: only the disk
        with monkeypatch.context() as patched:
            _refuse_building(patched)
            read = geometry.region_paths(atlas, view)
        assert read == expected
        region = atlas.regions(view)[0]
        assert read[0].contains(QPointF(*region.point))  # the hit spot lies inside


@pytest.mark.usefixtures("fresh")
def test_the_scene_draws_every_region_from_the_cache(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    atlas, colors = load_atlas(), MapColors()
    first = BodyScene("posterior", atlas, colors)
    monkeypatch.setattr(geometry, "_remembered", {})
    _refuse_building(monkeypatch)
    again = BodyScene("posterior", atlas, colors)
    keys = [(r.region, r.side) for r in atlas.regions("posterior")]
    assert list(again.region_items) == keys
    assert [again.region_items[k].path() for k in keys] == [
        first.region_items[k].path() for k in keys
    ]


@pytest.mark.usefixtures("fresh")
def test_a_damaged_entry_is_rebuilt(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    atlas = load_atlas()
    expected = geometry.region_paths(atlas, "anterior")
    key = geometry.paths_key("anterior", [r.shape for r in atlas.regions("anterior")])
    payload = atlas_cache.read_entry(geometry.PATHS_KIND, key)
    assert payload is not None
    assert geometry.unpack_paths(payload[: len(payload) // 2], len(expected)) is None
    assert geometry.unpack_paths(payload, len(expected) + 1) is None
    atlas_cache.write_entry(geometry.PATHS_KIND, key, payload[: len(payload) // 2])
    monkeypatch.setattr(geometry, "_remembered", {})
    assert geometry.region_paths(atlas, "anterior") == expected


def test_changed_shapes_miss_the_entry() -> None:
    shapes = [r.shape for r in load_atlas().regions("anterior")]
    moved = [translate(shapes[0], 1.0, 0.0), *shapes[1:]]
    key = geometry.paths_key("anterior", shapes)
    assert geometry.paths_key("anterior", moved) != key
    assert geometry.paths_key("posterior", shapes) != key
    assert geometry.paths_key("anterior", list(shapes)) == key
