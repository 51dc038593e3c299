"""A visit's own rows (pain marks, findings, treatments, observations, follow-ups: a click's
save) applied with Core statements on one ``Connection`` (``store/row_writes.py``).

``apply_visit_row(connection, sessions, op, who)`` runs the checks of ``store/apply.py``'s
ORM path in the same order on the values it reads, writes the row and appends the history
entry, all in the connection's open transaction (the caller commits). ``ChartStore.apply``
calls it on ``engine.begin()``'s connection with no ORM ``Session`` at all: a session's
begin, connection and commit were ~40 % of the store worker's interpreter time per saved
mark, held against the window's thread (issue 18). ``sessions()`` gives the ORM session
(as a context) only where the ORM reads: the stored row's last change for a
``ChartConflict``. An add whose uid is already stored answers None: the ORM path answers
the retried add.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import Operation, OpKind
from nmt_bodymap.core.signing import allows
from nmt_bodymap.store import history, row_writes, signing
from nmt_bodymap.store.apply_checks import SPECS, change, checked
from nmt_bodymap.store.conflicts import kind_words
from nmt_bodymap.store.errors import ChartNotFound, ChartValidationError
from nmt_bodymap.store.reading import RECORDS
from nmt_bodymap.store.records import Applied, record_names

Sessions = Callable[[], AbstractContextManager[Session]]


def apply_visit_row(
    connection: Connection, sessions: Sessions, op: Operation, who: str
) -> Applied | None:
    """``op`` on a visit's own row (see the module docstring); None for a retried add."""
    kind, spec = op.kind, SPECS[op.kind]
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
        cleaned = checked(spec, op)
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
        changed = SimpleNamespace(**stored)  # what change() reads and sets, as on an ORM row
        if op.base_version != changed.version:
            with sessions() as session:
                raise signing.conflict(session, kind, changed, op.base_version)
        if op.visit is not None and owner.uid != op.visit:
            raise ChartValidationError(
                f"This {kind_words(kind)} belongs to another visit; nothing was changed."
            )
        before = change(None, spec, op, changed)
        changed.version += 1
        changes = {k: value for k, value in vars(changed).items() if value is not stored[k]}
        row = row_writes.update_row(connection, kind, stored, changes)
    if op.op in (OpKind.ADD, OpKind.RESTORE):
        after = history.row_values(None, kind, SimpleNamespace(**row))
    elif op.op is OpKind.DELETE:
        after = None
    else:
        after = history.row_values(None, kind, SimpleNamespace(**row), op.fields)
    entry = history.append(
        connection,
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
    record = RECORDS[kind](**{name: row[name] for name in record_names(RECORDS[kind])})
    return Applied(op, record, row["id"], row["version"], entry)
