"""The open visit's pain marks as the body map shows them: a view of :class:`OpenVisit`.

Marks are the document's pain-mark rows, keyed by the uid given on screen; edits are
operations (:meth:`add_op`, :meth:`move_op`, :meth:`change_op`, :meth:`delete_op`) that
the generic undo command (:mod:`nmt_bodymap.ui.chart.commands`) applies through the open visit.
The per-mark signals let the map touch exactly the items a change names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from nmt_bodymap.core.operations import Change, Operation, RowKind
from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.chart.open_visit import SAVED, DocChange, OpenVisit

MARK = RowKind.PAIN_MARK


class VisitMarks(QObject):
    """Pain marks of the open visit (a view of its document); emits per-mark signals."""

    mark_added = Signal(str)
    mark_changed = Signal(str)
    mark_removed = Signal(str)
    marks_reset = Signal()
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, visit: OpenVisit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        self._shown: set[str] = set()
        self._badged: set[str] = set()  # marks drawn with the "not saved" badge
        # uid -> (the document's row object, its save status, the state made of them): a
        # row object is replaced on every change, so a state is reused only while exact.
        self._known: dict[str, tuple[Any, tuple[str, str], MarkState]] = {}
        self._read: tuple[Any, int, list[MarkState]] | None = None  # doc, revision, marks
        visit.changed.connect(self._on_changed)
        visit.status_changed.connect(self._on_status)

    # -- reading ---------------------------------------------------------------------------
    @property
    def visit_id(self) -> int | None:
        return self.visit.visit_id

    def marks(self) -> list[MarkState]:
        """Every live mark, in the document's order (a state is made once per row version
        and save status: a 10,000-mark visit is read many times while it opens)."""
        stamp = (self.visit.doc, self.visit.revision)
        if self._read is not None and self._read[0] is stamp[0] and self._read[1] == stamp[1]:
            return list(self._read[2])  # nothing announced since the last read
        known = self._known
        rows = self.visit.rows(MARK)
        statuses = self.visit.statuses()  # only the rows not plain saved
        status = statuses.get
        saved = [status(uid, SAVED) for uid in rows] if statuses else [SAVED] * len(rows)
        if known:  # a state is reused while its row object and save status are the same
            entries = [
                entry
                if (entry := known.get(uid)) is not None and entry[0] is row and entry[1] == sv
                else (row, sv, _state(uid, row.values, sv))
                for (uid, row), sv in zip(rows.items(), saved, strict=True)
            ]
        else:  # a visit just read: every state is new
            entries = [
                (row, sv, _state(uid, row.values, sv))
                for (uid, row), sv in zip(rows.items(), saved, strict=True)
            ]
        self._known = dict(zip(rows, entries, strict=True))  # rows gone are forgotten
        result = [entry[2] for entry in entries]
        self._read = (*stamp, result)
        return list(result)

    def get(self, key: str) -> MarkState | None:
        doc = self.visit.doc
        row = None if doc is None else doc.row(MARK, key)
        if row is None or row.deleted:
            return None
        saved = self.visit.status(key)
        entry = self._known.get(key)
        if entry is not None and entry[0] is row and entry[1] == saved:
            return entry[2]
        return self._state(key, row, saved)

    def unsaved(self) -> list[MarkState]:
        """The marks whose last save failed, in the document's order. Asked on every save's
        answer (the window's save state): when no row of the visit is unsaved, the marks
        are not read at all (issue 18)."""
        if not any(status == "unsaved" for status, _error in self.visit.statuses().values()):
            return []
        return [m for m in self.marks() if m.status == "unsaved"]

    def _state(self, uid: str, row: Any, saved: tuple[str, str] | None = None) -> MarkState:
        return _state(uid, row.values, saved if saved is not None else self.visit.status(uid))

    # -- loading ---------------------------------------------------------------------------
    def load_visit(self, visit_id: int | None) -> None:
        self.visit.load_visit(visit_id)

    # -- operations (applied by the generic undo command) ----------------------------------
    def add_op(
        self,
        view: str,
        x: float | None,
        y: float | None,
        region: str,
        side: Side,
        intensity: int,
        quality: str,
    ) -> Operation:
        doc = self._doc()
        values = {
            "view": view,
            "x": x,
            "y": y,
            "region": region,
            "side": side,
            "intensity": intensity,
            "quality": quality,
            "note": "",
        }
        return doc.add_op(MARK, values)

    def move_op(self, key: str, x: float, y: float, region: str, side: Side) -> Operation:
        return self._doc().move_op(key, x=x, y=y, region=region, side=side)

    def change_op(self, key: str, **changes: Any) -> Operation:
        return self._doc().change_op(MARK, key, **changes)

    def delete_op(self, key: str) -> Operation:
        return self._doc().delete_op(MARK, key)

    def _doc(self) -> VisitDocument:
        if self.visit.doc is None:
            raise RuntimeError("no visit is open")
        return self.visit.doc

    def retry_unsaved(self) -> int:
        return self.visit.retry_unsaved()

    # -- following the document ------------------------------------------------------------
    def _on_changed(self, change: DocChange) -> None:
        if change.reset:
            self._shown = set(self.visit.rows(MARK))
            self._badged = set()
            self.marks_reset.emit()
            return
        if not change.flags & Change.MARKS:
            return
        doc = self.visit.doc  # the changed rows looked up, not every mark copied
        for uid in sorted(change.rows):
            row = None if doc is None else doc.row(MARK, uid)
            live = row is not None and not row.deleted
            if live and uid not in self._shown:
                self._shown.add(uid)
                self.mark_added.emit(uid)
            elif live:
                self.mark_changed.emit(uid)
            elif uid in self._shown:
                self._shown.discard(uid)
                self.mark_removed.emit(uid)

    def _on_status(self, uids: frozenset[str]) -> None:
        """Redraw a mark whose "not saved" badge comes or goes (saving looks like saved)."""
        for uid in uids:
            unsaved = self.visit.status(uid)[0] == "unsaved"
            if uid in self._shown and unsaved != (uid in self._badged):
                self._badged ^= {uid}
                self.mark_changed.emit(uid)


def _state(uid: str, v: dict[str, Any], saved: tuple[str, str]) -> MarkState:
    """A mark's state from its row's values and save status (positional: 10,000 per big
    open)."""
    x, y = v.get("x"), v.get("y")
    return MarkState(
        uid,
        v["view"],
        None if x is None else float(x),
        None if y is None else float(y),
        v["region"],
        v["side"],
        int(v["intensity"]),
        v["quality"],
        saved[0],  # type: ignore[arg-type]
        saved[1],
    )
