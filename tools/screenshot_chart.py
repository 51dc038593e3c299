"""What the screenshot tools share: waiting for the window, a throw-away chart on the
store worker with a client and an open visit, and the example visit charted in the window
(run from a tool, never from the app)."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the window did not get ready: {condition.__code__.co_names}")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def throwaway_chart(complaint: str, timeout: float = 20.0) -> tuple[Any, Any]:
    """A new chart in a temporary folder, opened on a :class:`StoreWorker`, holding the
    client Mia Hart with one visit for ``complaint``; returns the worker and the client."""
    from nmt_bodymap.ui.chart import store_calls
    from nmt_bodymap.ui.chart.worker import StoreWorker

    worker = StoreWorker()
    done: list[Any] = []
    chart = Path(tempfile.mkdtemp()) / "charts.sqlite3"
    worker.open(lambda: store_calls.open_store(str(chart)), done.append, done.append)
    wait_until(lambda: bool(done), timeout)

    def call(job: Callable[[Any], Any]) -> Any:
        result: list[Any] = []
        worker.submit(job, result.append, result.append)
        wait_until(lambda: bool(result), timeout)
        return result[0]

    client = call(lambda s: s.create_client(name="Mia Hart", date_of_birth="1975-03-14"))
    call(lambda s: s.create_visit(client.id, chief_complaint=complaint))
    return worker, client


# The example visit of the window screenshots: a right-sided headache with neck pain.
MARKS = (
    ("anterior", "temple", "right", 7),
    ("anterior", "jaw", "right", 5),
    ("posterior", "posterior_neck", "right", 6),
    ("posterior", "neck_shoulder_angle", "right", 4),
)


def chart_example_visit(window: Any, worker: Any, timeout: float = 20.0) -> None:
    """Once the window shows the open visit, place ``MARKS`` as clicks on the map and choose
    the upper trapezius among the candidates; returns when the screen has settled."""
    from PySide6.QtCore import QCoreApplication, QPointF

    wait_until(lambda: window.marks.visit_id is not None, timeout)
    wait_until(lambda: window.marks.visit.doc is not None and worker.pending() == 0, timeout)
    for view, region, side, intensity in MARKS:
        window.body_map.set_intensity(intensity)
        point = window.atlas.region(view, region, side).point
        window.body_map._on_point_clicked(view, QPointF(*point))
    wait_until(lambda: worker.pending() == 0, timeout)
    wait_until(lambda: window.candidates.choose("upper_trapezius", "right"), timeout)
    for _ in range(20):
        QCoreApplication.processEvents()
