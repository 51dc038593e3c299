"""What the start runs once the first visit is on screen (issue 18): the daily backup.

Opening the chart used to take the daily backup on the worker before the client list,
the visit list and the visit's document could load (each a worker round trip behind it),
so the first visit, and the answer to a click made meanwhile, waited for a copy of the
whole chart. :class:`AfterFirstVisit` waits until the chart is open, the first visit is
shown (or there is none), every click queued on the first frame is answered and the worker
is idle; then it queues the daily backup, once. A failing backup is logged and shown in
the status bar (the charts stay open, as before); after ``LATEST_MS`` it runs regardless.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from nmt_bodymap.ui.main_window import MainWindow

log = logging.getLogger(__name__)

POLL_MS = 20
LATEST_MS = 10_000  # a worker that is never idle (a busy chart) does not skip the backup


_FROZEN: set[str] = set()


def freeze_long_lived(stage: str) -> bool:
    """Move every object alive now out of the collector's sight, once per ``stage`` and
    process (``gc.freeze``). What a start builds (Qt wrappers, the atlas, the knowledge,
    SQLAlchemy's modules: ~190,000 tracked objects) lives as long as the window, yet each
    collection walked it again: ~430 ms of collections on the first click's path, and a
    full one costs ~150 ms whenever it falls on a click. Garbage that is already cyclic at
    that moment is kept (a start leaves a few hundred such objects); new objects are
    collected as before, on the GUI thread (``ui/gc_guard``)."""
    if stage in _FROZEN:
        return False
    _FROZEN.add(stage)
    gc.freeze()
    return True


def first_visit_shown(window: MainWindow) -> bool:
    """The chart open, its first visit's document loaded (or no visit), nothing queued."""
    if not window.__dict__.get("built") or not window.__dict__.get("chart_started"):
        return False
    queued = window.__dict__.get("queued_clicks")
    if queued is not None and queued.clicks:
        return False
    if window.worker.pending():
        return False
    return window.marks.visit_id is None or window.open_visit.doc is not None


def daily_backup_job(store: Any) -> Path | None:
    """Worker job: the daily backup (None when one was taken today or the chart is remote)."""
    backup: Path | None = store.backup_if_due()
    return backup


def second_copy_note(store: object) -> str:
    """The second backup folder's last success, for the status bar ("" when none is set)."""
    path = getattr(store, "path", None)
    if path is None:
        return ""
    from nmt_bodymap.store.second_copy import second_copy_status

    status = second_copy_status(path)
    if not status:
        return ""
    last = str(status.get("last_success") or "never")[:16].replace("T", " ")
    state = "ok" if status.get("ok") else "FAILED"
    return f" Second backup copy in {status.get('folder')}: {state} (last success {last} UTC)."


class AfterFirstVisit(QObject):
    """Runs ``then`` once the first visit is shown, then queues the daily backup."""

    def __init__(
        self, window: MainWindow, store: object = None, then: Callable[[], None] | None = None
    ) -> None:
        super().__init__(window)
        self.window, self.store, self.then = window, store, then
        self.done = False  # the backup job came back (made, not due, or failed)
        self.backup: Path | None = None
        self.failure: str | None = None
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._try)
        self._timer.start()

    def _try(self) -> None:
        if not first_visit_shown(self.window) and self._clock.elapsed() < LATEST_MS:
            return
        self._timer.stop()
        freeze_long_lived("first visit")  # the window, its panels and the open visit
        from nmt_bodymap.ui.gc_guard import release_start_hold

        release_start_hold()  # the GUI thread's collector runs again (held since the show)
        if self.then is not None:
            self.then()
        self.window.worker.submit(daily_backup_job, self._made, self._failed)

    def _made(self, backup: Path | None) -> None:
        self.backup, self.done = backup, True
        if backup is not None:  # the second copy follows each daily backup
            note = second_copy_note(self.store) if self.store is not None else ""
            self.window.show_status(tr("Daily backup made.") + note)

    def _failed(self, exc: BaseException) -> None:
        self.done = True
        if not isinstance(exc, ChartStoreError):
            log.error("daily backup failed: %s", type(exc).__name__, exc_info=exc)
            self.failure = tr("The daily backup failed; details are in the log.")
        else:  # a backup problem must not keep the charts closed
            log.warning("daily backup skipped: %s", exc)
            self.failure = tr("The daily backup was not made: {reason}").format(reason=exc)
        self.window.show_status(self.failure)
