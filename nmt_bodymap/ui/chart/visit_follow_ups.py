"""Follow-ups of the open visit and of the one before it, recorded with the generic undo.

A follow-up belongs to the visit it reports on: at the next session the therapist asks how
long the soreness lasted and how many days of relief followed, and stores it on the earlier
visit. Each visit shown here has its own :class:`OpenVisit` document (the earlier visit is
not the open one), so recording or correcting a follow-up is an operation on that visit's
document: shown at once, stored on the worker, undone by its inverse.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QObject, Signal

from nmt_bodymap.core.operations import Change, RowKind
from nmt_bodymap.ui.chart.commands import OperationCommand
from nmt_bodymap.ui.chart.open_visit import DocChange, OpenVisit
from nmt_bodymap.ui.chart.worker import StoreWorker

FIELDS = ("soreness_hours", "relief_days", "note")
FOLLOW_UP = RowKind.FOLLOW_UP


class VisitFollowUps(QObject):
    """The follow-up (or None) of the open visit and of the visit before it, by visit id."""

    changed = Signal()
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, worker: StoreWorker, parent: QObject | None = None, who: str = "") -> None:
        super().__init__(parent)
        self._worker = worker
        self._who = who
        self.visits: dict[int, OpenVisit] = {}  # the visits shown, in the order asked
        # One document per visit ever shown, reused: a save still queued for it reports
        # back to a live object (a reload drops the answers of an earlier load).
        self._known: dict[int, OpenVisit] = {}

    @property
    def visit_id(self) -> int | None:
        return next(iter(self.visits), None)

    def load(self, visit_ids: list[int]) -> None:
        self.visits = {}
        for visit_id in visit_ids:
            visit = self._known.get(visit_id)
            if visit is None:
                visit = self._known[visit_id] = OpenVisit(self._worker, self._who, self)
                visit.changed.connect(self._on_changed)
                visit.saved.connect(self.saved)
                visit.failed.connect(self.failed)
            self.visits[visit_id] = visit
            if not visit.busy():
                visit.load_visit(visit_id)
        self.changed.emit()

    def row(self, visit_id: int) -> tuple[str, Any] | None:
        """(uid, row) of the visit's follow-up (the newest, should there be several)."""
        visit = self.visits.get(visit_id)
        rows = list(visit.rows(FOLLOW_UP).items()) if visit is not None else []
        return rows[-1] if rows else None

    @property
    def by_visit(self) -> dict[int, Any | None]:
        found: dict[int, Any | None] = {}
        for visit_id in self.visits:
            row = self.row(visit_id)
            found[visit_id] = (
                None
                if row is None
                else SimpleNamespace(id=row[0], visit_id=visit_id, **row[1].values)
            )
        return found

    def _on_changed(self, change: DocChange) -> None:
        if change.reset or change.flags & Change.FOLLOW_UPS:
            self.changed.emit()


class RecordFollowUp(OperationCommand):
    """Record (or correct) a visit's follow-up; undo takes the chart back to before."""

    def __init__(self, model: VisitFollowUps, visit_id: int, fields: dict[str, Any]) -> None:
        visit = model.visits[visit_id]
        values = {name: fields.get(name, "" if name == "note" else None) for name in FIELDS}
        ops = []
        if visit.doc is not None:
            current = model.row(visit_id)
            if current is None:
                ops.append(visit.doc.add_op(FOLLOW_UP, values))
            else:
                uid, row = current
                changes = {k: v for k, v in values.items() if row.values.get(k) != v}
                if changes:
                    ops.append(visit.doc.change_op(FOLLOW_UP, uid, **changes))
        super().__init__(visit, ops, "Record follow-up", "Follow-up saved")
