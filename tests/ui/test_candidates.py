"""Candidate muscles for the marks, and what choosing one lights up on the map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from nmt_bodymap.core.atlas import load_atlas
from tests.ui.conftest import click_region


def listed(window: Any) -> list[tuple[str, str]]:
    return [(c.muscle, c.side) for c in window.candidates.candidates()]


def test_right_temple_lists_temporalis_and_upper_trapezius_on_the_right(
    qtbot: Any, window: Any
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: bool(listed(window)))
    top = listed(window)[:6]
    assert ("temporalis", "right") in top
    assert ("upper_trapezius", "right") in top
    assert all(side != "left" for _, side in listed(window))
    assert window.candidates.tree.topLevelItem(0).text(1) == "Right"


def test_choosing_a_candidate_highlights_muscle_zone_and_trigger_points(
    qtbot: Any, window: Any
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: bool(listed(window)))
    assert window.candidates.choose("upper_trapezius", "right")
    candidate = window.candidates.current_candidate()
    front = window.body_map.scenes["anterior"]
    back = window.body_map.scenes["posterior"]

    # Upper trapezius refers to the temple (essential) on the same side only.
    assert front.zones.get(("temple", "right")) == "essential"
    assert ("temple", "left") not in front.zones
    temple = front.region_items[("temple", "right")]
    assert temple.brush().style() == Qt.BrushStyle.SolidPattern
    spill = [k for k, kind in {**front.zones, **back.zones}.items() if kind == "spillover"]
    for key in spill:
        scene = front if key in front.zones else back
        assert scene.region_items[key].brush().style() == Qt.BrushStyle.BDiagPattern

    atlas = load_atlas()
    for scene in (front, back):
        expected = (
            [("upper_trapezius", "right")]
            if atlas.muscle_shape(scene.view, "upper_trapezius", "right")
            else []
        )
        assert scene.visible_muscles() == expected
        placed = [
            tp for tp in candidate.trigger_points if tp.view == scene.view and tp.point is not None
        ]
        assert len(scene.pins) == len(placed)

    # Choosing another muscle replaces the highlight; Escape clears it.
    assert window.candidates.choose("temporalis", "right")
    assert ("neck_shoulder_angle", "right") not in back.zones
    window.actions_by_key["clear-highlight"].trigger()
    assert front.zones == {} and back.zones == {} and front.pins == []


def test_selected_marks_narrow_the_candidates(qtbot: Any, window: Any) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "posterior", "buttock", "left")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 2)
    assert "2 marks" in window.candidates.heading.text()
    front = window.body_map.scenes["anterior"]
    [item] = front.mark_items.values()
    item.setSelected(True)
    assert "selected 1 mark" in window.candidates.heading.text()
    assert all(side == "right" for _, side in listed(window))
