"""Issue 15: a visit can be edited or backdated, a visit or a client (the demo client too)
soft-deleted; each is one operation in the history (with who) and Ctrl+Z undoes it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from nmt_bodymap.ui.chart import store_calls
from nmt_bodymap.ui.chart.visit_dialog import VisitDialog, parse_visit_time
from nmt_bodymap.ui.main_window import MainWindow
from tests.conftest import body_point
from tests.ui.conftest import call_on_worker, open_window

LOCAL = datetime.now().astimezone().tzinfo


def listed_visits(window: MainWindow) -> list[int]:
    items = [window.visits.list.item(r) for r in range(window.visits.list.count())]
    return [item.data(Qt.ItemDataRole.UserRole).id for item in items]


def listed_clients(window: MainWindow) -> list[str]:
    items = [window.clients.list.item(r) for r in range(window.clients.list.count())]
    return [item.data(Qt.ItemDataRole.UserRole).name for item in items]


def settle(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)


def type_in_dialog(monkeypatch: pytest.MonkeyPatch, qtbot: Any, when: str, complaint: str) -> None:
    """The real visit dialog, typed into as a user would, then OK clicked."""

    def run(dialog: VisitDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.when_edit.selectAll()
        qtbot.keyClicks(dialog.when_edit, when)
        dialog.complaint_edit.selectAll()
        qtbot.keyClicks(dialog.complaint_edit, complaint)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(VisitDialog, "exec", run)


@pytest.fixture
def two_visits(qtbot: Any, seeded: dict[str, Any]) -> dict[str, Any]:
    """The seeded client gets an older visit; the newest (seeded) one carries a pain mark."""
    worker, client, newest = seeded["worker"], seeded["client"], seeded["visit"]
    older = call_on_worker(
        qtbot,
        worker,
        lambda s: s.create_visit(
            client.id,
            chief_complaint="Low back",
            started_at=datetime.now(UTC) - timedelta(days=5),
        ),
    )
    call_on_worker(
        qtbot,
        worker,
        lambda s: s.add_pain_mark(
            newest.id,
            view="anterior",
            x=body_point("anterior", "temple", "right")[0],
            y=body_point("anterior", "temple", "right")[1],
            region="temple",
            side="right",
            intensity=6,
            quality="ache",
        ),
    )
    return {**seeded, "older": older}


def test_the_dialog_takes_the_time_as_displayed_and_refuses_a_future_day(qtbot: Any) -> None:
    assert parse_visit_time("2026-11-28 14:30", today=date(2026, 12, 1)) == datetime(
        2026, 11, 28, 14, 30, tzinfo=LOCAL
    ).astimezone(UTC)
    visit = type("V", (), {"started_at": datetime.now(UTC), "chief_complaint": "Neck"})()
    dialog = VisitDialog(visit)
    qtbot.addWidget(dialog)
    shown = dialog.when_edit.text()
    assert shown == datetime.now().astimezone().strftime("%Y-%m-%d %H:%M") or len(shown) == 16
    tomorrow = (date.today() + timedelta(days=1)).strftime("%Y-%m-%d 09:00")
    dialog.when_edit.setText(tomorrow)
    dialog._accept_if_valid()
    assert dialog.result() == 0
    assert dialog.error_label.text() == "A visit cannot be dated after today."
    dialog.when_edit.setText("28/11/2026 2pm")
    dialog._accept_if_valid()
    assert dialog.error_label.text() == "Type the date and time as YYYY-MM-DD HH:MM."
    assert "\n" not in dialog.error_label.text()


def test_backdating_a_visit_resorts_the_list_and_undo_puts_it_back(
    qtbot: Any, two_visits: dict[str, Any], no_dialogs: list[str], monkeypatch: Any
) -> None:
    worker, newest, older = two_visits["worker"], two_visits["visit"], two_visits["older"]
    window = open_window(qtbot, worker, newest.id)
    assert listed_visits(window) == [newest.id, older.id]
    backdated = (date.today() - timedelta(days=10)).strftime("%Y-%m-%d") + " 14:30"
    type_in_dialog(monkeypatch, qtbot, backdated, "Temple headache, backdated")
    window.actions_by_key["edit-visit"].trigger()
    qtbot.waitUntil(lambda: listed_visits(window) == [older.id, newest.id], timeout=10_000)
    settle(qtbot, window)
    stored = call_on_worker(qtbot, worker, lambda s: s.get_visit(newest.id))
    assert stored.started_at.astimezone().strftime("%Y-%m-%d %H:%M") == backdated
    assert stored.chief_complaint == "Temple headache, backdated"
    assert window.marks.visit_id == newest.id  # the edited visit stays open
    assert backdated[:4] in window.visit_label.text()

    window.actions_by_key["undo"].trigger()
    qtbot.waitUntil(lambda: listed_visits(window) == [newest.id, older.id], timeout=10_000)
    settle(qtbot, window)
    back = call_on_worker(qtbot, worker, lambda s: s.get_visit(newest.id))
    assert back.started_at == newest.started_at
    assert back.chief_complaint == "Right temple headache"
    history = call_on_worker(qtbot, worker, lambda s: (s.history(newest.client_id), s.who))
    entries, who = history
    changes = [e for e in entries if e.kind == "visit" and e.op == "change"]
    assert len(changes) == 2  # the edit as ONE operation, and its undo
    assert set(changes[0].after) == {"started_at", "chief_complaint"}
    assert all(e.who == who for e in changes)
    assert not no_dialogs


def test_deleting_a_visit_hides_it_and_its_marks_and_undo_brings_them_back(
    qtbot: Any, two_visits: dict[str, Any], no_dialogs: list[str]
) -> None:
    worker, newest, older = two_visits["worker"], two_visits["visit"], two_visits["older"]
    window = open_window(qtbot, worker, newest.id)
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1, timeout=10_000)
    window.actions_by_key["delete-visit"].trigger()
    assert len(no_dialogs) == 1 and "hidden from the visit list" in no_dialogs[0]
    assert "pain marks" in no_dialogs[0]
    qtbot.waitUntil(lambda: listed_visits(window) == [older.id], timeout=10_000)
    qtbot.waitUntil(lambda: window.marks.visit_id == older.id, timeout=10_000)
    settle(qtbot, window)
    assert window.marks.marks() == []  # the deleted visit's mark is gone from the map
    listed = call_on_worker(qtbot, worker, lambda s: [v.id for v in s.list_visits(older.client_id)])
    assert listed == [older.id]  # still stored, but hidden

    window.actions_by_key["undo"].trigger()  # Ctrl+Z
    qtbot.waitUntil(lambda: listed_visits(window) == [newest.id, older.id], timeout=10_000)
    qtbot.waitUntil(lambda: window.marks.visit_id == newest.id, timeout=10_000)
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1, timeout=10_000)
    entries, who = call_on_worker(qtbot, worker, lambda s: (s.history(newest.client_id), s.who))
    ops = [(e.op, e.who) for e in entries if e.kind == "visit" and e.row == newest.uid]
    assert ops[-2:] == [("delete", who), ("restore", who)]


def _current_id(window: Any) -> int | None:
    client = window.clients.current_client()
    return None if client is None else int(client.id)


def test_the_demo_client_can_be_deleted_and_undo_restores_it(
    qtbot: Any, chart_path: Any, open_worker: Any, no_dialogs: list[str]
) -> None:
    worker = open_worker(chart_path)
    call_on_worker(qtbot, worker, store_calls.seed_demo_if_empty)
    other = call_on_worker(qtbot, worker, lambda s: s.create_client(name="Ana Ruiz"))
    demo = call_on_worker(qtbot, worker, lambda s: s.demo_client())
    window = MainWindow(worker)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: demo.name in listed_clients(window), timeout=10_000)
    settle(qtbot, window)
    row = listed_clients(window).index(demo.name)
    window.clients.list.setCurrentRow(row)
    settle(qtbot, window)
    window.actions_by_key["delete-client"].trigger()
    assert len(no_dialogs) == 1 and demo.name in no_dialogs[0]
    qtbot.waitUntil(lambda: demo.name not in listed_clients(window), timeout=10_000)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: _current_id(window) == other.id, timeout=10_000)  # another chart
    found = call_on_worker(
        qtbot, worker, lambda s: ([c.id for c in s.search_clients("Demo")], s.recent_clients())
    )
    assert found[0] == [] and demo.id not in [c.id for c in found[1]]

    window.actions_by_key["undo"].trigger()
    qtbot.waitUntil(lambda: demo.name in listed_clients(window), timeout=10_000)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: _current_id(window) == demo.id, timeout=10_000)
    assert call_on_worker(qtbot, worker, lambda s: [c.id for c in s.search_clients("Demo")]) == [
        demo.id
    ]
    entries, who = call_on_worker(qtbot, worker, lambda s: (s.history(demo.uid), s.who))
    ops = [(e.op, e.who) for e in entries if e.kind == "client"]
    assert ops[-2:] == [("delete", who), ("restore", who)]


def test_editing_the_open_visit_right_after_a_note_keeps_both(
    qtbot: Any, two_visits: dict[str, Any], no_dialogs: list[str], monkeypatch: Any
) -> None:
    """A note typed on the open visit (queued, not yet saved) and then a backdate: the
    edit names the version the screen holds, so neither is refused as a conflict."""
    from nmt_bodymap.core.operations import RowKind
    from nmt_bodymap.ui.chart.commands import push_operations

    worker, newest = two_visits["worker"], two_visits["visit"]
    window = open_window(qtbot, worker, newest.id)
    doc = window.open_visit.doc
    note = doc.change_op(RowKind.VISIT, newest.uid, subjective="Worse after desk work")
    push_operations(window.undo_stack, window.open_visit, [note], "Note")
    backdated = (date.today() - timedelta(days=1)).strftime("%Y-%m-%d") + " 08:15"
    type_in_dialog(monkeypatch, qtbot, backdated, "Neck")
    window.visits.edit_visit()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Saved: edit visit")
    stored = call_on_worker(qtbot, worker, lambda s: s.get_visit(newest.id))
    assert stored.subjective == "Worse after desk work"
    assert stored.chief_complaint == "Neck"
    assert stored.started_at.astimezone().strftime("%Y-%m-%d %H:%M") == backdated
    assert window.open_visit.doc.visit_state.version == stored.version
    assert not no_dialogs


def test_a_visit_changed_elsewhere_is_not_overwritten(
    qtbot: Any, two_visits: dict[str, Any], no_dialogs: list[str], monkeypatch: Any
) -> None:
    """Another station edited the (not open) older visit: the backdate is refused in one
    line, nothing is overwritten, and the list shows the visit as stored."""
    worker, newest, older = two_visits["worker"], two_visits["visit"], two_visits["older"]
    window = open_window(qtbot, worker, newest.id)
    call_on_worker(qtbot, worker, lambda s: s.update_visit(older.id, chief_complaint="Sciatica"))
    window.visits.list.blockSignals(True)
    window.visits.list.setCurrentRow(1)  # the older visit, as listed before the change
    window.visits.list.blockSignals(False)
    type_in_dialog(monkeypatch, qtbot, "2020-01-02 10:00", "Low back, left")
    window.visits.edit_visit()
    qtbot.waitUntil(lambda: len(no_dialogs) == 1, timeout=10_000)
    assert "Edit visit was not saved" in no_dialogs[0]
    stored = call_on_worker(qtbot, worker, lambda s: s.get_visit(older.id))
    assert stored.chief_complaint == "Sciatica" and stored.started_at == older.started_at

    def listed_line() -> str:
        item = window.visits.item_of(older.id)
        return "" if item is None else item.text()

    qtbot.waitUntil(lambda: "Sciatica" in listed_line(), timeout=10_000)
