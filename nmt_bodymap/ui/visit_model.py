"""What the per-visit models share: the open visit, the store worker, and a generation count
so that an answer arriving for a visit that is no longer open is dropped.

:class:`~nmt_bodymap.ui.visit_marks.VisitMarks`,
:class:`~nmt_bodymap.ui.visit_findings.VisitFindings`,
:class:`~nmt_bodymap.ui.visit_observations.VisitObservations` and
:class:`~nmt_bodymap.ui.visit_follow_ups.VisitFollowUps` build on it; each replaces its records
by the store's answer, so a list always shows what the chart holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from nmt_bodymap.ui.worker import StoreWorker


def error_text(exc: BaseException) -> str:
    """What went wrong, in words (an exception without a message gives its kind)."""
    return str(exc) or exc.__class__.__name__


class VisitModel(QObject):
    """The open visit's rows of one kind, read and written through the store worker."""

    changed = Signal()
    saved = Signal(str)  # a short note for the status bar
    failed = Signal(str)  # a message for the therapist

    def __init__(self, worker: StoreWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._visit_id: int | None = None
        self._generation = 0

    @property
    def visit_id(self) -> int | None:
        return self._visit_id

    def _open(self, visit_id: int | None) -> None:
        """Start showing ``visit_id``: answers still on their way for the last one are dropped."""
        self._generation += 1
        self._visit_id = visit_id

    def _read(self, job: Callable[[Any], Any], on_read: Callable[[Any], None], what: str) -> None:
        """Run ``job(store)`` and give its result to ``on_read`` if the visit is still open."""
        generation = self._generation

        def done(result: Any) -> None:
            if generation == self._generation:
                on_read(result)

        self._worker.submit(job, done, lambda exc: self.failed.emit(f"{what}: {error_text(exc)}"))
