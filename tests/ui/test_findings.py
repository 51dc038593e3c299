"""Recording findings and treatments from a candidate, and the hold timer."""

from __future__ import annotations

from typing import Any

import pytest

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.clinic.finding_dialogs import TreatmentDialog
from nmt_bodymap.ui.clinic.hold_timer import HoldTimer
from tests.ui.conftest import call_on_worker, click_region


def test_finding_from_a_candidate_is_stored_listed_and_undoable(
    qtbot: Any, window: Any, seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: window.candidates.choose("temporalis", "right"))
    asked: list[tuple[str, str, Any]] = []

    def answer(muscle_id: str, side: str, tp_id: Any) -> dict[str, Any]:
        asked.append((muscle_id, side, tp_id))
        return {
            "muscle_id": muscle_id,
            "side": side,
            "trigger_point_id": "tp1",
            "activity": "active",
            "tenderness": 8,
            "jump_sign": True,
            "local_twitch": False,
            "referral_reproduced": True,
            "note": "",
        }

    monkeypatch.setattr(window, "ask_finding", answer)
    window.actions_by_key["record-finding"].trigger()
    assert asked == [("temporalis", "right", None)]
    qtbot.waitUntil(lambda: window.findings_panel.list.count() == 1, timeout=10_000)
    text = window.findings_panel.list.item(0).text()
    assert "Temporalis" in text and "active" in text and "8/10" in text
    visit_id = seeded["visit"].id
    stored = call_on_worker(qtbot, seeded["worker"], lambda s: s.list_findings(visit_id))
    assert [(f.muscle_id, f.side, f.activity, f.jump_sign) for f in stored] == [
        ("temporalis", "right", "active", True)
    ]
    atlas = load_atlas()
    tp = window.knowledge.muscle("temporalis").trigger_points[0]
    drawn = atlas.point_on_muscle(tp.view, "temporalis", "right", tp.along, tp.across)
    assert len(window.body_map.scenes[tp.view].finding_items) == (1 if drawn else 0)

    window.actions_by_key["undo"].trigger()
    qtbot.waitUntil(lambda: window.findings_panel.list.count() == 0, timeout=10_000)
    assert call_on_worker(qtbot, seeded["worker"], lambda s: s.list_findings(visit_id)) == []


def test_treatment_is_stored_with_its_hold_and_repetitions(
    qtbot: Any, window: Any, seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: window.candidates.choose("upper_trapezius", "right"))
    monkeypatch.setattr(
        window,
        "ask_treatment",
        lambda m, s, t: {
            "muscle_id": m,
            "side": s,
            "trigger_point_id": "",
            "technique": "Pincer compression",
            "pressure_tolerance": 6,
            "hold_seconds": 20,
            "repetitions": 3,
            "response": "softened",
        },
    )
    window.candidates.treatment_button.click()
    qtbot.waitUntil(lambda: window.findings_panel.list.count() == 1, timeout=10_000)
    assert "Pincer compression, 20 s, × 3" in window.findings_panel.list.item(0).text()
    visit_id = seeded["visit"].id
    [stored] = call_on_worker(qtbot, seeded["worker"], lambda s: s.list_treatments(visit_id))
    assert (stored.muscle_id, stored.hold_seconds, stored.repetitions) == ("upper_trapezius", 20, 3)


def test_hold_timer_counts_down_and_signals_the_end(qtbot: Any) -> None:
    timer = HoldTimer()
    qtbot.addWidget(timer)
    ticks: list[int] = []
    timer.tick.connect(ticks.append)
    with qtbot.waitSignal(timer.finished, timeout=5_000) as blocker:
        timer.start(2)
        assert timer.running
    assert blocker.args == [2]
    assert ticks and ticks[0] == 2 and 1 in ticks
    assert timer.display.text() == "Release"
    assert not timer.running


def test_finished_hold_fills_the_treatment_form(qtbot: Any, window: Any) -> None:
    dialog = TreatmentDialog(window.knowledge.muscle("upper_trapezius"), "bilateral")
    qtbot.addWidget(dialog)
    assert [dialog.side_box.itemData(i) for i in range(dialog.side_box.count())] == [
        "right",
        "left",
    ]
    with qtbot.waitSignal(dialog.timer.finished, timeout=5_000):
        dialog.timer.start(1)
    fields = dialog.fields()
    assert fields["hold_seconds"] == 1 and fields["repetitions"] == 1
    assert fields["muscle_id"] == "upper_trapezius" and fields["side"] == "right"


def test_clicking_a_trigger_point_pin_records_a_finding_there_without_marking(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt

    from nmt_bodymap.ui.map.map_items import TriggerPointPin

    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: window.candidates.choose("upper_trapezius", "right"))
    candidate = window.candidates.current_candidate()
    # A pin not covered by the pain mark itself (the mark stays on top of what it hides).
    clickable = [
        t
        for t in candidate.trigger_points
        if t.point is not None
        and isinstance(
            window.body_map.views[t.view].itemAt(
                window.body_map.views[t.view].map_to_widget(t.point)
            ),
            TriggerPointPin,
        )
    ]
    assert clickable, "no trigger-point pin of the upper trapezius is in view"
    tp = clickable[0]
    view = window.body_map.views[tp.view]
    pin = view.itemAt(view.map_to_widget(tp.point))  # the pin on top where pins overlap
    asked: list[tuple[str, str, Any]] = []
    monkeypatch.setattr(window, "ask_finding", lambda m, s, t: asked.append((m, s, t)))
    marks_before = len(window.marks.marks())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.map_to_widget(tp.point))
    assert asked == [("upper_trapezius", pin.side, pin.tp_id)]
    assert pin.tp_id in {t.id for t in candidate.trigger_points}
    assert len(window.marks.marks()) == marks_before


def test_enter_on_a_candidate_opens_the_finding_at_its_explaining_trigger_point(
    qtbot: Any, window: Any, seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt

    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: window.candidates.choose("temporalis", "right"))
    candidate = window.candidates.current_candidate()
    asked: list[tuple[str, str, Any]] = []
    monkeypatch.setattr(window, "ask_finding", lambda m, s, t: asked.append((m, s, t)))
    window.candidates.tree.setFocus()
    qtbot.keyClick(window.candidates.tree, Qt.Key.Key_Return)
    assert len(asked) == 1
    muscle, side, tp_id = asked[0]
    assert (muscle, side) == ("temporalis", "right")
    tp_ids = {tp.id for tp in window.knowledge.muscle("temporalis").trigger_points}
    assert tp_id in tp_ids  # prefilled with a trigger point of that muscle ...
    if candidate.explaining:  # ... the one that explains the marked spot
        assert tp_id == candidate.explaining[0]
