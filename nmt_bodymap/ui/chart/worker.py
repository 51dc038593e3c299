"""The one background thread that talks to the chart store.

Every database call runs here, one after another, so the window never freezes
and SQLite only ever sees a single writer. Jobs are plain callables taking the
store; their result (or exception) comes back to the GUI thread, where the
caller's callback runs. No widget is ever touched from the worker thread.

Only job numbers travel through Qt signals; the callables and their results
wait in lock-protected tables. That keeps Python objects out of queued signal
arguments, whose reference counting is fragile across threads.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

Job = Callable[[Any], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
RELEASE_MS = 500  # the longest ``hold_until_painted`` keeps jobs back
# Jobs submitted ``after_paint`` start once the events posted before them are delivered,
# the window's paint request included: Qt posts it at ``Qt.LowEventPriority`` (-1), this
# is lower (a literal: the ``Qt`` namespace is ~12 ms the first frame does not need).
AFTER_PAINT = QEvent.Type(QEvent.registerEventType())
AFTER_PAINT_PRIORITY = -2


class _Mailbox:
    """Jobs waiting to run and outcomes waiting to be delivered, by job number."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[int, Job] = {}
        self._outcomes: dict[int, tuple[bool, Any]] = {}

    def post_job(self, job_id: int, job: Job) -> None:
        with self._lock:
            self._jobs[job_id] = job

    def take_job(self, job_id: int) -> Job | None:
        with self._lock:
            return self._jobs.pop(job_id, None)

    def post_outcome(self, job_id: int, ok: bool, value: Any) -> None:
        with self._lock:
            self._outcomes[job_id] = (ok, value)

    def take_outcome(self, job_id: int) -> tuple[bool, Any]:
        with self._lock:
            return self._outcomes.pop(job_id, (True, None))


class _Runner(QObject):
    """Lives on the worker thread; owns the store object once it is opened."""

    done = Signal(int)

    def __init__(self, mailbox: _Mailbox) -> None:
        super().__init__()
        self.store: Any = None
        self._mailbox = mailbox

    @Slot(int)
    def run(self, job_id: int) -> None:
        job = self._mailbox.take_job(job_id)
        if job is None:
            return
        try:
            result = job(self.store)
        except Exception as exc:  # reported to the GUI thread, never swallowed
            self._mailbox.post_outcome(job_id, False, exc)
        else:
            self._mailbox.post_outcome(job_id, True, result)
        self.done.emit(job_id)


class _AfterPaint(QObject):
    """Runs ``then`` once, right after ``widget`` has painted, or after ``longest_ms``."""

    def __init__(
        self, owner: QObject, widget: QWidget, then: Callable[[], None], longest_ms: int
    ) -> None:
        super().__init__(owner)  # not the widget's child: its end never cancels ``then``
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(longest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)  # after this paint, not before it
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            with contextlib.suppress(RuntimeError):  # the widget is gone with its window
                self._widget.removeEventFilter(self)
            then()


class StoreWorker(QObject):
    """Queue of store jobs run in order on one thread; results arrive as callbacks."""

    _dispatch = Signal(int)
    pending_changed = Signal(int)
    job_failed = Signal(str)  # message of a failure no callback handled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mailbox = _Mailbox()
        self._thread = QThread()
        self._thread.setObjectName("chart-store")
        self._runner = _Runner(self._mailbox)
        self._runner.moveToThread(self._thread)
        self._dispatch.connect(self._runner.run)
        self._runner.done.connect(self._on_done)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._ids = count(1)
        self._held: list[int] | None = None  # jobs kept back by ``hold``, in order
        self._later: list[int] = []  # jobs waiting for the gesture's paint (``after_paint``)
        self._reposted = False  # the event that starts them was posted a second time
        self._thread.start()

    def open(
        self, opener: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> int:
        """Open the store on the worker thread (engines and sessions stay there)."""

        def job(_store: Any) -> Any:
            self._runner.store = opener()
            return self._runner.store

        return self.submit(job, on_done, on_error)

    def submit(
        self,
        job: Job,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        after_paint: bool = False,
    ) -> int:
        """Queue ``job(store)``; ``on_done(result)`` or ``on_error(exc)`` runs on the GUI thread.

        ``after_paint``: start it once the events already posted are delivered, the
        window's paint of the gesture that made it included (a click's save, issue 18):
        the save's Python work and its answer then come after the click is drawn, not
        inside it (they took the GIL from the GUI thread and, back in 85-97 % of clicks
        before the paint, were drawn with it). Jobs still start in the order submitted: a
        job submitted while others wait for the paint waits behind them."""
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self.pending_changed.emit(len(self._callbacks))
        self._mailbox.post_job(job_id, job)
        if self._held is not None:
            self._held.append(job_id)
        elif after_paint or self._later:
            if not self._later:
                QCoreApplication.postEvent(self, QEvent(AFTER_PAINT), AFTER_PAINT_PRIORITY)
            self._later.append(job_id)
        else:
            self._dispatch.emit(job_id)
        return job_id

    def event(self, event: QEvent) -> bool:
        if event.type() == AFTER_PAINT:
            if self._later and not self._reposted:
                # Posted during the gesture, this came before what the gesture's own
                # posted events post in turn (the scenes' changes, the detail's layout:
                # the window's paint request among them); posted again from here, it
                # comes after them, by priority.
                self._reposted = True
                QCoreApplication.postEvent(self, QEvent(AFTER_PAINT), AFTER_PAINT_PRIORITY)
                return True
            self.start_now()
            return True
        return super().event(event)

    def start_now(self) -> None:
        """Start the jobs waiting for the paint now, in order (the window closes: it will
        not paint again)."""
        later, self._later = self._later, []
        self._reposted = False
        for job_id in later:
            self._dispatch.emit(job_id)

    def hold(self) -> None:
        """Keep the jobs submitted from now on from starting until ``release`` (GUI thread).

        The first frame's clicks are answered on the GUI thread while their saves wait a
        paint (``first_frame.QueuedClicks``): the first save opens the real store on the
        worker (SQLAlchemy's import, ~200 ms of CPU under the same GIL, issue 18)."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Start the held jobs, in the order they were submitted; no-op when not held."""
        held, self._held = self._held, None
        self.start_now()  # submitted before the hold: they go first
        for job_id in held or ():
            self._dispatch.emit(job_id)

    def held(self) -> bool:
        return self._held is not None

    def hold_until_painted(self, widget: QWidget, longest_ms: int = RELEASE_MS) -> None:
        """``hold``, released right after ``widget`` next paints (or after ``longest_ms``)."""
        self.hold()
        _AfterPaint(self, widget, self.release, longest_ms)

    def pending(self) -> int:
        return len(self._callbacks)

    @Slot(int)
    def _on_done(self, job_id: int) -> None:
        ok, value = self._mailbox.take_outcome(job_id)
        on_done, on_error = self._callbacks.pop(job_id, (None, None))
        self.pending_changed.emit(len(self._callbacks))
        if ok:
            if on_done is not None:
                on_done(value)
        elif on_error is not None:
            on_error(value)
        else:
            log.error("chart store job failed: %s", value)
            self.job_failed.emit(str(value))

    def shutdown(self) -> None:
        """Close the store on its thread, then stop the thread (after every queued job)."""
        if not self._thread.isRunning():
            return
        self.release()  # a held job runs before the store closes: nothing is dropped

        def close_store(store: Any) -> None:
            try:
                closer = getattr(store, "close", None)
                if callable(closer):
                    closer()
            finally:
                QThread.currentThread().quit()

        self._mailbox.post_job(0, close_store)
        self._dispatch.emit(0)
        self._thread.wait()
        self._callbacks.clear()
        self._runner.store = None
