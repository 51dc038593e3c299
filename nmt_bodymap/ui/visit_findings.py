"""Findings and treatments of the open visit: the model behind the findings list and map.

Like :class:`~nmt_bodymap.ui.visit_marks.VisitMarks`, every change goes to the
store on the worker; records are replaced by the store's answer, so the list
always shows what the chart holds. Removal is a soft delete that undo restores.
"""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from nmt_bodymap.ui import store_calls
from nmt_bodymap.ui.visit_model import VisitModel
from nmt_bodymap.ui.worker import StoreWorker

Kind = Literal["finding", "treatment"]


class VisitFindings(VisitModel):
    """Findings and treatments of one visit, by database id."""

    def __init__(self, worker: StoreWorker, parent: QObject | None = None) -> None:
        super().__init__(worker, parent)
        self.findings: dict[int, Any] = {}
        self.treatments: dict[int, Any] = {}

    def load_visit(self, visit_id: int | None) -> None:
        self._open(visit_id)
        self.findings.clear()
        self.treatments.clear()
        self.changed.emit()
        if visit_id is None:
            return

        def job(store: Any) -> tuple[list[Any], list[Any]]:
            return (
                store_calls.list_findings(store, visit_id),
                store_calls.list_treatments(store, visit_id),
            )

        self._read(job, self._loaded, "Findings could not be read")

    def _loaded(self, result: tuple[list[Any], list[Any]]) -> None:
        findings, treatments = result
        self.findings = {f.id: f for f in findings}
        self.treatments = {t.id: t for t in treatments}
        self.changed.emit()

    def _table(self, kind: Kind) -> dict[int, Any]:
        return self.findings if kind == "finding" else self.treatments

    def add(self, kind: Kind, fields: dict[str, Any], on_added: Any) -> None:
        """Store a new finding or treatment; ``on_added(record)`` gets the stored record."""
        visit_id = self._visit_id
        if visit_id is None:
            self.failed.emit("Open a visit first.")
            return
        generation = self._generation
        call = store_calls.add_finding if kind == "finding" else store_calls.add_treatment

        def done(record: Any) -> None:
            if generation == self._generation:
                self._table(kind)[record.id] = record
                self.changed.emit()
                self.saved.emit(f"Saved the {kind}")
            on_added(record)

        self._worker.submit(
            lambda store: call(store, visit_id, fields),
            done,
            lambda exc: self.failed.emit(f"The {kind} could not be saved: {exc}"),
        )

    def set_deleted(self, kind: Kind, record_id: int, deleted: bool) -> None:
        """Soft-delete (or restore) a finding or treatment."""
        generation = self._generation
        if kind == "finding":
            call = store_calls.delete_finding if deleted else store_calls.restore_finding
        else:
            call = store_calls.delete_treatment if deleted else store_calls.restore_treatment

        def done(record: Any) -> None:
            if generation != self._generation:
                return
            table = self._table(kind)
            if deleted:
                table.pop(record_id, None)
            elif record is not None:
                table[record.id] = record
            self.changed.emit()
            self.saved.emit(f"{'Removed' if deleted else 'Restored'} the {kind}")

        self._worker.submit(
            lambda store: call(store, record_id),
            done,
            lambda exc: self.failed.emit(f"The {kind} could not be changed: {exc}"),
        )


class AddRecord(QUndoCommand):
    """Record a finding or treatment (undo removes it, redo restores it)."""

    def __init__(self, model: VisitFindings, kind: Kind, fields: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self._model = model
        self._kind: Kind = kind
        self._fields = fields
        self.record_id: int | None = None
        self._undone_before_saved = False

    def redo(self) -> None:
        if self.record_id is None:
            self._model.add(self._kind, self._fields, self._added)
        else:
            self._model.set_deleted(self._kind, self.record_id, deleted=False)

    def _added(self, record: Any) -> None:
        self.record_id = record.id
        if self._undone_before_saved:  # undone while the save was still on its way
            self._model.set_deleted(self._kind, record.id, deleted=True)

    def undo(self) -> None:
        if self.record_id is None:
            self._undone_before_saved = True
        else:
            self._model.set_deleted(self._kind, self.record_id, deleted=True)


class RemoveRecord(QUndoCommand):
    """Remove a finding or treatment (a soft delete; undo restores it)."""

    def __init__(self, model: VisitFindings, kind: Kind, record_id: int) -> None:
        super().__init__(f"Remove {kind}")
        self._model = model
        self._kind: Kind = kind
        self._id = record_id

    def redo(self) -> None:
        self._model.set_deleted(self._kind, self._id, deleted=True)

    def undo(self) -> None:
        self._model.set_deleted(self._kind, self._id, deleted=False)
