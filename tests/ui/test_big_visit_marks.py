"""Issue 18: on a big visit (both views dense) the marks shown are exactly the stored marks
after the open, an undo and a redo, and each view's dense layer and items draw every mark of
that view once (the states made in one batch per open, reused while their rows stay)."""

from __future__ import annotations

import random
from typing import Any

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.map.scene_marks import DENSE_MARKS
from tests.ui.conftest import call_on_worker
from tests.ui.test_dense_view import _store_marks

COUNT = 2 * DENSE_MARKS + 200  # over DENSE_MARKS on each view


def _both_views(count: int, seed: int) -> list[MarkState]:
    atlas = load_atlas()
    rng = random.Random(seed)
    marks: list[MarkState] = []
    while len(marks) < count:
        view = ("anterior", "posterior")[len(marks) % 2]
        min_x, min_y, width, height = atlas.view_box(view)
        x, y = min_x + rng.random() * width, min_y + rng.random() * height
        region = atlas.region_at(view, x, y)
        if region is not None:
            quality = rng.choice(("ache", "burning", "sharp"))
            marks.append(
                MarkState(f"m{len(marks)}", view, x, y, region.region, region.side,
                          rng.randint(1, 10), quality, "saved")
            )  # fmt: skip
    return marks


def _fields(m: Any) -> tuple[Any, ...]:
    return (m.view, m.x, m.y, m.region, m.side, m.intensity, m.quality)


def _stored(qtbot: Any, worker: Any, visit_id: int) -> dict[str, tuple[Any, ...]]:
    rows = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id))
    return {r.uid: _fields(r) for r in rows}


def _assert_shows(window: Any, stored: dict[str, tuple[Any, ...]]) -> None:
    shown = window.marks.marks()
    assert {m.key: _fields(m) for m in shown} == stored
    assert len(shown) == len(stored) and all(m.status == "saved" for m in shown)
    for name, scene in window.body_map.scenes.items():
        of_view = {k for k, f in stored.items() if f[0] == name}
        layer, items = scene.layer_keys(), set(scene.mark_items)
        assert scene.dense and len(layer) == len(set(layer))
        assert set(layer) | items == of_view and not set(layer) & items
        assert all(_fields(scene._layer._marks[k]) == stored[k] for k in layer)


def test_big_visit_shows_the_stored_marks_after_open_undo_and_redo(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    worker, visit_id = seeded["worker"], seeded["visit"].id
    _store_marks(qtbot, worker, visit_id, _both_views(COUNT, seed=7))
    window.marks.load_visit(None)
    window.marks.load_visit(visit_id)
    qtbot.waitUntil(lambda: len(window.marks.marks()) == COUNT, timeout=20_000)
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=20_000)
    before = _stored(qtbot, worker, visit_id)
    assert len(before) == COUNT
    _assert_shows(window, before)
    states = {m.key: m for m in window.marks.marks()}

    # a change of three marks' intensity on both views, as one gesture
    keys = sorted(before)[:3]
    window.body_map.selection.set(keys)
    value = min(set(range(1, 11)) - {before[k][5] for k in keys})  # new to all three
    window.body_map.set_intensity(value)
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=10_000)
    changed = _stored(qtbot, worker, visit_id)
    assert {k for k in before if before[k] != changed[k]} == set(keys)
    _assert_shows_after_selection(window, changed)
    again = {m.key: m for m in window.marks.marks()}
    # the untouched marks keep their state objects; the changed ones are new
    assert all(again[k] is states[k] for k in before if k not in keys)
    assert all(again[k] is not states[k] for k in keys)

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=10_000)
    assert _stored(qtbot, worker, visit_id) == before
    window.body_map.selection.clear()
    _assert_shows(window, before)

    window.undo_stack.redo()
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=10_000)
    assert _stored(qtbot, worker, visit_id) == changed
    window.body_map.selection.clear()
    _assert_shows(window, changed)

    # read again from the chart: the same marks, every state made anew
    window.marks.load_visit(None)
    window.marks.load_visit(visit_id)
    qtbot.waitUntil(lambda: len(window.marks.marks()) == COUNT, timeout=20_000)
    _assert_shows(window, changed)


def _assert_shows_after_selection(window: Any, stored: dict[str, tuple[Any, ...]]) -> None:
    window.body_map.selection.clear()  # the selected marks go back into the layers
    _assert_shows(window, stored)
