"""Fixtures of the GUI tests: a throw-away chart, its worker, and the real window on it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QMessageBox

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui import accessible_views
from nmt_bodymap.ui.accessibility import AccessibilityFilter, install_accessibility
from nmt_bodymap.ui.chart import store_calls
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.gc_guard import collect_on_gui_thread
from nmt_bodymap.ui.main_window import MainWindow


class ExitRecorder:
    """Stands in for the QApplication the chart opener would make exit (tests share one app)."""

    def __init__(self) -> None:
        self.codes: list[int] = []

    def exit(self, code: int = 0) -> None:
        self.codes.append(code)


def call_on_worker(qtbot: Any, worker: StoreWorker, job: Callable[[Any], Any]) -> Any:
    """Run ``job(store)`` on the worker and wait for its result (re-raises its error)."""
    outcome: dict[str, Any] = {}
    worker.submit(
        job, lambda r: outcome.setdefault("result", r), lambda e: outcome.setdefault("error", e)
    )
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


@pytest.fixture(autouse=True, scope="session")
def garbage_collected_on_the_gui_thread(qapp: Any) -> Iterator[None]:
    """As in the app (``ui/app.ensure_application``): a widget of an earlier test freed by
    Python's collector on a store worker thread deadlocked PySide6 6.9."""
    collector = collect_on_gui_thread(qapp)
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def no_credentials_left_over() -> Iterator[None]:
    """Credentials typed at an unlock wait for the sign-in after the chart opens, once per
    start (``sign_in_dialog._pending``); a test whose start ends before that sign-in must not
    hand them to the next test's (one process runs many starts here, the app one)."""
    yield
    dialogs = sys.modules.get("nmt_bodymap.ui.access.sign_in_dialog")
    if dialogs is not None:
        dialogs._pending.clear()


@pytest.fixture(autouse=True)
def own_window_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no remembered window state (a closed window saves its own)."""
    monkeypatch.setenv("NMT_BODYMAP_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def accessible(qapp: QApplication) -> Iterator[AccessibilityFilter]:
    """The accessibility filter ``run_app`` installs, taken off the application after."""
    watcher = install_accessibility(qapp)
    yield watcher
    qapp.removeEventFilter(watcher)
    watcher.setParent(None)
    watcher.deleteLater()


_READER = [False]  # a screen reader listens (set_reader)


def set_reader(listening: bool) -> None:
    """A screen reader comes (True) or leaves (False). ``QAccessible.setActive`` as Qt's
    platform bridge calls it when one asks the app; Qt 6.9's offscreen platform has no bridge
    and ignores it (``isActive`` stays False), so the app's check also reads this flag."""
    QAccessible.setActive(listening)
    _READER[0] = listening


@pytest.fixture(autouse=True)
def reader_as_the_bridge_tells(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app asks ``accessible_views.reader_listens``: Qt's answer, or a reader set here."""
    monkeypatch.setattr(
        accessible_views, "reader_listens", lambda: QAccessible.isActive() or _READER[0]
    )
    yield
    if _READER[0]:
        set_reader(False)


@pytest.fixture
def reader(accessible: AccessibilityFilter) -> Iterator[AccessibilityFilter]:
    """A screen reader listening (``QAccessible`` active, as when one asks the app), with
    the accessibility filter installed; none listens after the test."""
    set_reader(True)
    yield accessible
    set_reader(False)


@pytest.fixture
def chart_path(tmp_path: Path) -> Path:
    return tmp_path / "charts.sqlite3"


@pytest.fixture
def open_worker(qtbot: Any) -> Iterator[Callable[[Path], StoreWorker]]:
    """Opens stores on a worker thread; every worker is shut down after the test."""
    workers: list[StoreWorker] = []

    def opener(path: Path) -> StoreWorker:
        worker = StoreWorker()
        workers.append(worker)
        done: list[Any] = []
        worker.open(lambda: store_calls.open_store(str(path)), done.append, done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=30_000)
        if isinstance(done[0], BaseException):
            raise done[0]
        return worker

    yield opener
    for worker in workers:
        worker.shutdown()


@pytest.fixture
def seeded(qtbot: Any, chart_path: Path, open_worker: Any) -> dict[str, Any]:
    """A chart with one client and one visit (no marks)."""
    worker = open_worker(chart_path)
    client = call_on_worker(
        qtbot, worker, lambda s: s.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
    )
    visit = call_on_worker(
        qtbot, worker, lambda s: s.create_visit(client.id, chief_complaint="Right temple headache")
    )
    return {"worker": worker, "client": client, "visit": visit}


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal message boxes are recorded instead of shown."""
    shown: list[str] = []

    def record(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return shown


def open_window(qtbot: Any, worker: StoreWorker, visit_id: int) -> MainWindow:
    """The real window on ``worker``'s chart, shown, with ``visit_id`` open."""
    window = MainWindow(worker)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    qtbot.waitUntil(lambda: window.marks.visit_id == visit_id, timeout=10_000)
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    return window


@pytest.fixture
def window(qtbot: Any, seeded: dict[str, Any], no_dialogs: list[str]) -> MainWindow:
    return open_window(qtbot, seeded["worker"], seeded["visit"].id)


def click_region(qtbot: Any, window: MainWindow, view: str, region: str, side: str) -> QPoint:
    """A real left click on the representative point of a region."""
    point = load_atlas().region(view, region, side).point  # type: ignore[arg-type]
    body_view = window.body_map.views[view]
    pos = body_view.map_to_widget(point)
    assert body_view.viewport().rect().contains(pos), "region point is off screen"
    qtbot.mouseClick(body_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    return pos
