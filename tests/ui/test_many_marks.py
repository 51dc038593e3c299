"""Issue 18: a visit of thousands of marks goes on the map in one batch and still paints."""

from __future__ import annotations

import math
import random
from typing import Any

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
    marks = _marks(500)
    scene.set_marks(marks)
    assert len(seen) == 500
    assert set(seen) == {(QGraphicsScene.ItemIndexMethod.NoIndex, False)}
    assert spreads == [500]  # badges spread once for the visit, not once per mark
    assert scene.itemIndexMethod() == index and view.updatesEnabled()
    assert len(scene.mark_items) == 500


def test_dense_view_draws_plain_symbols_where_charted_and_paints(qtbot: Any) -> None:
    scene = BodyScene("anterior", load_atlas(), MapColors())
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    view.resize(500, 700)
    view.show()
    view.fitInView(scene.sceneRect())
    scene.set_view_scale(view.transform().m11())
    marks = _marks(DENSE_MARKS + 1)
    scene.set_marks(marks[:DENSE_MARKS])
    assert not any(item.plain for item in scene.mark_items.values())
    scene.put_mark(marks[DENSE_MARKS])  # one more: the view turns dense
    assert all(item.plain for item in scene.mark_items.values())
    assert all(item.offset.isNull() for item in scene.mark_items.values())
    # Painted: the pixel at a mark is the intensity's colour, not the figure's.
    image = view.grab().toImage()
    mark = marks[0]
    at = view.mapFromScene(mark.x, mark.y)
    painted = QColor(image.pixel(at))
    blank = BodyScene("anterior", load_atlas(), MapColors())
    blank_view = QGraphicsView(blank)
    qtbot.addWidget(blank_view)
    blank_view.resize(500, 700)
    blank_view.show()
    blank_view.fitInView(blank.sceneRect())
    assert painted != QColor(blank_view.grab().toImage().pixel(at))
    scene.drop_mark(marks[-1].key)  # back under the threshold: full badges again
    assert not any(item.plain for item in scene.mark_items.values())
    assert body_scene.DENSE_MARKS == DENSE_MARKS
