"""A mark's save, as the window keeps track of it (issue 18): "saving" while the store works,
then nothing left to look up once it is stored. The open visit keeps only what is pending
(queued operations, rows not plain saved), so a save's answer and the window's "Saving…"
label look at what is pending, not at every row ever saved in the visit."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from nmt_bodymap.ui.chart import store_calls
from nmt_bodymap.ui.chart.open_visit import SAVED
from tests.ui.conftest import call_on_worker, click_region


def test_a_stored_mark_leaves_nothing_pending_and_an_answer_waits_while_saving(
    qtbot: Any, window: Any, seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    worker, visit = seeded["worker"], window.open_visit
    gate = threading.Event()
    real_apply = store_calls.apply_operation

    def held(store: Any, op: Any, who: str) -> Any:
        gate.wait(10)  # the store is slow: the answer is not back yet
        return real_apply(store, op, who)

    monkeypatch.setattr(store_calls, "apply_operation", held)
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "anterior", "jaw", "left")
    marks = window.marks.marks()
    assert len(marks) == 2 and {m.status for m in marks} == {"saving"}
    assert visit.busy() and all(visit.queued(m.key) for m in marks)
    assert {uid: s for uid, (s, _e) in visit.statuses().items()} == {m.key: "saving" for m in marks}
    qtbot.waitUntil(lambda: window.save_state.text() == "Saving…", timeout=5000)

    gate.set()
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: not visit.busy(), timeout=5000)
    assert dict(visit.statuses()) == {}  # nothing pending: stored rows are not kept
    assert not any(visit.queued(m.key) for m in marks)
    assert [visit.status(m.key) for m in marks] == [SAVED, SAVED]
    assert {m.status for m in window.marks.marks()} == {"saved"}
    qtbot.waitUntil(lambda: window.save_state.text() == "All changes saved", timeout=5000)
    stored = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(seeded["visit"].id))
    assert sorted(m.uid for m in stored) == sorted(m.key for m in marks)

    # An undo while its save waits, then the redo: one row, stored as shown, nothing pending.
    gate.clear()
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert visit.busy() and visit.statuses()
    gate.set()
    qtbot.waitUntil(lambda: worker.pending() == 0 and not visit.busy(), timeout=10_000)
    assert dict(visit.statuses()) == {}
    stored = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(seeded["visit"].id))
    assert sorted(m.uid for m in stored) == sorted(m.key for m in marks)
