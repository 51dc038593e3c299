"""A click's save starts after the click is drawn (issue 18): ``StoreWorker.submit(...,
after_paint=True)`` starts the job once the events posted before it are delivered, the
window's paint request included, so the save's Python work and its answer no longer run
inside the click (its answer was drawn with the click in 85-97 % of clicks). Jobs still
start in the order submitted, and none is dropped by a hold or at shutdown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel

from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import click_region


def event_loop_turns(count: int = 4) -> None:
    """What the event loop does after an input, ``count`` times: the posted events (events
    posted while they are delivered wait for the next turn)."""
    for _turn in range(count):
        QCoreApplication.sendPostedEvents()


class Order(QObject):
    """Records, on the GUI thread, each paint of a widget and each job started."""

    def __init__(self, worker: StoreWorker) -> None:
        super().__init__()
        self.seen: list[str] = []
        worker._dispatch.connect(lambda job_id: self.seen.append(f"start {job_id}"))

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.append("paint")
        return False


def test_a_job_after_the_paint_starts_after_the_pending_paint_and_in_order(qtbot: Any) -> None:
    worker = StoreWorker()
    label = QLabel("a save's answer")
    qtbot.addWidget(label)
    order = Order(worker)
    label.installEventFilter(order)
    label.show()
    qtbot.waitUntil(lambda: "paint" in order.seen, timeout=5_000)
    order.seen.clear()
    ran: list[str] = []
    try:
        label.setText("a click")  # the widget asks for a paint (a posted request)
        first = worker.submit(lambda _s: ran.append("save"), after_paint=True)
        second = worker.submit(lambda _s: ran.append("next"))  # waits behind the save
        assert worker.pending() == 2 and order.seen == []
        event_loop_turns()
        assert order.seen == ["paint", f"start {first}", f"start {second}"]
        qtbot.waitUntil(lambda: worker.pending() == 0, timeout=5_000)
        assert ran == ["save", "next"]
        third = worker.submit(lambda _s: ran.append("now"))  # nothing waits: starts at once
        assert order.seen[-1] == f"start {third}"
    finally:
        worker.shutdown()


def test_jobs_waiting_for_the_paint_go_before_held_ones_and_none_is_dropped(qtbot: Any) -> None:
    worker = StoreWorker()
    ran: list[str] = []
    try:
        worker.submit(lambda _s: ran.append("save"), after_paint=True)
        worker.hold()
        worker.submit(lambda _s: ran.append("held"))
        worker.release()  # the save was submitted first: it starts first
        qtbot.waitUntil(lambda: worker.pending() == 0, timeout=5_000)
        assert ran == ["save", "held"]
        worker.submit(lambda _s: ran.append("last"), after_paint=True)
    finally:
        worker.shutdown()  # before the event loop delivered it: started, not dropped
    assert ran == ["save", "held", "last"]


def test_a_click_is_drawn_before_its_save_starts(qtbot: Any, window: Any) -> None:
    order = Order(window.worker)
    window.installEventFilter(order)
    view = window.body_map.views["anterior"]
    view.viewport().installEventFilter(order)
    QCoreApplication.sendPostedEvents()
    order.seen.clear()
    click_region(qtbot, window, "anterior", "temple", "right")
    assert window.worker.pending() == 1  # queued: "Saving…" is shown, the save waits
    assert order.seen == []
    event_loop_turns()
    started = [i for i, seen in enumerate(order.seen) if seen.startswith("start")]
    assert len(started) == 1 and "paint" in order.seen[: started[0]], order.seen
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    assert [m.status for m in window.marks.marks()] == ["saved"]
