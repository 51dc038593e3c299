"""The daily backup waits until the first visit is shown (issue 18): it is still made once
a day, after the visit's document loaded, and a failing one is still reported while the
charts stay open."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.backups import list_backups
from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import ExitRecorder


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        store.create_visit(client.id, chief_complaint="Headache")
    return path


@pytest.fixture
def order(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the worker did, in order: the visit's document loaded, the backup checked."""
    seen: list[str] = []
    lock = threading.Lock()
    load, due = ChartStore.load_visit_document, ChartStore.backup_if_due

    def load_visit_document(self: ChartStore, visit: Any) -> Any:
        with lock:
            seen.append("visit")
        return load(self, visit)

    def backup_if_due(self: ChartStore) -> Path | None:
        with lock:
            seen.append("backup")
        return due(self)

    monkeypatch.setattr(ChartStore, "load_visit_document", load_visit_document)
    monkeypatch.setattr(ChartStore, "backup_if_due", backup_if_due)
    # the start's reads are answered by the first look when it can (issue 18)
    from nmt_bodymap.store.first_look import FirstLook

    look = FirstLook.load_visit_document

    def look_visit_document(self: FirstLook, visit: Any) -> Any:
        with lock:
            seen.append("visit")
        return look(self, visit)

    monkeypatch.setattr(FirstLook, "load_visit_document", look_visit_document)
    return seen


def _start(qtbot: Any, chart: Path, worker: StoreWorker) -> Any:
    window = app_module.show_main_window(ExitRecorder(), worker, str(chart))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "after_first_visit" in window.__dict__, timeout=60_000)
    qtbot.waitUntil(lambda: window.after_first_visit.done, timeout=30_000)
    return window


def test_the_daily_backup_follows_the_first_visit_once_a_day(
    qtbot: Any, chart: Path, order: list[str]
) -> None:
    assert list_backups(chart) == []
    worker = StoreWorker()
    try:
        window = _start(qtbot, chart, worker)
        assert window.open_visit.doc is not None  # the visit is shown
        # the backup came after the visit, not in front of it; checked once (the rooms
        # built after the first visit, issue 18, may read their visit's rows after it)
        assert order.count("backup") == 1 and "visit" in order[: order.index("backup")]
        made = window.after_first_visit.backup
        assert made is not None and made.exists()
        assert [b.path for b in list_backups(chart)] == [made]
        window.close()
    finally:
        worker.shutdown()
    order.clear()
    worker = StoreWorker()  # the same day again: the backup is not due
    try:
        window = _start(qtbot, chart, worker)
        assert order.count("backup") == 1 and "visit" in order[: order.index("backup")]
        assert window.after_first_visit.backup is None
        assert len(list_backups(chart)) == 1
        window.close()
    finally:
        worker.shutdown()


def test_a_failing_daily_backup_is_reported_and_the_chart_stays_open(
    qtbot: Any, chart: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: ChartStore) -> Path | None:
        raise ChartStoreError("The backup of charts.sqlite3 failed (No space left on device).")

    monkeypatch.setattr(ChartStore, "backup_if_due", refuse)
    worker = StoreWorker()
    try:
        window = _start(qtbot, chart, worker)
        message = window.statusBar().currentMessage()
        assert message.startswith("The daily backup was not made: ")
        assert "No space left on device" in message
        assert window.open_visit.doc is not None and window.clients.current_client() is not None
        assert list_backups(chart) == []
        window.close()
    finally:
        worker.shutdown()


def test_what_a_start_built_is_frozen_once_and_new_garbage_is_still_collected() -> None:
    import gc
    import weakref

    from nmt_bodymap.ui.after_start import freeze_long_lived

    class Node:
        pass

    kept = Node()
    kept.me = kept  # type: ignore[attr-defined]  # alive, in a cycle, at the freeze
    before = gc.get_freeze_count()
    assert freeze_long_lived("test stage") is True
    assert gc.get_freeze_count() > before  # the live objects left the collector's walk
    assert freeze_long_lived("test stage") is False  # once per stage and process
    frozen = gc.get_freeze_count()

    garbage = Node()
    garbage.me = garbage  # type: ignore[attr-defined]  # a cycle made after the freeze
    gone = weakref.ref(garbage)
    del garbage
    gc.collect()
    assert gone() is None  # collected as before
    assert gc.get_freeze_count() == frozen and kept.me is kept  # type: ignore[attr-defined]
