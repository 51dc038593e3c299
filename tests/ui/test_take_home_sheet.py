"""The take-home sheet in education mode (issue 16): the open visit's handout on screen in
large type (each treated muscle: where it is, where it sends pain, where to press, self-care;
the after-care with the soreness window and when to call), none of the therapist's notes,
and Print… / Save as PDF… through the handout's own drawing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from nmt_bodymap.ui.education.education_mode import EducationWindow
from nmt_bodymap.ui.education.take_home import TakeHomeSheet
from nmt_bodymap.ui.map.labels import muscle_label
from tests.ui.conftest import call_on_worker


def pdf_words(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


NOTES = ("SECRET-NOTE-treatment", "SECRET-NOTE-finding", "SECRET-SOAP-plan", "SECRET-obs")


def _chart_treatment(qtbot: Any, window: Any, visit_id: int) -> None:
    call = lambda job: call_on_worker(qtbot, window.worker, job)  # noqa: E731
    call(
        lambda s: s.add_finding(
            visit_id,
            muscle_id="upper_trapezius",
            side="right",
            activity="active",
            tenderness=7,
            note=NOTES[1],
        )
    )
    call(
        lambda s: s.add_treatment(
            visit_id, muscle_id="upper_trapezius", side="right", technique="Ischemic compression",
            hold_seconds=30, response=NOTES[0],
        )
    )  # fmt: skip
    call(lambda s: s.update_visit(visit_id, plan=NOTES[2], assessment=NOTES[3]))


def _open_sheet(qtbot: Any, window: Any) -> tuple[EducationWindow, TakeHomeSheet]:
    education = EducationWindow(["upper_trapezius"], parent=window)
    qtbot.addWidget(education)
    education.show()
    assert education.take_home_button.isEnabled()
    qtbot.mouseClick(education.take_home_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: education.take_home is not None, timeout=10_000)
    sheet = education.take_home
    assert sheet is not None and education.pages.currentWidget() is sheet
    return education, sheet


def test_the_take_home_sheet_shows_the_handout_without_notes(
    qtbot: Any, window: Any, seeded: dict[str, Any], tmp_path: Path
) -> None:
    _chart_treatment(qtbot, window, seeded["visit"].id)
    education, sheet = _open_sheet(qtbot, window)
    text = sheet.text()
    name = muscle_label("upper_trapezius")
    assert f"{name} (right side)" in text
    for heading in ("Where it is", "Where it sends pain", "Where to press", "What you can do"):
        assert heading in text
    assert "The soreness should ease" in text and "When to call" in text
    assert "Ana Ruiz" in text  # it is the client's own sheet
    for note in NOTES:
        assert note not in text
    assert "Ischemic compression" not in text  # the technique is the therapist's detail
    # Large type: the body text is well above the paper's 14 pt.
    assert sheet.browser.document().defaultFont().pointSizeF() >= 20
    education.resize(1280, 800)
    education.grab().save(str(tmp_path / "take-home.png"))
    # Esc goes back to the muscles, not out of education mode.
    qtbot.keyClick(education, Qt.Key.Key_Escape)
    assert education.pages.currentWidget() is education.teaching and education.isVisible()


def test_print_and_pdf_reuse_the_handout(
    qtbot: Any, window: Any, seeded: dict[str, Any], tmp_path: Path
) -> None:
    _chart_treatment(qtbot, window, seeded["visit"].id)
    _education, sheet = _open_sheet(qtbot, window)
    target = tmp_path / "sheet"
    sheet.ask_save_path = lambda: str(target)
    qtbot.mouseClick(sheet.pdf_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "sheet.pdf"
    assert pdf.exists() and sheet.status.text().startswith("Saved as sheet.pdf")
    text = pdf_words(pdf)
    assert muscle_label("upper_trapezius") in text and "When to call" in text
    assert not any(note in text for note in NOTES)
    printed = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        device = QPrinter(QPrinter.PrinterMode.HighResolution)
        device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        device.setOutputFileName(str(printed))
        return device

    sheet.ask_printer = printer
    qtbot.mouseClick(sheet.print_button, Qt.MouseButton.LeftButton)
    assert sheet.status.text().startswith("Sent to the printer (")
    assert printed.exists() and "When to call" in pdf_words(printed)


def test_no_open_visit_offers_no_sheet(qtbot: Any) -> None:
    education = EducationWindow(["upper_trapezius"])
    qtbot.addWidget(education)
    assert not education.take_home_button.isEnabled()
