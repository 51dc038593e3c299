"""The Assessment tab on the real window: posture and gait ticks, ischemia by region,
nerve entrapment, each stored at once and undoable."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from nmt_bodymap.ui.clinic.assessment_panel import AssessmentPanel, install_assessment
from nmt_bodymap.ui.main_window import MainWindow
from tests.ui.conftest import call_on_worker, click_region, open_window

# The screen is grabbed on every run; it lands in docs/ only when asked:
#   NMT_BODYMAP_SCREENSHOTS=docs/screenshots python -m pytest tests/ui/test_assessment.py
SCREENSHOTS = Path(
    os.environ.get("NMT_BODYMAP_SCREENSHOTS")
    or Path(tempfile.gettempdir()) / "nmt-bodymap-screenshots"
)


def _panel(qtbot: Any, window: MainWindow) -> AssessmentPanel:
    """The window's Assessment tab (installed here until the window does it itself)."""
    found = window.findChild(AssessmentPanel)
    panel = found if found is not None else install_assessment(window)
    window.side_tabs.setCurrentWidget(panel)
    _settle(qtbot, window)
    return panel


def _settle(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)


def _stored(qtbot: Any, window: MainWindow, visit_id: int) -> list[tuple[Any, ...]]:
    _settle(qtbot, window)
    records = call_on_worker(qtbot, window.worker, lambda s: s.list_observations(visit_id))
    return [(r.kind, r.item, r.region, r.side, r.severity) for r in records]


def _tick(panel: AssessmentPanel, kind: str, item: str, on: bool = True) -> None:
    """What a click on the row's check box does."""
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    panel.row(kind, item).item.setCheckState(0, state)


def _choose(combo: Any, value: str) -> None:
    """What picking an entry of a drop-down does."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _checked(panel: AssessmentPanel, kind: str, item: str) -> bool:
    return panel.row(kind, item).item.checkState(0) == Qt.CheckState.Checked


def test_ticks_are_stored_at_once_and_undo_takes_them_back(
    qtbot: Any, window: MainWindow, seeded: dict[str, Any]
) -> None:
    visit_id = seeded["visit"].id
    panel = _panel(qtbot, window)
    _tick(panel, "posture", "forward_head")
    _choose(panel.row("posture", "elevated_shoulder").side, "left")  # a side charts it
    _tick(panel, "gait", "short_stride")
    assert _stored(qtbot, window, visit_id) == [
        ("posture", "forward_head", "", "", None),
        ("posture", "elevated_shoulder", "", "left", None),
        ("gait", "short_stride", "", "", None),
    ]
    assert _checked(panel, "posture", "elevated_shoulder")

    _choose(panel.row("posture", "elevated_shoulder").severity, "marked")
    _choose(panel.row("posture", "elevated_shoulder").side, "both")
    shoulder = ("posture", "elevated_shoulder", "")
    assert _stored(qtbot, window, visit_id)[1] == (*shoulder, "both", "marked")

    window.undo_stack.undo()  # side back to left
    window.undo_stack.undo()  # no severity
    assert _stored(qtbot, window, visit_id)[1] == (*shoulder, "left", None)
    assert panel.row("posture", "elevated_shoulder").side.currentData() == "left"

    window.undo_stack.undo()  # the gait tick
    assert [r[1] for r in _stored(qtbot, window, visit_id)] == ["forward_head", "elevated_shoulder"]
    assert not _checked(panel, "gait", "short_stride")
    window.undo_stack.redo()
    assert [r[1] for r in _stored(qtbot, window, visit_id)][-1] == "short_stride"
    assert _checked(panel, "gait", "short_stride")

    _tick(panel, "posture", "forward_head", on=False)  # unticking removes it
    assert "forward_head" not in [r[1] for r in _stored(qtbot, window, visit_id)]
    window.undo_stack.undo()
    assert "forward_head" in [r[1] for r in _stored(qtbot, window, visit_id)]
    assert _checked(panel, "posture", "forward_head")


def test_a_sided_tick_waits_for_its_side(
    qtbot: Any, window: MainWindow, seeded: dict[str, Any]
) -> None:
    panel = _panel(qtbot, window)
    _tick(panel, "posture", "short_leg")
    assert "Choose the side: the shorter leg" in window.statusBar().currentMessage()
    assert not _checked(panel, "posture", "short_leg")
    row = panel.row("posture", "short_leg")
    assert row.side is not None
    row.side.hidePopup()
    assert _stored(qtbot, window, seeded["visit"].id) == []
    _choose(row.side, "right")
    assert _stored(qtbot, window, seeded["visit"].id) == [
        ("posture", "short_leg", "", "right", None)
    ]


def test_the_chart_shows_its_ticks_when_opened_again(
    qtbot: Any, window: MainWindow, seeded: dict[str, Any]
) -> None:
    panel = _panel(qtbot, window)
    row = panel.row("posture", "head_tilt")
    _choose(row.side, "right")
    _settle(qtbot, window)
    _choose(row.severity, "moderate")
    _tick(panel, "gait", "trendelenburg")  # needs a side: not charted
    _settle(qtbot, window)
    window.close()

    reopened = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    panel = _panel(qtbot, reopened)
    qtbot.waitUntil(lambda: _checked(panel, "posture", "head_tilt"), timeout=10_000)
    row = panel.row("posture", "head_tilt")
    assert row.side is not None
    assert (row.side.currentData(), row.severity.currentData()) == ("right", "moderate")
    assert not _checked(panel, "gait", "trendelenburg")
    assert not _checked(panel, "posture", "forward_head")
    assert {"sternocleidomastoid", "upper_trapezius"} <= set(panel.muscles_to_check())


def test_ischemia_at_a_marked_region_and_an_entrapment_are_stored_and_listed(
    qtbot: Any, window: MainWindow, seeded: dict[str, Any]
) -> None:
    visit_id = seeded["visit"].id
    panel = _panel(qtbot, window)
    click_region(qtbot, window, "posterior", "upper_calf", "right")  # region defaults to the mark
    _settle(qtbot, window)
    assert panel.ischemia_region.currentData() == "upper_calf"
    assert panel.ischemia_side.currentData() == "right"
    panel.tabs.setCurrentIndex(1)
    for i in range(panel.ischemia_signs.count()):
        sign = panel.ischemia_signs.item(i)
        if sign.data(Qt.ItemDataRole.UserRole) in ("taut_ropy", "pale_cool"):
            sign.setCheckState(Qt.CheckState.Checked)
    _choose(panel.ischemia_severity, "moderate")
    qtbot.mouseClick(panel.add_ischemia_button, Qt.MouseButton.LeftButton)
    assert _stored(qtbot, window, visit_id) == [
        ("ischemia", "taut_ropy", "upper_calf", "right", "moderate"),
        ("ischemia", "pale_cool", "upper_calf", "right", "moderate"),
    ]
    lines = [panel.ischemia_list.item(i).text() for i in range(panel.ischemia_list.count())]
    assert lines == [
        "Taut, ropy or dense tissue — Right upper calf, moderate",
        "Pale or cool skin — Right upper calf, moderate",
    ]

    panel.tabs.setCurrentIndex(2)
    _choose(panel.entrapment_site, "sciatic_piriformis")
    assert "Piriformis" in panel.site_info.text()
    assert "back of the thigh" in panel.site_info.text()
    _choose(panel.entrapment_side, "right")
    _choose(panel.entrapment_region, "posterior_thigh")
    panel.entrapment_note.setText("worse after driving")
    qtbot.mouseClick(panel.add_entrapment_button, Qt.MouseButton.LeftButton)
    assert _stored(qtbot, window, visit_id)[-1] == (
        "entrapment",
        "sciatic_piriformis",
        "posterior_thigh",
        "right",
        None,
    )
    assert panel.entrapment_list.item(0).text() == (
        "Sciatic nerve by piriformis (right), felt at the back of thigh: worse after driving"
    )
    assert panel.muscles_to_check()[:2] == ["piriformis", "obturator_internus"]

    window.undo_stack.undo()  # the entrapment
    window.undo_stack.undo()  # both signs: one step
    assert _stored(qtbot, window, visit_id) == []
    assert panel.ischemia_list.count() == 0


def test_bad_values_get_a_clear_message_and_store_nothing(
    qtbot: Any, window: MainWindow, seeded: dict[str, Any], no_dialogs: list[str]
) -> None:
    panel = _panel(qtbot, window)
    panel.tabs.setCurrentIndex(2)
    _choose(panel.entrapment_site, "median_pronator_teres")
    qtbot.mouseClick(panel.add_entrapment_button, Qt.MouseButton.LeftButton)  # no side
    _settle(qtbot, window)
    assert any(
        "Median nerve by pronator teres needs a side: left, right or both" in m for m in no_dialogs
    )
    window.undo_stack.undo()  # the failed add has nothing to undo
    window.undo_stack.redo()

    panel.tabs.setCurrentIndex(1)
    panel.ischemia_region.setEditText("Elbow pit")
    panel.ischemia_signs.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(panel.add_ischemia_button, Qt.MouseButton.LeftButton)
    assert no_dialogs[-1].startswith("“Elbow pit” is not a region of the body map")

    _choose(panel.ischemia_region, "sternum")
    assert [panel.ischemia_side.itemData(i) for i in range(panel.ischemia_side.count())] == [
        "midline"
    ]
    panel.ischemia_signs.item(0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(panel.add_ischemia_button, Qt.MouseButton.LeftButton)
    assert no_dialogs[-1] == "Tick at least one sign of ischemia to chart."
    assert _stored(qtbot, window, seeded["visit"].id) == []


def test_assessment_screenshot(qtbot: Any, window: MainWindow, seeded: dict[str, Any]) -> None:
    panel = _panel(qtbot, window)
    _tick(panel, "posture", "forward_head")
    _choose(panel.row("posture", "elevated_shoulder").side, "right")
    _choose(panel.row("posture", "rounded_shoulders").side, "both")
    _settle(qtbot, window)
    _choose(panel.row("posture", "elevated_shoulder").severity, "moderate")
    _choose(panel.row("posture", "high_iliac_crest").side, "right")
    _choose(panel.row("posture", "short_leg").side, "left")
    click_region(qtbot, window, "anterior", "temple", "right")
    _settle(qtbot, window)
    assert panel.muscles_list.count() > 5
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "assessment.png"))
