"""The knowledge on screen in the therapist's language: German names and texts in the
candidates panel, the same muscles in the same order as in English."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.settings import Settings, save_settings, settings_path
from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.map import labels
from nmt_bodymap.ui.map.labels import (
    knowledge_language,
    muscle_label,
    place_label,
    set_knowledge_language,
    side_label,
    surface_label,
)


def mark(n: int, view: str, region: str, side: str) -> MarkState:
    x, y = load_atlas().region(view, region, side).point  # type: ignore[arg-type]
    return MarkState(f"m{n}", view, x, y, region, side, 5, "ache")  # type: ignore[arg-type]


@pytest.fixture
def german() -> Iterator[None]:
    set_knowledge_language("de")
    yield
    set_knowledge_language(None)


def rows(panel: CandidatesPanel) -> list[tuple[str, str]]:
    tree = panel.tree
    found = []
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        data = item.data(0, 0x0100)  # Qt.UserRole: the candidate (None for a heading)
        found.append((item.text(0), data.muscle if data is not None else ""))
    return found


def shown(qtbot: Any, marks: list[MarkState]) -> CandidatesPanel:
    panel = CandidatesPanel(load_knowledge())
    qtbot.addWidget(panel)
    panel.show_for_marks(marks, selected=False)
    return panel


def test_the_language_comes_from_the_settings(tmp_path: Path) -> None:
    path = settings_path()
    before = path.read_bytes() if path.exists() else None
    try:
        save_settings(Settings(language="de"))
        set_knowledge_language(None)
        assert knowledge_language() == "de"
        assert muscle_label("upper_trapezius") == (
            "M. trapezius, absteigender Teil (oberer Trapezius)"
        )
    finally:
        if before is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(before)
        set_knowledge_language(None)
    assert knowledge_language() == "en"
    assert muscle_label("upper_trapezius") == "Upper trapezius"


def test_places_and_sides_in_german(german: None) -> None:
    assert place_label("temple", "right") == "Schläfe rechts"
    assert place_label("sternum", "midline") == "Brustbein"
    assert side_label("left") == "Links"
    assert side_label("bilateral") == "Beidseits"
    assert surface_label("heel") == "Ferse"
    assert place_label("no_such_place", "left") == "Links no such place"


def test_candidates_panel_reads_in_german_with_the_same_ranking(
    qtbot: Any, german: None, tmp_path: Path
) -> None:
    marks = [mark(0, "anterior", "temple", "right"), mark(1, "anterior", "anterior_arm", "right")]
    panel = shown(qtbot, marks)
    german_rows = rows(panel)
    names = [name for name, _muscle in german_rows]
    assert "M. temporalis (Schläfenmuskel)" in names
    assert "Mm. scaleni (Treppenmuskeln)" in names  # a group row, in German too
    assert "Temporalis" not in names

    assert panel.choose("temporalis", "right")
    text = panel.detail_text()
    assert "M. temporalis (Schläfenmuskel) — Rechts" in text
    assert "Schläfe rechts" in text
    assert "Zähne auseinander" in text  # the self-care advice, in plain Sie-form
    assert "Vordere Fasern, knapp über dem Jochbogen" in text  # trigger point and palpation
    if os.environ.get("NMT_SCREENSHOTS"):
        panel.resize(520, 760)
        panel.grab().save(str(Path(os.environ["NMT_SCREENSHOTS"]) / "candidates-de.png"))

    set_knowledge_language("en")
    english_rows = rows(shown(qtbot, marks))
    # the same muscles, in the same order: only the names on screen change
    assert [m for _n, m in english_rows] == [m for _n, m in german_rows]
    assert "Temporalis" in [n for n, _m in english_rows]


def test_english_stays_exactly_as_the_knowledge_files_say(qtbot: Any) -> None:
    assert labels.knowledge_language() == "en"
    panel = shown(qtbot, [mark(0, "anterior", "temple", "right")])
    assert panel.choose("temporalis", "right")
    muscle = load_knowledge().muscle("temporalis")
    text = panel.detail_text()
    assert muscle.client_explanation in text.replace("\n", " ")
    assert all(line in text for line in muscle.self_care)


def test_red_flag_banner_education_search_and_region_picker_in_german(
    qtbot: Any, german: None
) -> None:
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.ui.clinic.red_flag_banner import RedFlagBanner
    from nmt_bodymap.ui.education.education_parts import muscle_library
    from nmt_bodymap.ui.map.region_picker import region_choices

    banner = RedFlagBanner()
    qtbot.addWidget(banner)
    banner.show_answers({"history_of_cancer": True, "fever_chills": False}, "")
    assert "Hatten Sie jemals eine Krebserkrankung?" in banner.detail.text()
    assert "Absiedlung (Metastase)" in banner.detail.toolTip()

    found = [m.id for m in muscle_library(load_knowledge(), "schläfenmuskel")]
    assert found == ["temporalis"]
    assert [m.id for m in muscle_library(load_knowledge(), "temporalis")] == ["temporalis"]

    labels_shown = {choice.label for choice in region_choices(load_atlas())}
    assert "Schläfe rechts" in labels_shown and "Fersenrückseite links" in labels_shown
    assert "Right temple" not in labels_shown
