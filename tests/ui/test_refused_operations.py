"""A refused operation: the screen shows exactly what is stored, marked unsaved with a retry
where a retry can help, and the therapist gets one message, not one dialog per mark."""

from __future__ import annotations

from typing import Any

import pytest

from nmt_bodymap.core.operations import OpKind
from nmt_bodymap.store.errors import ChartStoreError, ChartValidationError
from nmt_bodymap.ui.chart import store_calls
from tests.ui.conftest import call_on_worker, click_region


def stored(qtbot: Any, worker: Any, visit_id: int) -> set[tuple[str, int]]:
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    return {
        (m.region, m.intensity)
        for m in call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id))
    }


def test_a_lost_connection_keeps_three_marks_unsaved_with_one_message_and_retry_stores_them(
    qtbot: Any,
    window: Any,
    seeded: dict[str, Any],
    no_dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_apply = store_calls.apply_operation

    def lost(*_args: Any) -> Any:
        raise ChartStoreError("The connection to the chart server was lost.")

    monkeypatch.setattr(store_calls, "apply_operation", lost)
    worker = seeded["worker"]
    for region, side in (("temple", "right"), ("jaw", "left"), ("pectoral", "right")):
        click_region(qtbot, window, "anterior", region, side)
    qtbot.waitUntil(lambda: len(window.open_visit.unsaved()) == 3, timeout=10_000)
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    assert len(no_dialogs) == 1, no_dialogs  # one message for the burst
    assert "connection to the chart server was lost" in no_dialogs[0]
    assert "Retry" in no_dialogs[0] and "Ana" not in no_dialogs[0]
    assert all(m.status == "unsaved" for m in window.marks.marks())
    assert "3 mark(s) not saved" in window.save_state.text()
    assert stored(qtbot, worker, seeded["visit"].id) == set()

    monkeypatch.setattr(store_calls, "apply_operation", real_apply)
    window.actions_by_key["retry"].trigger()
    qtbot.waitUntil(lambda: not window.open_visit.unsaved(), timeout=10_000)
    assert stored(qtbot, worker, seeded["visit"].id) == {
        ("temple", 5),
        ("jaw", 5),
        ("pectoral", 5),
    }
    qtbot.waitUntil(lambda: window.save_state.text() == "All changes saved", timeout=5000)


def test_a_change_the_store_refuses_puts_the_stored_value_back_on_screen(
    qtbot: Any,
    window: Any,
    seeded: dict[str, Any],
    no_dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    assert stored(qtbot, seeded["worker"], seeded["visit"].id) == {("temple", 5)}
    real_apply = store_calls.apply_operation

    def refuse_changes(store: Any, op: Any, who: str) -> Any:
        if op.op is OpKind.CHANGE:
            raise ChartValidationError("Intensity must be 0 to 10.", "intensity")
        return real_apply(store, op, who)

    monkeypatch.setattr(store_calls, "apply_operation", refuse_changes)
    window.actions_by_key["intensity-9"].trigger()
    assert window.marks.marks()[0].intensity == 9  # shown at once...
    # ... and put back as stored once the store refused it; not left as "unsaved".
    qtbot.waitUntil(lambda: window.marks.marks()[0].intensity == 5, timeout=10_000)
    [mark] = window.marks.marks()
    assert mark.status == "saved"
    assert window.body_map.intensity == 5
    assert no_dialogs == ["A change could not be saved: Intensity must be 0 to 10."]
    assert stored(qtbot, seeded["worker"], seeded["visit"].id) == {("temple", 5)}
    # The document is at the stored version again: the next change is stored.
    monkeypatch.setattr(store_calls, "apply_operation", real_apply)
    window.actions_by_key["intensity-7"].trigger()
    assert stored(qtbot, seeded["worker"], seeded["visit"].id) == {("temple", 7)}
