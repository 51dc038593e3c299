"""One undo command for every edit of the open visit: do an operation, undo its inverse.

:class:`OperationCommand` holds the operations of one gesture (one or several rows) and
applies them through :class:`~nmt_bodymap.ui.chart.open_visit.OpenVisit`, which changes the
document at once and queues each operation for the store. Undo applies the inverse of
what was last applied, at the row's version as it is now (``VisitDocument.inverse_op``),
and redo the inverse of that: the redo of an add is a restore of the same row (same
uid), never a second row, however many saves are still queued.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from nmt_bodymap.core.operations import Operation
from nmt_bodymap.core.visit_document import OperationRefused
from nmt_bodymap.ui.chart.open_visit import OpenVisit


class OperationCommand(QUndoCommand):
    """Apply ``ops`` (in order); undo applies their inverses in reverse order."""

    def __init__(
        self, visit: OpenVisit, ops: Sequence[Operation], text: str, note: str = ""
    ) -> None:
        super().__init__(text)
        self._visit = visit
        self._visit_id = visit.visit_id
        self._first: list[Operation] = list(ops)
        self._done: list[Operation] = []  # applied by the last redo, in order
        self._undone: list[Operation] | None = None  # applied by the last undo, in order
        self._note = note
        self.refused = ""  # why the gesture changed nothing (the command is then dropped)

    @property
    def rows(self) -> list[str]:
        return [op.row for op in self._first]

    def _apply_all(self, ops: list[Operation], note: str) -> list[Operation]:
        """Apply ``ops``; on a refusal, take back the ones applied and re-raise."""
        applied: list[Operation] = []
        try:
            for op in ops:
                self._visit.apply(op, note)
                applied.append(op)
        except OperationRefused:
            for op in reversed(applied):
                assert self._visit.doc is not None
                self._visit.apply(self._visit.doc.inverse_op(op))
            raise
        return applied

    def _open(self) -> bool:
        """The edit's visit is still the one on screen (else the command has nothing to do)."""
        if self._visit.visit_id != self._visit_id or self._visit.doc is None:
            self.setObsolete(True)
            return False
        return True

    def redo(self) -> None:
        if not self._open():
            return
        doc = self._visit.doc
        assert doc is not None
        if self._undone is None:
            ops = self._first
            if not ops:  # nothing to do (no visit open): the stack keeps no empty step
                self.setObsolete(True)
                return
        else:  # undo the undo, at the versions the rows have now
            ops = [doc.inverse_op(op) for op in reversed(self._undone)]
        try:
            self._done = self._apply_all(ops, self._note)
        except OperationRefused as exc:
            self.refused = str(exc)
            self.setObsolete(True)
            return
        self._undone = None

    def undo(self) -> None:
        if not self._open():
            return
        doc = self._visit.doc
        assert doc is not None
        try:
            self._undone = self._apply_all([doc.inverse_op(op) for op in reversed(self._done)], "")
        except OperationRefused as exc:
            self.refused = str(exc)
            self.setObsolete(True)
            return
        self._done = []


def push_operations(
    stack: object, visit: OpenVisit, ops: Sequence[Operation], text: str, note: str = ""
) -> OperationCommand | None:
    """Push one command for ``ops``; None (and nothing pushed) if the document refused them."""
    command = OperationCommand(visit, ops, text, note)
    stack.push(command)  # type: ignore[attr-defined]
    return None if command.refused else command
