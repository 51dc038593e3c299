"""The open visit on screen: a :class:`VisitDocument` changed only by operations.

:meth:`OpenVisit.apply` applies an operation to the document at once, announces it with
ONE ``changed`` signal (a :class:`DocChange`: the ``Change`` flags and the rows touched)
and queues the same operation for the store on the one worker. Rows are known by the uid
given on screen, so an undo, a redo or a retry names a row before the store has answered.

A row's save status (``saving``/``saved``/``unsaved``) travels apart from its values
(``status_changed``): a saved answer redraws the row's badge, never the panels.

A refused operation is handled by its reason: a lost connection or a full disk keeps the
change on screen marked unsaved (Retry stores the row as shown); a refusal that a retry
cannot cure (the values are invalid, or the row moved on at another station) puts the
row back as the store holds it. Failures of one burst are told in one message.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QObject, Signal

from nmt_bodymap.core.operations import Change, Operation, RowKind
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.ui.chart import store_calls
from nmt_bodymap.ui.chart.visit_model import error_text
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.i18n import tr

SAVED = ("saved", "")  # the save status of a row the store holds as shown


@dataclass(frozen=True)
class DocChange:
    """What one gesture changed: flags, and the rows (uids) it touched; ``reset``: all."""

    flags: Change
    rows: frozenset[str] = field(default_factory=frozenset)
    reset: bool = False


class OpenVisit(QObject):
    """The open visit's document, its store queue and its rows' save status."""

    changed = Signal(object)  # DocChange
    status_changed = Signal(object)  # frozenset of row uids whose save status changed
    saved = Signal(str)
    failed = Signal(str)  # one message per burst of failures
    # (ChartConflict, kind, uid, the screen's values, removed on screen): the window offers
    # "keep mine" (:meth:`keep_mine`) or takes the stored values (already shown)
    conflict = Signal(object)

    def __init__(self, worker: StoreWorker, who: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.who = who
        self.visit_id: int | None = None
        self.doc: VisitDocument | None = None
        # The chart's newest history id read just before the document: changes made
        # elsewhere after it are the change watcher's to bring in (None: not read yet).
        self.read_at: int | None = None
        self._generation = 0
        # Operations queued per row (a row leaves when its last answer is back) and the save
        # status of the rows not plain saved (a row leaves when saved): what a save's answer
        # and the window's "Saving…" look up stays as small as what is pending (issue 18).
        self._in_flight: Counter[str] = Counter()
        self._status: dict[str, tuple[str, str]] = {}  # uid -> (status, error)
        self._failures: list[str] = []
        self._stored_anew: set[str] = set()  # rows the chart never held, stored as shown
        # Counts every announced change of the rows or of a save status (each is announced
        # right after it is made): what was read at one revision is still exact at it.
        self.revision = 0
        # Counts the document's announced changes only (rows added, changed, removed, a
        # visit loaded), not save statuses: what depends on the rows' values alone (the
        # window's ranking) is still exact while it is unchanged (issue 18).
        self.doc_revision = 0

    def _announce(self, change: DocChange) -> None:
        self.revision += 1
        self.doc_revision += 1
        self.changed.emit(change)

    def _announce_status(self, uids: frozenset[str]) -> None:
        self.revision += 1
        self.status_changed.emit(uids)

    # -- reading ---------------------------------------------------------------------------
    def rows(self, kind: RowKind) -> dict[str, Any]:
        return {} if self.doc is None else self.doc.rows(kind)

    def status(self, uid: str) -> tuple[str, str]:
        return self._status.get(uid, SAVED)

    def statuses(self) -> Mapping[str, tuple[str, str]]:
        """Every row's save status that is not plain saved (read-only; absent: ``SAVED``)."""
        return MappingProxyType(self._status)

    def unsaved(self) -> list[str]:
        return [uid for uid, (status, _e) in self._status.items() if status == "unsaved"]

    def busy(self) -> bool:
        return bool(self._in_flight)

    def queued(self, uid: str) -> bool:
        """True while an operation on ``uid`` waits for the store."""
        return self._in_flight[uid] > 0

    # -- loading ---------------------------------------------------------------------------
    def load_visit(self, visit_id: int | None) -> None:
        """Show ``visit_id`` (None: no visit); answers for the visit shown before are dropped."""
        self._generation += 1
        generation = self._generation
        self.visit_id = visit_id
        self.doc = None
        self.read_at = None
        self._in_flight.clear()
        self._status.clear()
        self._announce(DocChange(Change(~0 & 0xFF), reset=True))
        if visit_id is None:
            return

        def read(store: Any) -> tuple[int | None, VisitDocument]:
            token = getattr(store, "change_token", None)
            newest = token()[1] if callable(token) else None  # before the rows are read
            return newest, store_calls.load_visit_document(store, visit_id)

        def loaded(result: tuple[int | None, VisitDocument]) -> None:
            if generation != self._generation:
                return
            self.read_at, self.doc = result
            self._announce(DocChange(Change(~0 & 0xFF), reset=True))

        self._worker.submit(
            read,
            loaded,
            lambda exc: self._tell(
                tr("This visit could not be read: {error_text}").format(error_text=error_text(exc))
            ),
        )

    # -- applying --------------------------------------------------------------------------
    def apply(self, op: Operation, note: str = "") -> Change:
        """Apply ``op`` to the document now (raises ``OperationRefused`` and changes nothing
        if it does not fit), announce it, and queue it for the store."""
        if self.doc is None:
            raise RuntimeError("no visit is open")
        flags = self.doc.apply(op)
        self._queue(op, note)
        self._announce(DocChange(flags, frozenset({op.row})))
        return flags

    def _queue(self, op: Operation, note: str) -> None:
        generation = self._generation
        self._in_flight[op.row] += 1
        self._status[op.row] = ("saving", "")
        self._announce_status(frozenset({op.row}))
        self._worker.submit(
            lambda store: store_calls.apply_operation(store, op, self.who),
            lambda _r: self._done(generation, op.kind, op.row, note),
            lambda exc: self._refused(generation, op.kind, op.row, exc),
            after_paint=True,  # the gesture is drawn first (issue 18)
        )

    def _settle(self, generation: int, row: str) -> bool:
        if generation != self._generation:
            return False
        self._in_flight[row] -= 1
        if self._in_flight[row] <= 0:
            del self._in_flight[row]
        return True

    def _done(self, generation: int, kind: RowKind, row: str, note: str) -> None:
        if not self._settle(generation, row):
            return
        if not self._in_flight[row] and self._status.get(row, ("", ""))[0] == "saving":
            del self._status[row]  # saved: as a row never changed here
            self._announce_status(frozenset({row}))
        if note:
            self.saved.emit(note)
        self._flush_failures()

    def _refused(self, generation: int, kind: RowKind, row: str, exc: BaseException) -> None:
        if not self._settle(generation, row):
            return
        from nmt_bodymap.store.errors import ChartNotFound, ChartStoreError, ChartValidationError

        if type(exc).__name__ == "ChartConflict":
            self._conflicted(kind, row, exc)
            return
        if isinstance(exc, ChartNotFound) and not self._in_flight[row] and self._gone(kind, row):
            # An undone click whose save had failed (a full disk): the chart never held the
            # row and the screen no longer shows it. They agree: nothing is unsaved.
            if self._status.pop(row, None) is not None:
                self._announce_status(frozenset({row}))
            self._flush_failures()
            return
        if isinstance(exc, ChartNotFound) and not self._in_flight[row] and self._store_anew(row):
            return  # shown again (the redo of that click): stored as shown, as Retry would
        if not isinstance(exc, ChartStoreError) or not isinstance(exc, ChartValidationError):
            # A lost connection, a full disk...: the change stays on screen for a retry.
            self._status[row] = ("unsaved", error_text(exc))
            self._announce_status(frozenset({row}))
            self._failures.append(f"{error_text(exc)} It stays on screen marked unsaved.")
        else:
            self._failures.append(error_text(exc))
            if not self._in_flight[row]:  # a retry cannot cure it: show what is stored
                self.reload_row(kind, row)
        self._flush_failures()

    def _store_anew(self, row: str) -> bool:
        """A row the chart never held is on screen again: store it as shown, once per row
        (a second "not found" is told as any failure, for Retry)."""
        found = self._find(row)
        if found is None or self.visit_id is None or row in self._stored_anew:
            return False
        self._stored_anew.add(row)
        kind, state = found
        self._send_as_shown(
            self._generation, self.visit_id, kind, row, dict(state.values), state.deleted
        )
        return True

    def _gone(self, kind: RowKind, row: str) -> bool:
        """True when the screen does not show ``row`` (removed, or never there)."""
        state = None if self.doc is None else self.doc.row(kind, row)
        return state is None or state.deleted

    def _conflicted(self, kind: RowKind, row: str, exc: BaseException) -> None:
        """The row moved on elsewhere: show the stored row, and let the window offer to keep
        the screen's values (one question per row, after its last queued save)."""
        if self._in_flight[row] or self.doc is None:
            return
        mine = self.doc.row(kind, row)
        self.reload_row(kind, row)
        if mine is not None:
            self.conflict.emit((exc, kind, row, dict(mine.values), mine.deleted))
        self._flush_failures()

    def _flush_failures(self) -> None:
        """Tell the failures of a burst once the queue is quiet (one message, not one per row)."""
        if self._failures and not self.busy():
            unique = list(dict.fromkeys(self._failures))
            self._failures.clear()
            retry = "\nUse Edit > Retry saving to try again." if self.unsaved() else ""
            head = "A change could not be saved" if len(unique) == 1 else "Changes not saved"
            self._tell(f"{head}: " + " ".join(unique) + retry)

    def _tell(self, message: str) -> None:
        self.failed.emit(message)

    # -- putting rows as stored ------------------------------------------------------------
    def reload_row(self, kind: RowKind, uid: str) -> None:
        """Show ``uid`` exactly as the store holds it (after a refusal)."""
        generation = self._generation
        visit_id = self.visit_id
        if visit_id is None:
            return

        def done(stored: tuple[dict[str, Any], int, bool] | None) -> None:
            if generation != self._generation or self.doc is None:
                return
            if stored is None:
                self.doc.drop_row(kind, uid)
            else:
                values, version, deleted = stored
                self.doc.set_row(kind, uid, values, version, deleted)
            self._status.pop(uid, None)
            self._announce(DocChange(Change(store_calls.change_of(kind)), frozenset({uid})))
            self._announce_status(frozenset({uid}))

        self._worker.submit(
            lambda store: store_calls.stored_row(store, visit_id, kind, uid),
            done,
            lambda exc: self._tell(
                tr("The chart could not be read again: {error_text}").format(
                    error_text=error_text(exc)
                )
            ),
        )

    def put_rows(self, rows: Iterable[tuple[RowKind, str, dict[str, Any], int, bool]]) -> None:
        """Rows as another station stored them (no operation, nothing queued)."""
        if self.doc is None:
            return
        flags, uids = Change.NONE, set()
        for kind, uid, values, version, deleted in rows:
            flags |= self.doc.set_row(kind, uid, values, version, deleted)
            uids.add(uid)
        if uids:
            self._announce(DocChange(flags, frozenset(uids)))

    def retry_unsaved(self) -> int:
        """Store again, as shown, every row whose last save failed; returns how many."""
        pending = self.unsaved()
        generation, visit_id = self._generation, self.visit_id
        if visit_id is None:
            return 0
        for uid in pending:
            found = self._find(uid)
            if found is None:
                continue
            kind, state = found
            self._send_as_shown(generation, visit_id, kind, uid, dict(state.values), state.deleted)
        return len(pending)

    def keep_mine(self, kind: RowKind, uid: str, values: dict[str, Any], deleted: bool) -> None:
        """After a conflict: store the screen's values on the newer version, then show it."""
        if self.visit_id is not None:
            self._send_as_shown(self._generation, self.visit_id, kind, uid, values, deleted, True)

    def _send_as_shown(
        self,
        generation: int,
        visit_id: int,
        kind: RowKind,
        uid: str,
        values: dict[str, Any],
        deleted: bool,
        reload: bool = False,
    ) -> None:
        """Queue "store this row as shown" (the row is "saving" until its answer, and
        announced so once it is queued: the window's save state reads the queue, and said
        "All changes saved" while a retry was on its way); ``reload``: then show it as
        stored."""

        def job(store: Any) -> int | None:
            return store_calls.store_as_shown(store, visit_id, kind, uid, values, deleted, self.who)

        shown = self.doc.row(kind, uid) if self.doc is not None else None
        shown_version = None if shown is None else shown.version

        def done(version: int | None) -> None:
            doc = self.doc
            mine = doc.row(kind, uid) if doc is not None else None
            if (
                version is not None
                and doc is not None
                and mine is not None
                and generation == self._generation
                and mine.version == shown_version  # nothing done to it here meanwhile
            ):  # the screen's row at the stored version: its next change is built on it
                doc.set_row(kind, uid, mine.values, version, mine.deleted)
            self._done(generation, kind, uid, "Kept your change" if reload else "Saved")
            if reload:
                self.reload_row(kind, uid)

        self._in_flight[uid] += 1
        self._worker.submit(job, done, lambda exc: self._refused(generation, kind, uid, exc))
        self._status[uid] = ("saving", "")
        self._announce_status(frozenset({uid}))

    def _find(self, uid: str) -> tuple[RowKind, Any] | None:
        if self.doc is None:
            return None
        for kind, row_uid, state in self.doc:
            if row_uid == uid:
                return kind, state
        return None
