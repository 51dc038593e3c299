"""The History view (File > Client history, Ctrl+H): every change to the client's chart with
who and the old and new value in plain words; a removed mark restored from it comes back on
the map and in the store, and Ctrl+Z takes it back. Another station's new visit or client
appears in the lists without a click."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from nmt_bodymap.ui.chart.history_view import HistoryView, describe
from tests.conftest import body_point
from tests.ui.conftest import call_on_worker, click_region, open_window

WHO = "Mia Lopez"


def cells(view: HistoryView, row: int) -> dict[str, str]:
    names = ("when", "who", "what", "change", "before", "after")
    return {name: view.table.item(row, column).text() for column, name in enumerate(names)}


def visible_rows(view: HistoryView) -> list[int]:
    return [row for row in range(view.table.rowCount()) if not view.table.isRowHidden(row)]


def stored_marks(qtbot: Any, window: Any, visit_id: int) -> list[Any]:
    qtbot.waitUntil(lambda: window.worker.pending() == 0 and not window.open_visit.busy())
    return call_on_worker(qtbot, window.worker, lambda s: s.list_pain_marks(visit_id))


def add_change_delete(qtbot: Any, window: Any) -> None:
    """Mark the right temple (5/10), raise it to 7, then remove it."""
    window.open_visit.who = WHO
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1)
    window.actions_by_key["intensity-7"].trigger()
    assert [m.intensity for m in window.marks.marks()] == [7]
    window.actions_by_key["delete-mark"].trigger()
    assert window.marks.marks() == []
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=5000)


def open_history(qtbot: Any, window: Any, rows: int) -> HistoryView:
    window.actions_by_key["client-history"].trigger()
    view = window.history_view
    qtbot.waitUntil(lambda: view.isVisible() and view.table.rowCount() == rows, timeout=5000)
    return view


@pytest.fixture
def history(qtbot: Any, window: Any) -> HistoryView:
    add_change_delete(qtbot, window)
    # the seeded client and visit were added by the store (2 entries), then the mark's 3
    return open_history(qtbot, window, 5)


def test_history_lists_add_change_delete_with_old_and_new_values_and_who(
    qtbot: Any, window: Any, history: HistoryView
) -> None:
    assert window.actions_by_key["client-history"].shortcut().toString() == "Ctrl+H"
    assert history.title.text() == "History — Ana Ruiz"
    added, changed, removed = (cells(history, row) for row in (2, 3, 4))
    assert (added["what"], added["change"], added["before"]) == ("pain mark", "added", "")
    assert added["after"].startswith("Right temple") and added["after"].endswith("5/10")
    assert (changed["what"], changed["change"]) == ("pain mark", "changed intensity")
    assert changed["before"].endswith("5/10") and changed["after"].endswith("7/10")
    assert changed["before"].startswith("Right temple")  # the place, from the add entry
    assert (removed["change"], removed["after"]) == ("removed", "")
    assert removed["before"].startswith("Right temple") and removed["before"].endswith("7/10")
    assert {cells(history, row)["who"] for row in (2, 3, 4)} == {WHO}
    # Only the removal can be restored (the mark is still removed).
    buttons = [r for r in range(5) if isinstance(history.table.cellWidget(r, 6), QPushButton)]
    assert buttons == [4]
    # The filter box narrows the lines.
    history.filter_edit.setText("removed")
    assert visible_rows(history) == [4]
    assert "1 of 5" in history.status.text()
    history.filter_edit.setText("temple 7/10")
    assert visible_rows(history) == [3, 4]
    history.filter_edit.clear()
    assert visible_rows(history) == [0, 1, 2, 3, 4]


def test_restoring_a_removed_mark_brings_it_back_and_ctrl_z_takes_it_back(
    qtbot: Any, window: Any, history: HistoryView, seeded: dict[str, Any]
) -> None:
    visit_id = seeded["visit"].id
    assert stored_marks(qtbot, window, visit_id) == []
    button = history.table.cellWidget(4, 6)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [(m.region, m.side, m.intensity) for m in window.marks.marks()] == [
        ("temple", "right", 7)
    ]
    assert len(window.body_map.scenes["anterior"].mark_items) == 1
    assert [(m.region, m.intensity) for m in stored_marks(qtbot, window, visit_id)] == [
        ("temple", 7)
    ]
    # The view reads the history again: the restore is listed, the button is gone.
    qtbot.waitUntil(lambda: history.table.rowCount() == 6, timeout=5000)
    assert cells(history, 5)["change"] == "restored"
    assert cells(history, 5)["after"].endswith("7/10")
    assert history.table.cellWidget(4, 6) is None
    # Ctrl+Z (pressed in the History view, where the restore was made) undoes the restore,
    # on screen and in the store.
    qtbot.keyClick(history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.marks.marks() == []
    assert window.body_map.scenes["anterior"].mark_items == {}
    assert stored_marks(qtbot, window, visit_id) == []
    # ... and in the window itself: redo brings it back, Ctrl+Z on the map removes it again.
    window.actions_by_key["redo"].trigger()
    assert len(window.marks.marks()) == 1
    history.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(
        window.body_map.views["anterior"], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    assert window.marks.marks() == []
    assert stored_marks(qtbot, window, visit_id) == []


def test_a_mark_of_another_visit_is_restored_in_the_store(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    worker, client = seeded["worker"], seeded["client"]
    other = call_on_worker(qtbot, worker, lambda s: s.create_visit(client.id))
    mark = call_on_worker(
        qtbot,
        worker,
        lambda s: s.add_pain_mark(
            other.id,
            view="posterior",
            x=body_point("posterior", "buttock", "left")[0],
            y=body_point("posterior", "buttock", "left")[1],
            region="buttock",
            side="left",
            intensity=4,
            quality="ache",
        ),
    )
    call_on_worker(qtbot, worker, lambda s: s.delete_pain_mark(mark.id))
    view = open_history(qtbot, window, 5)
    assert cells(view, 4)["change"] == "removed"
    qtbot.mouseClick(view.table.cellWidget(4, 6), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.rowCount() == 6, timeout=5000)
    assert cells(view, 5)["change"] == "restored"
    stored = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(other.id))
    assert [(m.region, m.intensity) for m in stored] == [("buttock", 4)]


def test_another_windows_new_visit_and_client_appear_without_a_click(
    qtbot: Any,
    seeded: dict[str, Any],
    chart_path: Any,
    open_worker: Any,
    no_dialogs: list[str],
    monkeypatch: Any,
) -> None:
    first = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    second = open_window(qtbot, open_worker(chart_path), seeded["visit"].id)
    assert first.visits.list.count() == 1
    monkeypatch.setattr(second.visits, "ask_chief_complaint", lambda: "Neck stiffness")
    second.visits.new_visit()
    qtbot.waitUntil(lambda: first.visits.list.count() == 2, timeout=3000)
    # The visit open here stays open (the new one is listed, not forced on this station).
    assert first.marks.visit_id == seeded["visit"].id
    assert first.visits.current_visit().id == seeded["visit"].id
    call_on_worker(qtbot, second.worker, lambda s: s.create_client(name="Ben Okafor"))
    qtbot.waitUntil(lambda: first.clients.list.count() == 2, timeout=3000)
    assert first.clients.current_client().id == seeded["client"].id


def test_describe_speaks_the_therapists_words() -> None:
    mark = {"region": "temple", "side": "right", "quality": "throbbing", "intensity": 6}
    assert describe("pain_mark", mark) == "Right temple, throbbing 6/10"
    assert describe("follow_up", {"soreness_hours": 24, "relief_days": 3, "note": ""}) == (
        "sore 24 h, relief 3 days"
    )
    assert describe("pain_mark", None) == ""


def test_a_change_the_row_words_do_not_show_names_the_field() -> None:
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from nmt_bodymap.ui.chart.history_view import history_lines

    def entry(kind: str, op: str, before: Any, after: Any) -> Any:
        at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
        return SimpleNamespace(
            at=at, who="Mia Lopez", kind=kind, row=kind, op=op, before=before, after=after
        )

    mark = {"region": "temple", "side": "right", "quality": "ache", "intensity": 6, "note": ""}
    visit = {"started_at": "2026-03-02T09:00:00+00:00", "chief_complaint": "Headache", "plan": ""}
    lines = history_lines(
        [
            entry("pain_mark", "add", None, mark),
            entry("pain_mark", "change", {"note": ""}, {"note": "after a fall"}),
            entry("visit", "add", None, visit),
            entry("visit", "change", {"plan": ""}, {"plan": "Heat at home"}),
        ]
    )
    assert (lines[1]["change"], lines[1]["before"], lines[1]["after"]) == (
        "changed note",
        "Right temple, ache 6/10",
        "Right temple, ache 6/10, after a fall",
    )
    # The visit's words (time, complaint) do not show the plan: the field is named.
    assert lines[3]["change"] == "changed plan"
    assert lines[3]["before"].endswith("Headache — plan: —")
    assert lines[3]["after"].endswith("Headache — plan: Heat at home")
    assert not any(line["restorable"] for line in lines)


def test_the_open_history_follows_the_client_chosen(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    view = open_history(qtbot, window, 2)
    other = call_on_worker(qtbot, window.worker, lambda s: s.create_client(name="Ben Okafor"))
    qtbot.waitUntil(lambda: window.clients.list.count() == 2, timeout=3000)  # the watcher
    row = next(
        r
        for r in range(window.clients.list.count())
        if window.clients.list.item(r).data(Qt.ItemDataRole.UserRole).id == other.id
    )
    window.clients.list.setCurrentRow(row)
    qtbot.waitUntil(lambda: view.title.text() == "History — Ben Okafor", timeout=3000)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=3000)
    assert cells(view, 0)["after"] == "Ben Okafor"


def test_the_history_shows_every_hold_of_a_treatment(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    """Issue 15/20: a treatment of a 20 s then a 10 s hold reads so in the history, and a
    change of its holds shows the old and the new lengths, each of them."""
    worker, visit = seeded["worker"], seeded["visit"]
    treatment = call_on_worker(
        qtbot,
        worker,
        lambda s: s.add_treatment(
            visit.id,
            muscle_id="upper_trapezius",
            side="right",
            technique="Ischaemic compression",
            pressure_tolerance=6,
            hold_lengths=[20, 10],
            repetitions=2,
        ),
    )
    call_on_worker(
        qtbot, worker, lambda s: s.update_treatment(treatment.id, hold_lengths=[30, 15, 10])
    )
    view = open_history(qtbot, window, 4)
    added, changed = cells(view, 2), cells(view, 3)
    assert added["what"] == "treatment"
    assert "Ischaemic compression, 2 holds: 20 s, 10 s, pressure 6/10" in added["after"]
    assert changed["change"] == "changed hold lengths"
    assert "2 holds: 20 s, 10 s" in changed["before"]
    assert "3 holds: 30 s, 15 s, 10 s" in changed["after"]


def test_an_older_treatment_without_its_list_shows_the_holds_its_count_implies() -> None:
    """A history entry written before revision 0007 has one length and a count."""
    older = {"technique": "Stretch", "hold_seconds": 20, "repetitions": 3}
    assert describe("treatment", older) == "Stretch, 3 holds: 20 s, 20 s, 20 s"
    assert describe("treatment", {"technique": "Stretch", "hold_seconds": 30}) == "Stretch, 30 s"
    assert describe("treatment", {"technique": "Stretch", "hold_lengths": []}) == "Stretch"
