"""The history table: appending one entry per applied operation, reading it back, and the
cheap change token other stations poll.

- ``append(session, ...)`` writes the entry inside the operation's transaction. On
  PostgreSQL it first takes a transaction-scoped advisory lock, so history ids are handed
  out in commit order: a poller that has seen id N never later finds a smaller id
  committed (SQLite's ``BEGIN IMMEDIATE`` already serialises writers).
- ``json_value`` (from ``records``) turns stored values into JSON values; ``row_values`` gives
  a row's fields as an operation names them.
- ``ChartStore.change_token()`` (service.py): SQLite ``PRAGMA data_version`` (on one
  long-lived connection, so it moves when any other connection commits) with the newest
  history id; PostgreSQL the newest history id (``newest_id_of``). Compare tokens; when one
  moved, ``changes_since``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, select, text
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import ROW_FIELDS, RowKind
from nmt_bodymap.store.models import Complaint, HistoryEntry, utc_now
from nmt_bodymap.store.records import HistoryRecord
from nmt_bodymap.store.records import json_value as json_value  # its home before: kept

# Any constant: the key of the advisory lock that orders history appends on PostgreSQL.
HISTORY_LOCK_KEY = 0x4E4D5448  # "NMTH"
COMPLAINT_FIELDS = ("description", "onset_date", "duration_weeks")


def complaint_values(session: Session, intake_id: int) -> list[dict[str, Any]]:
    query = (
        select(Complaint)
        .where(Complaint.intake_id == intake_id, Complaint.deleted_at.is_(None))
        .order_by(Complaint.position)
    )
    return [
        {name: json_value(getattr(c, name)) for name in COMPLAINT_FIELDS}
        for c in session.scalars(query)
    ]


def row_values(
    session: Session | None, kind: RowKind, row: Any, names: Iterable[str] | None = None
) -> dict[str, Any]:
    """The row's fields as JSON values (all of its kind's fields, or ``names``); ``session``
    reads an intake's complaints (None: a row without any, read with Core)."""
    wanted = sorted(ROW_FIELDS[kind] if names is None else names)
    values: dict[str, Any] = {}
    for name in wanted:
        if name == "complaints":
            assert session is not None
            values[name] = complaint_values(session, row.id)
        else:
            values[name] = json_value(getattr(row, name))
    return values


def append(
    writer: Session | Connection,
    *,
    who: str,
    client_id: int,
    client_uid: str,
    visit_uid: str | None,
    kind: RowKind,
    row_uid: str,
    op: str,
    version: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> HistoryRecord:
    """Append one entry (last statement of the operation's transaction).

    One Core ``INSERT`` on the connection (a session's: after what the session still has
    to write). An entry is never an ORM object: the unit of work cost ~0.4 ms of the store
    worker's interpreter time per saved mark (issue 18)."""
    if isinstance(writer, Session):
        writer.flush()
        connection = writer.connection()
    else:
        connection = writer
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": HISTORY_LOCK_KEY})
    at = utc_now()
    values: dict[str, Any] = {
        "at": at,
        "who": who,
        "client_id": client_id,
        "client_uid": client_uid,
        "visit_uid": visit_uid,
        "kind": kind.value,
        "row_uid": row_uid,
        "op": op,
        "version": version,
        "before": before,
        "after": after,
    }
    key = connection.execute(_INSERT, values).inserted_primary_key
    assert key is not None
    return HistoryRecord(
        id=key[0],
        at=at,
        who=who,
        client_id=client_id,
        client=client_uid,
        visit=visit_uid,
        kind=kind.value,
        row=row_uid,
        op=op,
        version=version,
        before=before,
        after=after,
    )


_TABLE: Table = HistoryEntry.__table__  # type: ignore[assignment]
_INSERT = insert(_TABLE)


def record(entry: HistoryEntry) -> HistoryRecord:
    return HistoryRecord(
        id=entry.id,
        at=entry.at,
        who=entry.who,
        client_id=entry.client_id,
        client=entry.client_uid,
        visit=entry.visit_uid,
        kind=entry.kind,
        row=entry.row_uid,
        op=entry.op,
        version=entry.version,
        before=entry.before,
        after=entry.after,
    )


def last_change(session: Session, row_uid: str) -> HistoryRecord | None:
    """The newest entry naming ``row_uid`` (who changed it last, and when)."""
    query = (
        select(HistoryEntry)
        .where(HistoryEntry.row_uid == row_uid)
        .order_by(HistoryEntry.id.desc())
        .limit(1)
    )
    entry = session.scalars(query).first()
    return None if entry is None else record(entry)


def client_history(session: Session, client_id: int) -> list[HistoryRecord]:
    query = select(HistoryEntry).where(HistoryEntry.client_id == client_id)
    return [record(e) for e in session.scalars(query.order_by(HistoryEntry.id))]


def entries_since(session: Session, history_id: int, limit: int) -> list[HistoryRecord]:
    query = (
        select(HistoryEntry)
        .where(HistoryEntry.id > history_id)
        .order_by(HistoryEntry.id)
        .limit(limit)
    )
    return [record(e) for e in session.scalars(query)]


def newest_id(session: Session) -> int:
    return session.scalar(select(func.max(HistoryEntry.id))) or 0


def newest_id_of(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.max(HistoryEntry.id))) or 0
