"""Editing, backdating and soft-deleting visits and clients (issue 15), undoable.

:class:`VisitDialog` asks the visit's date and time (typed as displayed,
``2026-11-28 14:30``; a day after today is refused with one line) and its chief
complaint. :class:`RowCommand` is the undo step of such an edit: it applies ONE operation
(``store.apply`` on the worker, so the history names the store's ``who``) and undoes it
with the inverse at the version the store holds when the undo runs (read from the
history on the worker), so an undo queued behind other saves never names a stale version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.operations import ROW_FIELDS, Operation, OpKind, RowKind
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.i18n import long_datetime, tr

if TYPE_CHECKING:
    from nmt_bodymap.store.records import VisitRecord
    from nmt_bodymap.ui.main_window import MainWindow

TIME_FORMAT = "%Y-%m-%d %H:%M"


def parse_visit_time(text: str, today: date | None = None) -> datetime:
    """A visit time typed as displayed (local time) as an aware UTC datetime; a
    ``ValueError`` with one clear line for text that is not a time, or a day after today."""
    try:
        local = datetime.strptime(" ".join(text.split()), TIME_FORMAT)
    except ValueError:
        raise ValueError("Type the date and time as YYYY-MM-DD HH:MM.") from None
    if local.date() > (today or date.today()):
        raise ValueError("A visit cannot be dated after today.")
    return local.astimezone().astimezone(UTC)


def json_of(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


def row_values(kind: RowKind, record: Any) -> dict[str, Any]:
    """A visit's or client's fields (as the operations carry them) from its record."""
    return {name: json_of(getattr(record, name)) for name in sorted(ROW_FIELDS[kind])}


def visit_change_op(visit: Any, **changes: Any) -> Operation | None:
    """ONE change operation on ``visit`` for the fields that differ (None: nothing to do)."""
    after = {k: json_of(v) for k, v in changes.items() if v != getattr(visit, k)}
    if not after:
        return None
    before = {k: json_of(getattr(visit, k)) for k in after}
    return Operation(
        OpKind.CHANGE, RowKind.VISIT, visit.uid, visit.uid, before, after, visit.version
    )


def delete_op(kind: RowKind, record: Any) -> Operation:
    """The soft delete of a visit or a client, at the version shown."""
    visit = record.uid if kind is RowKind.VISIT else None
    values = row_values(kind, record)
    return Operation(OpKind.DELETE, kind, record.uid, visit, values, None, record.version)


def stored_version(store: Any, client: str, row: str) -> int:
    """The row's version as stored now: every applied operation leaves a history entry."""
    versions = [entry.version for entry in store.history(client) if entry.row == row]
    return max(versions, default=0)


class RowCommand(QUndoCommand):
    """Apply one visit or client operation on the worker; undo applies its inverse.

    ``stored(applied, undone)`` runs on the GUI thread after each apply (``applied`` is the
    store's ``Applied``), ``failed(message)`` when the store refused it.
    """

    def __init__(
        self,
        worker: StoreWorker,
        op: Operation,
        client: str,
        text: str,
        stored: Callable[[Any, bool], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._worker = worker
        self._first = op
        self._client = client
        self._stored = stored
        self._failed = failed
        self._last: Operation | None = None  # the operation last applied (set on the worker)
        self._skip_redo = False  # a copy pushed again already stands done

    def copy_done(self) -> RowCommand:
        """The same step, standing done (pushed again after the stack was cleared)."""
        twin = RowCommand(
            self._worker, self._first, self._client, self.text(), self._stored, self._failed
        )
        twin._last, twin._skip_redo = self._last, True
        return twin

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
        elif self._last is None:
            self._run(lambda _store: self._first, undone=False)
        else:
            self._run(self._inverse, undone=False)

    def undo(self) -> None:
        self._run(self._inverse, undone=True)

    def _inverse(self, store: Any) -> Operation | None:
        if self._last is None:
            return None
        return self._last.inverse(stored_version(store, self._client, self._last.row))

    def _run(self, build: Callable[[Any], Operation | None], undone: bool) -> None:
        def job(store: Any) -> Any:
            op = build(store)
            if op is None:
                return None
            applied = store.apply(op)  # who: the store's who
            self._last = op
            return applied

        def done(applied: Any) -> None:
            if applied is not None:
                self._stored(applied, undone)

        self._worker.submit(
            job, done, lambda exc: self._failed(f"{self.text()} was not saved: {exc}")
        )


def clear_visit_steps(stack: QUndoStack) -> None:
    """Clear the stack (another visit is open) but keep the done visit and client steps:
    they belong to the chart, not to the visit, so Ctrl+Z still undoes a delete."""
    kept = [
        command.copy_done()
        for i in range(stack.index())
        if isinstance(command := stack.command(i), RowCommand)
    ]
    stack.clear()
    for command in kept:
        stack.push(command)


class VisitDialog(QDialog):
    """The visit's date and time and its chief complaint; ``values()`` after OK."""

    def __init__(self, visit: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit visit"))
        self._shown = visit.started_at.astimezone().strftime(TIME_FORMAT)
        self.when_edit = QLineEdit(self._shown)
        self.when_edit.setObjectName("visit-when")
        self.when_edit.setPlaceholderText(tr("YYYY-MM-DD HH:MM"))
        self.when_edit.setAccessibleName(tr("Date and time of the visit"))
        self.complaint_edit = QLineEdit(visit.chief_complaint)
        self.complaint_edit.setObjectName("visit-complaint")
        self.complaint_edit.setAccessibleName(tr("Chief complaint"))
        self.error_label = QLabel("")
        self.error_label.setObjectName("visit-error")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setVisible(False)
        form = QFormLayout()
        when_label = QLabel(tr("&Date and time:"))
        when_label.setBuddy(self.when_edit)
        complaint_label = QLabel(tr("&Chief complaint:"))
        complaint_label.setBuddy(self.complaint_edit)
        form.addRow(when_label, self.when_edit)
        form.addRow(complaint_label, self.complaint_edit)
        hint = QLabel(tr("Typed as shown, local time; a day after today is refused."))
        hint.setStyleSheet("color: palette(placeholder-text);")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons, alignment=Qt.AlignmentFlag.AlignRight)
        self.when_edit.selectAll()

    def values(self) -> dict[str, Any]:
        """``chief_complaint`` and, when retyped, ``started_at`` (aware UTC; ValueError for
        a bad time). The time shown to the minute, left as it is, keeps its seconds."""
        values: dict[str, Any] = {"chief_complaint": self.complaint_edit.text().strip()}
        if " ".join(self.when_edit.text().split()) != self._shown:
            values["started_at"] = parse_visit_time(self.when_edit.text())
        return values

    def _accept_if_valid(self) -> None:
        try:
            self.values()
        except ValueError as exc:
            self.error_label.setText(str(exc))
            self.error_label.setVisible(True)
            self.when_edit.setFocus()
            return
        self.accept()


def install_visit_admin(window: MainWindow) -> None:
    """Wire the visit and client edits into the window: its undo stack, its status bar,
    and the open visit's document (a backdated open visit keeps its version in step)."""
    window.visits.undo_stack = window.undo_stack
    window.clients.undo_stack = window.undo_stack
    window.clients.status_message.connect(window.show_status)

    def visit_stored(visit: Any) -> None:
        doc = window.open_visit.doc
        if doc is None or doc.visit != visit.uid or visit.uid is None:
            return
        row = (RowKind.VISIT, visit.uid, row_values(RowKind.VISIT, visit), visit.version, False)
        window.open_visit.put_rows([row])
        client = window.visits.client
        when = long_datetime(visit.started_at.astimezone())
        window.visit_label.setText(
            tr("{name} — visit of {when}").format(name=client.name if client else "", when=when)
        )

    window.visits.visit_stored.connect(visit_stored)

    def version_shown(visit: VisitRecord) -> VisitRecord:
        doc = window.open_visit.doc
        if doc is None or doc.visit != visit.uid or doc.visit_state is None:
            return visit
        return replace(visit, version=doc.visit_state.version)

    window.visits.version_shown = version_shown
