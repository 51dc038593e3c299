"""Issue 18: a dense view (hundreds of marks drawn as one layer) still lets the therapist
click a mark to select it, act on it with the keys, delete it and undo."""

from __future__ import annotations

import math
import uuid
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from nmt_bodymap.core.operations import RowKind
from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.map.body_scene import DENSE_MARKS
from tests.ui.conftest import call_on_worker
from tests.ui.test_many_marks import _marks

COUNT = DENSE_MARKS + 100


def _store_marks(qtbot: Any, worker: Any, visit_id: int, marks: list[MarkState]) -> None:
    from sqlalchemy import insert

    from nmt_bodymap.store.models import PainMark

    now = datetime.now(UTC)
    rows = [
        {
            "uid": str(uuid.uuid4()),
            "visit_id": visit_id,
            "view": m.view,
            "x": m.x,
            "y": m.y,
            "region": m.region,
            "side": m.side,
            "intensity": m.intensity,
            "quality": m.quality,
            "created_at": now,
            "updated_at": now,
        }
        for m in marks
    ]

    def bulk(store: Any) -> None:  # a chart of years, put in at once (test data)
        with store._engine.begin() as conn:
            conn.execute(insert(PainMark), rows)

    call_on_worker(qtbot, worker, bulk)


def _loneliest(marks: list[MarkState], count: int) -> list[MarkState]:
    """Marks with the most room around them (a click on them can hit no other)."""

    def room(m: MarkState) -> float:
        return min(math.dist((m.x, m.y), (o.x, o.y)) for o in marks if o is not m)  # type: ignore[arg-type]

    return sorted(marks, key=room, reverse=True)[:count]


def test_a_click_on_a_dense_view_selects_that_mark_and_keys_act_on_it(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    worker, visit_id = seeded["worker"], seeded["visit"].id
    placed = _marks(COUNT, seed=11)
    _store_marks(qtbot, worker, visit_id, placed)
    window.marks.load_visit(None)
    window.marks.load_visit(visit_id)
    qtbot.waitUntil(lambda: len(window.marks.marks()) == COUNT, timeout=20_000)
    scene = window.body_map.scenes["anterior"]
    view = window.body_map.views["anterior"]
    assert scene.dense and scene.mark_items == {} and len(scene.layer_keys()) == COUNT

    by_place = {(m.x, m.y): m.key for m in window.marks.marks()}
    first, second = (by_place[(m.x, m.y)] for m in _loneliest(placed, 2))
    for key in (first, second):
        mark = window.marks.get(key)
        pos = view.map_to_widget((mark.x, mark.y))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.waitUntil(lambda key=key: window.body_map.selected_mark_keys() == [key])
        assert scene.mark_items[key].isSelected()  # drawn as a badge of its own
        assert key not in scene.layer_keys()
    assert first in scene.layer_keys() and first not in scene.mark_items  # back in the layer
    assert len(window.marks.marks()) == COUNT  # a click on a mark adds none

    window.body_map.set_intensity(3)  # a digit acts on the clicked mark
    assert window.marks.get(second).intensity == 3
    assert window.body_map.remove_selected()
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=10_000)
    assert not scene.has_mark(second) and second not in scene.layer_keys()
    assert second not in scene.mark_items and len(window.marks.marks()) == COUNT - 1
    window.undo_stack.undo()
    assert scene.has_mark(second) and window.marks.get(second).intensity == 3
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=10_000)
    stored = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id))
    assert len(stored) == COUNT
    assert len(window.open_visit.rows(RowKind.PAIN_MARK)) == COUNT
