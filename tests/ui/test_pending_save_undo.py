"""Undo and redo while clicks' saves wait for the paint (issue 18 probe of
``StoreWorker.submit(after_paint=True)``): fast clicks, Ctrl+Z and Ctrl+Shift+Z pressed
before the event loop turned once, a save that fails (a full disk) while later ones wait,
and the window closed with saves waiting. The rule: the chart holds exactly what the
screen shows, no row lost or doubled, and after a fault the screen shows what is stored
(or marks what is not).
"""

from __future__ import annotations

from typing import Any

import pytest

from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.ui.chart import store_calls
from tests.ui.conftest import call_on_worker, click_region

PLACES = (("temple", "right"), ("jaw", "left"), ("temple", "left"), ("jaw", "right"))


def stored(qtbot: Any, window: Any) -> dict[str, Any]:
    visit_id = window.open_visit.visit_id
    return dict(
        call_on_worker(qtbot, window.worker, lambda s: s.load_visit_document(visit_id).shown())
    )


def settled(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)


def second_save_on_a_full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second operation saved fails as on a full disk; every other one is stored."""
    real_apply = store_calls.apply_operation
    calls = [0]

    def apply(store: Any, op: Any, who: str) -> Any:
        calls[0] += 1
        if calls[0] == 2:  # the second click's save: the disk is full
            raise ChartStoreError("The disk is full.")
        return real_apply(store, op, who)

    monkeypatch.setattr(store_calls, "apply_operation", apply)


def test_fast_clicks_then_undo_and_redo_before_any_paint_store_what_is_shown(
    qtbot: Any, window: Any, no_dialogs: list[str]
) -> None:
    for region, side in PLACES:
        click_region(qtbot, window, "anterior", region, side)
    window.undo_stack.undo()
    window.undo_stack.undo()
    window.undo_stack.redo()
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert window.worker.pending() > 0  # nothing has started: every save waits its paint
    settled(qtbot, window)
    shown = window.open_visit.doc.shown()
    assert len(shown["pain_mark"]) == 3 and len(window.marks.marks()) == 3
    assert stored(qtbot, window) == shown
    assert [m.status for m in window.marks.marks()] == ["saved"] * 3
    assert no_dialogs == []


def test_a_save_failing_while_later_ones_wait_leaves_the_screen_telling_the_truth(
    qtbot: Any, window: Any, no_dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    second_save_on_a_full_disk(monkeypatch)
    for region, side in PLACES[:3]:
        click_region(qtbot, window, "anterior", region, side)
    window.undo_stack.undo()  # the third click, before its save started
    settled(qtbot, window)
    marks = window.marks.marks()
    assert [m.status for m in marks] == ["saved", "unsaved"]
    shown, held = window.open_visit.doc.shown(), stored(qtbot, window)
    unsaved = {m.key for m in marks if m.status == "unsaved"}
    assert set(held["pain_mark"]) == set(shown["pain_mark"]) - unsaved
    window.actions_by_key["retry"].trigger()  # the disk has room again
    settled(qtbot, window)
    assert [m.status for m in window.marks.marks()] == ["saved", "saved"]
    assert stored(qtbot, window) == window.open_visit.doc.shown()


def test_closing_with_saves_waiting_for_the_paint_stores_them(
    qtbot: Any, window: Any, no_dialogs: list[str]
) -> None:
    for region, side in PLACES:
        click_region(qtbot, window, "anterior", region, side)
    window.undo_stack.undo()
    shown = window.open_visit.doc.shown()
    worker = window.worker
    window.close()  # no event loop turn: the saves still waited for a paint
    settled(qtbot, window)
    visit_id = window.open_visit.visit_id
    held = call_on_worker(qtbot, worker, lambda s: s.load_visit_document(visit_id).shown())
    assert held == shown and len(held["pain_mark"]) == 3
    assert no_dialogs == []


def test_undo_and_redo_of_a_click_whose_save_failed_keep_screen_and_chart_alike(
    qtbot: Any, window: Any, no_dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Taking back a click the full disk refused: the chart never held it and the screen no
    longer shows it, so they agree. It said "Pain mark <uid> does not exist. It stays on
    screen marked unsaved" (it did not), and closing then warned of a change that could not
    be saved. Its redo is stored as shown (the store never had it; it was marked unsaved
    with the same words, for Retry)."""
    second_save_on_a_full_disk(monkeypatch)
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "anterior", "jaw", "left")
    settled(qtbot, window)
    assert [m.status for m in window.marks.marks()] == ["saved", "unsaved"]
    assert len(no_dialogs) == 1 and "The disk is full." in no_dialogs[0]
    window.undo_stack.undo()  # the unsaved click: taken back, never stored
    settled(qtbot, window)
    assert stored(qtbot, window) == window.open_visit.doc.shown()
    assert [m.status for m in window.marks.marks()] == ["saved"]
    assert window.open_visit.unsaved() == [] and window.open_visit.statuses() == {}
    assert len(no_dialogs) == 1, no_dialogs[1:]
    window.undo_stack.redo()  # the click again: the chart never held it, so it is stored
    settled(qtbot, window)  # as shown (it said "Pain mark <uid> does not exist", unsaved)
    assert [m.status for m in window.marks.marks()] == ["saved", "saved"]
    assert stored(qtbot, window) == window.open_visit.doc.shown()
    assert len(no_dialogs) == 1, no_dialogs[1:]
    no_dialogs.clear()
    window.close()
    assert no_dialogs == []


def test_undoing_a_retried_click_asks_no_question_of_another_station(
    qtbot: Any, window: Any, no_dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A click the full disk refused, taken back, done again and stored by Retry, then taken
    back once more: nobody else touched the chart, so the undo is stored quietly. It asked
    "changed on another station: keep mine?" (probe29): the screen's row kept the version
    it had before Retry stored it."""
    asked: list[str] = []
    second_save_on_a_full_disk(monkeypatch)
    monkeypatch.setattr(window, "ask_keep_mine", lambda text: asked.append(text) or False)
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "anterior", "jaw", "left")
    settled(qtbot, window)
    window.undo_stack.undo()
    settled(qtbot, window)
    window.undo_stack.redo()
    settled(qtbot, window)
    window.actions_by_key["retry"].trigger()
    settled(qtbot, window)
    assert [m.status for m in window.marks.marks()] == ["saved", "saved"]
    window.undo_stack.undo()  # the retried click, taken back
    settled(qtbot, window)
    assert asked == []
    assert [m.status for m in window.marks.marks()] == ["saved"]
    assert stored(qtbot, window) == window.open_visit.doc.shown()
    window.undo_stack.redo()  # and done again
    settled(qtbot, window)
    assert asked == []
    assert [m.status for m in window.marks.marks()] == ["saved", "saved"]
    assert stored(qtbot, window) == window.open_visit.doc.shown()
