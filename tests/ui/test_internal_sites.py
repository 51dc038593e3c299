"""Internal pain sites beside the body views: marked like the figure, stored, ranked, undoable."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from nmt_bodymap.core.ranking import Spot, rank_candidates
from nmt_bodymap.core.vocabulary import internal_sites
from nmt_bodymap.ui.candidates.candidates_panel import MAX_SHOWN
from nmt_bodymap.ui.map.internal_sites import ICON_SIZE
from nmt_bodymap.ui.map.palette import intensity_color
from tests.ui.conftest import call_on_worker, click_region, open_window

SCREENSHOTS = Path(
    os.environ.get("NMT_BODYMAP_SCREENSHOTS")
    or Path(tempfile.gettempdir()) / "nmt-bodymap-screenshots"
)


def stored_marks(qtbot: Any, worker: Any, visit_id: int) -> list[Any]:
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    return call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id))


def click_site(qtbot: Any, window: Any, region: str, side: str, **kwargs: Any) -> Any:
    if not window.body_map.inside_button.isChecked():
        qtbot.mouseClick(window.body_map.inside_button, Qt.MouseButton.LeftButton)
    button = window.body_map.internal_sites.buttons[(region, side)]
    assert button.isVisible(), f"{region} {side} is not on screen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, **kwargs)
    return button


def icon_fill(button: Any) -> QColor:
    """The colour inside the site's mark symbol, left of the number."""
    image = button.icon().pixmap(ICON_SIZE, ICON_SIZE).toImage()
    return image.pixelColor(int(ICON_SIZE * 0.27), ICON_SIZE // 2)


def test_every_internal_site_of_the_vocabulary_is_offered_with_its_sides(
    qtbot: Any, window: Any
) -> None:
    buttons = window.body_map.internal_sites.buttons
    expected = {(name, side) for name, s in internal_sites().items() for side in s.client_sides()}
    assert set(buttons) == expected
    assert buttons[("upper_teeth", "right")].accessibleName() == "Right upper teeth"
    # Folded away at first (the figures get the room); the toolbar button or Ctrl+4 unfolds it.
    assert not buttons[("pelvic_floor", "midline")].isVisible()
    window.actions_by_key["inside-sites"].trigger()
    assert buttons[("pelvic_floor", "midline")].isVisible()
    assert window.body_map.inside_button.isChecked()
    qtbot.mouseClick(window.body_map.inside_button, Qt.MouseButton.LeftButton)
    assert not buttons[("pelvic_floor", "midline")].isVisible()


def test_clicking_right_upper_teeth_stores_a_mark_and_ranks_the_muscles_that_refer_there(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    window.body_map.set_intensity(7)
    button = click_site(qtbot, window, "upper_teeth", "right")

    marks = stored_marks(qtbot, seeded["worker"], seeded["visit"].id)
    assert [(m.view, m.region, m.side, m.x, m.y, m.intensity) for m in marks] == [
        ("internal", "upper_teeth", "right", None, None, 7)
    ]
    assert "Right upper teeth" in window.statusBar().currentMessage()
    # Shown as marked, in the palette's colour for 7.
    assert not button.icon().isNull()
    fill, expected = icon_fill(button), intensity_color(7)
    assert max(abs(fill.red() - expected.red()), abs(fill.green() - expected.green())) < 12
    # The candidates are the core ranking's for that internal site.
    listed = [(c.muscle, c.side) for c in window.candidates.candidates()]
    ranked = rank_candidates([Spot("internal", "upper_teeth", "right")])[:MAX_SHOWN]
    assert listed == [(c.muscle, c.side) for c in ranked]
    assert {("temporalis", "right"), ("masseter", "right")} <= set(listed)
    assert all(side != "left" for _muscle, side in listed)
    assert "Right upper teeth" in window.candidates.heading.text()


def test_undo_takes_the_internal_mark_out_of_the_store_and_redo_puts_it_back(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    button = click_site(qtbot, window, "upper_teeth", "right")
    assert len(stored_marks(qtbot, seeded["worker"], seeded["visit"].id)) == 1
    window.actions_by_key["undo"].trigger()
    assert stored_marks(qtbot, seeded["worker"], seeded["visit"].id) == []
    assert button.icon().isNull()
    assert window.candidates.candidates() == []
    window.actions_by_key["redo"].trigger()
    marks = stored_marks(qtbot, seeded["worker"], seeded["visit"].id)
    assert [(m.region, m.side) for m in marks] == [("upper_teeth", "right")]
    assert not button.icon().isNull()


def test_a_marked_site_is_selected_by_a_click_then_changed_and_deleted_like_a_figure_mark(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    visit_id = seeded["visit"].id
    click_region(qtbot, window, "anterior", "temple", "right")
    click_site(qtbot, window, "pelvic_floor", "midline")
    assert len(stored_marks(qtbot, seeded["worker"], visit_id)) == 2

    click_site(qtbot, window, "pelvic_floor", "midline")  # already marked: selects it
    sites = window.body_map.internal_sites
    assert sites.selected_sites() == [("pelvic_floor", "midline")]
    assert len(window.body_map.selected_mark_keys()) == 1
    assert "for selected 1 mark" in window.candidates.heading.text()
    assert "Pelvic floor" in window.candidates.heading.text()
    assert "levator_ani" in {c.muscle for c in window.candidates.candidates()}

    window.actions_by_key["intensity-9"].trigger()
    marks = stored_marks(qtbot, seeded["worker"], visit_id)
    assert sorted((m.region, m.intensity) for m in marks) == [("pelvic_floor", 9), ("temple", 5)]

    window.actions_by_key["delete-mark"].trigger()
    marks = stored_marks(qtbot, seeded["worker"], visit_id)
    assert [(m.region, m.side) for m in marks] == [("temple", "right")]
    assert sites.selected_sites() == []
    window.actions_by_key["undo"].trigger()
    assert len(stored_marks(qtbot, seeded["worker"], visit_id)) == 2


def test_a_click_on_the_figure_ends_the_selection_of_an_internal_site(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    click_site(qtbot, window, "throat", "midline")
    click_site(qtbot, window, "throat", "midline")
    assert window.body_map.internal_sites.selected_sites() == [("throat", "midline")]
    click_region(qtbot, window, "anterior", "jaw", "left")
    assert window.body_map.internal_sites.selected_sites() == []
    assert len(stored_marks(qtbot, seeded["worker"], seeded["visit"].id)) == 2
    heading = window.candidates.heading.text()
    assert "all 2 marks" in heading and "Throat" in heading and "Left jaw" in heading


def test_choosing_a_candidate_outlines_the_internal_sites_of_its_referral_zone(
    qtbot: Any, window: Any
) -> None:
    click_site(qtbot, window, "upper_teeth", "right")
    qtbot.waitUntil(lambda: bool(window.candidates.candidates()), timeout=10_000)
    assert window.candidates.choose("temporalis", "right")
    sites = window.body_map.internal_sites
    assert sites.zone_at("upper_teeth", "right") == "essential"
    assert sites.zone_at("upper_teeth", "left") is None
    window.actions_by_key["clear-highlight"].trigger()
    assert sites.zone_at("upper_teeth", "right") is None


def test_internal_marks_are_back_after_reopening_the_visit(
    qtbot: Any, window: Any, seeded: dict[str, Any], chart_path: Path, open_worker: Any
) -> None:
    window.body_map.set_intensity(6)
    click_site(qtbot, window, "upper_teeth", "right")
    click_site(qtbot, window, "inner_ear", "left")
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: seeded["worker"].pending() == 0)
    window.close()
    seeded["worker"].shutdown()

    worker = open_worker(chart_path)
    reopened = open_window(qtbot, worker, seeded["visit"].id)
    qtbot.waitUntil(lambda: len(reopened.marks.marks()) == 3, timeout=10_000)
    sites = reopened.body_map.internal_sites
    assert [m.intensity for m in sites.marks_at("upper_teeth", "right")] == [6]
    assert [m.intensity for m in sites.marks_at("inner_ear", "left")] == [6]
    assert sites.marks_at("upper_teeth", "left") == []
    assert not sites.buttons[("upper_teeth", "right")].icon().isNull()
    assert sites.buttons[("upper_teeth", "left")].icon().isNull()
    # A visit with marks inside opens with the strip unfolded: no charted mark is hidden.
    assert sites.buttons[("upper_teeth", "right")].isVisible()
    assert len(reopened.body_map.scenes["anterior"].mark_items) == 1
    assert "3 marks" in reopened.candidates.heading.text()

    reopened.candidates.choose("temporalis", "right")
    reopened.resize(1500, 920)
    qtbot.waitUntil(lambda: worker.pending() == 0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert reopened.grab().save(str(SCREENSHOTS / "internal-sites.png"))


def test_progress_and_education_take_internal_marks(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    """Pain extent counts only drawn regions; the education list still gets the muscles."""
    from nmt_bodymap.ui.clinic.workflow_actions import candidate_muscles
    from nmt_bodymap.ui.progress.progress_view import ProgressView

    click_site(qtbot, window, "upper_teeth", "right")
    worker, visit_id = seeded["worker"], seeded["visit"].id
    qtbot.waitUntil(lambda: worker.pending() == 0)
    ids = call_on_worker(qtbot, worker, lambda s: candidate_muscles(s, visit_id))
    assert "temporalis" in ids

    view = ProgressView(worker.submit, seeded["client"].id)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.loaded, timeout=10_000)
    assert view.extent_chart.values("Extent %") == (0.0,)
    assert view.intensity_chart.values("Peak") == (5,)


def test_ctrl_click_and_select_all_take_internal_sites_with_the_figure_marks(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    visit_id = seeded["visit"].id
    click_site(qtbot, window, "upper_teeth", "right")
    click_site(qtbot, window, "lower_teeth", "left")
    click_region(qtbot, window, "anterior", "temple", "right")
    sites = window.body_map.internal_sites
    click_site(qtbot, window, "upper_teeth", "right")
    click_site(qtbot, window, "lower_teeth", "left", stateKey=Qt.KeyboardModifier.ControlModifier)
    assert sites.selected_sites() == [("lower_teeth", "left"), ("upper_teeth", "right")]
    assert "for selected 2 marks" in window.candidates.heading.text()

    window.actions_by_key["select-all-marks"].trigger()
    assert len(window.body_map.selected_mark_keys()) == 3
    window.actions_by_key["delete-mark"].trigger()
    assert stored_marks(qtbot, seeded["worker"], visit_id) == []
    window.actions_by_key["undo"].trigger()
    assert len(stored_marks(qtbot, seeded["worker"], visit_id)) == 3
