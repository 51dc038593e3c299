"""The one background thread that talks to the chart store.

Every database call runs here, one after another, so the window never freezes
and SQLite only ever sees a single writer. Jobs are plain callables taking the
store; their result (or exception) comes back to the GUI thread through Qt
signals, where the caller's callback runs. No widget is ever touched from the
worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

Job = Callable[[Any], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Runner(QObject):
    """Lives on the worker thread; owns the store object once it is opened."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.store: Any = None

    @Slot(int, object)
    def run(self, job_id: int, job: Job) -> None:
        try:
            result = job(self.store)
        except Exception as exc:  # reported to the GUI thread, never swallowed
            self.failed.emit(job_id, exc)
        else:
            self.finished.emit(job_id, result)


class StoreWorker(QObject):
    """Queue of store jobs run in order on one thread; results arrive as callbacks."""

    _dispatch = Signal(int, object)
    pending_changed = Signal(int)
    job_failed = Signal(str)  # message of a failure no callback handled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("chart-store")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._dispatch.connect(self._runner.run)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._ids = count(1)
        self._thread.start()

    def open(
        self, opener: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> int:
        """Open the store on the worker thread (engines and sessions stay there)."""

        def job(_store: Any) -> Any:
            self._runner.store = opener()
            return self._runner.store

        return self.submit(job, on_done, on_error)

    def submit(self, job: Job, on_done: Done | None = None, on_error: Failed | None = None) -> int:
        """Queue ``job(store)``; ``on_done(result)`` or ``on_error(exc)`` runs on the GUI thread."""
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self.pending_changed.emit(len(self._callbacks))
        self._dispatch.emit(job_id, job)
        return job_id

    def pending(self) -> int:
        return len(self._callbacks)

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: Any) -> None:
        on_done, _ = self._callbacks.pop(job_id, (None, None))
        self.pending_changed.emit(len(self._callbacks))
        if on_done is not None:
            on_done(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: BaseException) -> None:
        _, on_error = self._callbacks.pop(job_id, (None, None))
        self.pending_changed.emit(len(self._callbacks))
        if on_error is not None:
            on_error(exc)
        else:
            log.error("chart store job failed: %s", exc)
            self.job_failed.emit(str(exc))

    def shutdown(self) -> None:
        """Close the store on its thread, then stop the thread (waits for queued jobs)."""
        if not self._thread.isRunning():
            return

        def close_store(store: Any) -> None:
            try:
                closer = getattr(store, "close", None)
                if callable(closer):
                    closer()
            finally:
                QThread.currentThread().quit()  # after every job queued before it

        self._dispatch.emit(0, close_store)
        self._thread.wait()
        self._callbacks.clear()
