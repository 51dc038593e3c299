"""Issue 18: a visit of thousands of marks goes on the map in one batch and still paints."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.map import body_scene
from nmt_bodymap.ui.map.body_scene import DENSE_MARKS, BodyScene, spread_offsets
from nmt_bodymap.ui.map.palette import MapColors


def _marks(count: int, seed: int = 18) -> list[MarkState]:
    atlas = load_atlas()
    rng = random.Random(seed)
    min_x, min_y, width, height = atlas.view_box("anterior")
    marks: list[MarkState] = []
    while len(marks) < count:
        x, y = min_x + rng.random() * width, min_y + rng.random() * height
        region = atlas.region_at("anterior", x, y)
        if region is None:
            continue
        marks.append(
            MarkState(
                f"m{len(marks):05d}", "anterior", x, y, region.region, region.side,
                rng.randint(1, 10), "ache", "saved",
            )
        )  # fmt: skip
    return marks


def _pairwise(points: dict[str, tuple[float, float]], close: float) -> set[frozenset[str]]:
    """Groups of marks nearer than ``close`` (transitively), every pair checked."""
    keys = sorted(points)
    group = {k: {k} for k in keys}
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if math.dist(points[a], points[b]) < close and group[a] is not group[b]:
                merged = group[a] | group[b]
                for k in merged:
                    group[k] = merged
    return {frozenset(g) for g in group.values()}


def test_spread_offsets_groups_as_every_pair_checked() -> None:
    rng = random.Random(3)
    points = {f"k{i}": (rng.random() * 600, rng.random() * 600) for i in range(250)}
    offsets = spread_offsets(points, close=40, spacing=36)
    moved = {k for k, o in offsets.items() if o != (0.0, 0.0)}
    lonely = {next(iter(g)) for g in _pairwise(points, 40) if len(g) == 1}
    assert moved == set(points) - lonely


def test_a_visit_is_added_in_one_batch_with_updates_and_index_off(qtbot: Any) -> None:
    scene = BodyScene("anterior", load_atlas(), MapColors())
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    view.resize(600, 800)
    view.show()
    scene.set_view_scale(1.0)
    seen: list[tuple[QGraphicsScene.ItemIndexMethod, bool]] = []
    spreads: list[int] = []
    add_item = scene.addItem
    spread = scene.spread_marks

    def adding(item: Any) -> None:
        seen.append((scene.itemIndexMethod(), view.updatesEnabled()))
        add_item(item)

    def spreading() -> None:
        spreads.append(len(scene.mark_items))
        spread()

    scene.addItem = adding  # type: ignore[method-assign]
    scene.spread_marks = spreading  # type: ignore[method-assign]
    index = scene.itemIndexMethod()
    marks = _marks(DENSE_MARKS)  # the most a view draws as items of their own
    scene.set_marks(marks)
    assert len(seen) == DENSE_MARKS
    assert set(seen) == {(QGraphicsScene.ItemIndexMethod.NoIndex, False)}
    assert spreads == [DENSE_MARKS]  # badges spread once for the visit, not once per mark
    assert scene.itemIndexMethod() == index and view.updatesEnabled()
    assert len(scene.mark_items) == DENSE_MARKS and not scene.dense


def _shown(qtbot: Any, scene: BodyScene) -> QGraphicsView:
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    view.resize(500, 700)
    view.show()
    view.fitInView(scene.sceneRect())
    scene.set_view_scale(view.transform().m11())
    return view


def test_a_dense_visit_is_one_layer_not_an_item_per_mark(qtbot: Any) -> None:
    scene = BodyScene("anterior", load_atlas(), MapColors())
    _shown(qtbot, scene)
    before = len(scene.items())
    marks = _marks(2000)
    unsaved = replace(marks[7], status="unsaved", error="The disk is full.")
    marks[7] = unsaved
    scene.set_marks(marks)
    assert scene.dense and scene.mark_count() == 2000
    assert list(scene.mark_items) == [unsaved.key]  # only the unsaved mark is an item
    assert len(scene.items()) == before + 1
    assert len(scene.layer_keys()) == 1999 and unsaved.key not in scene.layer_keys()
    assert all(scene.has_mark(m.key) for m in marks)


def test_dense_view_draws_plain_symbols_where_charted_and_paints(qtbot: Any) -> None:
    scene = BodyScene("anterior", load_atlas(), MapColors())
    view = _shown(qtbot, scene)
    marks = _marks(DENSE_MARKS + 1)
    scene.set_marks(marks[:DENSE_MARKS])
    assert len(scene.mark_items) == DENSE_MARKS and scene.layer_keys() == []
    scene.put_mark(marks[DENSE_MARKS])  # one more: the view turns dense, items go
    assert scene.mark_items == {} and len(scene.layer_keys()) == DENSE_MARKS + 1
    # Painted: the pixel at a mark is the intensity's colour, not the figure's.
    image = view.grab().toImage()
    mark = marks[0]
    at = view.mapFromScene(mark.x, mark.y)
    painted = QColor(image.pixel(at))
    blank = BodyScene("anterior", load_atlas(), MapColors())
    blank_view = _shown(qtbot, blank)
    assert painted != QColor(blank_view.grab().toImage().pixel(at))
    scene.drop_mark(marks[-1].key)  # back under the threshold: a badge per mark again
    assert len(scene.mark_items) == DENSE_MARKS and scene.layer_keys() == []
    assert body_scene.DENSE_MARKS == DENSE_MARKS


def test_the_dense_layer_hits_the_nearest_mark_within_the_hit_area(qtbot: Any) -> None:
    scene = BodyScene("anterior", load_atlas(), MapColors())
    _shown(qtbot, scene)
    marks = _marks(DENSE_MARKS + 50, seed=4)
    scene.set_marks(marks)
    scale = scene._view_scale
    reach = scene.hit_radius / scale  # scene units
    target = marks[10]
    assert target.x is not None and target.y is not None
    near = QPointF(target.x + reach * 0.2, target.y)
    hit = scene.mark_under(near)
    nearest = min(
        marks,
        key=lambda m: math.dist((m.x, m.y), (near.x(), near.y())),  # type: ignore[arg-type]
    )
    assert hit is not None and hit.key == nearest.key
    assert nearest.key in scene.mark_items and nearest.key not in scene.layer_keys()
    far = QPointF(scene.sceneRect().left() + 1, scene.sceneRect().top() + 1)
    assert scene.mark_under(far) is None
