"""Undo and redo while the saves are still queued (a slow disk, a clinic server, a backup).

The worker is held busy by a job that waits on an event; the therapist goes on charting,
undoing and redoing; once the worker drains, the store holds exactly what the screen shows.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import call_on_worker, click_region


@pytest.fixture
def hold(seeded: dict[str, Any]) -> Iterator[Any]:
    """``hold()`` blocks the worker until the test releases it (always released at the end)."""
    gates: list[threading.Event] = []

    def blocker() -> threading.Event:
        gate = threading.Event()
        gates.append(gate)
        seeded["worker"].submit(lambda _store: gate.wait(20))
        return gate

    yield blocker
    for gate in gates:
        gate.set()


def stored_marks(qtbot: Any, worker: Any, visit_id: int) -> set[tuple[str, str, int, str]]:
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=15_000)
    marks = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id))
    return {(m.region, m.side, m.intensity, m.quality) for m in marks}


def shown_marks(window: Any) -> set[tuple[str, str, int, str]]:
    return {(m.region, m.side, m.intensity, m.quality) for m in window.marks.marks()}


def test_marks_added_changed_undone_and_redone_while_the_worker_is_busy(
    qtbot: Any, window: Any, seeded: dict[str, Any], hold: Any
) -> None:
    worker, visit_id = seeded["worker"], seeded["visit"].id
    gate = hold()
    undo, redo = window.actions_by_key["undo"], window.actions_by_key["redo"]
    click_region(qtbot, window, "anterior", "temple", "right")
    window.actions_by_key["intensity-8"].trigger()
    click_region(qtbot, window, "posterior", "posterior_neck", "left")
    window.actions_by_key["quality"].trigger()
    undo.trigger()  # quality back
    undo.trigger()  # the neck mark off
    redo.trigger()  # the neck mark back (the same row, not a second one)
    undo.trigger()
    redo.trigger()
    redo.trigger()  # quality again
    click_region(qtbot, window, "anterior", "jaw", "left")
    window.actions_by_key["delete-mark"].trigger()  # the jaw mark, just placed and selected
    undo.trigger()  # back
    undo.trigger()  # jaw mark removed again (undo of its placing)
    assert worker.pending() > 5, "the saves must still be queued behind the held job"
    expected = {("temple", "right", 8, "ache"), ("posterior_neck", "left", 5, "sharp")}
    assert shown_marks(window) == expected
    gate.set()
    assert stored_marks(qtbot, worker, visit_id) == expected
    assert window.save_state.text() == "All changes saved"
    assert all(m.status == "saved" for m in window.marks.marks())


def test_a_mark_restored_by_redo_lands_on_its_own_visit(
    qtbot: Any, window: Any, seeded: dict[str, Any], hold: Any
) -> None:
    worker, first = seeded["worker"], seeded["visit"]
    second = call_on_worker(
        qtbot, worker, lambda s: s.create_visit(seeded["client"].id, chief_complaint="later")
    )
    gate = hold()
    click_region(qtbot, window, "anterior", "temple", "right")
    window.actions_by_key["undo"].trigger()
    window.actions_by_key["redo"].trigger()
    window._on_visit(second)  # the therapist opens the later visit meanwhile
    assert window.marks.visit_id == second.id
    gate.set()
    assert stored_marks(qtbot, worker, first.id) == {("temple", "right", 5, "ache")}
    assert stored_marks(qtbot, worker, second.id) == set()


def test_a_digit_during_a_slow_save_changes_the_new_mark_once(
    qtbot: Any, window: Any, seeded: dict[str, Any], hold: Any
) -> None:
    worker, visit_id = seeded["worker"], seeded["visit"].id
    gate = hold()
    click_region(qtbot, window, "anterior", "temple", "right")
    view = window.body_map.views["anterior"]
    qtbot.keyClick(view, Qt.Key.Key_6)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    click_region(qtbot, window, "anterior", "jaw", "right")
    gate.set()
    assert stored_marks(qtbot, worker, visit_id) == {
        ("temple", "right", 6, "ache"),
        ("jaw", "right", 5, "ache"),
    }


def test_findings_and_treatments_undone_and_redone_while_the_worker_is_busy(
    qtbot: Any, window: Any, seeded: dict[str, Any], hold: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker, visit_id = seeded["worker"], seeded["visit"].id
    finding = {"muscle_id": "temporalis", "side": "right", "activity": "active", "tenderness": 7}
    treatment = {"muscle_id": "temporalis", "side": "right", "technique": "ischemic compression"}
    monkeypatch.setattr(window, "ask_finding", lambda *_a: dict(finding))
    monkeypatch.setattr(window, "ask_treatment", lambda *_a: dict(treatment))
    undo, redo = window.actions_by_key["undo"], window.actions_by_key["redo"]
    gate = hold()
    window.record_finding("temporalis", "right")
    window.record_treatment("temporalis", "right")
    undo.trigger()  # treatment off
    undo.trigger()  # finding off
    redo.trigger()  # finding back: the same row, not a second one
    monkeypatch.setattr(
        window, "ask_finding", lambda *_a: {**finding, "muscle_id": "masseter", "side": "left"}
    )
    window.record_finding("masseter", "left")  # a new gesture ends the redo chain
    undo.trigger()
    redo.trigger()
    shown = sorted((f.muscle_id, f.side) for f in window.findings.findings.values())
    assert shown == [("masseter", "left"), ("temporalis", "right")]
    assert window.findings.treatments == {}
    assert worker.pending() > 3
    gate.set()
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=15_000)
    stored = call_on_worker(qtbot, worker, lambda s: s.list_findings(visit_id))
    assert sorted((f.muscle_id, f.side) for f in stored) == shown
    assert call_on_worker(qtbot, worker, lambda s: s.list_treatments(visit_id)) == []
    assert window.findings_panel.list.count() == len(shown)


def test_observations_ticked_undone_and_redone_while_the_worker_is_busy(
    qtbot: Any, window: Any, seeded: dict[str, Any], hold: Any
) -> None:
    from PySide6.QtCore import Qt as QtCore

    worker, visit_id = seeded["worker"], seeded["visit"].id
    panel = window.assessment_panel
    window.side_tabs.setCurrentWidget(panel)
    undo, redo = window.actions_by_key["undo"], window.actions_by_key["redo"]

    def tick(item: str) -> None:
        panel.row("posture", item).item.setCheckState(0, QtCore.CheckState.Checked)

    gate = hold()
    tick("forward_head")
    tick("rounded_shoulders")
    undo.trigger()
    redo.trigger()  # the same row back, never a second one
    undo.trigger()
    undo.trigger()
    redo.trigger()
    shown = sorted(o.item for o in window.assessment_panel.model.observations.values())
    assert shown == ["forward_head"]
    assert worker.pending() > 3
    gate.set()
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=15_000)
    stored = call_on_worker(qtbot, worker, lambda s: s.list_observations(visit_id))
    assert sorted(o.item for o in stored) == shown


def test_a_follow_up_recorded_undone_and_redone_while_the_worker_is_busy_is_stored_once(
    qtbot: Any, seeded: dict[str, Any], no_dialogs: list[str], hold: Any, monkeypatch: Any
) -> None:
    from datetime import UTC, datetime, timedelta

    from tests.ui.conftest import open_window

    worker, client, first = seeded["worker"], seeded["client"], seeded["visit"]
    later = datetime.now(UTC) + timedelta(minutes=5)
    second = call_on_worker(
        qtbot, worker, lambda s: s.create_visit(client.id, started_at=later, chief_complaint="2")
    )
    window = open_window(qtbot, worker, second.id)
    window.side_tabs.setCurrentWidget(window.summary)
    summary = window.summary
    qtbot.waitUntil(lambda: summary.prompt.isVisible(), timeout=10_000)
    monkeypatch.setattr(
        summary, "ask_follow_up", lambda v, c: {"soreness_hours": 48.0, "relief_days": 2.0}
    )
    undo, redo = window.actions_by_key["undo"], window.actions_by_key["redo"]
    gate = hold()
    summary.prompt_button.click()
    undo.trigger()
    redo.trigger()
    undo.trigger()
    redo.trigger()
    assert "soreness 48 h" in summary.prompt_label.text()
    gate.set()
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=15_000)
    stored = call_on_worker(qtbot, worker, lambda s: s.list_follow_ups(first.id))
    assert [(f.soreness_hours, f.relief_days) for f in stored] == [(48.0, 2.0)]
