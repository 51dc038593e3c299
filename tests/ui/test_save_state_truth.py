"""The status bar's save state never lies: "Saving…" while a save is on its way, "All changes
saved" only when nothing is pending or failed, the warning while a row's save failed (a
mark, a finding). Checked right after each gesture (nothing delayed to a later event) and at
every paint of the label, through a click, its save, an undo, a failed save and its retry,
a finding whose save failed, and closing with it.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject

from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.ui.chart import store_calls
from tests.ui.conftest import click_region


def truth(window: Any) -> str:
    visit = window.open_visit
    if visit.unsaved():
        return "unsaved"
    return "saving" if visit.busy() else "saved"


def shown(window: Any) -> str:
    text = window.save_state.text()
    if text.startswith("⚠") and "not saved" in text:
        return "unsaved"
    return {"Saving…": "saving", "All changes saved": "saved"}.get(text, text)


class PaintedStates(QObject):
    """What the label said, and what was true, at each of its paints."""

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window = window
        self.seen: list[tuple[str, str]] = []
        window.save_state.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.append((shown(self.window), truth(self.window)))
        return False


def test_the_save_state_tells_the_truth_at_every_step_and_paint(
    qtbot: Any, window: Any, no_dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_apply = store_calls.apply_operation
    gate = threading.Event()
    failing = [False]

    def apply(store: Any, op: Any, who: str) -> Any:
        gate.wait(10)
        if failing[0]:
            raise ChartStoreError("The disk is full.")
        return real_apply(store, op, who)

    monkeypatch.setattr(store_calls, "apply_operation", apply)
    painted = PaintedStates(window)
    worker = window.worker

    def step(expected: str) -> None:
        assert truth(window) == expected
        assert shown(window) == expected, window.save_state.text()

    def answered(expected: str) -> None:
        gate.set()
        qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
        qtbot.waitUntil(lambda: truth(window) == expected and shown(window) == expected)
        qtbot.wait(30)  # the label painted
        step(expected)
        gate.clear()

    step("saved")
    click_region(qtbot, window, "anterior", "temple", "right")
    step("saving")  # at once, while the store holds the save
    qtbot.wait(30)
    step("saving")
    answered("saved")

    window.undo_stack.undo()
    step("saving")
    answered("saved")
    assert window.marks.marks() == []

    failing[0] = True
    click_region(qtbot, window, "anterior", "jaw", "left")
    step("saving")
    answered("unsaved")
    assert window.save_state.text().startswith("⚠ 1 mark(s) not saved")
    failing[0] = False
    window.actions_by_key["retry"].trigger()
    step("saving")
    answered("saved")

    # a finding whose save fails: the warning, not "All changes saved" (it said so before)
    finding = {"muscle_id": "temporalis", "side": "right", "activity": "active", "tenderness": 7}
    monkeypatch.setattr(window, "ask_finding", lambda *_a: dict(finding))
    failing[0] = True
    window.record_finding("temporalis", "right")
    step("saving")
    answered("unsaved")
    assert window.save_state.text().startswith("⚠ 1 change(s) not saved")
    # closing warns that it would be lost (it closed without a word before)
    no_dialogs.clear()
    window.close()
    assert no_dialogs and "1 change(s) could not be saved" in no_dialogs[0]

    assert painted.seen, "the label was never painted"
    lies = [(said, true) for said, true in painted.seen if said != true]
    assert lies == []
