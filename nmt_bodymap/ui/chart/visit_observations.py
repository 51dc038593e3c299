"""Assessment observations of the open visit: a view of :class:`OpenVisit`'s document.

Observations are rows of the open visit's document keyed by the uid given on screen
(``record.id`` is that uid); charting, changing and removing one is an operation applied by
the generic undo command, so the Assessment tab shows the change at once, the store gets
the same operation on the worker, and undo/redo name the same row while saves are queued.
``AddObservation``, ``RemoveObservation`` and ``ChangeObservation`` are that command, built
for the panels that push them.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QObject, Signal

from nmt_bodymap.core.operations import Change, Operation, RowKind
from nmt_bodymap.ui.chart.commands import OperationCommand
from nmt_bodymap.ui.chart.open_visit import DocChange, OpenVisit

OBSERVATION = RowKind.OBSERVATION
DEFAULTS: dict[str, Any] = {"region": "", "side": "", "severity": None, "note": ""}
FIELDS = ("kind", "item", "region", "side", "severity", "note")


class VisitObservations(QObject):
    """Observations of the open visit by uid, in charting order."""

    changed = Signal()
    saved = Signal(str)  # kept for listeners; the open visit reports saves and failures
    failed = Signal(str)

    def __init__(self, visit: OpenVisit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        self.pending: set[tuple[str, str]] = set()  # the document shows an add at once
        visit.changed.connect(self._on_changed)

    @property
    def visit_id(self) -> int | None:
        return self.visit.visit_id

    @property
    def observations(self) -> dict[str, Any]:
        return {
            uid: SimpleNamespace(id=uid, **dict(row.values))
            for uid, row in self.visit.rows(OBSERVATION).items()
        }

    def load_visit(self, visit_id: int | None) -> None:
        """The window's open visit loads every kind (kept for callers that ask)."""
        if visit_id != self.visit.visit_id:
            self.visit.load_visit(visit_id)

    def of_kind(self, kind: str) -> list[Any]:
        """The charted observations of one kind, in charting order."""
        return [o for o in self.observations.values() if o.kind == kind]

    def find(self, kind: str, item: str) -> Any | None:
        """The charted posture or gait observation ``item`` (the first, if charted twice)."""
        return next((o for o in self.of_kind(kind) if o.item == item), None)

    # -- operations ------------------------------------------------------------------------
    def add_op(self, fields: dict[str, Any]) -> Operation | None:
        if self.visit.doc is None:
            return None
        values = {name: fields.get(name, DEFAULTS.get(name)) for name in FIELDS}
        return self.visit.doc.add_op(OBSERVATION, values)

    def change_op(self, uid: str, changes: dict[str, Any]) -> Operation | None:
        if self.visit.doc is None or uid not in self.visit.rows(OBSERVATION):
            return None
        return self.visit.doc.change_op(OBSERVATION, uid, **changes)

    def delete_op(self, uid: str) -> Operation | None:
        if self.visit.doc is None or uid not in self.visit.rows(OBSERVATION):
            return None
        return self.visit.doc.delete_op(OBSERVATION, uid)

    def _on_changed(self, change: DocChange) -> None:
        if change.reset or change.flags & Change.OBSERVATIONS:
            self.changed.emit()


def _ops(*ops: Operation | None) -> list[Operation]:
    return [op for op in ops if op is not None]


class AddObservation(OperationCommand):
    """Chart an observation (undo removes it, redo restores the same row)."""

    def __init__(self, model: VisitObservations, fields: dict[str, Any], text: str) -> None:
        super().__init__(model.visit, _ops(model.add_op(fields)), text, "Saved the observation")


class RemoveObservation(OperationCommand):
    """Remove an observation (a soft delete; undo restores it)."""

    def __init__(self, model: VisitObservations, observation_id: str, text: str) -> None:
        ops = _ops(model.delete_op(observation_id))
        super().__init__(model.visit, ops, text, "Removed the observation")


class ChangeObservation(OperationCommand):
    """Change side, severity, region or note; undo puts the old values back."""

    def __init__(
        self,
        model: VisitObservations,
        observation_id: str,
        before: dict[str, Any],
        after: dict[str, Any],
        text: str,
    ) -> None:
        del before  # the document knows the values being replaced
        ops = _ops(model.change_op(observation_id, dict(after)))
        super().__init__(model.visit, ops, text, "Changed the observation")
