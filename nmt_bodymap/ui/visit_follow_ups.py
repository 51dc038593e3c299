"""Follow-ups of the open visit and of the one before it, and recording them with undo.

A follow-up belongs to the visit it reports on: at the next session the therapist asks how
long the soreness lasted and how many days of relief followed, and stores it on the earlier
visit. Every change goes to the store on the worker and is replaced by the store's answer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from nmt_bodymap.ui import store_calls
from nmt_bodymap.ui.visit_model import VisitModel
from nmt_bodymap.ui.worker import StoreWorker

FIELDS = ("soreness_hours", "relief_days", "note")


class VisitFollowUps(VisitModel):
    """The follow-up (or None) of the open visit and of the visit before it, by visit id."""

    def __init__(self, worker: StoreWorker, parent: QObject | None = None) -> None:
        super().__init__(worker, parent)
        self.by_visit: dict[int, Any | None] = {}

    def load(self, visit_ids: list[int]) -> None:
        self._open(visit_ids[0] if visit_ids else None)
        self.by_visit = {}
        self.changed.emit()
        if not visit_ids:
            return

        def job(store: Any) -> dict[int, Any | None]:
            return {v: store_calls.latest_follow_up(store, v) for v in visit_ids}

        self._read(job, self._loaded, "The follow-ups could not be read")

    def _loaded(self, found: dict[int, Any | None]) -> None:
        self.by_visit = dict(found)
        self.changed.emit()

    def _store(self, record: Any, message: str) -> None:
        self.by_visit[record.visit_id] = None if record.deleted_at else record
        self.changed.emit()
        self.saved.emit(message)

    def save(self, visit_id: int, fields: dict[str, Any], on_saved: Any) -> None:
        """Add the follow-up of ``visit_id``, or change the one it has."""
        current = self.by_visit.get(visit_id)

        def job(store: Any) -> Any:
            if current is None:
                return store_calls.add_follow_up(store, visit_id, fields)
            return store_calls.update_follow_up(store, current.id, fields)

        def done(record: Any) -> None:
            self._store(record, "Follow-up saved")
            on_saved(record)

        self._worker.submit(
            job, done, lambda exc: self.failed.emit(f"The follow-up could not be saved: {exc}")
        )

    def set_deleted(self, follow_up_id: int, deleted: bool) -> None:
        call = store_calls.delete_follow_up if deleted else store_calls.restore_follow_up
        self._worker.submit(
            lambda store: call(store, follow_up_id),
            lambda record: self._store(
                record, "Follow-up removed" if deleted else "Follow-up restored"
            ),
            lambda exc: self.failed.emit(f"The follow-up could not be changed: {exc}"),
        )


class RecordFollowUp(QUndoCommand):
    """Record (or correct) a visit's follow-up; undo takes the chart back to before."""

    def __init__(self, model: VisitFollowUps, visit_id: int, fields: dict[str, Any]) -> None:
        super().__init__("Record follow-up")
        self._model = model
        self._visit_id = visit_id
        self._fields = dict(fields)
        before = model.by_visit.get(visit_id)
        self._before = None if before is None else {f: getattr(before, f) for f in FIELDS}
        self._created_id: int | None = None
        self._undone_before_saved = False

    def redo(self) -> None:
        if self._before is None and self._created_id is not None:
            self._model.set_deleted(self._created_id, deleted=False)  # it holds the fields
        else:
            self._undone_before_saved = False
            self._model.save(self._visit_id, self._fields, self._saved)

    def _saved(self, record: Any) -> None:
        if self._before is not None:
            return
        self._created_id = record.id
        if self._undone_before_saved:  # undone while the save was on its way
            self._model.set_deleted(record.id, deleted=True)

    def undo(self) -> None:
        if self._before is not None:
            self._model.save(self._visit_id, self._before, lambda _r: None)
        elif self._created_id is None:
            self._undone_before_saved = True
        else:
            self._model.set_deleted(self._created_id, deleted=True)
