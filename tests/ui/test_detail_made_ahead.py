"""Issue 18 (branch clickfirst): every muscle's text is made when the window is idle, so a
muscle shown for the first time costs a click what a muscle shown before costs.

What is checked: once the first muscle is shown, the idle work makes the others' texts,
one per slice and none laid out; a text shown and replaced is made afresh (its layout
freed: a laid-out text held ~125 KiB); whatever was made ahead, the detail and the map show
the chosen muscle (A, B, A), and after a language switch no kept text of the old language
comes back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.settings import Settings, save_settings
from nmt_bodymap.ui.candidates import candidate_detail
from nmt_bodymap.ui.candidates.candidate_text import muscle_html
from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
from nmt_bodymap.ui.i18n import install_language
from nmt_bodymap.ui.idle_work import idle_work
from nmt_bodymap.ui.map.labels import set_knowledge_language
from tests.ui.conftest import click_region
from tests.ui.test_candidate_detail import lines
from tests.ui.test_candidates_panel import PLACES, mark


@pytest.fixture
def panel(qtbot: Any) -> CandidatesPanel:
    made = CandidatesPanel(load_knowledge())
    qtbot.addWidget(made)
    made.resize(420, 880)
    made.show()
    qtbot.waitExposed(made)
    made.show_for_marks([mark(0, *PLACES[0]), mark(1, *PLACES[2])], selected=False)
    return made


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The muscles whose text is made from its HTML, in order."""
    muscles: list[str] = []
    real = candidate_detail.muscle_html

    def recorded(knowledge: Any, muscle: str) -> str:
        muscles.append(muscle)
        return real(knowledge, muscle)

    monkeypatch.setattr(candidate_detail, "muscle_html", recorded)
    return muscles


def _plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def _show(panel: CandidatesPanel, muscle: str, side: str | None = None) -> None:
    assert panel.choose(muscle, side)
    panel.flush_detail()


def test_the_other_muscles_texts_are_made_when_idle_one_per_slice(
    panel: CandidatesPanel, made: list[str]
) -> None:
    first = panel.candidates()[0]
    _show(panel, first.muscle, first.side)
    assert made == [first.muscle]  # nothing else in the click
    work = idle_work()
    assert work.pending()
    work.run_one()
    assert len(made) == 2  # one text per slice: a click waits for one at most
    work.run_all()
    muscles = [m.id for m in panel.knowledge.muscles]
    assert sorted(made) == sorted(muscles)  # each made once
    kept = panel._detail._documents
    assert set(kept) == set(muscles)
    # made ahead, not laid out: the view lays a text out once, when it shows it
    assert all(lines(kept[m]) == 0 for m in muscles if m != first.muscle)
    other = next(c for c in panel.candidates() if c.muscle != first.muscle)
    _show(panel, other.muscle, other.side)
    assert len(made) == len(muscles)  # a muscle shown for the first time: nothing made
    assert panel.detail.document() is kept[other.muscle]
    assert panel.detail.toPlainText() == _plain(muscle_html(panel.knowledge, other.muscle))


def test_a_text_shown_then_replaced_is_made_afresh_its_layout_freed(
    panel: CandidatesPanel, made: list[str]
) -> None:
    a, b = (c for c in panel.candidates()[:2])
    _show(panel, a.muscle, a.side)
    shown = panel.detail.document()
    assert lines(shown) > 0  # laid out by the view
    _show(panel, b.muscle, b.side)
    assert panel._detail._documents[a.muscle] is shown  # kept until idle
    text = shown.toHtml()
    idle_work().run_all()
    assert not shiboken6.isValid(shown)  # deleted in the idle step, not later
    again = panel._detail._documents[a.muscle]
    assert lines(again) == 0  # made afresh: no layout held
    assert again.toHtml() == text
    assert panel.detail.document() is panel._detail._documents[b.muscle]  # on screen: kept
    _show(panel, a.muscle, a.side)
    assert panel.detail.document() is again
    assert panel.detail.toPlainText() == _plain(muscle_html(panel.knowledge, a.muscle))


def test_a_b_a_shows_the_chosen_muscle_in_the_detail_and_on_the_map(
    qtbot: Any, window: Any
) -> None:
    panel = window.candidates
    window.side_tabs.setCurrentWidget(panel)
    click_region(qtbot, window, *PLACES[0])
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    listed = panel.candidates()
    a, b = listed[0], next(c for c in listed if c.muscle != listed[0].muscle)
    for step, chosen in enumerate((a, b, a, b, a)):
        assert panel.choose(chosen.muscle, chosen.side)
        panel.flush_detail()
        text = _plain(muscle_html(panel.knowledge, chosen.muscle))
        assert panel.detail.toPlainText() == text, step
        lit = window.body_map.highlight
        assert lit is not None and lit.muscle_id == chosen.muscle, step
        scenes = window.body_map.scenes.values()
        on_map = {muscle for scene in scenes for muscle, _side in scene.visible_muscles()}
        assert on_map == {chosen.muscle}, step
        if step % 2:
            idle_work().run_all()  # texts made afresh between some choices, not others


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    install_language(qapp, "en")
    set_knowledge_language(None)


def test_after_a_language_switch_no_text_of_the_old_language_comes_back(
    qapp: QApplication, panel: CandidatesPanel, english_afterwards: None
) -> None:
    a, b = (c for c in panel.candidates()[:2])
    _show(panel, a.muscle, a.side)
    idle_work().run_all()  # every text made, in English
    assert "For the client" in panel.detail.toPlainText()
    save_settings(Settings(language="de"))
    assert install_language(qapp, "de")
    set_knowledge_language(None)
    _show(panel, b.muscle, b.side)
    assert "Für den Klienten" in panel.detail.toPlainText()
    assert panel.detail.toPlainText() == _plain(muscle_html(panel.knowledge, b.muscle))
    idle_work().run_all()  # the texts made again, in German
    for muscle, document in panel._detail._documents.items():
        assert "For the client" not in document.toPlainText(), muscle
    _show(panel, a.muscle, a.side)
    assert "Für den Klienten" in panel.detail.toPlainText()
    assert panel.detail.toPlainText() == _plain(muscle_html(panel.knowledge, a.muscle))


def _zone_columns(panel: CandidatesPanel) -> list[tuple[float, float]]:
    """Per place line of the summary: where its place ends and where its zone starts (px)."""
    document = panel.summary.document()
    found = []
    block = document.begin()
    while block.isValid():
        text = block.text()
        if "\t" in text:
            line = block.layout().lineForTextPosition(0)
            tab = text.index("\t")
            found.append((line.cursorToX(tab)[0], line.cursorToX(tab + 1)[0]))
        block = block.next()
    return found


def test_the_summary_reads_its_places_and_zones_as_two_columns(
    panel: CandidatesPanel,
) -> None:
    """The places' zones are in one column past the longest place (as in the table they
    were laid out in before, at twice the cost), for every place set shown."""
    marks = [mark(n, *place) for n, place in enumerate(PLACES)]
    for count in (1, 3, 5, 2):
        panel.show_for_marks(marks[:count], selected=False)
        best = panel.candidates()[0]
        _show(panel, best.muscle, best.side)
        columns = _zone_columns(panel)
        assert len(columns) == len(set(panel._spot_labels)), count
        assert len({start for _end, start in columns}) == 1, count  # one column
        assert all(end < start for end, start in columns), count  # past every place
        text = panel.summary.toPlainText()
        for label in panel._spot_labels:
            assert label in text, count
