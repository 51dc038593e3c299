"""Issue 18 (branch candpaint): the detail under the candidate list costs a click less and
reads as before.

A muscle's text is a document laid out only when the detail shows it, once, at the detail's
width (it was laid out first at no width, then again); the summary is set only when its
text changed. What the panel shows after clicks, undo and redo in the real window is what
a freshly built panel shows for the same marks and choice.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextDocument

from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
from tests.ui.conftest import click_region
from tests.ui.test_candidates_panel import PLACES, mark, what_it_shows


@pytest.fixture
def panel(qtbot: Any) -> CandidatesPanel:
    made = CandidatesPanel(load_knowledge())
    qtbot.addWidget(made)
    made.resize(420, 880)
    made.show()
    qtbot.waitExposed(made)
    return made


def lines(document: QTextDocument) -> int:
    """How many lines of the document are laid out now."""
    block, count = document.begin(), 0
    while block.isValid():
        layout = block.layout()
        count += layout.lineCount() if layout is not None else 0
        block = block.next()
    return count


def test_a_muscle_text_is_laid_out_only_when_shown_at_the_detail_width(
    qtbot: Any, panel: CandidatesPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.show_for_marks([mark(0, *PLACES[0]), mark(1, *PLACES[2])], selected=False)
    given: list[tuple[QTextDocument, int]] = []
    real = panel.detail.setDocument

    def set_document(document: QTextDocument) -> None:
        document.documentLayout()  # the view makes the layout first: it must lay out nothing
        given.append((document, lines(document)))
        real(document)

    monkeypatch.setattr(panel.detail, "setDocument", set_document)
    muscles = [c for c in panel.candidates()][:3]
    for candidate in muscles + muscles[:1]:  # three new texts, then one shown again
        assert panel.choose(candidate.muscle, candidate.side)
        panel.flush_detail()
        document = panel.detail.document()
        assert document.textWidth() == panel.detail.viewport().width()
        assert lines(document) > 0  # laid out, at the detail's width, by the view
    assert len(given) == 4
    # the new texts had no lines before the view laid them out (a layout at no width
    # before is a layout for nothing); the one shown again keeps its text
    assert [count for _document, count in given[:3]] == [0, 0, 0]
    assert given[3][0] is given[0][0]


def test_the_summary_is_set_only_when_its_text_changed(
    qtbot: Any, panel: CandidatesPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = [mark(0, *PLACES[0])]
    panel.show_for_marks(one, selected=False)
    assert panel.choose("temporalis", "right")
    panel.flush_detail()
    shown = panel.detail_text()
    set_texts: list[str] = []
    real = panel.summary.setHtml
    monkeypatch.setattr(panel.summary, "setHtml", lambda text: (set_texts.append(text), real(text)))
    # a second mark at the same place: the summary names each place once, so it reads the same
    panel.show_for_marks([*one, mark(1, *PLACES[0])], selected=False)
    panel.flush_detail()
    assert set_texts == []
    assert panel.detail_text() == shown
    panel.show_for_marks([*one, mark(1, *PLACES[1])], selected=False)  # a new place: set
    panel.flush_detail()
    assert len(set_texts) == 1 and "Left buttock" in panel.detail_text()


def test_clicks_undo_and_redo_read_as_a_fresh_panel(qtbot: Any, window: Any) -> None:
    """Everything the candidates panel shows in the real window (heading, rows, tooltips,
    current row, buttons, the detail's text and its formatted summary and muscle text) is
    what a panel built afresh for the same marks and choice shows."""
    panel = window.candidates
    window.side_tabs.setCurrentWidget(panel)
    given: list[tuple[Any, bool]] = []
    real = panel.show_for_marks

    def recorded(marks: Any, selected: bool) -> None:
        given.append((list(marks), selected))
        real(marks, selected)

    panel.show_for_marks = recorded  # type: ignore[method-assign]

    def check(step: str) -> None:
        qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
        marks, selected = given[-1]
        fresh = CandidatesPanel(load_knowledge())
        qtbot.addWidget(fresh)
        fresh.show_for_marks(marks, selected)
        current = panel.current_candidate()
        if current is not None:
            assert fresh.choose(current.muscle, current.side), step
        assert what_it_shows(panel) == what_it_shows(fresh), step
        fresh.flush_detail()
        assert panel.detail.toHtml() == fresh.detail.toHtml(), step
        assert panel.summary.toHtml() == fresh.summary.toHtml(), step

    for n, place in enumerate(PLACES[:4]):
        click_region(qtbot, window, *place)
        check(f"click {n}")
        listed = panel.candidates()
        if n % 2 == 1 and len(listed) > 2:  # a lower candidate chosen, as a therapist does
            assert panel.choose(listed[2].muscle, listed[2].side)
            check(f"chosen after click {n}")
    for n in range(3):
        window.undo_stack.undo()
        check(f"undo {n}")
    for n in range(2):
        window.undo_stack.redo()
        check(f"redo {n}")


def test_a_muscle_shown_after_the_placeholder_is_laid_out_at_its_reading_width_only(
    qtbot: Any, panel: CandidatesPanel
) -> None:
    """The placeholder hides the detail's scroll bar; a muscle's text shown next brings it
    back. The text is laid out at the width left beside the bar only (it was laid out at
    the whole width first, then again when the bar came back)."""
    panel.show_for_marks([mark(0, *PLACES[0]), mark(1, *PLACES[2])], selected=False)
    assert panel.choose("temporalis", "right")
    panel.flush_detail()
    detail, bar = panel.detail, panel.detail.verticalScrollBar()
    document = detail.document()
    assert bar.isVisibleTo(detail)  # a long text: read with the bar
    text = panel.detail_text()
    panel.tree.setCurrentItem(None)  # type: ignore[arg-type]
    panel.flush_detail()
    assert "Choose a muscle" in panel.detail_text() and not bar.isVisibleTo(detail)
    widths: list[float] = []
    document.documentLayout().documentSizeChanged.connect(
        lambda _size: widths.append(document.textWidth())
    )
    assert panel.choose("temporalis", "right")
    panel.flush_detail()
    assert detail.document() is document and bar.isVisibleTo(detail)
    assert document.textWidth() == detail.viewport().width()
    assert widths in ([], [detail.viewport().width()])  # never as wide as the whole view
    assert panel.detail_text() == text


def test_a_new_muscle_text_after_the_placeholder_is_laid_out_once(
    qtbot: Any, panel: CandidatesPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.show_for_marks([mark(0, *PLACES[0]), mark(1, *PLACES[2])], selected=False)
    panel.flush_detail()  # no muscle chosen: the placeholder, no scroll bar
    detail, bar = panel.detail, panel.detail.verticalScrollBar()
    assert not bar.isVisibleTo(detail)
    widths: list[float] = []
    real = detail.setDocument

    def set_document(document: QTextDocument) -> None:
        document.documentLayout().documentSizeChanged.connect(
            lambda _size: widths.append(document.textWidth())
        )
        real(document)

    monkeypatch.setattr(detail, "setDocument", set_document)
    assert panel.choose("temporalis", "right")
    panel.flush_detail()
    assert bar.isVisibleTo(detail) and "For the client" in panel.detail_text()
    assert widths == [detail.viewport().width()]  # once, beside the bar
