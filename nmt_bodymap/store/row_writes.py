"""The statements that write a visit's own rows (pain marks, findings, treatments,
observations, follow-ups): SQLAlchemy Core on the session's connection, not the ORM.

A pain mark is saved on every click, on the store worker, while the window answers the
click. Through the ORM one save was 7-8 statements (the row looked up, the visit twice, the
client, the insert, the history...) and ~2 ms of the worker's interpreter time, held
against the window's thread (issue 18). Here an add is 3 statements: the visit with its
client (locked for share, as ``signing.refuse_if_signed`` locks it: a signing waits) and
whether the new uid is stored, in one read; the insert; the history entry
(``history.append``). A delete, restore, change or move is 4: the row (locked for update),
the visit with its client (locked for share), the update, the history entry.
``store/apply.py`` runs the same checks on the values read here; rows are plain dicts of
column values (the column types convert them as the ORM's do); the statements are built
once.

An ORM object of the row that the session holds (a caller that locked it by id) is expired
after the write, so it reads the row as stored.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, Select, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import VISIT_ROW_KINDS, RowKind
from nmt_bodymap.store.models import Client, Visit
from nmt_bodymap.store.reading import MODELS

KINDS: frozenset[RowKind] = frozenset(VISIT_ROW_KINDS)

_VISITS: Table = Visit.__table__  # type: ignore[assignment]
_CLIENTS: Table = Client.__table__  # type: ignore[assignment]
_ROW_KEY = "row_key"  # the bound parameter naming the row an update changes


def _owner_query() -> Select[Any]:
    """The visit's id, uid, stamps and its client's id and uid, the visit locked for share
    (``FOR SHARE OF visits`` on PostgreSQL; the client is not locked)."""
    return (
        select(
            _VISITS.c.id,
            _VISITS.c.uid,
            _VISITS.c.signed_at,
            _VISITS.c.deleted_at,
            _CLIENTS.c.id.label("client_id"),
            _CLIENTS.c.uid.label("client_uid"),
        )
        .select_from(_VISITS.join(_CLIENTS, _CLIENTS.c.id == _VISITS.c.client_id))
        .with_for_update(read=True, of=_VISITS)
    )


_OWNER_BY_ID = _owner_query().where(_VISITS.c.id == bindparam("id"))
_OWNER_BY_UID = _owner_query().where(_VISITS.c.uid == bindparam("uid"))


class _Statements:
    """One kind's statements, made once."""

    def __init__(self, kind: RowKind) -> None:
        self.model = MODELS[kind]
        table: Table = self.model.__table__
        self.table = table
        self.names = tuple(column.key for column in table.c)
        self.stored_id = select(table.c.id).where(table.c.uid == bindparam("uid"))
        # An add's one read: the visit with its client, and whether the new uid is stored.
        stored = select(table.c.id).where(table.c.uid == bindparam("row")).scalar_subquery()
        self.add_read = _owner_query().add_columns(stored.label("stored_id"))
        self.add_read = self.add_read.where(_VISITS.c.uid == bindparam("uid"))
        self.locked = select(table).where(table.c.uid == bindparam("uid")).with_for_update()
        self.insert = insert(table)
        self.update = update(table).where(table.c.id == bindparam(_ROW_KEY))


_MADE: dict[RowKind, _Statements] = {}


def _statements(kind: RowKind) -> _Statements:
    made = _MADE.get(kind)
    if made is None:
        made = _MADE[kind] = _Statements(kind)
    return made


def connection(session: Session) -> Connection:
    """The session's connection, once what the session still has to write is written."""
    session.flush()
    return session.connection()


def stored_id(connection: Connection, kind: RowKind, uid: str) -> int | None:
    """The id of the row ``uid`` if it is stored (removed or not)."""
    found = connection.execute(_statements(kind).stored_id, {"uid": uid}).first()
    return None if found is None else int(found[0])


def locked_row(connection: Connection, kind: RowKind, uid: str) -> dict[str, Any] | None:
    """Every column of the row ``uid``, locked for this transaction (or None)."""
    found = connection.execute(_statements(kind).locked, {"uid": uid}).first()
    return None if found is None else dict(found._mapping)


def add_read(connection: Connection, kind: RowKind, visit_uid: str | None, uid: str) -> Any:
    """For an add, in one statement: the visit ``visit_uid`` with its client, locked for
    share, and ``stored_id``, the id of the row ``uid`` if it is stored (None if not); None
    when the visit is not found (then ask ``stored_id``)."""
    query = _statements(kind).add_read
    return connection.execute(query, {"uid": visit_uid, "row": uid}).first()


def owner(connection: Connection, *, visit_id: int | None = None, uid: str | None = None) -> Any:
    """The visit (by id, else by uid) with its client, locked for share; None if absent.
    Fields: id, uid, signed_at, deleted_at, client_id, client_uid."""
    if visit_id is not None:
        found: Row[Any] | None = connection.execute(_OWNER_BY_ID, {"id": visit_id}).first()
    else:
        found = connection.execute(_OWNER_BY_UID, {"uid": uid}).first()
    return found


def insert_row(connection: Connection, kind: RowKind, values: dict[str, Any]) -> dict[str, Any]:
    """Insert the row; every column as stored (the columns' defaults filled in, as the ORM
    fills them: ``created_at``, ``updated_at``...), its new id included."""
    made = _statements(kind)
    result = connection.execute(made.insert, values)
    written, key = result.last_inserted_params(), result.inserted_primary_key
    assert not isinstance(written, list) and key is not None
    row = {name: written.get(name) for name in made.names}
    row["id"] = key[0]
    return row


def update_row(
    connection: Connection, kind: RowKind, row: dict[str, Any], changes: dict[str, Any]
) -> dict[str, Any]:
    """Write ``changes`` to the stored ``row`` (``updated_at`` is stamped by its column's
    ``onupdate``, as the ORM's flush stamps it); the row as stored afterwards."""
    made = _statements(kind)
    result = connection.execute(made.update, {_ROW_KEY: row["id"], **changes})
    written = result.last_updated_params()
    assert not isinstance(written, list)
    return {**row, **changes, "updated_at": written["updated_at"]}


def forget(session: Session, kind: RowKind, row_id: int) -> None:
    """Expire the session's ORM object of the row, if it holds one (it was written here)."""
    model = _statements(kind).model
    held = session.identity_map.get(session.identity_key(model, row_id))
    if held is not None:
        session.expire(held)
