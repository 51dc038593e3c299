"""The first frame (issue 18): the figures are painted from the SVG drawings before the
atlas and the knowledge have loaded; a click in that moment is charted once the map is
ready, exactly once, with its candidates."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.store import ChartStore
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui import first_frame
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import ExitRecorder, call_on_worker


@pytest.fixture
def gated_loader(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The background load waits until the test opens the gate (the atlas 'is loading')."""
    gate = threading.Event()
    real = first_frame.load_atlas_and_knowledge

    def slow() -> tuple[Any, Any]:
        gate.wait(60)
        return real()

    monkeypatch.setattr(first_frame, "load_atlas_and_knowledge", slow)
    return gate


def test_a_click_before_the_map_is_ready_is_charted_once_with_candidates(
    qtbot: Any, tmp_path: Path, gated_loader: threading.Event
) -> None:
    chart = tmp_path / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        visit = store.create_visit(client.id, chief_complaint="Headache")
    worker = StoreWorker()
    try:
        window = app_module.show_main_window(ExitRecorder(), worker, str(chart))  # type: ignore[arg-type]
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        frame = window.first_frame
        # The first paint happened: the load started on its thread and waits at the gate.
        qtbot.waitUntil(lambda: window.panel_loader._thread is not None, timeout=20_000)
        assert not window.built and window.centralWidget() is frame

        # The figures are on screen already: the temple's spot is painted, not blank.
        x, y = load_atlas().region("anterior", "temple", "right").point
        pos = frame.to_widget("anterior", x, y).toPoint()
        shot = frame.grab().toImage()
        assert shot.pixelColor(pos) != QColor(frame.palette().window().color())

        QTest.mouseClick(frame, Qt.MouseButton.LeftButton, pos=pos)
        assert len(frame.pending) == 1 and frame.pending[0][0] == "anterior"
        assert frame.pending[0][1] == pytest.approx(x, abs=2)
        assert frame.pending[0][2] == pytest.approx(y, abs=2)
        assert not window.built  # nothing charted yet: the map is not ready

        gated_loader.set()
        qtbot.waitUntil(lambda: window.built and len(window.marks.marks()) == 1, timeout=60_000)
        qtbot.waitUntil(lambda: worker.pending() == 0 and not window.open_visit.busy())
        qtbot.waitUntil(lambda: bool(window.candidates.candidates()), timeout=20_000)
        marks = window.marks.marks()
        assert len(marks) == 1  # exactly once, after everything settled
        assert (marks[0].view, marks[0].region, marks[0].side) == ("anterior", "temple", "right")
        stored = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit.id))
        assert [(m.region, m.side) for m in stored] == [("temple", "right")]
        window.close()
    finally:
        worker.shutdown()


def test_a_chart_open_before_the_map_is_ready_waits_without_freezing_the_first_frame(
    qtbot: Any, tmp_path: Path, gated_loader: threading.Event
) -> None:
    chart = tmp_path / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
    worker = StoreWorker()
    try:
        window = app_module.show_main_window(ExitRecorder(), worker, str(chart))  # type: ignore[arg-type]
        qtbot.addWidget(window)
        # The chart opens on the worker while the atlas and the knowledge still load: the
        # window waits for the panels instead of building them (and blocking) itself.
        qtbot.waitUntil(lambda: bool(window.__dict__.get("_after_build")), timeout=30_000)
        ticks: list[int] = []
        qtbot.waitUntil(lambda: ticks.append(1) is None and len(ticks) > 5)  # events flow
        assert not window.built and not window.__dict__.get("chart_started")
        frame = window.first_frame
        pos = frame.rect().center()
        QTest.mouseClick(frame, Qt.MouseButton.LeftButton, pos=pos)  # still taking clicks

        gated_loader.set()
        qtbot.waitUntil(lambda: bool(window.__dict__.get("chart_started")), timeout=60_000)
        assert window.built
        qtbot.waitUntil(lambda: window.clients.current_client() is not None, timeout=30_000)
        assert window.clients.current_client().name == "Ana Ruiz"
        window.close()
    finally:
        worker.shutdown()
