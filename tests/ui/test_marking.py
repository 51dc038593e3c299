"""Marking pain on the body map: stored at once, undoable, back after reopening."""

from __future__ import annotations

from typing import Any

from tests.ui.conftest import call_on_worker, click_region, open_window


def stored_marks(qtbot: Any, worker: Any, visit_id: int) -> list[Any]:
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    return call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id))


def test_click_on_right_temple_stores_a_mark_there(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    window.body_map.set_intensity(7)
    click_region(qtbot, window, "anterior", "temple", "right")
    marks = stored_marks(qtbot, seeded["worker"], seeded["visit"].id)
    assert [(m.view, m.region, m.side, m.intensity) for m in marks] == [
        ("anterior", "temple", "right", 7)
    ]
    assert "Right temple" in window.statusBar().currentMessage()
    assert window.save_state.text() == "All changes saved"


def test_sides_are_the_clients_on_both_views(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    # Anterior: the client's right is on the viewer's left; posterior: on the viewer's right.
    front = click_region(qtbot, window, "anterior", "pectoral", "right")
    back = click_region(qtbot, window, "posterior", "lower_buttock", "right")
    assert front.x() < window.body_map.views["anterior"].viewport().width() / 2
    assert back.x() > window.body_map.views["posterior"].viewport().width() / 2
    marks = stored_marks(qtbot, seeded["worker"], seeded["visit"].id)
    assert sorted((m.view, m.region, m.side) for m in marks) == [
        ("anterior", "pectoral", "right"),
        ("posterior", "lower_buttock", "right"),
    ]


def test_undo_removes_the_mark_from_the_database_and_redo_restores_it(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    assert len(stored_marks(qtbot, seeded["worker"], seeded["visit"].id)) == 1
    window.actions_by_key["undo"].trigger()
    assert stored_marks(qtbot, seeded["worker"], seeded["visit"].id) == []
    assert window.body_map.scenes["anterior"].mark_items == {}
    window.actions_by_key["redo"].trigger()
    marks = stored_marks(qtbot, seeded["worker"], seeded["visit"].id)
    assert [(m.region, m.side) for m in marks] == [("temple", "right")]
    assert len(window.body_map.scenes["anterior"].mark_items) == 1


def test_marks_are_back_after_closing_and_reopening(
    qtbot: Any, window: Any, seeded: dict[str, Any], chart_path: Any, open_worker: Any
) -> None:
    window.body_map.set_intensity(4)
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "posterior", "posterior_neck", "left")
    qtbot.waitUntil(lambda: seeded["worker"].pending() == 0)
    window.close()
    seeded["worker"].shutdown()

    worker = open_worker(chart_path)
    reopened = open_window(qtbot, worker, seeded["visit"].id)
    qtbot.waitUntil(lambda: len(reopened.marks.marks()) == 2, timeout=10_000)
    shown = {(m.view, m.region, m.side, m.intensity) for m in reopened.marks.marks()}
    assert shown == {("anterior", "temple", "right", 4), ("posterior", "posterior_neck", "left", 4)}
    assert len(reopened.body_map.scenes["anterior"].mark_items) == 1
    assert len(reopened.body_map.scenes["posterior"].mark_items) == 1


def test_keyboard_sets_intensity_and_delete_removes_the_selected_mark(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    from PySide6.QtCore import Qt

    view = window.body_map.views["anterior"]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_8)
    assert window.body_map.intensity == 8
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1)
    [item] = window.body_map.scenes["anterior"].mark_items.values()
    assert item.mark.intensity == 8
    item.setSelected(True)
    qtbot.keyClick(view, Qt.Key.Key_3)  # changes the selected mark too
    assert window.marks.marks()[0].intensity == 3
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.marks.marks() == []
    assert stored_marks(qtbot, seeded["worker"], seeded["visit"].id) == []
    assert window.actions_by_key["delete-mark"].shortcut().toString() == "Del"
