"""Findings and treatments of the open visit: a view of :class:`OpenVisit`'s document.

Rows are known by the uid given on screen (``record.id`` is that uid); recording or
removing one is an operation applied by the generic undo command, so undo and redo name
the same row however many saves are still queued.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Literal

from PySide6.QtCore import QObject, Signal

from nmt_bodymap.core.operations import ROW_FIELDS, Change, Operation, RowKind
from nmt_bodymap.ui.chart.open_visit import DocChange, OpenVisit

Kind = Literal["finding", "treatment"]
KINDS: dict[str, RowKind] = {"finding": RowKind.FINDING, "treatment": RowKind.TREATMENT}
# What a field holds when the form leaves it out (the store's defaults).
DEFAULTS: dict[str, Any] = {
    "trigger_point_id": "",
    "note": "",
    "response": "",
    "technique": "",
    "activity": "latent",
    "jump_sign": False,
    "local_twitch": False,
    "referral_reproduced": False,
    "ischemia": False,
    "entrapment": False,
}


def full_row(kind: RowKind, fields: dict[str, Any]) -> dict[str, Any]:
    """Every field of a row of ``kind``: the form's values, the store's defaults for the rest."""
    return {name: fields.get(name, DEFAULTS.get(name)) for name in sorted(ROW_FIELDS[kind])}


class VisitFindings(QObject):
    """Findings and treatments of the open visit, by uid; ``changed`` when either moves."""

    changed = Signal()
    saved = Signal(str)  # kept for listeners; the open visit reports saves and failures
    failed = Signal(str)

    def __init__(self, visit: OpenVisit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        visit.changed.connect(self._on_changed)

    @property
    def visit_id(self) -> int | None:
        return self.visit.visit_id

    def _records(self, kind: RowKind) -> dict[str, Any]:
        return {
            uid: SimpleNamespace(id=uid, **dict(row.values))
            for uid, row in self.visit.rows(kind).items()
        }

    @property
    def findings(self) -> dict[str, Any]:
        return self._records(RowKind.FINDING)

    @property
    def treatments(self) -> dict[str, Any]:
        return self._records(RowKind.TREATMENT)

    def load_visit(self, visit_id: int | None) -> None:
        """The open visit loads every kind at once (kept for callers that ask)."""
        if visit_id != self.visit.visit_id:
            self.visit.load_visit(visit_id)

    def add_op(self, kind: Kind, fields: dict[str, Any]) -> Operation:
        if self.visit.doc is None:
            raise RuntimeError("no visit is open")
        return self.visit.doc.add_op(KINDS[kind], full_row(KINDS[kind], fields))

    def delete_op(self, kind: Kind, uid: str) -> Operation:
        if self.visit.doc is None:
            raise RuntimeError("no visit is open")
        return self.visit.doc.delete_op(KINDS[kind], uid)

    def _on_changed(self, change: DocChange) -> None:
        if change.reset or change.flags & (Change.FINDINGS | Change.TREATMENTS):
            self.changed.emit()
