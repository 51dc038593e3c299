"""The selection the screen shows is the one the keys act on (issue 12).

Seen by a new user: after clicking the neck and pressing 6, the status bar said
"Saved: Right temple, throbbing 6/10" (a mark on the other view, selected before).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from nmt_bodymap.settings import Settings, save_settings
from tests.ui.conftest import call_on_worker, click_region, open_window


def stored(qtbot: Any, worker: Any, visit_id: int) -> dict[tuple[str, str], tuple[int, str]]:
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    marks = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id))
    return {(m.region, m.side): (m.intensity, m.quality) for m in marks}


def only_mark(window: Any, region: str) -> Any:
    [mark] = [m for m in window.marks.marks() if m.region == region]
    return mark


def selected_items(window: Any) -> dict[str, list[str]]:
    return {name: scene.selected_mark_keys() for name, scene in window.body_map.scenes.items()}


def test_a_new_mark_is_the_one_selected_mark_on_both_views(qtbot: Any, window: Any) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    temple = only_mark(window, "temple")
    assert selected_items(window) == {"anterior": [temple.key], "posterior": []}

    click_region(qtbot, window, "posterior", "posterior_neck", "left")
    neck = only_mark(window, "posterior_neck")
    # The temple (other view) is no longer selected: one selection for the whole map.
    assert selected_items(window) == {"anterior": [], "posterior": [neck.key]}
    assert window.body_map.selection.selected_keys() == [neck.key]


def test_clicking_the_neck_and_pressing_6_changes_the_neck_not_the_temple(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    temple = only_mark(window, "temple")
    # The therapist picks the temple mark (a real click on it), then marks the neck.
    item = window.body_map.scenes["anterior"].mark_items[temple.key]
    view = window.body_map.views["anterior"]
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(item.scenePos())
    )
    assert window.body_map.selection.selected_keys() == [temple.key]
    click_region(qtbot, window, "posterior", "posterior_neck", "left")
    qtbot.keyClick(window.body_map.views["posterior"], Qt.Key.Key_6)

    marks = stored(qtbot, seeded["worker"], seeded["visit"].id)
    assert marks[("posterior_neck", "left")][0] == 6
    assert marks[("temple", "right")][0] == 5
    assert "neck" in window.statusBar().currentMessage().lower()


def test_a_new_mark_takes_the_default_score_not_the_last_marks(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    window.actions_by_key["intensity-8"].trigger()  # changes the new (selected) temple mark
    window.actions_by_key["quality"].trigger()  # and its quality
    click_region(qtbot, window, "anterior", "jaw", "left")
    marks = stored(qtbot, seeded["worker"], seeded["visit"].id)
    assert marks[("temple", "right")] == (8, "sharp")
    assert marks[("jaw", "left")] == (5, "ache")
    # The toolbar shows the selected (new) mark's values.
    assert (window.body_map.intensity, window.body_map.quality) == (5, "ache")


def test_the_defaults_come_from_the_settings(
    qtbot: Any,
    seeded: dict[str, Any],
    no_dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    monkeypatch.setenv("NMT_BODYMAP_CONFIG_DIR", str(tmp_path / "config"))
    save_settings(Settings(default_intensity=3, default_quality="burning"))
    window = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    assert (window.body_map.intensity, window.body_map.quality) == (3, "burning")
    click_region(qtbot, window, "anterior", "temple", "right")
    marks = stored(qtbot, seeded["worker"], seeded["visit"].id)
    assert marks[("temple", "right")] == (3, "burning")


def test_the_toolbar_always_shows_the_selected_marks_values(qtbot: Any, window: Any) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    window.actions_by_key["intensity-9"].trigger()
    click_region(qtbot, window, "posterior", "buttock", "right")
    assert window.body_map.intensity == 5
    temple = only_mark(window, "temple")
    window.body_map.scenes["anterior"].mark_items[temple.key].setSelected(True)
    assert window.body_map.selection.selected_keys() == [temple.key]
    assert window.body_map.intensity == 9


def test_escape_clears_the_selection_and_then_digits_set_the_next_mark(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    view = window.body_map.views["anterior"]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.body_map.selection.selected_keys() == []
    assert selected_items(window) == {"anterior": [], "posterior": []}
    qtbot.keyClick(view, Qt.Key.Key_2)  # nothing selected: the next mark's intensity
    assert only_mark(window, "temple").intensity == 5
    assert window.body_map.intensity == 2
    click_region(qtbot, window, "anterior", "jaw", "right")
    marks = stored(qtbot, seeded["worker"], seeded["visit"].id)
    assert marks == {("temple", "right"): (5, "ache"), ("jaw", "right"): (2, "ache")}


def test_after_undo_the_toolbar_is_right_and_the_same_digit_works_again(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    window.actions_by_key["intensity-7"].trigger()
    assert only_mark(window, "temple").intensity == 7
    window.actions_by_key["undo"].trigger()
    assert only_mark(window, "temple").intensity == 5
    assert window.body_map.intensity == 5  # not a stale 7
    window.actions_by_key["intensity-7"].trigger()
    assert only_mark(window, "temple").intensity == 7
    assert stored(qtbot, seeded["worker"], seeded["visit"].id) == {("temple", "right"): (7, "ache")}


def test_a_new_internal_mark_is_the_one_selected_mark(qtbot: Any, window: Any) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    window.body_map.show_internal_sites(True)
    qtbot.mouseClick(
        window.body_map.internal_sites.buttons[("upper_teeth", "right")], Qt.MouseButton.LeftButton
    )
    teeth = only_mark(window, "upper_teeth")
    assert window.body_map.selection.selected_keys() == [teeth.key]
    assert window.body_map.internal_sites.selected_sites() == [("upper_teeth", "right")]
    assert selected_items(window) == {"anterior": [], "posterior": []}
    window.actions_by_key["intensity-4"].trigger()
    assert only_mark(window, "upper_teeth").intensity == 4
    assert only_mark(window, "temple").intensity == 5


def test_placing_marks_keeps_the_candidates_for_all_marks(qtbot: Any, window: Any) -> None:
    # The new mark is selected for the keys, but the ranking still explains the whole pattern.
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "posterior", "buttock", "left")
    assert "2 marks" in window.candidates.heading.text()
