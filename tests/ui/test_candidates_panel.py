"""The candidate list is updated in place on every click (rows reused, only changed cells
touched): after any sequence of marks it must read exactly as a freshly built list would."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.ranking import Candidate
from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
from nmt_bodymap.ui.chart.marks import MarkState

PLACES = [
    ("anterior", "temple", "right"),
    ("posterior", "buttock", "left"),
    ("anterior", "anterior_shoulder", "right"),
    ("posterior", "posterior_neck", "right"),
    ("anterior", "anterior_knee", "left"),
]


def mark(n: int, view: str, region: str, side: str) -> MarkState:
    x, y = load_atlas().region(view, region, side).point  # type: ignore[arg-type]
    return MarkState(f"m{n}", view, x, y, region, side, 5, "ache")  # type: ignore[arg-type]


def what_it_shows(panel: CandidatesPanel) -> dict[str, Any]:
    """Everything the therapist reads in the panel, row by row."""
    tree = panel.tree
    rows = []
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        rows.append(
            (
                [item.text(c) for c in range(3)],
                panel.tooltip(item, 0),  # made when asked for
                panel.tooltip(item, 2),
                item.data(0, Qt.ItemDataRole.UserRole),
                item.isSelected(),
            )
        )
    return {
        "heading": panel.heading.text(),
        "rows": rows,
        "current": panel.current_candidate(),
        "detail": panel.detail_text(),
        "buttons": panel.finding_button.isEnabled(),
    }


@pytest.fixture
def panels(qtbot: Any) -> tuple[CandidatesPanel, list[Candidate | None]]:
    panel = CandidatesPanel(load_knowledge())
    qtbot.addWidget(panel)
    chosen: list[Candidate | None] = []
    panel.candidate_chosen.connect(chosen.append)
    return panel, chosen


def fresh(qtbot: Any, marks: list[MarkState], choice: Candidate | None) -> CandidatesPanel:
    panel = CandidatesPanel(load_knowledge())
    qtbot.addWidget(panel)
    panel.show_for_marks(marks, selected=False)
    if choice is not None:
        assert panel.choose(choice.muscle, choice.side)
    return panel


def test_list_updated_in_place_reads_as_a_fresh_list(qtbot: Any, panels: Any) -> None:
    panel, chosen = panels
    marks: list[MarkState] = []
    # Marks added one by one, the chosen muscle kept while listed, then marks taken away.
    steps = [PLACES[:n] for n in range(1, len(PLACES) + 1)] + [PLACES[3:], PLACES[:1], []]
    for step, places in enumerate(steps):
        marks = [mark(n, *place) for n, place in enumerate(places)]
        before = panel.current_candidate()
        panel.show_for_marks(marks, selected=False)
        still = [
            c
            for c in panel.candidates()
            if before is not None and (c.muscle, c.side) == (before.muscle, before.side)
        ]
        expected = fresh(qtbot, marks, still[0] if still else None)
        assert what_it_shows(panel) == what_it_shows(expected), f"step {step}: {places}"
        # The map is told about the chosen candidate whenever it changes, never left stale.
        assert (chosen[-1] if chosen else None) == panel.current_candidate()
        listed = panel.candidates()
        if listed and step % 2 == 0:  # choose a lower candidate now and then, as a therapist
            target = listed[min(2, len(listed) - 1)]
            assert panel.choose(target.muscle, target.side)
            assert chosen[-1] == target
    assert panel.tree.topLevelItemCount() == 0
    assert panel.current_candidate() is None and chosen[-1] is None


def test_detail_shows_the_spots_and_the_muscle(qtbot: Any, panels: Any) -> None:
    panel, _ = panels
    marks = [mark(0, *PLACES[0]), mark(1, *PLACES[1])]
    panel.show_for_marks(marks, selected=False)
    assert panel.choose("temporalis", "right")
    text = panel.detail_text()
    assert "Temporalis — Right" in text
    assert "Right temple" in text and "Left buttock" in text
    assert "For the client" in text and "Source" in text
    # Choosing another muscle and coming back shows the same text (the laid-out text is kept).
    other = next(c for c in panel.candidates() if c.muscle != "temporalis")
    assert panel.choose(other.muscle, other.side)
    assert "Temporalis" not in panel.detail_text()
    assert panel.choose("temporalis", "right")
    assert panel.detail_text() == text
    panel.tree.setCurrentItem(None)
    assert "Choose a muscle" in panel.detail_text()


def test_parts_of_one_pattern_are_one_row_that_opens_into_its_parts(
    qtbot: Any, panels: Any
) -> None:
    panel, _ = panels
    panel.show_for_marks([mark(0, "anterior", "anterior_arm", "right")], selected=False)
    tree = panel.tree
    labels = [tree.topLevelItem(r).text(0) for r in range(tree.topLevelItemCount())]
    assert labels.count("Scalenes") == 1
    assert not any(label.endswith("scalene") for label in labels)  # the parts are inside
    group = tree.topLevelItem(labels.index("Scalenes"))
    parts = [group.child(i).text(0) for i in range(group.childCount())]
    assert sorted(parts) == ["Anterior scalene", "Middle scalene", "Posterior scalene"]
    assert group.data(0, Qt.ItemDataRole.UserRole).muscle == "anterior_scalene"
    assert labels.index("Scalenes") < 3  # the first rows are different clinical ideas
    assert panel.choose("posterior_scalene", "right")
    assert tree.currentItem() is group.child(parts.index("Posterior scalene"))


def test_muscles_under_the_spot_have_their_own_section(qtbot: Any, panels: Any) -> None:
    panel, _ = panels
    panel.show_for_marks([mark(0, "anterior", "anterior_shoulder", "right")], selected=False)
    tree = panel.tree
    heading = tree.topLevelItem(tree.topLevelItemCount() - 1)
    assert heading.text(0) == "Also palpate under the spot"
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    under = [heading.child(i).text(0) for i in range(heading.childCount())]
    assert "Coracobrachialis" in under and heading.isExpanded()
    assert [c.muscle for c in panel.under_spot()] == [
        heading.child(i).data(0, Qt.ItemDataRole.UserRole).muscle
        for i in range(heading.childCount())
    ]


def test_arrow_keys_and_enter_ask_for_a_finding_at_the_explaining_trigger_point(
    qtbot: Any, panels: Any
) -> None:
    panel, _ = panels
    panel.show()
    panel.show_for_marks([mark(0, "anterior", "anterior_shoulder", "right")], selected=False)
    tree = panel.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    assert panel.current_candidate().muscle == "infraspinatus"
    with qtbot.waitSignal(panel.record_finding_requested) as first:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert first.args == ["infraspinatus", "right", "tp1"]
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    second = panel.current_candidate()
    assert second is not None and second.muscle != "infraspinatus"
    with qtbot.waitSignal(panel.record_finding_requested) as pressed:
        qtbot.keyClick(tree, Qt.Key.Key_Enter)
    assert pressed.args[:2] == [second.muscle, second.side]
    assert pressed.args[2] in second.explaining
