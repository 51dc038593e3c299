"""The open visit as a plain document, changed only by operations. Qt-free.

``VisitDocument`` holds one visit by its uid: the visit's own fields and, per kind
(pain marks, findings, treatments, observations, follow-ups), its rows keyed by uid, each
a ``RowState`` (fields, version, deleted). The window applies an operation here first
(the screen shows the document), emits one change signal with the returned ``Change``
flags, and queues the same operation for the store; the store checks the same versions.

Contract:

- ``doc.apply(op) -> Change`` applies one operation or raises ``OperationRefused`` and
  changes nothing. Refused: an op for another visit (or a client/intake op), an add of an
  id the document has (deleted or not), any other op on an unknown row, a change/move/
  delete of a deleted row, a restore of a live row, a ``before`` that does not match the
  row's current values (or names a field the row does not hold; ``add_op`` fills in the
  defaults of the fields not given, so rows are whole), a place change by ``change``
  instead of ``move``, a change of what an observation observed, and a ``base_version``
  other than the row's version (``StaleOperation``, a subclass). Versions move as the
  store's do: 1 after an add, +1 per applied operation.
- Building operations from what the screen shows: ``add_op``, ``change_op``, ``move_op``,
  ``delete_op``, ``restore_op`` read the current values and version (they do not apply);
  ``inverse_op(op)`` is the undo of an applied ``op`` at the row's current version (use
  it for undo and redo, see ``core/operations.py``).
- ``merge_entry(entry)`` takes in one stored change (``ChartStore.changes_since``): another
  station's change lands, the station's own (a version it already holds) is skipped.
- ``set_row`` / ``drop_row`` put a row exactly as the store holds it (another station's
  change, "take theirs" after a conflict, a reload), without an operation.
- ``shown()`` is what the screen shows (live rows' values): applying operations and then
  their inverses in reverse order gives back exactly the same ``shown()``; versions only
  grow, and an undone add stays as a removed row (its redo is a restore of the same id).
- ``snapshot()`` is a plain, comparable copy of everything; ``==`` compares documents.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from nmt_bodymap.core.operations import (
    MARK_PLACE_FIELDS,
    OBSERVATION_FIXED_FIELDS,
    ROW_FIELDS,
    VISIT_ROW_KINDS,
    Change,
    Operation,
    OperationError,
    OpKind,
    RowKind,
    change_for,
    new_row_id,
    with_defaults,
)


class OperationRefused(OperationError):
    """The operation does not fit the document (nothing was changed)."""


class StaleOperation(OperationRefused):
    """The operation names a version the row no longer has."""


@dataclass(frozen=True)
class RowState:
    """One row as the document holds it."""

    values: Mapping[str, Any]
    version: int
    deleted: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RowState):
            return NotImplemented
        return (dict(self.values), self.version, self.deleted) == (
            dict(other.values),
            other.version,
            other.deleted,
        )

    def __hash__(self) -> int:
        return hash((self.version, self.deleted, tuple(sorted(self.values))))


class VisitDocument:
    """The rows of one visit, keyed by kind and uid (see the module docstring)."""

    def __init__(
        self,
        visit: str,
        visit_values: Mapping[str, Any] | None = None,
        visit_version: int = 1,
        client: str | None = None,
    ) -> None:
        self.visit = visit
        self.client = client
        self.visit_state = RowState(visit_values or {}, visit_version)
        self._rows: dict[RowKind, dict[str, RowState]] = {kind: {} for kind in VISIT_ROW_KINDS}

    # -- reading ---------------------------------------------------------------------------

    def rows(self, kind: RowKind | str, include_deleted: bool = False) -> dict[str, RowState]:
        """The rows of one kind by uid, in the order they were added."""
        rows = self._rows[self._visit_kind(kind)]
        return {uid: s for uid, s in rows.items() if include_deleted or not s.deleted}

    def row(self, kind: RowKind | str, uid: str) -> RowState | None:
        """One row (deleted or not), or None when the document does not hold it."""
        if RowKind(kind) is RowKind.VISIT:
            return self.visit_state if uid == self.visit else None
        return self._rows[self._visit_kind(kind)].get(uid)

    def version(self, kind: RowKind | str, uid: str) -> int | None:
        state = self.row(kind, uid)
        return None if state is None else state.version

    def __iter__(self) -> Iterator[tuple[RowKind, str, RowState]]:
        for kind, rows in self._rows.items():
            for uid, state in rows.items():
                yield kind, uid, state

    def shown(self) -> dict[str, Any]:
        """What the screen shows: the visit's values and the live rows' values per kind.

        Undo restores this exactly; versions only grow (an undone change leaves the row two
        versions on) and an undone add leaves its row removed (so a redo restores it).
        """
        return {
            "visit": dict(self.visit_state.values),
            **{
                kind.value: {uid: dict(s.values) for uid, s in rows.items() if not s.deleted}
                for kind, rows in self._rows.items()
            },
        }

    def snapshot(self) -> dict[str, Any]:
        return {
            "visit": (self.visit, self.visit_state),
            **{kind.value: dict(rows) for kind, rows in self._rows.items()},
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, VisitDocument):
            return NotImplemented
        return self.snapshot() == other.snapshot()

    __hash__ = None  # type: ignore[assignment]

    # -- putting rows as stored (no operation) ---------------------------------------------

    def set_row(
        self,
        kind: RowKind | str,
        uid: str,
        values: Mapping[str, Any],
        version: int,
        deleted: bool = False,
    ) -> Change:
        """Hold a row exactly as the store has it; returns its change flag."""
        kind = RowKind(kind)
        if kind is RowKind.VISIT:
            if uid != self.visit:
                raise OperationRefused("That row belongs to another visit.")
            self.visit_state = RowState(values, version)
        else:
            self._rows[self._visit_kind(kind)][uid] = RowState(values, version, deleted)
        return change_for(kind)

    def drop_row(self, kind: RowKind | str, uid: str) -> Change:
        """Forget a row (e.g. an add the store refused); returns its change flag."""
        self._rows[self._visit_kind(kind)].pop(uid, None)
        return change_for(kind)

    def merge_entry(self, entry: Any) -> Change:
        """Take in one stored change (a store ``HistoryRecord``, or anything with ``visit``,
        ``kind``, ``row``, ``op``, ``version``, ``before`` and ``after``), e.g. another
        station's. Ignored (``Change.NONE``) when it is about another visit or the document
        already holds that version of the row (the station's own change)."""
        kind = RowKind(entry.kind)
        if entry.visit != self.visit or kind not in (*VISIT_ROW_KINDS, RowKind.VISIT):
            return Change.NONE
        current = self.row(kind, entry.row)
        if current is not None and current.version >= entry.version:
            return Change.NONE
        values = dict(current.values) if current is not None else {}
        op = OpKind(entry.op)
        if op in (OpKind.ADD, OpKind.RESTORE):
            values = dict(entry.after or {})
        elif op is OpKind.DELETE:
            values = values or dict(entry.before or {})
        else:
            values.update(entry.after or {})
        return self.set_row(kind, entry.row, values, entry.version, op is OpKind.DELETE)

    # -- building operations ---------------------------------------------------------------

    def add_op(
        self, kind: RowKind | str, values: Mapping[str, Any], row: str | None = None
    ) -> Operation:
        """Add a row: the fields not named take their defaults (``ROW_DEFAULTS``), so the
        document holds the whole row as the store will."""
        return Operation(
            OpKind.ADD,
            RowKind(kind),
            row or new_row_id(),
            self.visit,
            None,
            with_defaults(kind, values),
            None,
        )

    def change_op(self, kind: RowKind | str, uid: str, **changes: Any) -> Operation:
        state = self._live(RowKind(kind), uid)
        before = {name: state.values.get(name) for name in changes}
        return Operation(
            OpKind.CHANGE, RowKind(kind), uid, self.visit, before, changes, state.version
        )

    def move_op(self, uid: str, **place: Any) -> Operation:
        state = self._live(RowKind.PAIN_MARK, uid)
        before = {name: state.values.get(name) for name in place}
        return Operation(
            OpKind.MOVE, RowKind.PAIN_MARK, uid, self.visit, before, place, state.version
        )

    def delete_op(self, kind: RowKind | str, uid: str) -> Operation:
        state = self._live(RowKind(kind), uid)
        return Operation(
            OpKind.DELETE, RowKind(kind), uid, self.visit, state.values, None, state.version
        )

    def restore_op(self, kind: RowKind | str, uid: str) -> Operation:
        state = self._known(RowKind(kind), uid)
        return Operation(
            OpKind.RESTORE, RowKind(kind), uid, self.visit, None, state.values, state.version
        )

    def inverse_op(self, op: Operation) -> Operation:
        """The undo of ``op`` (applied earlier), naming the row's version as it is now."""
        return op.inverse(self.version(op.kind, op.row))

    # -- applying --------------------------------------------------------------------------

    def apply(self, op: Operation) -> Change:
        """Apply ``op`` (or raise ``OperationRefused`` and change nothing); its flags."""
        if op.visit != self.visit:
            raise OperationRefused("The operation belongs to another visit.")
        if op.kind is RowKind.VISIT:
            self.visit_state = self._applied(op, self._visit_row(op), allow_add=False)
            return Change.VISIT
        rows = self._rows[self._visit_kind(op.kind)]
        if op.op is OpKind.ADD:
            if op.row in rows:
                raise OperationRefused(f"The {_words(op.kind)} {op.row} is already charted.")
            rows[op.row] = RowState(op.after or {}, 1)
        else:
            rows[op.row] = self._applied(op, rows.get(op.row), allow_add=False)
        return change_for(op.kind)

    def _applied(self, op: Operation, state: RowState | None, allow_add: bool) -> RowState:
        what = _words(op.kind)
        if state is None or (op.op is OpKind.ADD and not allow_add):
            raise OperationRefused(f"The {what} {op.row} is not in this visit.")
        if op.base_version != state.version:
            raise StaleOperation(
                f"The {what} was changed since it was read "
                f"(version {state.version}, not {op.base_version})."
            )
        values = dict(state.values)
        if op.op in (OpKind.CHANGE, OpKind.MOVE):
            if state.deleted:
                raise OperationRefused(f"The {what} was removed; restore it first.")
            self._check_change(op)
            missing = sorted(set(op.before or {}) - set(values))
            if missing:
                raise OperationRefused(f"The {what} holds no {missing[0]!r} to change.")
            if any(values[k] != v for k, v in (op.before or {}).items()):
                raise OperationRefused(f"The {what} does not hold the values being replaced.")
            values.update(op.after or {})
            return RowState(values, state.version + 1, False)
        if op.op is OpKind.DELETE:
            if state.deleted:
                raise OperationRefused(f"The {what} is already removed.")
            if dict(op.before or {}) != values:
                raise OperationRefused(f"The {what} does not hold the values being removed.")
            return RowState(values, state.version + 1, True)
        if not state.deleted:
            raise OperationRefused(f"The {what} is not removed; there is nothing to restore.")
        if dict(op.after or {}) != values:
            raise OperationRefused(f"The {what} does not hold the values being restored.")
        return RowState(values, state.version + 1, False)

    @staticmethod
    def _check_change(op: Operation) -> None:
        if (
            op.op is OpKind.CHANGE
            and op.kind is RowKind.PAIN_MARK
            and op.fields & MARK_PLACE_FIELDS
        ):
            raise OperationRefused("A pain mark's place is changed by moving it.")
        if op.kind is RowKind.OBSERVATION and op.fields & OBSERVATION_FIXED_FIELDS:
            raise OperationRefused(
                "What was observed cannot be changed; remove the observation and add the right one."
            )

    def _visit_row(self, op: Operation) -> RowState | None:
        if op.row != self.visit or op.op is not OpKind.CHANGE:
            raise OperationRefused("Only the open visit's own fields can be changed here.")
        return self.visit_state

    @staticmethod
    def _visit_kind(kind: RowKind | str) -> RowKind:
        kind = RowKind(kind)
        if kind not in VISIT_ROW_KINDS:
            raise OperationRefused(f"A visit document holds no {_words(kind)} rows.")
        return kind

    def _known(self, kind: RowKind, uid: str) -> RowState:
        state = self.row(kind, uid)
        if state is None:
            raise OperationRefused(f"The {_words(kind)} {uid} is not in this visit.")
        return state

    def _live(self, kind: RowKind, uid: str) -> RowState:
        state = self._known(kind, uid)
        if state.deleted:
            raise OperationRefused(f"The {_words(kind)} {uid} was removed.")
        return state


def _words(kind: RowKind | str) -> str:
    return RowKind(kind).value.replace("_", " ").replace("follow up", "follow-up")


def fields_of(kind: RowKind | str) -> frozenset[str]:
    """The field names a row of ``kind`` has."""
    return ROW_FIELDS[RowKind(kind)]
