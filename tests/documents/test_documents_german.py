"""The printed report and handout in German: headings, labels, dates and the after-care
sentences are German throughout, not English words inside German sentences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.store import ChartStore
from nmt_bodymap.ui.documents.handout import write_handout_pdf
from nmt_bodymap.ui.documents.report import write_report_pdf
from nmt_bodymap.ui.documents.visit_data import collect_visit
from nmt_bodymap.ui.i18n import install_language
from nmt_bodymap.ui.map.labels import set_knowledge_language

from .conftest import pdf_text

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.fixture
def german(qapp: Any) -> Iterator[None]:
    assert install_language(qapp, "de")
    set_knowledge_language("de")
    yield
    install_language(qapp, "en")
    set_knowledge_language(None)


def _text(path: Path) -> str:
    return " ".join(pdf_text(path).split())


def test_report_in_german(
    demo_store: ChartStore, demo_visit: Any, clinic: Any, tmp_path: Path, german: None
) -> None:
    path = tmp_path / "report.pdf"
    write_report_pdf(collect_visit(demo_store, demo_visit.id), path, "a4", clinic)
    text = _text(path)
    for german_words in ("Terminbericht", "Klient", "Geburtsdatum", "Therapeut", "Intensität"):
        assert german_words in text
    assert "Hauptschmerzzone" in text and "Triggerpunkte" in text
    assert any(day in text for day in WEEKDAYS)  # the visit's date, in German
    for english in (
        "Date of birth",
        "Chief complaint",
        "intensity",
        "Essential referral zone",
        "Expected soreness window",
        "Some soreness",
        "between",
        "Front (client",
        "No consent",
        *ENGLISH_DAYS,
    ):
        assert english not in text, english


def test_handout_headings_and_dates_in_german(
    demo_store: ChartStore, demo_visit: Any, clinic: Any, tmp_path: Path, german: None
) -> None:
    path = tmp_path / "handout.pdf"
    write_handout_pdf(collect_visit(demo_store, demo_visit.id), path, "a4", clinic)
    text = _text(path)
    assert "Nach Ihrer Behandlung" in text and "Wann Sie anrufen sollten" in text
    assert "nach Ihrem Termin am" in text
    assert any(day in text for day in WEEKDAYS)
    for english in (
        "Where it is",
        "What you can do",
        "After your treatment",
        "When to call",
        "after your visit on",
        "The soreness should ease",
        "both sides",
        "Front",
        "Back",
        *ENGLISH_DAYS,
    ):
        assert english not in text, english
