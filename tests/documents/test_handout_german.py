"""The client handout in German: the treated muscles' names, explanation and self-care come
from the German overlay when the therapist's language is German."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.core.translations import display_lines, display_text, muscle_name
from nmt_bodymap.store import ChartStore
from nmt_bodymap.ui.documents.handout import write_handout_pdf
from nmt_bodymap.ui.documents.visit_data import collect_visit
from nmt_bodymap.ui.map.labels import set_knowledge_language

from .conftest import pdf_text


@pytest.fixture
def german() -> Iterator[None]:
    set_knowledge_language("de")
    yield
    set_knowledge_language(None)


def test_handout_in_german(
    qapp: Any, demo_store: ChartStore, demo_visit: Any, clinic: Any, tmp_path: Path, german: None
) -> None:
    path = tmp_path / "handout.pdf"
    write_handout_pdf(collect_visit(demo_store, demo_visit.id), path, "a4", clinic)
    text = " ".join(pdf_text(path).split())
    for muscle_id in ("upper_trapezius", "sternocleidomastoid"):
        assert muscle_name(muscle_id, "de") in text
        explanation = display_text("muscle", muscle_id, "client_explanation", "de")
        assert " ".join(explanation.split()) in text
        for line in display_lines("muscle", muscle_id, "self_care", "de"):
            assert " ".join(line.split()) in text
    assert "Upper trapezius" not in text
    assert "Schläfe rechts" in text  # where the upper trapezius sends pain
    if os.environ.get("NMT_SCREENSHOTS"):
        out = Path(os.environ["NMT_SCREENSHOTS"]) / "handout-de"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(path), str(out)])
