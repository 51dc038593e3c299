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
click's save) are read and written with Core statements (``store/apply_rows.py``,
``store/row_writes.py``: 3 for an add, 4 for the others, where the ORM took 7-8; issue 18);
clients, visits, intakes and a retried add go through the ORM. Both run the checks of
``store/apply_checks.py`` in the same order. ``apply_on(connection, op, who)`` applies in a
``Connection``'s transaction (``ChartStore.apply``): a visit's row needs no ORM ``Session``
there, one is made on the connection for the others.

A signed visit refuses every operation on itself and its rows (``store/signing.py``,
``VisitSigned``); signing (``SignVisit``) and amending (``Amend``, ``core/signing.py``) are
operations of their own, applied by ``store/signing.py``.

The caller commits; any exception rolls all of it back, so a row change and its history
entry are stored both or neither. An add whose uid is already stored with the same values
is a retried add: nothing is written again (``Applied.replayed``). Deletes and restores are
soft (``deleted_at``).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import Operation, OpKind, RowKind
from nmt_bodymap.core.signing import Amend, SignVisit
from nmt_bodymap.store import history, row_writes, signing
from nmt_bodymap.store import validation as v
from nmt_bodymap.store.apply_checks import (
    SPECS,
    KindSpec,
    change,
    check_mark,
    check_version,
    checked,
    name_keys,
    set_intake,
)
from nmt_bodymap.store.apply_rows import apply_visit_row
from nmt_bodymap.store.conflicts import kind_words
from nmt_bodymap.store.errors import ChartNotFound, ChartValidationError
from nmt_bodymap.store.models import Client, Intake, Observation, Visit, utc_now
from nmt_bodymap.store.reading import record_of
from nmt_bodymap.store.records import Applied

# Re-exported: what the store's other modules and tests name from here.
__all__ = ["SPECS", "apply_on", "apply_operation", "check_mark", "locked", "name_keys"]


def locked(session: Session, model: type[Any], column: Any, value: Any) -> Any:
    """The row where ``column == value``, locked for this transaction (or None)."""
    return session.scalars(select(model).where(column == value).with_for_update()).first()


def apply_operation(session: Session, op: Operation | SignVisit | Amend, who: str) -> Applied:
    """Apply ``op`` in the open transaction (see the module docstring)."""
    if isinstance(op, SignVisit):
        return signing.apply_sign(session, op, who)
    if isinstance(op, Amend):
        return signing.apply_amend(session, op, who)
    if op.kind in row_writes.KINDS:
        connection = row_writes.connection(session)
        applied = apply_visit_row(connection, lambda: nullcontext(session), op, who)
        if applied is not None:
            row_writes.forget(session, op.kind, applied.id)
            return applied
    return _apply_orm(session, op, who)


def apply_on(connection: Connection, op: Operation | SignVisit | Amend, who: str) -> Applied:
    """Apply ``op`` in ``connection``'s open transaction (the caller commits): a visit's own
    row with Core statements alone, anything else (a retried add too) through an ORM
    ``Session`` joined to that transaction, flushed before it is let go."""
    through_orm: Callable[[Session, Any, str], Applied] = apply_operation
    if isinstance(op, Operation) and op.kind in row_writes.KINDS:
        applied = apply_visit_row(connection, lambda: _joined(connection), op, who)
        if applied is not None:
            return applied
        through_orm = _apply_orm  # a retried add: the ORM answers it, not the Core path again
    with _joined(connection) as session:
        result = through_orm(session, op, who)
        session.flush()
        return result


def _joined(connection: Connection) -> Session:
    """An ORM session on ``connection``'s transaction: it neither commits nor ends it."""
    return Session(bind=connection, expire_on_commit=False)


def _apply_orm(session: Session, op: Operation, who: str) -> Applied:
    """``op`` through the ORM (clients, visits, intakes, a retried add of any row)."""
    spec = SPECS[op.kind]
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
        check_version(session, op, row)
        _check_parent(session, op, row)
        before = change(session, spec, op, row)
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
        set_intake(session, row, values)
        return row
    cleaned = checked(spec, op)
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


def _check_parent(session: Session, op: Operation, row: Any) -> None:
    """An operation names the visit its row belongs to: it never lands on another visit."""
    if op.kind in (RowKind.CLIENT, RowKind.INTAKE):
        return
    visit = row if op.kind is RowKind.VISIT else session.get(Visit, row.visit_id)
    if op.visit is not None and visit is not None and visit.uid != op.visit:
        raise ChartValidationError(
            f"This {kind_words(op.kind)} belongs to another visit; nothing was changed."
        )
