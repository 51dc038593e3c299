"""Language "de": a visit with findings, treatments, observations and follow-ups reads German
in every place its words are made: the findings list, the Assessment lines, the visit
summary (its follow-up prompt too), the suggested SOAP note and the printed report. Any
English word the app itself writes (not what the therapist typed) fails the test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from nmt_bodymap.settings import Settings, load_settings, save_settings
from nmt_bodymap.ui.clinic.visit_summary import after_care_text
from nmt_bodymap.ui.documents.report import write_report_pdf
from nmt_bodymap.ui.documents.soap_text import soap_suggestions
from nmt_bodymap.ui.documents.visit_data import collect_visit
from nmt_bodymap.ui.i18n import install_language
from nmt_bodymap.ui.map.labels import set_knowledge_language
from tests.conftest import body_point
from tests.documents.conftest import pdf_text
from tests.ui.conftest import call_on_worker, open_window

# Words the app writes around the charted values; none may be left in a German text.
ENGLISH = (
    "active",
    "tenderness",
    "jump sign",
    "twitch",
    "referral reproduced",
    "pressure",
    "holds",
    "left",
    "right",
    "both sides",
    "midline",
    "felt at the",
    "mild",
    "moderate",
    "marked",
    "soreness",
    "relief",
    "expected",
    "perpetuating",
    "Treated",
    "Trigger point",
    "Pain map",
    "Chief complaint",
    "After-care",
    "Follow-up",
    "Next visit",
    "Visit of",
    "Client's report",
    "Finding",
    "Treatment",
    "Posture",
    "Gait",
    "Ischemia",
    "Entrapment",
    "compression",
    "Stretch",
    "between",
    "by",
    "ache",
    "sharp",
    "throbbing",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_PATTERN = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH) + r")\b", re.IGNORECASE)


def english_words(text: str) -> list[str]:
    return sorted({m.group(0) for m in _PATTERN.finditer(text)})


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    save_settings(Settings(language="de"))
    assert install_language(qapp, load_settings().language)
    set_knowledge_language(None)  # the knowledge reads the setting again
    yield
    install_language(qapp, "en")
    set_knowledge_language(None)


def _chart(store: Any, client_id: int, visit_id: int) -> None:
    """A previous visit with a long-soreness follow-up; this visit with every kind of row.
    Free text is German, as the therapist would type it."""
    now = datetime.now(UTC)
    store.update_visit(visit_id, chief_complaint="Kopfschmerz an der Schläfe")
    before = store.create_visit(client_id, started_at=now - timedelta(days=7))
    store.add_follow_up(before.id, soreness_hours=60, relief_days=2, note="Zwei gute Tage")
    store.add_pain_mark(
        visit_id,
        view="anterior",
        region="temple",
        side="right",
        **dict(zip(("x", "y"), body_point("anterior", "temple", "right"), strict=True)),
        intensity=7,
        quality="throbbing",
    )
    store.add_pain_mark(
        visit_id,
        view="posterior",
        region="posterior_neck",
        side="left",
        **dict(zip(("x", "y"), body_point("posterior", "posterior_neck", "left"), strict=True)),
        intensity=4,
        quality="ache",
    )
    store.add_finding(
        visit_id,
        muscle_id="upper_trapezius",
        side="right",
        trigger_point_id="tp1",
        activity="active",
        tenderness=7,
        jump_sign=True,
        local_twitch=True,
        referral_reproduced=True,
    )
    store.add_finding(
        visit_id, muscle_id="sternocleidomastoid", side="left", activity="active", tenderness=5
    )
    store.add_finding(visit_id, muscle_id="levator_scapulae", side="right", activity="latent")
    store.add_treatment(
        visit_id,
        muscle_id="upper_trapezius",
        side="right",
        trigger_point_id="tp1",
        technique="Ischaemic compression",
        pressure_tolerance=6,
        hold_lengths=[20, 10, 30],
        response="weicher",
    )
    store.add_treatment(
        visit_id,
        muscle_id="sternocleidomastoid",
        side="left",
        technique="Pincer compression",
        pressure_tolerance=5,
        hold_seconds=10,
        repetitions=2,
        response="",
    )
    store.add_observation(visit_id, kind="posture", item="forward_head", severity="moderate")
    store.add_observation(
        visit_id, kind="posture", item="elevated_shoulder", side="right", severity="mild"
    )
    store.add_observation(visit_id, kind="posture", item="rounded_shoulders", side="both")
    store.add_observation(
        visit_id,
        kind="ischemia",
        item="taut_ropy",
        region="neck_shoulder_angle",
        side="right",
        severity="marked",
    )
    store.add_observation(
        visit_id, kind="entrapment", item="brachial_plexus_scalenes", side="left", region="temple"
    )
    store.add_follow_up(visit_id, soreness_hours=24, relief_days=1)


def test_a_german_visit_reads_german_everywhere_its_words_are_made(
    qtbot: Any, seeded: dict[str, Any], german: None, no_dialogs: list[str], tmp_path: Path
) -> None:
    worker, visit = seeded["worker"], seeded["visit"]
    call_on_worker(qtbot, worker, lambda s: _chart(s, seeded["client"].id, visit.id))
    window = open_window(qtbot, worker, visit.id)
    texts: dict[str, str] = {}

    findings = window.findings_panel.list
    qtbot.waitUntil(lambda: findings.count() == 5, timeout=5000)
    texts["findings list"] = "\n".join(findings.item(i).text() for i in range(findings.count()))
    assert "aktiv" in texts["findings list"] and "3 Halte:" in texts["findings list"]

    assessment = window.assessment_panel  # its pickers show German, store the English id
    window.side_tabs.setCurrentWidget(assessment)  # built when first shown
    for combo in (assessment.ischemia_severity, assessment.entrapment_side):
        texts[combo.objectName() or "assessment picker"] = " ".join(
            combo.itemText(i) for i in range(combo.count())
        )
    severity = assessment.ischemia_severity
    assert [severity.itemText(i) for i in range(severity.count())][1:] == [
        "Leicht",
        "Mäßig",
        "Ausgeprägt",
    ]
    assert severity.itemData(2) == "moderate"
    lists = (assessment.ischemia_list, assessment.entrapment_list)
    qtbot.waitUntil(lambda: all(w.count() for w in lists), timeout=5000)
    texts["assessment lists"] = "\n".join(w.item(i).text() for w in lists for i in range(w.count()))

    window.side_tabs.setCurrentWidget(window.summary)
    summary = window.summary.text
    qtbot.waitUntil(lambda: "Nachkontrolle" in summary.toPlainText(), timeout=5000)
    texts["summary"] = summary.toPlainText()
    texts["follow-up prompt"] = window.summary.prompt_label.text()
    texts["after-care copy"] = after_care_text(visit)

    data = call_on_worker(qtbot, worker, lambda s: collect_visit(s, visit.id))
    texts["SOAP"] = "\n".join(soap_suggestions(data, window.knowledge).values())
    report = tmp_path / "report.pdf"
    write_report_pdf(data, report, "a4", Settings(language="de"))
    texts["report"] = pdf_text(report)

    found = {where: english_words(text) for where, text in texts.items()}
    assert found == {where: [] for where in texts}, texts
    # and the German is there: the readings of the follow-ups, the sides, the severities
    assert "Muskelkater 24 h" in texts["summary"]
    assert "beidseits" in texts["SOAP"] or "beide Seiten" in texts["SOAP"]
    assert "mäßig" in texts["report"]
