"""Clinical workflow on real widgets: intake and red-flag banner, education mode, progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from nmt_bodymap.ui.intake_dialog import IntakeDialog
from nmt_bodymap.ui.red_flag_banner import ClearanceDialog, RedFlagBanner
from tests.ui.conftest import call_on_worker

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _open_intake(qtbot: Any, worker: Any, client_id: int) -> IntakeDialog:
    dialog = IntakeDialog(worker.submit, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    return dialog


def _banner(qtbot: Any, worker: Any, client_id: int) -> RedFlagBanner:
    banner = RedFlagBanner(worker.submit)
    qtbot.addWidget(banner)
    banner.show()
    with qtbot.waitSignal(worker.pending_changed, check_params_cb=lambda n: n == 0):
        banner.load(client_id)
    return banner


# -- intake and red flags ---------------------------------------------------------------------


def test_red_flag_yes_raises_banner_that_survives_restart_until_cleared(
    qtbot: Any, chart_path: Path, open_worker: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = open_worker(chart_path)
    client = call_on_worker(qtbot, worker, lambda s: s.create_client(name="Ana Ruiz"))
    dialog = _open_intake(qtbot, worker, client.id)
    assert dialog.banner.isHidden()
    dialog.add_complaint("Right shoulder ache", date(2024, 1, 5), 20)
    assert dialog.chronic_badges() == [True]
    qtbot.mouseClick(dialog.red_flag_groups["fever_chills"].button(1), Qt.MouseButton.LeftButton)
    assert not dialog.banner.isHidden()  # raised at once, before saving
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = call_on_worker(qtbot, worker, lambda s: s.get_intake(client.id))
    assert stored.red_flags["fever_chills"] is True
    assert stored.red_flags["saddle_numbness"] is None  # "Not asked" stays unknown
    assert stored.complaints[0].duration_weeks == 20
    assert _banner(qtbot, worker, client.id).referral_needed
    worker.shutdown()

    restarted = open_worker(chart_path)  # the app closed and opened again
    banner = _banner(qtbot, restarted, client.id)
    assert banner.referral_needed
    assert "fever" in banner.detail.text().lower()
    monkeypatch.setattr(
        RedFlagBanner, "ask_clearance", lambda self: ("Cleared by Dr Lee (GP)", date.today())
    )
    with qtbot.waitSignal(banner.clearance_saved, timeout=10_000):
        qtbot.mouseClick(banner.clear_button, Qt.MouseButton.LeftButton)
    assert not banner.referral_needed
    assert not _banner(qtbot, restarted, client.id).referral_needed
    reopened = _open_intake(qtbot, restarted, client.id)
    assert reopened.answers()["fever_chills"] is True
    assert reopened.banner.isHidden()


def test_intake_form_explains_what_to_fix(qtbot: Any, seeded: dict[str, Any]) -> None:
    worker, client = seeded["worker"], seeded["client"]
    dialog = _open_intake(qtbot, worker, client.id)
    dialog.add_complaint("Low back pain")
    dialog.complaints.item(0, 1).setText("31/01/2025")
    dialog.save()
    assert "YYYY-MM-DD" in dialog.error_label.text()
    dialog.complaints.item(0, 1).setText("2025-01-31")
    dialog.complaints.item(0, 2).setText("-3")
    dialog.save()
    assert "negative" in dialog.error_label.text()
    assert dialog.chronic_badges() == [False]
    dialog.complaints.item(0, 2).setText("12")
    assert dialog.chronic_badges() == [True]
    dialog.stress_edit.setText("eleven")
    dialog.save()
    assert "Stress must be a number" in dialog.error_label.text()
    assert call_on_worker(qtbot, worker, lambda s: s.get_intake(client.id)) is None


def test_clearance_form_checks_who_and_date(qtbot: Any) -> None:
    dialog = ClearanceDialog()
    qtbot.addWidget(dialog)
    dialog.who_edit.setText("Dr Lee")
    dialog.date_edit.setText("1 March")
    dialog._accept_if_valid()
    assert "YYYY-MM-DD" in dialog.error_label.text()
    dialog.who_edit.setText("")
    dialog.date_edit.setText("2025-03-01")
    dialog._accept_if_valid()
    assert "who" in dialog.error_label.text()
    dialog.who_edit.setText("Dr Lee")
    dialog.note_edit.setPlainText("scan clear")
    dialog._accept_if_valid()
    assert dialog.result_value == ("Cleared by Dr Lee: scan clear", date(2025, 3, 1))


def test_intake_screenshot(qtbot: Any, seeded: dict[str, Any]) -> None:
    worker, client = seeded["worker"], seeded["client"]
    dialog = _open_intake(qtbot, worker, client.id)
    dialog.add_complaint("Right temple headache", date(2024, 9, 1), 26)
    dialog.add_complaint("Stiff neck turning left", date(2025, 1, 10), 3)
    dialog.history_edit.setPlainText("Desk work; whiplash in 2019.")
    dialog.set_answer("fever_chills", False)
    dialog.set_answer("history_of_cancer", False)
    dialog.set_answer("sudden_severe_headache", True)
    dialog.resize(900, 980)
    dialog.show()
    qtbot.waitExposed(dialog)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "intake.png"))
