"""Consent to treatment at intake (issue 16): the text with its version, a typed name or a
signature drawn on the pad, stored with the intake and shown again when the form reopens."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTextBrowser

from nmt_bodymap.core.consent import load_consent
from nmt_bodymap.ui.clinic.intake_dialog import IntakeDialog

from .conftest import call_on_worker


def _open_intake(qtbot: Any, worker: Any, client_id: int) -> IntakeDialog:
    dialog = IntakeDialog(worker.submit, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    return dialog


def test_a_drawn_consent_is_stored_with_the_intake_and_shown_again(
    qtbot: Any, chart_path: Path, open_worker: Any
) -> None:
    worker = open_worker(chart_path)
    client = call_on_worker(qtbot, worker, lambda s: s.create_client(name="Ana Ruiz"))
    dialog = _open_intake(qtbot, worker, client.id)
    section = dialog.consent
    assert load_consent().latest.id in section.version_label.text()
    words = section.findChild(QTextBrowser, "consent-text").toPlainText()
    assert "I agree to receive neuromuscular therapy." in words
    qtbot.keyClicks(section.name_edit, "Ana Ruiz")
    pad = section.pad
    pad.strokes = [[(100, 500), (300, 300), (500, 700)]]  # drawn as the pad records it
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = call_on_worker(qtbot, worker, lambda s: s.latest_consent(client.id))
    assert stored.typed_name == "Ana Ruiz" and stored.consented_on == date.today()
    assert stored.drawing == "M 100 500 L 300 300 L 500 700"
    assert stored.text_version == load_consent().current
    again = _open_intake(qtbot, worker, client.id)
    assert again.consent.name_edit.text() == "Ana Ruiz"
    assert again.consent.pad.path() == stored.drawing
    assert "On file: consent given" in again.consent.on_file.text()
    assert again.consent.values() is None, "an unchanged consent is not recorded twice"


def test_a_bad_consent_date_is_one_line_and_nothing_saved(
    qtbot: Any, chart_path: Path, open_worker: Any
) -> None:
    worker = open_worker(chart_path)
    client = call_on_worker(qtbot, worker, lambda s: s.create_client(name="Ana Ruiz"))
    dialog = _open_intake(qtbot, worker, client.id)
    dialog.consent.name_edit.setText("Ana Ruiz")
    dialog.consent.date_edit.setText("31/12/2025")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Consent: Write the consent date as YYYY-MM-DD."
    assert dialog.isVisible()
    assert call_on_worker(qtbot, worker, lambda s: s.get_intake(client.id)) is None
    assert call_on_worker(qtbot, worker, lambda s: s.latest_consent(client.id)) is None


def test_the_pad_records_a_real_mouse_stroke(qtbot: Any) -> None:
    from nmt_bodymap.ui.clinic.consent_section import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 200)
    pad.show()
    qtbot.waitExposed(pad)
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 50))
    QTest.mouseMove(pad, QPoint(200, 20))
    QTest.mouseMove(pad, QPoint(360, 80))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(360, 80))
    assert pad.path() == "M 100 250 L 500 100 L 900 400"  # in the pad's 0-1000 box
    pad.clear()
    assert pad.path() == ""
