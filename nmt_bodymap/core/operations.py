"""Operations: every edit of a chart as one small value with an exact inverse. Qt-free.

Contract (shared by the window, the visit document and the store; keep it stable):

- Every clinical row has a client-made id, ``row`` (a UUID string from ``new_row_id()``),
  given the moment it is created on screen, and a ``version``: 1 after its add, +1 for
  every operation applied to it afterwards (change, move, delete, restore).
- ``Operation(op, kind, row, visit, before, after, base_version, client)``:

  ========  =====================  =====================  ================
  op        before                 after                  base_version
  ========  =====================  =====================  ================
  add       None                   the new row's fields   None
  change    old values of the      new values of the      version read
            changed fields         same fields
  move      old place fields       new place fields       version read
            (pain marks only)
  delete    the row's fields       None                   version read
  restore   None                   the row's fields       version read
  ========  =====================  =====================  ================

  ``visit`` is the uid of the visit the row belongs to (for a ``visit`` row: its own uid;
  None for ``client`` and ``intake`` rows). ``client`` is the uid of the client, needed
  only to add a visit or to save an intake (the parent the row hangs on).
  Values are JSON values (str, int, float, bool, None, lists, dicts; dates as ISO text).
- ``op.inverse()`` undoes ``op``: add -> delete, delete -> restore, restore -> delete,
  change/move -> the same op with before and after swapped. Its ``base_version`` is the
  version the row has when the undo is issued: ``VisitDocument.inverse_op(op)`` reads it
  from the document, which already counts every operation still queued for the store, so
  an undo queued behind saves that have not run yet names the right version (plain
  ``op.inverse()`` assumes nothing happened to the row since ``op``). A generic undo
  command keeps the operation it last applied and applies the inverse, both ways:
  ``undo = doc.inverse_op(done); redo = doc.inverse_op(undo)`` (the redo of an add is a
  restore of the same row, never a second row).
- ``Change`` flags say what an applied operation touched (``change_for(kind)``); panels
  redraw only what the flags name.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntFlag, StrEnum
from types import MappingProxyType
from typing import Any


class RowKind(StrEnum):
    """The kinds of clinical row an operation can name (the history's ``kind``)."""

    PAIN_MARK = "pain_mark"
    FINDING = "finding"
    TREATMENT = "treatment"
    OBSERVATION = "observation"
    FOLLOW_UP = "follow_up"
    VISIT = "visit"
    CLIENT = "client"
    INTAKE = "intake"


class OpKind(StrEnum):
    """What an operation does to its row (the history's ``op``)."""

    ADD = "add"
    CHANGE = "change"
    DELETE = "delete"
    RESTORE = "restore"
    MOVE = "move"


class Change(IntFlag):
    """What an applied operation changed; a refresh redraws only the parts named here."""

    NONE = 0
    MARKS = 1
    FINDINGS = 2
    TREATMENTS = 4
    OBSERVATIONS = 8
    FOLLOW_UPS = 16
    VISIT = 32
    CLIENT = 64
    INTAKE = 128


_CHANGE_FOR = {
    RowKind.PAIN_MARK: Change.MARKS,
    RowKind.FINDING: Change.FINDINGS,
    RowKind.TREATMENT: Change.TREATMENTS,
    RowKind.OBSERVATION: Change.OBSERVATIONS,
    RowKind.FOLLOW_UP: Change.FOLLOW_UPS,
    RowKind.VISIT: Change.VISIT,
    RowKind.CLIENT: Change.CLIENT,
    RowKind.INTAKE: Change.INTAKE,
}


def change_for(kind: RowKind | str) -> Change:
    """The flag of one kind of row."""
    return _CHANGE_FOR[RowKind(kind)]


# The fields an operation may name, per kind (the same names as the store's schemas).
# A visit's free-text fields (the SOAP note and the rest): stored as "" when empty.
VISIT_TEXT_FIELDS: tuple[str, ...] = (
    "therapist",
    "chief_complaint",
    "subjective",
    "objective",
    "assessment",
    "plan",
    "posture",
    "gait",
)

ROW_FIELDS: Mapping[RowKind, frozenset[str]] = MappingProxyType(
    {
        RowKind.PAIN_MARK: frozenset(
            {"view", "x", "y", "region", "side", "intensity", "quality", "note"}
        ),
        RowKind.FINDING: frozenset(
            {
                "muscle_id",
                "side",
                "trigger_point_id",
                "activity",
                "tenderness",
                "jump_sign",
                "local_twitch",
                "referral_reproduced",
                "ischemia",
                "entrapment",
                "note",
            }
        ),
        RowKind.TREATMENT: frozenset(
            {
                "muscle_id",
                "side",
                "trigger_point_id",
                "technique",
                "pressure_tolerance",
                "hold_seconds",
                "repetitions",
                "hold_lengths",  # every hold's length in seconds, in order (revision 0007)
                "response",
            }
        ),
        RowKind.OBSERVATION: frozenset({"kind", "item", "region", "side", "severity", "note"}),
        RowKind.FOLLOW_UP: frozenset({"soreness_hours", "relief_days", "note"}),
        RowKind.VISIT: frozenset({"started_at", *VISIT_TEXT_FIELDS}),
        RowKind.CLIENT: frozenset(
            {"name", "date_of_birth", "phone", "email", "address", "notes", "is_demo"}
        ),
        RowKind.INTAKE: frozenset(
            {
                "history",
                "medications",
                "conditions",
                "occupation",
                "habits",
                "stress",
                "sleep_hours",
                "sleep_notes",
                "hydration_litres",
                "nutrition",
                "breathing",
                "red_flags",
                "red_flag_clearance",
                "red_flag_cleared_on",
                "complaints",  # the list of {description, onset_date, duration_weeks}
            }
        ),
    }
)

# What a field holds when an add does not name it (the store's column defaults; a store
# test keeps the two equal). ``VisitDocument.add_op`` fills these in, so the document holds
# whole rows exactly as the store will.
ROW_DEFAULTS: Mapping[RowKind, Mapping[str, Any]] = MappingProxyType(
    {
        RowKind.PAIN_MARK: {"x": None, "y": None, "note": ""},
        RowKind.FINDING: {
            "trigger_point_id": "",
            "tenderness": None,
            "jump_sign": False,
            "local_twitch": False,
            "referral_reproduced": False,
            "ischemia": False,
            "entrapment": False,
            "note": "",
        },
        RowKind.TREATMENT: {
            "trigger_point_id": "",
            "pressure_tolerance": None,
            "hold_seconds": None,
            "repetitions": None,
            "hold_lengths": [],
            "response": "",
        },
        RowKind.OBSERVATION: {"region": "", "side": "", "severity": None, "note": ""},
        RowKind.FOLLOW_UP: {"soreness_hours": None, "relief_days": None, "note": ""},
        RowKind.VISIT: {name: "" for name in VISIT_TEXT_FIELDS},
        RowKind.CLIENT: {
            "date_of_birth": None,
            "phone": "",
            "email": "",
            "address": "",
            "notes": "",
            "is_demo": False,
        },
        RowKind.INTAKE: {
            **{
                name: ""
                for name in (
                    "history",
                    "medications",
                    "conditions",
                    "occupation",
                    "habits",
                    "sleep_notes",
                    "nutrition",
                    "breathing",
                    "red_flag_clearance",
                )
            },
            "stress": None,
            "sleep_hours": None,
            "hydration_litres": None,
            "red_flags": {},
            "red_flag_cleared_on": None,
            "complaints": [],
        },
    }
)


def with_defaults(kind: RowKind | str, values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with every field it does not name at its default (a whole new row)."""
    return {**ROW_DEFAULTS[RowKind(kind)], **values}


# A pain mark's place: changed by a ``move`` operation only, never by ``change``.
MARK_PLACE_FIELDS: frozenset[str] = frozenset({"view", "x", "y", "region", "side"})
# What was observed is fixed: remove the observation and add the right one.
OBSERVATION_FIXED_FIELDS: frozenset[str] = frozenset({"kind", "item"})
# Rows that live inside one visit (the visit document holds these and the visit itself).
VISIT_ROW_KINDS: tuple[RowKind, ...] = (
    RowKind.PAIN_MARK,
    RowKind.FINDING,
    RowKind.TREATMENT,
    RowKind.OBSERVATION,
    RowKind.FOLLOW_UP,
)


def new_row_id() -> str:
    """A fresh client-made row id (UUID4 text), given when a row is created on screen."""
    return str(uuid.uuid4())


class OperationError(ValueError):
    """An operation that cannot be applied as given (the message names the reason)."""


def _frozen(values: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    return None if values is None else MappingProxyType(dict(values))


@dataclass(frozen=True)
class Operation:
    """One edit of one row; see the module docstring for what each field holds."""

    op: OpKind
    kind: RowKind
    row: str
    visit: str | None = None
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None
    base_version: int | None = None
    client: str | None = field(default=None, compare=True)

    def __post_init__(self) -> None:
        object.__setattr__(self, "op", OpKind(self.op))
        object.__setattr__(self, "kind", RowKind(self.kind))
        object.__setattr__(self, "before", _frozen(self.before))
        object.__setattr__(self, "after", _frozen(self.after))
        self.check_shape()

    def check_shape(self) -> None:
        """Raise ``OperationError`` unless before/after/base_version fit ``op`` (table above)."""
        op, before, after = self.op, self.before, self.after
        if not isinstance(self.row, str) or not self.row:
            raise OperationError("An operation must name its row by id.")
        if op is OpKind.ADD:
            ok = before is None and after is not None and self.base_version is None
        elif op in (OpKind.CHANGE, OpKind.MOVE):
            ok = before is not None and after is not None and set(before) == set(after)
        elif op is OpKind.DELETE:
            ok = before is not None and after is None
        else:
            ok = before is None and after is not None
        if not ok:
            raise OperationError(f"A {op.value} operation cannot carry these values.")
        if op is not OpKind.ADD and (
            not isinstance(self.base_version, int) or self.base_version < 1
        ):
            raise OperationError(f"A {op.value} operation must name the version it read.")
        if op is OpKind.MOVE and (
            self.kind is not RowKind.PAIN_MARK or not set(after or {}) <= MARK_PLACE_FIELDS
        ):
            raise OperationError("Only a pain mark's place can be moved.")
        unknown = sorted((set(before or {}) | set(after or {})) - ROW_FIELDS[self.kind])
        if unknown:
            raise OperationError(f"{unknown[0]!r} is not a field of a {self.kind.value}.")

    @property
    def change(self) -> Change:
        return change_for(self.kind)

    @property
    def fields(self) -> frozenset[str]:
        """The field names this operation touches."""
        return frozenset(self.after or self.before or {})

    def inverse(self, base_version: int | None = None) -> Operation:
        """The operation that undoes this one. It names ``base_version`` when given (the
        row's version when the undo is issued: ``VisitDocument.inverse_op`` passes it),
        else the version this one leaves behind."""
        op = {
            OpKind.ADD: OpKind.DELETE,
            OpKind.DELETE: OpKind.RESTORE,
            OpKind.RESTORE: OpKind.DELETE,
            OpKind.CHANGE: OpKind.CHANGE,
            OpKind.MOVE: OpKind.MOVE,
        }[self.op]
        return Operation(
            op=op,
            kind=self.kind,
            row=self.row,
            visit=self.visit,
            before=self.after,
            after=self.before,
            base_version=(self.base_version or 0) + 1 if base_version is None else base_version,
            client=self.client,
        )

    def to_json(self) -> dict[str, Any]:
        """A plain dict (JSON-ready when the values are)."""
        return {
            "op": self.op.value,
            "kind": self.kind.value,
            "row": self.row,
            "visit": self.visit,
            "client": self.client,
            "before": None if self.before is None else dict(self.before),
            "after": None if self.after is None else dict(self.after),
            "base_version": self.base_version,
        }
