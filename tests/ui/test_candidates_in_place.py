"""Issue 18: the candidate list is updated in place on a click (no ``clear()``): the rows keep
their items by place (since 2026-12-02, branch listcost: a re-ranked muscle's text moves,
not its item), the chosen muscle stays chosen and selected, gone rows go, texts change where
they changed (a language switch too); tooltips and the detail are made when they are
needed, not for every row on every click."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip, QTreeWidgetItem

from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
from nmt_bodymap.ui.map.labels import set_knowledge_language
from tests.ui.test_candidates_panel import PLACES, fresh, mark, what_it_shows

ROLE = Qt.ItemDataRole.UserRole


def places(panel: CandidatesPanel) -> list[QTreeWidgetItem]:
    """The top-level candidate rows' items, in order (not the section heading)."""
    tree = panel.tree
    found = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
    return [item for item in found if item.data(0, ROLE) is not None]


def rows(panel: CandidatesPanel) -> dict[tuple[str, str], QTreeWidgetItem]:
    """Every muscle's row (a plain row or a group's part, not the group's own row, which
    stands for its best part) by its muscle and side; the first when listed twice."""
    found: dict[tuple[str, str], QTreeWidgetItem] = {}
    tree = panel.tree
    for r in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(r)
        for item in [top, *(top.child(i) for i in range(top.childCount()))]:
            data = item.data(0, ROLE)
            if data is not None and item.childCount() == 0:
                found.setdefault((data.muscle, data.side), item)
    return found


@pytest.fixture
def panel(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> CandidatesPanel:
    made = CandidatesPanel(load_knowledge())
    qtbot.addWidget(made)
    made.resize(480, 700)
    made.show()

    def no_clear() -> None:
        raise AssertionError("the candidate list was cleared instead of updated in place")

    monkeypatch.setattr(made.tree, "clear", no_clear)
    return made


def test_selection_and_items_kept_across_an_in_place_update(
    qtbot: Any, panel: CandidatesPanel
) -> None:
    chosen: list[Any] = []
    panel.candidate_chosen.connect(chosen.append)
    first = [mark(0, *PLACES[0])]
    panel.show_for_marks(first, selected=False)
    assert panel.choose("temporalis", "right")
    before = places(panel)
    second = [*first, mark(1, "anterior", "lateral_neck", "right")]
    panel.show_for_marks(second, selected=False)
    # temporalis still current and selected, the only row selected
    item = panel.tree.currentItem()
    assert panel.current_candidate().muscle == "temporalis" and item.isSelected()
    assert panel.tree.selectedItems() == [item]
    # the map is told about the candidate again only because it changed (what it explains)
    assert chosen[-1] == panel.current_candidate() and chosen[-1] != chosen[0]
    after = places(panel)
    assert all(a is b for a, b in zip(after, before, strict=False))  # items kept by place
    assert what_it_shows(panel) == what_it_shows(fresh(qtbot, second, panel.current_candidate()))


def test_rows_reordered_and_removed_read_as_a_fresh_list(
    qtbot: Any, panel: CandidatesPanel
) -> None:
    shoulder = [mark(0, "anterior", "anterior_shoulder", "right")]
    panel.show_for_marks(shoulder, selected=False)
    before = rows(panel)
    items = places(panel)
    both = [*shoulder, mark(1, "anterior", "lateral_neck", "right")]  # the same muscles, reranked
    panel.show_for_marks(both, selected=False)
    after = rows(panel)
    kept = [key for key in before if key in after]
    assert len(kept) > 5
    assert [key for key in after if key in before] != kept  # some of them moved
    assert all(a is b for a, b in zip(places(panel), items, strict=False))  # items by place
    assert what_it_shows(panel) == what_it_shows(fresh(qtbot, both, None))

    knee = [mark(2, "anterior", "anterior_knee", "left")]  # most muscles leave the list
    panel.show_for_marks(knee, selected=False)
    left = rows(panel)
    assert [key for key in after if key not in left]
    assert all(item.treeWidget() is panel.tree for item in left.values())
    assert what_it_shows(panel) == what_it_shows(fresh(qtbot, knee, None))


def test_a_removed_current_muscle_leaves_no_current_row(qtbot: Any, panel: CandidatesPanel) -> None:
    chosen: list[Any] = []
    panel.candidate_chosen.connect(chosen.append)
    panel.show_for_marks([mark(0, *PLACES[0])], selected=False)
    assert panel.choose("temporalis", "right")
    panel.show_for_marks([mark(1, "anterior", "anterior_knee", "left")], selected=False)
    assert ("temporalis", "right") not in rows(panel)
    assert panel.current_candidate() is None and chosen[-1] is None
    assert "Choose a muscle" in panel.detail_text()
    assert not panel.finding_button.isEnabled()


def test_german_labels_after_a_language_switch(qtbot: Any, panel: CandidatesPanel) -> None:
    marks = [mark(0, "anterior", "temple", "right"), mark(1, "anterior", "anterior_arm", "right")]
    panel.show_for_marks(marks, selected=False)
    assert panel.choose("temporalis", "right")
    english = rows(panel)
    assert english[("temporalis", "right")].text(0) == "Temporalis"
    try:
        set_knowledge_language("de")
        panel.show_for_marks(marks, selected=False)
        german = rows(panel)
        item = german[("temporalis", "right")]
        assert item is english[("temporalis", "right")]  # the same place, its text changed
        assert item.text(0) == "M. temporalis (Schläfenmuskel)" and item.text(1) == "Rechts"
        names = [panel.tree.topLevelItem(r).text(0) for r in range(panel.tree.topLevelItemCount())]
        assert "Mm. scaleni (Treppenmuskeln)" in names
        assert "Schläfe rechts" in panel.tooltip(item, 0)
        text = panel.detail_text()
        assert "M. temporalis (Schläfenmuskel) — Rechts" in text
        assert "Zähne auseinander" in text  # the muscle's text in German, not the kept English
        assert what_it_shows(panel) == what_it_shows(fresh(qtbot, marks, panel.current_candidate()))
    finally:
        set_knowledge_language(None)
    panel.show_for_marks(marks, selected=False)
    assert rows(panel)[("temporalis", "right")].text(0) == "Temporalis"
    assert "For the client" in panel.detail_text()


def test_tooltips_are_made_when_asked_for(qtbot: Any, panel: CandidatesPanel) -> None:
    marks = [mark(0, "anterior", "temple", "right"), mark(1, "posterior", "buttock", "left")]
    panel.show_for_marks(marks, selected=False)
    item = rows(panel)[("temporalis", "right")]
    assert item.toolTip(0) == ""  # nothing stored on the row
    assert panel.tooltip(item, 0) == "Right temple: essential\nLeft buttock: —"
    assert panel.tooltip(item, 1) == ""
    tree = panel.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    at = QPoint(rect.left() + 20, rect.center().y())  # on the muscle's name
    viewport = tree.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == panel.tooltip(item, 0)
    QToolTip.hideText()


def test_the_detail_is_laid_out_once_per_gesture(
    qtbot: Any, panel: CandidatesPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.show_for_marks([mark(0, *PLACES[0])], selected=False)
    assert panel.choose("temporalis", "right")
    assert "Temporalis — Right" in panel.detail_text()
    laid_out: list[str] = []
    real = panel.summary.setHtml
    monkeypatch.setattr(panel.summary, "setHtml", lambda text: (laid_out.append(text), real(text)))
    # a click: the list re-ranked (temporalis kept), then another muscle chosen
    panel.show_for_marks([mark(0, *PLACES[0]), mark(1, *PLACES[2])], selected=False)
    other = next(c for c in panel.candidates() if c.muscle != "temporalis")
    assert panel.choose(other.muscle, other.side)
    assert laid_out == []  # nothing laid out during the gesture
    qtbot.waitUntil(lambda: len(laid_out) == 1)  # once, at its end, for the chosen one
    assert panel.detail_text().startswith(panel.tree.currentItem().text(0))
    assert len(laid_out) == 1
