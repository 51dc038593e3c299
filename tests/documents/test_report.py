"""The visit report PDF: everything the therapist charted, as text a machine can read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader

from nmt_bodymap.core.after_care import soreness_window
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.store import ChartStore
from nmt_bodymap.ui.documents.report import write_report_pdf
from nmt_bodymap.ui.documents.visit_data import collect_visit
from nmt_bodymap.ui.map.labels import place_label

from .conftest import NOTE, pdf_text


def test_report_of_the_demo_visit_names_everything_charted(
    qapp: Any, demo_store: ChartStore, demo_visit: Any, clinic: Any, tmp_path: Path
) -> None:
    data = collect_visit(demo_store, demo_visit.id)
    path = tmp_path / "report.pdf"
    pages = write_report_pdf(data, path, "a4", clinic)
    text = pdf_text(path)
    assert pages == len(PdfReader(str(path)).pages) >= 2
    assert "Harbour Street Clinic" in text and "Visit report" in text
    assert "Demo Client (sample data)" in text
    assert "Demo Therapist" in text
    assert len(data.marks) == 3
    for mark in data.marks:
        assert place_label(mark.region, mark.side) in text
    knowledge = load_knowledge()
    assert len(data.findings) == 2
    for finding in data.findings:
        assert knowledge.muscle(finding.muscle_id).name in text
    assert "Ischemic compression" in text and "Pincer compression" in text
    assert "Forward head carriage" in text  # the assessment
    assert "No red flag raised" in text
    # the after-care with the soreness window of this visit
    assert "Some soreness in the treated muscles is normal for 24 to 36 hours" in text
    assert soreness_window(demo_visit.started_at.astimezone()).wording() in text
    assert "Headache builds through the afternoon" in text  # SOAP subjective
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert NOTE in text, "the report is clinical: notes belong in it"


def test_report_paper_sizes(
    qapp: Any, demo_store: ChartStore, demo_visit: Any, clinic: Any, tmp_path: Path
) -> None:
    data = collect_visit(demo_store, demo_visit.id)
    sizes = {}
    for paper in ("a4", "letter"):
        path = tmp_path / f"{paper}.pdf"
        write_report_pdf(data, path, paper, clinic)
        box = PdfReader(str(path)).pages[0].mediabox
        sizes[paper] = (round(float(box.width)), round(float(box.height)))
    assert sizes == {"a4": (595, 842), "letter": (612, 792)}


def test_report_without_anything_charted_says_so(
    qapp: Any, demo_store: ChartStore, clinic: Any, tmp_path: Path
) -> None:
    client = demo_store.create_client(name="Ana Ruiz")
    visit = demo_store.create_visit(client.id)
    path = tmp_path / "empty.pdf"
    write_report_pdf(collect_visit(demo_store, visit.id), path, "a4", clinic)
    text = pdf_text(path)
    assert "Ana Ruiz" in text
    assert "No pain marked at this visit." in text
    assert "No intake (red-flag screen) on file." in text
    assert "SOAP note" not in text


def test_no_section_title_is_left_alone_at_the_foot_of_a_page(
    qapp: Any, demo_store: ChartStore, demo_visit: Any, clinic: Any, tmp_path: Path
) -> None:
    titles = ("Pain marked", "Muscles charted", "Trigger-point findings", "Treatment",
              "Assessment", "Red flags and clearance", "After-care given",
              "Follow-up of this visit", "SOAP note")  # fmt: skip
    data = collect_visit(demo_store, demo_visit.id)
    for paper in ("a4", "letter"):
        path = tmp_path / f"{paper}.pdf"
        write_report_pdf(data, path, paper, clinic)
        pages = PdfReader(str(path)).pages
        for page in pages[:-1]:
            lines = [" ".join(line.split()) for line in (page.extract_text() or "").splitlines()]
            body = [line for line in lines if line and not line.startswith("Visit report ·")]
            # the last lines of a page: no section title (nor a title and its first sub-title)
            assert not set(body[-2:]) & set(titles), f"{paper}: page ends with {body[-2:]!r}"


def test_report_of_a_signed_visit_shows_the_signature_and_both_versions(
    qapp: Any, demo_store: ChartStore, demo_visit: Any, clinic: Any, tmp_path: Path
) -> None:
    unsigned = collect_visit(demo_store, demo_visit.id)
    write_report_pdf(unsigned, tmp_path / "unsigned.pdf", "a4", clinic)
    assert "Signed by" not in pdf_text(tmp_path / "unsigned.pdf")
    demo_store.sign_visit(demo_visit.id, "Sam Lee")
    original = demo_store.get_visit(demo_visit.id).subjective
    demo_store.amend(
        demo_visit.id,
        "visit",
        demo_visit.uid,
        "subjective",
        "Headache builds through the evening",
        "Client corrected the time of day",
    )
    data = collect_visit(demo_store, demo_visit.id)
    path = tmp_path / "signed.pdf"
    write_report_pdf(data, path, "a4", clinic)
    text = pdf_text(path)
    assert "Signature and amendments" in text and "Signed by Sam Lee on" in text
    assert "Amendment 1: Subjective" in text
    assert f"Original: {original}" in text
    assert "Amended to: Headache builds through the evening" in text
    assert "Reason: Client corrected the time of day" in text


def test_report_shows_the_consent_on_file(
    qapp: Any, demo_store: ChartStore, demo_visit: Any, clinic: Any, tmp_path: Path
) -> None:
    from datetime import date

    from nmt_bodymap.core.consent import load_consent

    path = tmp_path / "none.pdf"
    write_report_pdf(collect_visit(demo_store, demo_visit.id), path, "a4", clinic)
    assert "No consent to treatment on file" in pdf_text(path)
    version = load_consent().current
    demo_store.record_consent(
        demo_visit.client_id, version, date(2026, 11, 1), "Demo Client", "M 100 500 L 400 200"
    )
    path = tmp_path / "consent.pdf"
    write_report_pdf(collect_visit(demo_store, demo_visit.id), path, "a4", clinic)
    text = pdf_text(path)
    assert f"given on 2026-11-01 (text version {version})" in text
    assert "Typed name: Demo Client" in text and "Drawn signature" in text
