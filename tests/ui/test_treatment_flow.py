"""Issue 15: the hold timer and the treatment form at the speed of the table."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nmt_bodymap.ui.clinic.finding_dialogs import TreatmentDialog
from tests.ui.conftest import call_on_worker, click_region


def _dialog(qtbot: Any, window: Any, **kwargs: Any) -> TreatmentDialog:
    dialog = TreatmentDialog(window.knowledge.muscle("upper_trapezius"), "right", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_after_a_hold_enter_saves_instead_of_restarting_the_timer(qtbot: Any, window: Any) -> None:
    dialog = _dialog(qtbot, window)
    dialog.activateWindow()
    dialog.timer.preset_buttons[10].setFocus()
    with qtbot.waitSignal(dialog.timer.finished, timeout=5_000):
        dialog.timer.start(1)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.save_button)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == 1
    assert not dialog.timer.running


def test_every_hold_keeps_its_own_length(qtbot: Any, window: Any) -> None:
    from nmt_bodymap.ui.clinic.finding_dialogs import holds_fields

    dialog = _dialog(qtbot, window)
    for seconds in (2, 1):
        with qtbot.waitSignal(dialog.timer.finished, timeout=5_000):
            dialog.timer.start(seconds)
    assert dialog.hold_lengths() == [2, 1]
    fields = dialog.fields()
    assert (fields["repetitions"], fields["hold_lengths"], fields["hold_seconds"]) == (
        2,
        [2, 1],
        None,
    )
    assert fields["response"] == ""  # the lengths have a field of their own (revision 0007)
    assert holds_fields([20, 20], "ok") == {
        "hold_seconds": 20,
        "repetitions": 2,
        "hold_lengths": [20, 20],
        "response": "ok",
    }


def test_the_hold_timer_starts_from_the_keyboard(qtbot: Any, window: Any) -> None:
    dialog = _dialog(qtbot, window)
    dialog.activateWindow()
    dialog.side_box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.side_box)
    qtbot.keyClick(dialog.side_box, Qt.Key.Key_H)
    assert dialog.timer.running


def test_the_treatment_form_warns_while_the_red_flag_banner_is_up(qtbot: Any, window: Any) -> None:
    quiet = _dialog(qtbot, window)
    assert not quiet.warning.isVisible()
    warned = _dialog(qtbot, window, warning="Screening answered yes: chest pain")
    assert warned.warning.isVisible() and "chest pain" in warned.warning.text()


def test_the_window_passes_the_red_flag_to_the_treatment_form(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    class Probe:
        def __init__(self, *args: Any) -> None:
            seen.append(args[-1] if len(args) > 4 else "")

        def exec(self) -> int:
            return 0

    monkeypatch.setattr("nmt_bodymap.ui.clinic.findings_actions.TreatmentDialog", Probe)
    window.red_flag_banner.show_answers({"chest_pain": True}, None)
    window.ask_treatment("upper_trapezius", "right", None)
    assert seen and seen[0].startswith("Screening answered yes")


def test_the_finding_s_trigger_point_is_carried_to_the_treatment_and_named(
    qtbot: Any, window: Any, seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: window.candidates.choose("upper_trapezius", "right"))
    tp = window.knowledge.muscle("upper_trapezius").trigger_points[0]
    finding = {
        "muscle_id": "upper_trapezius",
        "side": "right",
        "trigger_point_id": tp.id,
        "activity": "active",
        "tenderness": 7,
        "jump_sign": False,
        "local_twitch": False,
        "referral_reproduced": True,
        "note": "",
    }
    monkeypatch.setattr(window, "ask_finding", lambda m, s, t: finding)
    window.actions_by_key["record-finding"].trigger()
    qtbot.waitUntil(lambda: window.findings_panel.list.count() == 1, timeout=10_000)
    asked: list[Any] = []

    def treat(muscle_id: str, side: str, tp_id: Any) -> dict[str, Any]:
        asked.append(tp_id)
        dialog = TreatmentDialog(window.knowledge.muscle(muscle_id), side, tp_id)
        qtbot.addWidget(dialog)
        dialog.holds.setText("20 s, 10 s")
        return dialog.fields()

    monkeypatch.setattr(window, "ask_treatment", treat)
    window.actions_by_key["record-treatment"].trigger()
    assert asked == [tp.id]
    qtbot.waitUntil(lambda: window.findings_panel.list.count() == 2, timeout=10_000)
    line = window.findings_panel.list.item(1).text()
    assert tp.label in line and "2 holds: 20 s, 10 s" in line and "× 2" not in line
    visit_id = seeded["visit"].id
    [stored] = call_on_worker(qtbot, seeded["worker"], lambda s: s.list_treatments(visit_id))
    assert stored.trigger_point_id == tp.id and stored.hold_lengths == [20, 10]
    assert stored.response == ""
