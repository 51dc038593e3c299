"""The checks every operation on a row runs, shared by both write paths of
``store/apply.py``: the ORM path (clients, visits, intakes, a retried add) and the Core
path of a visit's own rows (``store/apply_rows.py``). Both run them in the same order, so
both refuse the same operations with the same messages.

- ``SPECS``: each row kind's model, the row model its values are checked with, its label;
- ``checked``: an add's values, cleaned and checked (a mark's place, an observation);
- ``check_version``: the row's stored version against the operation's base version;
- ``change``: a change, delete or restore made on the locked row (or on a row's values read
  with Core, as a plain namespace), returning the history's ``before``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import (
    MARK_PLACE_FIELDS,
    OBSERVATION_FIXED_FIELDS,
    Operation,
    OpKind,
    RowKind,
)
from nmt_bodymap.store import history, signing
from nmt_bodymap.store import validation as v
from nmt_bodymap.store.conflicts import kind_words
from nmt_bodymap.store.errors import ChartNotFound, ChartValidationError
from nmt_bodymap.store.models import Complaint, Intake, utc_now
from nmt_bodymap.store.reading import MODELS


@dataclass(frozen=True)
class KindSpec:
    model: type[Any]
    rules: type[v.RowInput]  # the row model its values are checked with
    label: str  # as the messages name it: "Pain mark"


LABELS = {
    RowKind.PAIN_MARK: "Pain mark",
    RowKind.FINDING: "Finding",
    RowKind.TREATMENT: "Treatment",
    RowKind.OBSERVATION: "Observation",
    RowKind.FOLLOW_UP: "Follow-up",
    RowKind.VISIT: "Visit",
    RowKind.CLIENT: "Client",
    RowKind.INTAKE: "Intake",
}
SPECS: dict[RowKind, KindSpec] = {
    kind: KindSpec(MODELS[kind], v.ROW_INPUTS[kind], label) for kind, label in LABELS.items()
}


def name_keys(name: str) -> tuple[str, str]:
    """Case-folded full name and last word: what a prefix search matches."""
    key = " ".join(name.casefold().split())
    return key, key.rsplit(" ", 1)[-1]


def check_mark(values: Mapping[str, Any], new: bool = True) -> None:
    """A pain mark's place exists, and a mark on a diagram has its position there; a ``new``
    position (an added or moved mark) must lie on the body."""
    place = (values["view"], values["region"], values["side"], values["x"], values["y"])
    v.check_place(*place, new=new)
    from nmt_bodymap.core.vocabulary import INTERNAL_VIEW  # a data file: not at chart open

    if values["view"] != INTERNAL_VIEW and (values["x"] is None or values["y"] is None):
        raise ChartValidationError(
            f"A pain mark on the {values['view']} view needs its position on the diagram.", "x"
        )


def checked(spec: KindSpec, op: Operation) -> dict[str, Any]:
    """The values of an add (not of an intake), checked: ``ChartValidationError`` if not."""
    kind, values = op.kind, dict(op.after or {})
    if kind is RowKind.VISIT:
        values.setdefault("started_at", datetime.now(UTC))
    cleaned = v.clean(spec.rules, values)
    if kind is RowKind.PAIN_MARK:
        check_mark({"x": None, "y": None, **cleaned})
    elif kind is RowKind.OBSERVATION:
        cleaned.setdefault("region", "")
        cleaned.setdefault("side", "")
        v.check_observation(cleaned["kind"], cleaned["item"], cleaned["region"], cleaned["side"])
    return cleaned


def check_version(session: Session, op: Operation, row: Any) -> None:
    if op.base_version != row.version:
        raise signing.conflict(session, op.kind, row, op.base_version)


def change(
    session: Session | None, spec: KindSpec, op: Operation, row: Any
) -> dict[str, Any] | None:
    """Change the locked row as ``op`` says; returns the history's ``before``. ``session``:
    the ORM session an intake is changed in (None for a visit's own rows, read with Core)."""
    what = kind_words(op.kind)
    if op.op is OpKind.DELETE:
        if row.deleted_at is not None:
            raise ChartValidationError(f"This {what} is already removed.")
        before = history.row_values(session, op.kind, row)
        row.deleted_at = utc_now()
        return before
    if op.op is OpKind.RESTORE:
        if row.deleted_at is None:
            raise ChartValidationError(f"This {what} is not removed; nothing to restore.")
        row.deleted_at = None
        return None
    if row.deleted_at is not None:
        raise ChartNotFound(f"{spec.label} {op.row} does not exist.")
    values = dict(op.after or {})
    if op.op is OpKind.CHANGE and op.kind is RowKind.PAIN_MARK and op.fields & MARK_PLACE_FIELDS:
        field = sorted(op.fields & MARK_PLACE_FIELDS)[0]
        raise ChartValidationError(f"Use move_pain_mark to change {field}.", field)
    if op.kind is RowKind.OBSERVATION and op.fields & OBSERVATION_FIXED_FIELDS:
        raise ChartValidationError(
            "What was observed cannot be changed; remove the observation and add the right one.",
            sorted(op.fields & OBSERVATION_FIXED_FIELDS)[0],
        )
    before = history.row_values(session, op.kind, row, op.fields)
    if op.kind is RowKind.INTAKE:
        assert session is not None
        set_intake(session, row, values)
        return before
    cleaned = v.clean(spec.rules, values, partial=True)
    if op.kind is RowKind.PAIN_MARK:
        current = {name: getattr(row, name) for name in MARK_PLACE_FIELDS}
        moved = {**current, **cleaned}
        check_mark(moved, new=any(moved[k] != current[k] for k in ("view", "x", "y")))
    elif op.kind is RowKind.OBSERVATION:
        place = {"region": row.region, "side": row.side, **cleaned}
        v.check_observation(row.kind, row.item, place["region"], place["side"])
    for name, value in cleaned.items():
        setattr(row, name, value)
    if op.kind is RowKind.CLIENT:
        row.name_key, row.surname_key = name_keys(row.name)
    return before


def set_intake(session: Session, intake: Intake, values: dict[str, Any]) -> None:
    """Intake fields, and the complaints list when given (the old ones stamped deleted)."""
    complaints = values.pop("complaints", None)
    cleaned = v.clean(v.IntakeInput, values, partial=True)
    new_complaints = (
        None if complaints is None else [v.clean(v.ComplaintInput, c) for c in complaints]
    )
    for name, value in cleaned.items():
        setattr(intake, name, value)
    intake.updated_at = utc_now()
    if new_complaints is None:
        return
    now = utc_now()
    query = select(Complaint).where(
        Complaint.intake_id == intake.id, Complaint.deleted_at.is_(None)
    )
    for old in session.scalars(query):
        old.deleted_at = now
    for position, complaint in enumerate(new_complaints):
        session.add(Complaint(intake_id=intake.id, position=position, **complaint))
    session.flush()
