"""Rows read with ``sqlite3`` into the values and records ``ChartStore`` gives (the first
look, ``store/first_look.py``; issue 18).

Each column is turned into the value SQLAlchemy's type for it gives on SQLite
(``first_look_schema.COLUMNS``): a ``Date`` from its ``YYYY-MM-DD`` text, a ``UtcDateTime``
from its ``YYYY-MM-DD HH:MM:SS[.ffffff]`` text made aware in UTC, a ``Boolean`` from 0/1, a
``JSON`` from its text; other columns as SQLite hands them back. A value stored in any other
shape raises :class:`NotCertain`, and so does a row that is not there: the first look then
asks the real store, which answers (or raises) as it always did.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from nmt_bodymap.store.first_look_schema import COLUMNS
from nmt_bodymap.store.records import ClientRecord, VisitRecord, json_value, record_names

R = TypeVar("R")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{6})?")


class NotCertain(Exception):
    """The first look cannot be sure it reads this as the store does: ask the store."""


def _plain(value: Any) -> Any:
    return value


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise NotCertain


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str) and _MOMENT.fullmatch(value):
        try:
            return datetime.fromisoformat(value).replace(tzinfo=UTC)
        except ValueError:
            pass
    raise NotCertain


def _bool(value: Any) -> bool | None:
    if value is None:
        return None
    if type(value) is int and value in (0, 1):
        return bool(value)
    raise NotCertain


def _json(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            pass
    raise NotCertain


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "plain": _plain,
    "date": _date,
    "moment": _moment,
    "bool": _bool,
    "json": _json,
}


def _whole_number(value: Any) -> int:
    """An id or a limit as SQLAlchemy would bind it here; anything else: ask the store."""
    if type(value) is not int:
        raise NotCertain
    return value


class Reader:
    """The queries of the first look on one connection (inside the caller's transaction):
    ``sqlite3``'s by default; a server's (``first_look_server``) gives its parameter mark
    and its converters (values as its driver hands them back)."""

    def __init__(
        self,
        conn: Any,
        mark: str = "?",
        converters: dict[str, Callable[[Any], Any]] | None = None,
    ) -> None:
        self.conn = conn
        self.mark = mark
        self.converters = _CONVERT if converters is None else converters

    def select(
        self, table: str, names: tuple[str, ...] | list[str], where: str, params: tuple[Any, ...]
    ) -> list[dict[str, Any]]:
        types = COLUMNS[table]
        converters = [self.converters[types[name]] for name in names]
        columns = ", ".join(f'"{name}"' for name in names)
        where = where.replace("?", self.mark)  # the only "?" in these clauses: parameters
        rows = self.conn.execute(f"SELECT {columns} FROM {table} {where}", params).fetchall()
        return [
            {
                name: convert(value)
                for name, convert, value in zip(names, converters, row, strict=True)
            }
            for row in rows
        ]

    def records(self, record: type[R], table: str, where: str, params: tuple[Any, ...]) -> list[R]:
        return [
            record(**values) for values in self.select(table, record_names(record), where, params)
        ]

    def recent_clients(self, limit: Any) -> list[ClientRecord]:
        return self.records(
            ClientRecord,
            "clients",
            "WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT ?",
            (_whole_number(limit),),
        )

    def live(self, table: str, row_id: Any, names: tuple[str, ...] | list[str]) -> dict[str, Any]:
        """The row ``row_id`` if it is there and not removed (else ``NotCertain``: the store
        raises its own ``ChartNotFound``)."""
        wanted = [*dict.fromkeys([*names, "deleted_at"])]
        found = self.select(table, wanted, "WHERE id = ?", (_whole_number(row_id),))
        if not found or found[0]["deleted_at"] is not None:
            raise NotCertain
        return found[0]

    def live_visit(self, visit_id: Any) -> dict[str, Any]:
        return self.live("visits", visit_id, list(COLUMNS["visits"]))

    def visits(self, client_id: Any) -> list[VisitRecord]:
        client = self.live("clients", client_id, ["id"])
        return self.records(
            VisitRecord,
            "visits",
            "WHERE client_id = ? AND deleted_at IS NULL ORDER BY started_at DESC, id DESC",
            (client["id"],),
        )

    def rows(
        self, record: type[R], table: str, visit_id: int, include_deleted: bool = False
    ) -> list[R]:
        where = "WHERE visit_id = ?" + ("" if include_deleted else " AND deleted_at IS NULL")
        return self.records(record, table, where + " ORDER BY id", (_whole_number(visit_id),))

    def client_uid(self, client_id: Any) -> str | None:
        found = self.select("clients", ["uid"], "WHERE id = ?", (_whole_number(client_id),))
        return found[0]["uid"] if found else None

    def row_values(
        self, table: str, names: list[str], visit_id: int
    ) -> list[tuple[str, dict[str, Any], int, bool]]:
        """``reading.visit_row_values``: (uid, values as JSON values, version, removed)."""
        rows = self.select(
            table,
            ["uid", "version", "deleted_at", *names],
            "WHERE visit_id = ? ORDER BY id",
            (_whole_number(visit_id),),
        )
        return [
            (
                row["uid"],
                {name: json_value(row[name]) for name in names},
                row["version"],
                row["deleted_at"] is not None,
            )
            for row in rows
        ]
