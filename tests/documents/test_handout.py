"""The client handout: plain words and pictures for the treated muscles, no clinical notes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nmt_bodymap.core.after_care import soreness_window
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.store import ChartStore
from nmt_bodymap.ui.documents.handout import write_handout_pdf
from nmt_bodymap.ui.documents.visit_data import collect_visit

from .conftest import NOTE, pdf_text


def test_handout_explains_each_treated_muscle_and_holds_no_notes(
    qapp: Any, demo_store: ChartStore, demo_visit: Any, clinic: Any, tmp_path: Path
) -> None:
    demo_store.update_visit(demo_visit.id, subjective=f"soap {NOTE}", plan=f"plan {NOTE}")
    treatment = demo_store.list_treatments(demo_visit.id)[0]
    demo_store.update_treatment(treatment.id, response=f"response {NOTE}")
    data = collect_visit(demo_store, demo_visit.id)
    path = tmp_path / "handout.pdf"
    write_handout_pdf(data, path, "a4", clinic)
    text = pdf_text(path)
    assert "ZEBRA" not in text, "no note, finding detail, treatment response or SOAP text"
    assert "Head-forward posture" not in text  # the visit's objective (SOAP)
    assert "Ibuprofen" not in text  # the intake
    assert "tenderness" not in text.lower()  # a finding's detail
    knowledge = load_knowledge()
    for muscle_id in ("upper_trapezius", "sternocleidomastoid"):
        muscle = knowledge.muscle(muscle_id)
        assert f"{muscle.name} (right side)" in text
        assert " ".join(muscle.client_explanation.split()) in text
        for line in muscle.self_care:
            assert " ".join(line.split()) in text
    assert "Black dots: the tender spots to press." in text
    assert "Right temple" in text  # where the upper trapezius sends pain
    window = soreness_window(demo_visit.started_at.astimezone())
    assert f"The soreness should ease {window.wording()}." in text
    assert "When to call" in text and "Call Harbour Street Clinic if the soreness" in text
    assert "Demo Client (sample data)" in text


def test_handout_of_a_visit_without_treatment(
    qapp: Any, demo_store: ChartStore, clinic: Any, tmp_path: Path
) -> None:
    client = demo_store.create_client(name="Ana Ruiz")
    visit = demo_store.create_visit(client.id, subjective=f"soap {NOTE}")
    path = tmp_path / "handout.pdf"
    write_handout_pdf(collect_visit(demo_store, visit.id), path, "letter", clinic)
    text = pdf_text(path)
    assert "No muscle was treated at this visit." in text
    assert "When to call" in text and "ZEBRA" not in text
