"""The first click is answered on the news, not on a poll (issue 18).

The panels are built when the loader thread says it is done, and a click queued on the
first frame is handed to the map when the store's last job of the chart's opening (the
visit's document) has come back: neither waits for a timer's next tick. Here the timers
tick once an hour, so only the news can build the panels and chart the click.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.store import ChartStore
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui import first_frame
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import ExitRecorder, call_on_worker

HOUR_MS = 3_600_000


def test_the_panels_and_the_queued_click_come_with_the_news_not_a_poll(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_frame, "POLL_MS", HOUR_MS)
    chart = tmp_path / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        visit = store.create_visit(client.id, chief_complaint="Headache")
    x, y = load_atlas().region("anterior", "temple", "right").point
    worker = StoreWorker()
    try:
        window = app_module.show_main_window(ExitRecorder(), worker, str(chart))  # type: ignore[arg-type]
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        frame = window.first_frame
        pos = frame.to_widget("anterior", x, y).toPoint()
        QTest.mouseClick(frame, Qt.MouseButton.LeftButton, pos=pos)  # before the panels
        assert len(frame.pending) == 1

        qtbot.waitUntil(lambda: window.built, timeout=60_000)  # the loader's news
        qtbot.waitUntil(lambda: len(window.marks.marks()) == 1, timeout=60_000)
        qtbot.waitUntil(lambda: bool(window.candidates.candidates()), timeout=20_000)
        qtbot.waitUntil(lambda: worker.pending() == 0 and not window.open_visit.busy())
        marks = window.marks.marks()
        assert [(m.view, m.region, m.side) for m in marks] == [("anterior", "temple", "right")]
        stored = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit.id))
        assert [(m.region, m.side) for m in stored] == [("temple", "right")]  # once
        assert window.queued_clicks.clicks == []
        window.close()
    finally:
        worker.shutdown()


def test_a_window_destroyed_while_loading_leaves_the_loader_a_live_receiver(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader thread tells the GUI thread when it is done. Its receiver used to be a
    child of the window: a window destroyed while the thread ran (closed while loading, or
    the process ending) took the receiver with it as the thread emitted, a crash at exit
    (about 2 runs in 50 of tests/test_start_path.py). The receiver now outlives the window,
    and the news arriving after the window is gone builds nothing."""
    import shiboken6

    monkeypatch.setattr(first_frame, "POLL_MS", HOUR_MS)
    release = threading.Event()
    real_load = first_frame.load_atlas_and_knowledge

    def held_load() -> tuple[Any, Any]:
        release.wait(30)
        return real_load()

    monkeypatch.setattr(first_frame, "load_atlas_and_knowledge", held_load)
    chart = tmp_path / "charts.sqlite3"
    ChartStore.open(chart, backup_on_close=False).close()
    worker = StoreWorker()
    try:
        window = app_module.show_main_window(ExitRecorder(), worker, str(chart))  # type: ignore[arg-type]
        qtbot.waitExposed(window)
        loader = window.panel_loader
        qtbot.waitUntil(lambda: loader.news is not None, timeout=10_000)  # loading started
        bar = window._opening_progress  # the chart opened (its answer is in), panels held
        qtbot.waitUntil(lambda: not bar.isVisible() and worker.pending() == 0, timeout=20_000)
        window.close()
        shiboken6.delete(window)  # the window's C++ side gone while the thread loads
        release.set()
        qtbot.waitUntil(loader.done, timeout=60_000)
        loader._thread.join(10)
        assert shiboken6.isValid(loader.news)  # the thread emitted to a live object
        QApplication.processEvents()  # the news is delivered: nothing built, no error
    finally:
        release.set()
        worker.shutdown()


def test_closing_while_the_chart_opens_asks_before_losing_a_click(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mark clicked on the first frame waits for the map; closing the window before it is
    charted used to drop it without a word. Now the therapist is asked, and No keeps the
    window (and the click, charted once the map is ready)."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(first_frame, "POLL_MS", HOUR_MS)
    release = threading.Event()
    real_load = first_frame.load_atlas_and_knowledge
    monkeypatch.setattr(
        first_frame, "load_atlas_and_knowledge", lambda: (release.wait(30), real_load())[1]
    )
    chart = tmp_path / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        visit = store.create_visit(client.id, chief_complaint="Headache")
    x, y = load_atlas().region("anterior", "temple", "right").point
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent: Any, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "question", question)
    worker = StoreWorker()
    try:
        window = app_module.show_main_window(ExitRecorder(), worker, str(chart))  # type: ignore[arg-type]
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        frame = window.first_frame
        QTest.mouseClick(
            frame, Qt.MouseButton.LeftButton, pos=frame.to_widget("anterior", x, y).toPoint()
        )
        assert window.close() is False  # No: the window stays, the click with it
        assert window.isVisible() and len(asked) == 1 and asked[0].startswith("1 mark(s)")
        release.set()  # the map is ready: the click is charted
        qtbot.waitUntil(lambda: len(window.marks.marks()) == 1, timeout=60_000)
        qtbot.waitUntil(lambda: worker.pending() == 0 and not window.open_visit.busy())
        stored = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit.id))
        assert [(m.region, m.side) for m in stored] == [("temple", "right")]
        assert window.close() is True and len(asked) == 1  # nothing waiting: not asked again
    finally:
        release.set()
        worker.shutdown()
