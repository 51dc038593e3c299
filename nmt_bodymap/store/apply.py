"""Applying one ``core.operations.Operation`` to the chart inside the caller's transaction.

``apply_operation(session, op, who)`` is the only code that changes a clinical row:

1. finds the row by its uid, locked (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite
   writers are already serialised by ``BEGIN IMMEDIATE``), or its parent for an add;
2. checks the row's version against ``op.base_version``: another number raises
   ``ChartConflict`` (with the stored values and who changed it last, and when);
3. validates with the row's model (``store/validation.py``) and the rules
   below, refusing with ``ChartValidationError`` before anything is written;
4. changes the row, bumps ``version`` by one (an add starts at 1);
5. appends the history entry (``store/history.py``).

The visit's own rows (pain marks, findings, treatments, observations, follow-ups: a
click's save) are read and written with Core statements (``store/row_writes.py``: 3 for
an add, 4 for the others, where the ORM took 7-8; issue 18); clients, visits, intakes and
a retried add go through the ORM. Both run the checks below in the same order.

A signed visit refuses every operation on itself and its rows (``store/signing.py``,
``VisitSigned``); signing (``SignVisit``) and amending (``Amend``, ``core/signing.py``) are
operations of their own, applied by ``store/signing.py``.

The caller commits; any exception rolls all of it back, so a row change and its history
entry are stored both or neither. An add whose uid is already stored with the same values
is a retried add: nothing is written again (``Applied.replayed``). Deletes and restores are
soft (``deleted_at``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace
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
from nmt_bodymap.core.signing import Amend, SignVisit, allows
from nmt_bodymap.store import history, row_writes, signing
from nmt_bodymap.store import validation as v
from nmt_bodymap.store.conflicts import kind_words
from nmt_bodymap.store.errors import ChartNotFound, ChartValidationError
from nmt_bodymap.store.models import Client, Complaint, Intake, Observation, Visit, utc_now
from nmt_bodymap.store.reading import MODELS, RECORDS, record_of
from nmt_bodymap.store.records import Applied, record_names


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


def locked(session: Session, model: type[Any], column: Any, value: Any) -> Any:
    """The row where ``column == value``, locked for this transaction (or None)."""
    return session.scalars(select(model).where(column == value).with_for_update()).first()


def apply_operation(session: Session, op: Operation | SignVisit | Amend, who: str) -> Applied:
    """Apply ``op`` in the open transaction (see the module docstring)."""
    if isinstance(op, SignVisit):
        return signing.apply_sign(session, op, who)
    if isinstance(op, Amend):
        return signing.apply_amend(session, op, who)
    spec = SPECS[op.kind]
    if op.kind in row_writes.KINDS:
        applied = _apply_visit_row(session, spec, op, who)
        if applied is not None:
            return applied
    if op.op is OpKind.ADD:
        existing = session.scalars(select(spec.model).where(spec.model.uid == op.row)).first()
        if existing is not None:
            return _replayed(session, spec, op, existing)
        signing.refuse_if_signed(session, op, None)
        row, before = _add(session, spec, op), None
    else:
        row = locked(session, spec.model, spec.model.uid, op.row)
        if row is None:
            raise ChartNotFound(f"{spec.label} {op.row} does not exist.")
        signing.refuse_if_signed(session, op, row)
        _check_version(session, op, row)
        _check_parent(session, op, row)
        before = _change(session, spec, op, row)
        row.version += 1
    session.flush()
    if op.op in (OpKind.ADD, OpKind.RESTORE):
        after: dict[str, Any] | None = history.row_values(session, op.kind, row)
    elif op.op is OpKind.DELETE:
        after = None
    else:
        after = history.row_values(session, op.kind, row, op.fields)
    client, visit = _owners(session, op.kind, row)
    entry = history.append(
        session,
        who=who,
        client_id=client.id,
        client_uid=client.uid,
        visit_uid=None if visit is None else visit.uid,
        kind=op.kind,
        row_uid=row.uid,
        op=op.op.value,
        version=row.version,
        before=before,
        after=after,
    )
    return Applied(op, record_of(session, op.kind, row), row.id, row.version, entry)


def _apply_visit_row(session: Session, spec: KindSpec, op: Operation, who: str) -> Applied | None:
    """``op`` on a visit's own row, written with Core statements (``store/row_writes.py``):
    the same checks in the same order, the same row and history entry as the ORM path below.
    None for an add whose uid is already stored: the ORM path answers the retried add."""
    kind = op.kind
    connection = row_writes.connection(session)
    if op.op is OpKind.ADD:
        owner = row_writes.add_read(connection, kind, op.visit, op.row)
        if owner is None:  # no such visit: is the uid stored anyway (a retried add)?
            retried = row_writes.stored_id(connection, kind, op.row) is not None
        else:
            retried = owner.stored_id is not None
        if retried:
            return None
        if owner is not None and not allows(kind, owner.signed_at is not None):
            raise signing.VisitSigned()
        cleaned = _checked(spec, op)
        if owner is None or owner.deleted_at is not None:
            raise ChartNotFound(f"Visit {op.visit} does not exist.")
        values = {"uid": op.row, "version": 1, "visit_id": owner.id, **cleaned}
        row = row_writes.insert_row(connection, kind, values)
        before: dict[str, Any] | None = None
    else:
        stored = row_writes.locked_row(connection, kind, op.row)
        if stored is None:
            raise ChartNotFound(f"{spec.label} {op.row} does not exist.")
        owner = row_writes.owner(connection, visit_id=stored["visit_id"])
        if not allows(kind, owner.signed_at is not None):
            raise signing.VisitSigned()
        changed = SimpleNamespace(**stored)  # what _change reads and sets, as on an ORM row
        _check_version(session, op, changed)
        if op.visit is not None and owner.uid != op.visit:
            raise ChartValidationError(
                f"This {kind_words(kind)} belongs to another visit; nothing was changed."
            )
        before = _change(session, spec, op, changed)
        changed.version += 1
        changes = {k: value for k, value in vars(changed).items() if value is not stored[k]}
        row = row_writes.update_row(connection, kind, stored, changes)
    if op.op in (OpKind.ADD, OpKind.RESTORE):
        after = history.row_values(session, kind, SimpleNamespace(**row))
    elif op.op is OpKind.DELETE:
        after = None
    else:
        after = history.row_values(session, kind, SimpleNamespace(**row), op.fields)
    entry = history.append(
        session,
        who=who,
        client_id=owner.client_id,
        client_uid=owner.client_uid,
        visit_uid=owner.uid,
        kind=kind,
        row_uid=op.row,
        op=op.op.value,
        version=row["version"],
        before=before,
        after=after,
    )
    row_writes.forget(session, kind, row["id"])
    record = RECORDS[kind](**{name: row[name] for name in record_names(RECORDS[kind])})
    return Applied(op, record, row["id"], row["version"], entry)


def _owners(session: Session, kind: RowKind, row: Any) -> tuple[Client, Visit | None]:
    if kind is RowKind.CLIENT:
        return row, None
    if kind is RowKind.INTAKE:
        return session.get(Client, row.client_id), None  # type: ignore[return-value]
    visit = row if kind is RowKind.VISIT else session.get(Visit, row.visit_id)
    assert visit is not None
    return session.get(Client, visit.client_id), visit  # type: ignore[return-value]


def _parent(session: Session, model: type[Any], uid: str | None, what: str) -> Any:
    row = session.scalars(select(model).where(model.uid == uid)).first() if uid else None
    if row is None or row.deleted_at is not None:
        raise ChartNotFound(f"{what} {uid} does not exist.")
    return row


def _add(session: Session, spec: KindSpec, op: Operation) -> Any:
    kind, values = op.kind, dict(op.after or {})
    row: Any
    if kind is RowKind.INTAKE:
        client = _parent(session, Client, op.client, "Client")
        if session.scalars(select(Intake).where(Intake.client_id == client.id)).first():
            raise ChartValidationError("This client already has an intake form; change it.")
        row = Intake(uid=op.row, version=1, client_id=client.id, red_flags={})
        session.add(row)
        session.flush()
        _set_intake(session, row, values)
        return row
    cleaned = _checked(spec, op)
    if kind is RowKind.CLIENT:
        row = Client(uid=op.row, version=1, **cleaned)
        row.name_key, row.surname_key = name_keys(row.name)
    elif kind is RowKind.VISIT:
        client = _parent(session, Client, op.client, "Client")
        client.updated_at = utc_now()  # a visit touches its client (recent clients)
        row = Visit(uid=op.row, version=1, client_id=client.id, **cleaned)
    else:
        visit = _parent(session, Visit, op.visit, "Visit")
        row = spec.model(uid=op.row, version=1, visit_id=visit.id, **cleaned)
    session.add(row)
    return row


def _checked(spec: KindSpec, op: Operation) -> dict[str, Any]:
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


def _replayed(session: Session, spec: KindSpec, op: Operation, row: Any) -> Applied:
    """An add of a uid already stored: the same values make it a retry, others a misuse."""
    wanted = dict(op.after or {})
    if op.kind is not RowKind.INTAKE:
        if op.kind is RowKind.VISIT:
            wanted.setdefault("started_at", row.started_at)
        wanted = history.json_value(_with_defaults(spec, v.clean(spec.rules, wanted)))
    stored = history.row_values(session, op.kind, row, wanted)
    if stored != wanted:
        raise ChartValidationError(
            f"This {kind_words(op.kind)} was already saved with other values; nothing was changed."
        )
    return Applied(op, record_of(session, op.kind, row), row.id, row.version, None, True)


def _with_defaults(spec: KindSpec, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with every field not given at the default an add would store."""
    complete = dict(values)
    for name in spec.rules.model_fields:
        if name not in complete and name in spec.model.__table__.c:
            default = spec.model.__table__.c[name].default
            complete[name] = default.arg if default is not None and default.is_scalar else None
    if spec.model is Observation:
        complete["region"] = complete["region"] or ""
        complete["side"] = complete["side"] or ""
    return complete


def _check_version(session: Session, op: Operation, row: Any) -> None:
    if op.base_version != row.version:
        raise signing.conflict(session, op.kind, row, op.base_version)


def _check_parent(session: Session, op: Operation, row: Any) -> None:
    """An operation names the visit its row belongs to: it never lands on another visit."""
    if op.kind in (RowKind.CLIENT, RowKind.INTAKE):
        return
    visit = row if op.kind is RowKind.VISIT else session.get(Visit, row.visit_id)
    if op.visit is not None and visit is not None and visit.uid != op.visit:
        raise ChartValidationError(
            f"This {kind_words(op.kind)} belongs to another visit; nothing was changed."
        )


def _change(session: Session, spec: KindSpec, op: Operation, row: Any) -> dict[str, Any] | None:
    """Change the locked row as ``op`` says; returns the history's ``before``."""
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
        _set_intake(session, row, values)
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


def _set_intake(session: Session, intake: Intake, values: dict[str, Any]) -> None:
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
