"""Issue 18 (branch listcost): the candidate list is updated by place, told to the view once.

A click re-ranks the list. Until 2026-12-02 every row whose muscle moved was taken out and
put back at its new place: the list laid itself out again, repainted whole with its header,
and each move and each cell set was a notification of its own (each one made the screen
reader's row texts, ``accessibility.speak_tree_rows``, read the whole list again: 14 ms a
click in the app). Now the items stay where they are, the cells that read differently are
set quietly and told once per parent; the list repaints the rows that changed.

What a therapist reads must not change: the window's list after clicks, undo and redo reads
as a list made afresh for the same marks (texts, the chosen muscle, selection, which rows
are open, the section heading), and a group opened by hand stays open when it moves.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.ranking import muscle_candidate
from nmt_bodymap.ui.candidates import candidates_panel
from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
from tests.ui.conftest import click_region, set_reader
from tests.ui.test_candidates_panel import PLACES, mark

ROLE = Qt.ItemDataRole.UserRole
MUSCLES = ["temporalis", "masseter", "upper_trapezius", "sternocleidomastoid", "splenius_capitis"]


def row_state(item: QTreeWidgetItem) -> tuple[Any, ...]:
    """One row as it reads and behaves: texts, candidate, selection, open, choosable, bold."""
    return (
        tuple(item.text(c) for c in range(3)),
        item.data(0, ROLE),
        item.isSelected(),
        item.isExpanded() if item.childCount() else None,
        bool(item.flags() & Qt.ItemFlag.ItemIsSelectable),
        item.font(0).bold(),
        tuple(row_state(item.child(i)) for i in range(item.childCount())),
    )


def list_state(panel: CandidatesPanel) -> dict[str, Any]:
    tree = panel.tree
    return {
        "rows": [row_state(tree.topLevelItem(r)) for r in range(tree.topLevelItemCount())],
        "current": panel.current_candidate(),
        "heading": panel.heading.text(),
        "header": [tree.headerItem().text(c) for c in range(3)],
    }


def fresh_state(qtbot: Any, window: Any) -> dict[str, Any]:
    """The list a new panel shows for the window's marks and chosen muscle, with the
    scalenes open (the therapist opened them, and they stay listed)."""
    panel = CandidatesPanel(window.knowledge)
    qtbot.addWidget(panel)
    marks = window.marks.marks()
    panel.show_for_marks(marks, selected=False)
    chosen = window.candidates.current_candidate()
    if chosen is not None:
        assert panel.choose(chosen.muscle, chosen.side)
    state = list_state(panel)
    assert any(r[0][0] == "Scalenes" for r in state["rows"]), "the scalenes stay listed"
    state["rows"] = [(*r[:3], True, *r[4:]) if r[0][0] == "Scalenes" else r for r in state["rows"]]
    return state


def settle(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    for _round in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents()


def test_the_list_reads_as_a_fresh_one_over_clicks_undo_and_redo(qtbot: Any, window: Any) -> None:
    window.side_tabs.setCurrentWidget(window.candidates)
    panel = window.candidates
    clicks = [
        ("anterior", "anterior_arm", "right"),  # the scalenes: a group row
        ("anterior", "anterior_shoulder", "right"),  # muscles under the spot
        ("posterior", "posterior_neck", "right"),
        ("anterior", "temple", "right"),
        ("posterior", "buttock", "left"),
    ]
    for n, place in enumerate(clicks):
        click_region(qtbot, window, *place)
        settle(qtbot, window)
        if n == 0:  # the therapist opens the scalenes: they stay open where they move
            tree = panel.tree
            names = [tree.topLevelItem(r).text(0) for r in range(tree.topLevelItemCount())]
            tree.topLevelItem(names.index("Scalenes")).setExpanded(True)
        assert list_state(panel) == fresh_state(qtbot, window), f"click {n}: {place}"
        if n == 1:  # and chooses the third candidate
            third = panel.candidates()[2]
            assert panel.choose(third.muscle, third.side)
    steps = ["undo"] * (len(clicks) - 1) + ["redo"] * (len(clicks) - 1)
    for n, step in enumerate(steps):
        getattr(window.undo_stack, step)()
        settle(qtbot, window)
        state = list_state(panel)
        assert state["rows"] and state == fresh_state(qtbot, window), f"{step} {n}"
    assert len(window.marks.marks()) == len(clicks)


class Seen(QObject):
    """The region painted per widget (by C++ address: viewports get new wrappers)."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: dict[int, QRegion] = {}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            key = id_of(obj)
            self.regions[key] = self.regions.get(key, QRegion()) | event.region()  # type: ignore[attr-defined]
        return False

    def painted(self, widget: Any) -> QRegion:
        return self.regions.get(id_of(widget), QRegion())


def id_of(obj: QObject) -> int:
    from shiboken6 import getCppPointer

    return int(getCppPointer(obj)[0])


@pytest.fixture
def ranked(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[CandidatesPanel, list[Any]]:
    """A shown panel whose ranking is what the test says (``order[0]``)."""
    knowledge = load_knowledge()
    candidates = [muscle_candidate(m, "right", knowledge) for m in MUSCLES]
    order = [candidates]
    monkeypatch.setattr(candidates_panel, "rank_and_under", lambda *_a, **_k: (list(order[0]), []))
    panel = CandidatesPanel(knowledge)
    qtbot.addWidget(panel)
    panel.heights._timer.setInterval(60_000)  # no settling inside the recorded part
    panel.resize(480, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_for_marks([mark(0, *PLACES[0])], selected=False)
    for _round in range(3):
        QCoreApplication.processEvents()
    return panel, order


def test_two_rows_swapped_repaint_those_rows_and_tell_the_list_once(ranked: Any) -> None:
    panel, order = ranked
    first, second, *rest = order[0]
    tree = panel.tree
    model = tree.model()
    told: list[str] = []
    for name in ("dataChanged", "rowsInserted", "rowsRemoved", "layoutChanged"):
        getattr(model, name).connect(lambda *_a, name=name: told.append(name))
    # The two rows, and the one under them: Qt's update of a changed range of rows
    # (``QTreeViewPrivate::intersectedRect``) reaches further down by up to a row.
    rows = tree.visualItemRect(tree.topLevelItem(0)).united(
        tree.visualItemRect(tree.topLevelItem(2))
    )
    seen = Seen()
    app = QApplication.instance()
    app.installEventFilter(seen)
    try:
        order[0] = [second, first, *rest]  # the next click ranks the second muscle first
        panel.show_for_marks([mark(0, *PLACES[0])], selected=False)
        for _round in range(3):
            QCoreApplication.processEvents()
    finally:
        app.removeEventFilter(seen)
    names = [tree.topLevelItem(r).text(0) for r in range(tree.topLevelItemCount())]
    assert names == ["Masseter", "Temporalis", "Upper trapezius", "Sternocleidomastoid",
                     "Splenius capitis"]  # fmt: skip
    assert tree.topLevelItem(0).data(0, ROLE) == second
    # the list is told once (the screen reader's row texts read once, not per cell or move)
    assert told == ["dataChanged"]
    # only the two rows are repainted (not the whole list, as a relayout does), not the header
    painted = seen.painted(tree.viewport())
    assert not painted.isEmpty()
    assert QRegion(rows).united(painted) == QRegion(rows), painted.boundingRect()
    assert seen.painted(tree.header().viewport()).isEmpty()
    assert QRect() == seen.painted(panel.heading).boundingRect()  # the same marks, same heading


def test_spoken_row_texts_stay_current_and_the_list_is_told_once(ranked: Any) -> None:
    """With the list wired for a screen reader (as the app does), a re-rank is one
    ``dataChanged``; with no reader listening nothing is read for one (no further signal,
    no spoken text: issue 18); with one listening the rows are read once (a posted event,
    before the paint) and every spoken text is current (each cell told alone was one more
    signal, and a nested reading of all rows: 14 ms a click)."""
    from nmt_bodymap.ui.accessible_views import row_speech, speak_tree_rows

    panel, order = ranked
    tree = panel.tree
    speech = Qt.ItemDataRole.AccessibleTextRole
    reader = speak_tree_rows(tree)
    assert reader is not None
    headers = [tree.headerItem().text(c) for c in range(3)]
    told: list[str] = []
    tree.model().dataChanged.connect(lambda *_a: told.append("dataChanged"))
    first, second, third, *rest = order[0]
    order[0] = [third, first, second, *rest]
    panel.show_for_marks([mark(0, *PLACES[0]), mark(1, *PLACES[2])], selected=False)
    QCoreApplication.sendPostedEvents()
    assert told == ["dataChanged"]
    items = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
    assert [i.text(0) for i in items[:3]] == ["Upper trapezius", "Temporalis", "Masseter"]
    assert reader.refreshes == 0 and all(i.data(0, speech) is None for i in items)

    set_reader(True)
    try:
        order[0] = [first, second, third, *rest]
        panel.show_for_marks([mark(0, *PLACES[0]), mark(1, *PLACES[1])], selected=False)
        QCoreApplication.sendPostedEvents()
        items = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
        assert reader.refreshes == 1
        for item in items:
            assert item.data(0, speech) == row_speech(item, headers, panel.tooltip(item, 0))
        assert items[0].data(0, speech).startswith(items[0].text(0) + ", Right, explains: ")
    finally:
        set_reader(False)


def test_the_stretched_last_column_is_left_to_the_header(qtbot: Any) -> None:
    """The header stretches the last column (Explains) to fill the list: fitting it to its
    texts only made the header put its width back, and the header and the whole list
    repainted once more after every click. The Side column is still fitted."""
    panel = CandidatesPanel(load_knowledge())
    qtbot.addWidget(panel)
    panel.resize(480, 2400)  # tall: no scroll bar comes or goes (the header resizes then)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.tree.header()
    resized: list[tuple[int, int, int]] = []
    header.sectionResized.connect(lambda *args: resized.append(tuple(args)))
    one = [mark(0, *PLACES[0])]
    panel.show_for_marks(one, selected=False)  # "essential" and the like
    widths = [header.sectionSize(c) for c in range(3)]
    assert header.stretchLastSection()
    assert widths[2] >= widths[0] - 1  # Explains shares the room with Muscle (both stretch)
    assert widths[1] < widths[0] // 2  # Side fitted to "Right", "Left"
    resized.clear()
    for marks in ([*one, mark(1, *PLACES[1])], one, [*one, mark(1, *PLACES[2])]):
        panel.show_for_marks(marks, selected=False)  # "1 of 2 spots" and back
        QCoreApplication.processEvents()
        assert [header.sectionSize(c) for c in range(3)] == widths
    assert [r for r in resized if r[0] == 2] == []
