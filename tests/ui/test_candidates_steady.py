"""Issue 18: a click that shortens the heading or the summary does not move the list and the
detail under them (the panel would be laid out and painted again on every click); they fit
their texts again once the clicks pause. A longer text makes them taller at once: nothing
is ever cut off. The detail left for the end of the gesture is shown before the window
paints what the click changed (one paint, not a paint and then the detail's)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel

from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.ui.candidates import steady_height
from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
from tests.ui.test_candidates_panel import PLACES, mark

MANY = [mark(n, *place) for n, place in enumerate(PLACES)]
ONE = MANY[:1]


@pytest.fixture
def panel(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> CandidatesPanel:
    monkeypatch.setattr(steady_height, "SETTLE_MS", 150)
    made = CandidatesPanel(load_knowledge())
    qtbot.addWidget(made)
    made.resize(420, 760)
    made.show()
    qtbot.waitExposed(made)
    return made


def laid_out() -> None:
    """What the event loop does before it paints: the posted layouts applied."""
    QApplication.sendPostedEvents()
    QApplication.sendPostedEvents()


def click(panel: CandidatesPanel, marks: list[Any]) -> None:
    panel.show_for_marks(marks, selected=False)
    listed = panel.candidates()
    assert listed
    panel.choose(listed[0].muscle, listed[0].side)
    panel.flush_detail()
    laid_out()


def heading_needs(panel: CandidatesPanel) -> int:
    """The height the heading's text takes, wrapped at its width."""
    label = QLabel(panel.heading.text())
    label.setFont(panel.heading.font())
    label.setWordWrap(True)
    return label.heightForWidth(panel.heading.width())


def whole_text_shown(panel: CandidatesPanel) -> None:
    assert panel.heading.height() >= heading_needs(panel)
    assert panel.summary.height() >= panel._summary_height()


def test_shorter_texts_keep_the_list_and_detail_in_place_until_the_clicks_pause(
    qtbot: Any, panel: CandidatesPanel
) -> None:
    click(panel, MANY)
    whole_text_shown(panel)
    tall_heading, tall_summary = panel.heading.height(), panel.summary.height()
    list_at, detail_at = panel.tree.geometry(), panel.detail.geometry()
    click(panel, ONE)
    heading = panel.heading
    # the one-place texts need less room than the five-place ones had
    assert heading_needs(panel) < tall_heading
    assert panel._summary_height() < tall_summary
    # ... but nothing under them moved on the click
    assert (heading.height(), panel.summary.height()) == (tall_heading, tall_summary)
    assert (panel.tree.geometry(), panel.detail.geometry()) == (list_at, detail_at)
    assert panel.heights.settling()
    # the pause: both fit their texts again, the list and the detail take the room back
    qtbot.waitUntil(lambda: not panel.heights.settling())
    laid_out()
    assert heading.height() == heading_needs(panel)
    assert panel.summary.height() == panel._summary_height()
    assert panel.tree.geometry().top() < list_at.top()
    assert panel.detail.geometry().height() > detail_at.height()


def test_longer_texts_are_shown_whole_at_once(qtbot: Any, panel: CandidatesPanel) -> None:
    click(panel, ONE)
    qtbot.waitUntil(lambda: not panel.heights.settling())
    laid_out()
    short_heading, short_summary = panel.heading.height(), panel.summary.height()
    for count in range(2, len(MANY) + 1):  # marks added one by one, no pause
        click(panel, MANY[:count])
        whole_text_shown(panel)
    assert panel.heading.height() > short_heading
    assert panel.summary.height() > short_summary
    # a shorter text in the burst, then a longer one: the longer one is shown whole
    click(panel, ONE)
    click(panel, MANY)
    whole_text_shown(panel)


def test_the_detail_reads_the_same_while_its_height_settles(
    qtbot: Any, panel: CandidatesPanel
) -> None:
    click(panel, MANY)
    click(panel, ONE)
    during = (panel.heading.text(), panel.detail_text())
    qtbot.waitUntil(lambda: not panel.heights.settling())
    assert (panel.heading.text(), panel.detail_text()) == during
    fresh = CandidatesPanel(load_knowledge())
    qtbot.addWidget(fresh)
    fresh.resize(420, 760)
    fresh.show()
    click(fresh, ONE)
    assert (fresh.heading.text(), fresh.detail_text()) == during


def test_the_detail_is_shown_ahead_of_a_paint_asked_for_during_the_click(
    qtbot: Any, panel: CandidatesPanel
) -> None:
    """The window's paint request is an event posted when the click first changes something
    (a mark drawn, the heading set); the detail, posted later in the gesture, goes ahead of
    it, so the paint shows the detail and the window is not painted a second time for it."""
    click(panel, ONE)
    order: list[str] = []
    paint_asked = QEvent.Type(QEvent.registerEventType())

    class Window(QObject):  # stands for the window receiving its paint request
        def event(self, event: QEvent) -> bool:
            if event.type() == paint_asked:
                order.append(panel.summary.toPlainText())
                return True
            return super().event(event)

    window = Window()
    QApplication.postEvent(window, QEvent(paint_asked))  # the click's first change
    panel.show_for_marks(MANY, selected=False)
    listed = panel.candidates()
    panel.choose(listed[-1].muscle, listed[-1].side)
    QApplication.sendPostedEvents()  # the event loop's turn
    shown = panel.summary.toPlainText()
    assert panel.detail_text().startswith(shown) and listed[-1] == panel.current_candidate()
    assert order == [shown]  # at the paint the chosen muscle's summary is already there


def test_no_muscle_chosen_blanks_the_summary_then_hides_it_when_the_clicks_pause(
    qtbot: Any, panel: CandidatesPanel
) -> None:
    click(panel, ONE)
    detail_at = panel.detail.geometry()
    panel.tree.setCurrentItem(None)  # nothing chosen (Esc), then a muscle again at once
    panel.flush_detail()
    laid_out()
    assert panel.detail_text() == panel.detail.toPlainText()  # the placeholder alone
    assert panel.summary.toPlainText() == "" and panel.detail.geometry() == detail_at
    listed = panel.candidates()
    panel.choose(listed[0].muscle, listed[0].side)
    panel.flush_detail()
    laid_out()
    assert panel.detail.geometry() == detail_at  # the detail was not laid out twice
    assert panel.detail_text().startswith(panel.summary.toPlainText())
    qtbot.waitUntil(lambda: not panel.heights.settling())
    assert panel.summary.isVisible()  # a muscle is chosen: its summary stays
    panel.tree.setCurrentItem(None)
    panel.flush_detail()
    qtbot.waitUntil(lambda: not panel.heights.settling())
    laid_out()
    assert panel.summary.isHidden()
    assert panel.detail.geometry().top() < detail_at.top()  # the room given back
    assert "Choose a muscle" in panel.detail_text()
