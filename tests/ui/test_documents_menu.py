"""File-menu document actions in the real window: print, PDF, picture, export and import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence, QPageSize
from PySide6.QtPrintSupport import QPrinter

from nmt_bodymap.ui.actions import menu_titled

from .conftest import click_region


def _settle(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=20_000)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_file_menu_has_the_document_actions(window: Any) -> None:
    file_menu = menu_titled(window, "File", create=False)
    assert file_menu is not None
    texts = [a.text() for a in file_menu.actions()]
    expected = [
        "&Print visit report…",
        "Export visit &report as PDF…",
        "Print client &handout…",
        "Export client handout as P&DF…",
        "Export &body chart picture…",
        "E&xport chart (JSON/CSV/FHIR)…",
        "&Import client…",
    ]
    for text in expected:
        assert text in texts
    assert texts.index("&Import client…") < texts.index("&Quit"), "Quit stays last"
    assert window.actions_by_key["print-report"].shortcut() == QKeySequence("Ctrl+P")


def test_ctrl_p_prints_the_open_visit_with_its_new_mark(
    qtbot: Any, window: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    printed = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        device = QPrinter(QPrinter.PrinterMode.HighResolution)
        device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        device.setOutputFileName(str(printed))
        device.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # chosen in the dialog
        return device

    monkeypatch.setattr(window.documents, "ask_printer", printer)
    window.actions_by_key["print-report"].trigger()
    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 0, timeout=30_000)
    _settle(qtbot, window)
    text = _pdf_text(printed)
    assert "Ana Ruiz" in text and "Right temple" in text
    from pypdf import PdfReader

    box = PdfReader(printed).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792), "dialog's paper"


def test_export_handout_and_picture(
    qtbot: Any, window: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    answers = iter([str(tmp_path / "care"), str(tmp_path / "chart")])
    monkeypatch.setattr(window.documents, "ask_save_path", lambda *a: (next(answers), ""))
    window.actions_by_key["export-handout"].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "care.pdf").exists(), timeout=30_000)
    window.actions_by_key["export-picture"].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "chart.png").exists(), timeout=30_000)
    _settle(qtbot, window)
    assert "When to call" in _pdf_text(tmp_path / "care.pdf")
    assert b"Ana Ruiz" not in (tmp_path / "chart.png").read_bytes()


def test_export_chart_then_import_it_as_a_new_client(
    qtbot: Any, window: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    target = tmp_path / "ana.json"
    monkeypatch.setattr(
        window.documents, "ask_save_path", lambda *a: (str(target), "Chart, NMT Body Map JSON")
    )
    window.actions_by_key["export-chart"].trigger()
    qtbot.waitUntil(target.exists, timeout=20_000)
    _settle(qtbot, window)
    assert json.loads(target.read_text(encoding="utf-8"))["client"]["name"] == "Ana Ruiz"
    monkeypatch.setattr(window.documents, "ask_open_path", lambda *a: str(target))
    before = window.clients.list.count()
    window.actions_by_key["import-client"].trigger()
    qtbot.waitUntil(lambda: window.clients.list.count() == before + 1, timeout=20_000)
    _settle(qtbot, window)


def test_import_of_a_foreign_file_is_refused_in_a_plain_message(
    qtbot: Any, window: Any, monkeypatch: Any, no_dialogs: list[str], tmp_path: Path
) -> None:
    foreign = tmp_path / "other-app.json"
    foreign.write_text('{"patients": []}', encoding="utf-8")
    monkeypatch.setattr(window.documents, "ask_open_path", lambda *a: str(foreign))
    before = window.clients.list.count()
    window.actions_by_key["import-client"].trigger()
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=20_000)
    assert no_dialogs == ["other-app.json is not an NMT Body Map chart export."]
    _settle(qtbot, window)
    assert window.clients.list.count() == before
