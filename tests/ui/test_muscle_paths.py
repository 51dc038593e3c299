"""A chosen candidate's muscle outline comes from the paths kept per view (disk cache
beside the atlas's, issue 18): the same path as built from the shape, and no path built
nor shapely called on the GUI thread when a candidate is chosen."""

from __future__ import annotations

from typing import Any

import pytest

from nmt_bodymap.core import atlas_cache
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.map import body_scene, geometry
from nmt_bodymap.ui.map.body_scene import BodyScene
from nmt_bodymap.ui.map.palette import MapColors


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    monkeypatch.setenv(atlas_cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(geometry, "_remembered", {})


def _refuse_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_shape: object) -> None:
        raise AssertionError("built a path the cache holds")

    monkeypatch.setattr(geometry, "path_from_geometry", refuse)
    monkeypatch.setattr(body_scene, "path_from_geometry", refuse)


@pytest.mark.usefixtures("fresh")
def test_muscle_paths_are_the_built_ones_and_read_back_without_building(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    atlas = load_atlas()
    for view in atlas.views():
        expected = {
            key: geometry.path_from_geometry(shape)
            for key in atlas.muscle_keys(view)
            if (shape := atlas.muscle_shape(view, *key)) is not None and not shape.is_empty
        }
        assert geometry.muscle_paths(atlas, view) == expected  # built, stored
        monkeypatch.setattr(geometry, "_remembered", {})  # a new process: only the disk
        with monkeypatch.context() as patched:
            _refuse_building(patched)
            assert geometry.muscle_paths(atlas, view) == expected
    shapes = [atlas.muscle_shape("anterior", *k) for k in atlas.muscle_keys("anterior")]
    assert geometry.paths_key("anterior:muscles", shapes) != geometry.paths_key("anterior", shapes)


@pytest.mark.usefixtures("fresh")
def test_highlighting_muscles_builds_no_path(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    atlas, colors = load_atlas(), MapColors()
    keys = atlas.muscle_keys("posterior")[:12]
    expected = {k: geometry.path_from_geometry(atlas.muscle_shape("posterior", *k)) for k in keys}
    geometry.muscle_paths(atlas, "posterior")  # the cache entry, as an earlier run left it
    monkeypatch.setattr(geometry, "_remembered", {})
    scene = BodyScene("posterior", atlas, colors)
    _refuse_building(monkeypatch)
    for muscle_id, side in keys:
        assert scene.highlight_muscle(muscle_id, side, deep=False)
        item = scene.muscle_items[(muscle_id, side)]
        assert item.isVisible() and item.path() == expected[(muscle_id, side)]
    assert not scene.highlight_muscle("no_such_muscle", "left", deep=False)
    assert scene.visible_muscles() == keys
