"""The store worker's hold (issue 18, ``store/first_look``): the first frame's clicks keep
their saves back until the candidate list painted the answer (``hold_until_painted``); held
jobs run in order and none is dropped at shutdown. The fresh-process check of the first
click itself is in ``test_first_click_fresh.py``.
"""

from __future__ import annotations

from typing import Any


def test_held_jobs_run_in_order_on_release_and_before_shutdown(qtbot: Any) -> None:
    from nmt_bodymap.ui.chart.worker import StoreWorker

    worker = StoreWorker()
    ran: list[str] = []
    try:
        worker.hold()
        worker.submit(lambda _s: ran.append("a"))
        worker.submit(lambda _s: ran.append("b"))
        qtbot.wait(50)
        assert ran == [] and worker.pending() == 2
        worker.release()
        qtbot.waitUntil(lambda: worker.pending() == 0, timeout=5_000)
        assert ran == ["a", "b"]
        worker.hold()
        worker.submit(lambda _s: ran.append("c"))
    finally:
        worker.shutdown()  # releases first: the held job runs, nothing is dropped
    assert ran == ["a", "b", "c"]


def test_a_hold_until_painted_ends_with_the_paint_or_at_the_latest(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    from nmt_bodymap.ui.chart.worker import StoreWorker

    worker = StoreWorker()
    label = QLabel("answer")
    qtbot.addWidget(label)
    ran: list[str] = []
    try:
        worker.hold_until_painted(label, longest_ms=60_000)
        worker.submit(lambda _s: ran.append("save"))
        qtbot.wait(50)
        assert ran == []
        label.show()  # its paint releases the hold
        qtbot.waitUntil(lambda: ran == ["save"], timeout=5_000)
        hidden = QLabel("never shown")
        qtbot.addWidget(hidden)
        worker.hold_until_painted(hidden, longest_ms=100)
        worker.submit(lambda _s: ran.append("later"))
        qtbot.waitUntil(lambda: ran == ["save", "later"], timeout=5_000)
    finally:
        worker.shutdown()
