"""The regional examination guide and the visit summary with its follow-up, in the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from nmt_bodymap.core.examination import examination_guides
from tests.ui.conftest import call_on_worker, click_region, open_window


def _finding(muscle_id: str, side: str) -> dict[str, Any]:
    return {"muscle_id": muscle_id, "side": side, "activity": "active", "tenderness": 7}


def test_guide_lists_where_to_look_for_a_shoulder_mark_and_ticks_examined_muscles(
    qtbot: Any, window: Any, seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    window.side_tabs.setCurrentWidget(window.guide)
    assert "Mark where it hurts" in window.guide.heading.text()
    click_region(qtbot, window, "anterior", "lateral_shoulder", "right")
    qtbot.waitUntil(lambda: bool(window.guide.muscle_rows()), timeout=10_000)
    rows = window.guide.muscle_rows()
    expected = examination_guides([("lateral_shoulder", "right")])[0]
    assert [name for _guide, name, _done in rows] == [
        window.knowledge.muscle(m).name for m in expected.muscles
    ]
    assert rows[0][0].startswith("Shoulder pain (right)")
    top = window.guide.tree.topLevelItem(0)
    look = " ".join(top.child(i).text(0) for i in range(top.childCount()))
    assert look.startswith("Also look at: back of neck") and "forearm" in look
    assert all(done == "" for _g, _n, done in rows)

    # Choosing a muscle lights it up on the map; recording a finding ticks it.
    assert window.guide.select_muscle("infraspinatus")
    assert window.body_map.highlight is not None
    assert window.body_map.highlight.muscle_id == "infraspinatus"
    assert window.body_map.highlight.sides == ("right",)
    monkeypatch.setattr(window, "ask_finding", lambda m, s, tp: _finding(m, s))
    window.guide.finding_button.click()
    qtbot.waitUntil(
        lambda: (
            ("Shoulder pain (right)", "Infraspinatus", "✓ right")
            in [(g.split(" —")[0], n, d) for g, n, d in window.guide.muscle_rows()]
        ),
        timeout=10_000,
    )
    assert "1 of" in window.guide.heading.text()
    visit_id = seeded["visit"].id
    stored = call_on_worker(qtbot, seeded["worker"], lambda s: s.list_findings(visit_id))
    assert [(f.muscle_id, f.side) for f in stored] == [("infraspinatus", "right")]


def test_summary_states_the_soreness_window_of_the_visit(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    window.side_tabs.setCurrentWidget(window.summary)
    visit = seeded["visit"]
    ease_by = visit.started_at.astimezone() + timedelta(hours=24)
    qtbot.waitUntil(lambda: "Right temple" in window.summary.text.toPlainText(), timeout=10_000)
    text = window.summary.text.toPlainText()
    assert "Expected soreness: 24 to 36 hours" in text
    assert ease_by.strftime("%A %d %b") in text
    assert "Follow-up" in text and "Not recorded yet" in text
    assert not window.summary.prompt.isVisible()  # the first visit has none before it

    window.summary.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "24 to 36 hours" in copied and "Ana" not in copied


def _two_visits(qtbot: Any, seeded: dict[str, Any]) -> Any:
    worker, client = seeded["worker"], seeded["client"]
    later = datetime.now(UTC) + timedelta(minutes=5)
    return call_on_worker(
        qtbot,
        worker,
        lambda s: s.create_visit(client.id, started_at=later, chief_complaint="Second visit"),
    )


def test_next_visit_records_the_follow_up_of_the_previous_one_with_undo(
    qtbot: Any, seeded: dict[str, Any], no_dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = seeded["visit"]
    second = _two_visits(qtbot, seeded)
    window = open_window(qtbot, seeded["worker"], second.id)
    window.side_tabs.setCurrentWidget(window.summary)
    summary = window.summary
    qtbot.waitUntil(lambda: summary.prompt.isVisible(), timeout=10_000)
    assert "How did the client fare" in summary.prompt_label.text()

    asked: list[Any] = []

    def answer(visit: Any, current: Any) -> dict[str, Any]:
        asked.append((visit.id, current))
        return {"soreness_hours": 48.0, "relief_days": 2.0, "note": "Slept badly"}

    monkeypatch.setattr(summary, "ask_follow_up", answer)
    summary.prompt_button.click()
    assert asked == [(first.id, None)]
    worker = seeded["worker"]
    qtbot.waitUntil(lambda: "soreness 48 h" in summary.prompt_label.text(), timeout=10_000)
    stored = call_on_worker(qtbot, worker, lambda s: s.list_follow_ups(first.id))
    assert [(f.soreness_hours, f.relief_days, f.note) for f in stored] == [
        (48.0, 2.0, "Slept badly")
    ]

    # Correcting it changes the same record; undo brings back the first answer.
    monkeypatch.setattr(
        summary, "ask_follow_up", lambda v, c: {"soreness_hours": 30.0, "relief_days": 6.0}
    )
    summary.prompt_button.click()
    qtbot.waitUntil(lambda: "soreness 30 h" in summary.prompt_label.text(), timeout=10_000)
    stored = call_on_worker(qtbot, worker, lambda s: s.list_follow_ups(first.id))
    assert [(f.soreness_hours, f.relief_days) for f in stored] == [(30.0, 6.0)]
    window.actions_by_key["undo"].trigger()
    qtbot.waitUntil(lambda: "soreness 48 h" in summary.prompt_label.text(), timeout=10_000)
    window.actions_by_key["undo"].trigger()
    qtbot.waitUntil(lambda: "How did the client fare" in summary.prompt_label.text())
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    assert call_on_worker(qtbot, worker, lambda s: s.list_follow_ups(first.id)) == []
    window.actions_by_key["redo"].trigger()
    qtbot.waitUntil(lambda: "soreness 48 h" in summary.prompt_label.text(), timeout=10_000)

    # Looking back at the first visit, its summary reads the follow-up.
    window.visits.list.setCurrentRow(1)
    qtbot.waitUntil(lambda: "Soreness 48 h" in summary.text.toPlainText(), timeout=10_000)
    text = summary.text.toPlainText()
    assert "longer than the expected 36 h" in text
    assert "perpetuating factors" in text
    assert "Slept badly" in text


def test_follow_up_form_refuses_an_empty_answer_and_keeps_figures(qtbot: Any) -> None:
    from nmt_bodymap.ui.clinic.follow_up_dialog import FollowUpDialog

    dialog = FollowUpDialog("Mon 23 Nov 2026")
    qtbot.addWidget(dialog)
    dialog._accept_if_valid()
    assert "Enter how long" in dialog.error_label.text()
    assert dialog.result() == 0
    assert dialog.soreness_box.maximum() == 24 * 14  # the store's own limit
    dialog.soreness_box.setValue(0)
    dialog.relief_box.setValue(5)
    assert dialog.fields() == {"soreness_hours": 0.0, "relief_days": 5.0, "note": ""}
    dialog._accept_if_valid()
    assert dialog.result() == 1


def test_summary_lists_the_assessment_of_the_visit(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import Qt

    panel = window.assessment_panel
    window.side_tabs.setCurrentWidget(panel)
    panel.row("posture", "forward_head").item.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    window.side_tabs.setCurrentWidget(window.summary)
    label = panel.assessment.label("posture", "forward_head")
    qtbot.waitUntil(
        lambda: f"Posture: {label}" in window.summary.text.toPlainText(), timeout=10_000
    )
    window.actions_by_key["undo"].trigger()
    qtbot.waitUntil(
        lambda: "No posture, gait or tissue findings" in window.summary.text.toPlainText(),
        timeout=10_000,
    )


def test_a_muscle_to_check_from_the_assessment_is_shown_on_the_map(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import Qt

    panel = window.assessment_panel
    window.side_tabs.setCurrentWidget(panel)
    panel.row("posture", "forward_head").item.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: bool(panel.muscles_to_check()), timeout=10_000)
    first = panel.muscles_to_check()[0]
    assert first in panel.assessment.muscles_to_check("posture", "forward_head")
    panel.muscles_list.setCurrentRow(0)
    assert window.body_map.highlight is not None
    assert window.body_map.highlight.muscle_id == first
    assert window.body_map.highlight.sides == ("right", "left")
