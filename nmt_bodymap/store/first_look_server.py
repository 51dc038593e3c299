"""The first look at a clinic server's chart (PostgreSQL, issue 18): the start's reads
answered over ``psycopg`` while SQLAlchemy is not imported yet (``store/first_look.py``
does it for a chart file; this is its server twin).

``ChartStore.open`` on a server costs ~0.2 s of CPU on the store worker (SQLAlchemy, the
ORM models, the dialect, the first statements compiled) before the first visit shows, under
the GIL of the first frame and its first click (``bench/bench_postgres_start.py``: the first
click answered at ~0.58 s on main, ~0.37 s with this look). :class:`ServerFirstLook` connects with
``psycopg`` alone and answers the same reads as the file's first look, with records equal to
``ChartStore``'s; anything else (a save, a search with text, sign-in) opens the real
``ChartStore`` once and is delegated to it from then on (the look's own connection is then
closed: one connection per station, as before).

It is taken only when certain (else ``open`` gives None and ``ChartStore.open`` runs as
before, with its own words for every refusal):

- the address is plainly ``postgresql+psycopg://[user@]host[:port]/database[?options]``
  (names of letters, digits, ``.``, ``_``, ``-``; known options, once each; no password, no
  escapes): SQLAlchemy reads such an address into exactly these parts;
- the connection follows ``store/server_security``: a host not on this machine gets
  ``sslmode=require`` unless a strict mode is named (a weaker one: the store refuses), its
  password only from the OS keychain (same service and user name) or libpq's own files;
  a server without TLS is left to the store (its message);
- the chart is at this version's head revision (``alembic_version``) and its tables have
  exactly the columns the look reads, of the types the models give them
  (``information_schema``, in the connection's schema);
- the session is read-only (``SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY``):
  nothing is written by the look.

A server that cannot be reached gets the store's own line (``Cannot open the chart database
<address>: <reason>``) at once, so an unreachable host is not waited for twice.
``change_token`` is ``ChartStore``'s on a server: (0, the newest history id).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote_plus

from nmt_bodymap.store import first_look_schema as schema
from nmt_bodymap.store import server_rules
from nmt_bodymap.store.errors import ChartStoreError, driver_line
from nmt_bodymap.store.first_look import FirstLook
from nmt_bodymap.store.first_look_rows import NotCertain, Reader
from nmt_bodymap.store.server_rules import STRICT_MODES, is_local_host, keychain_password

log = logging.getLogger(__name__)

DRIVER = "postgresql+psycopg"
# ``store/server_security``'s (a test holds them equal): the keychain's service name and the
# sslmodes that never fall back to plaintext.
OPTIONS = frozenset(
    {"sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "connect_timeout", "application_name"}
)
_NAME = r"[A-Za-z0-9_.-]+"
_ADDRESS = re.compile(
    rf"postgresql\+psycopg://(?:(?P<user>{_NAME})@)?(?P<host>{_NAME})(?::(?P<port>[0-9]{{1,5}}))?"
    rf"/(?P<database>{_NAME})(?:\?(?P<query>[^#]*))?"
)
_HIDDEN = re.compile(rf"^(postgresql\+psycopg://{_NAME}):\*\*\*@")
_OPTION = re.compile(r"(?P<key>[a-z_]+)=(?P<value>[A-Za-z0-9_./~-]+)")
_NO_TLS = ("does not support SSL", "SSL was required")

# The PostgreSQL type of each kind of column (``first_look_schema.COLUMNS``), as the models
# are created there (a test holds it to the models): anything else, the store reads it.
PG_TYPES: dict[str, frozenset[str]] = {
    "date": frozenset({"date"}),
    "moment": frozenset({"timestamp without time zone"}),
    "bool": frozenset({"boolean"}),
    "json": frozenset({"json"}),
    "plain": frozenset({"integer", "character varying", "text", "double precision"}),
}
ACCOUNTS = {"name": "character varying", "disabled": "boolean"}


class Address:
    """The parts of a plain server address (as SQLAlchemy's ``make_url`` reads them)."""

    def __init__(self, user: str | None, host: str, port: int | None, database: str) -> None:
        self.user, self.host, self.port, self.database = user, host, port, database
        self.query: dict[str, str] = {}
        self.password: str | None = None

    @classmethod
    def parse(cls, text: str) -> Address | None:
        found = _ADDRESS.fullmatch(text)
        if found is None:
            return None
        port = found["port"]
        address = cls(found["user"], found["host"], int(port) if port else None, found["database"])
        if port is not None and not 0 < int(port) < 65536:
            return None
        for part in (found["query"] or "").split("&") if found["query"] is not None else ():
            option = _OPTION.fullmatch(part)
            if option is None or option["key"] not in OPTIONS or option["key"] in address.query:
                return None
            address.query[option["key"]] = option["value"]
        return address

    def render(self, hide_password: bool = True) -> str:
        """As ``URL.render_as_string`` writes it (options sorted, the password hidden)."""
        text = f"{DRIVER}://"
        if self.user is not None:
            if self.password is not None:
                text += f"{self.user}:{'***' if hide_password else self.password}@"
            else:
                text += f"{self.user}@"
        text += self.host + (f":{self.port}" if self.port is not None else "")
        text += f"/{self.database}"
        if self.query:
            text += "?" + "&".join(
                f"{quote_plus(k)}={quote_plus(self.query[k])}" for k in sorted(self.query)
            )
        return text

    def connect_args(self) -> dict[str, Any]:
        """psycopg's keywords, as SQLAlchemy's dialect builds them from the address."""
        args: dict[str, Any] = {"host": self.host, "dbname": self.database}
        if self.user is not None:
            args["user"] = self.user
        if self.password is not None:
            args["password"] = self.password
        if self.port is not None:
            args["port"] = self.port
        return {**args, **self.query}


def shown_address(url: str) -> Address | None:
    """The parts of a plain server address as ``ChartStore.url`` shows it (a keychain
    password hidden as ``***``; its options not read): the window's title reads its
    database and host without SQLAlchemy."""
    return Address.parse(_HIDDEN.sub(r"\1@", url.split("?", 1)[0], count=1))


def keychain_user(address: Address) -> str:
    return server_rules.keychain_user(address.user, address.host, address.port, address.database)


def secured(address: Address) -> Address | None:
    """``server_security.secure_url``'s address; None where it refuses (the store says so)."""
    if is_local_host(address.host):
        return address
    mode = address.query.get("sslmode")
    if mode is None:
        address.query["sslmode"] = "require"
    elif mode not in STRICT_MODES:
        return None
    address.password = keychain_password(keychain_user(address)) or None
    return address


def _date(value: Any) -> date | None:
    if value is None or type(value) is date:
        return value
    raise NotCertain


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    if type(value) is datetime and value.tzinfo is None:  # stored naive-UTC (``UtcDateTime``)
        return value.replace(tzinfo=UTC)
    raise NotCertain


def _bool(value: Any) -> bool | None:
    if value is None or type(value) is bool:
        return value
    raise NotCertain


def _as_is(value: Any) -> Any:
    return value  # psycopg's value is SQLAlchemy's for these types (json: psycopg's json.loads)


CONVERT: dict[str, Callable[[Any], Any]] = {
    "plain": _as_is,
    "json": _as_is,
    "date": _date,
    "moment": _moment,
    "bool": _bool,
}


class ServerFirstLook(FirstLook):
    """Reads at start over ``psycopg``; the real ``ChartStore`` for everything else."""

    def __init__(self, target: str, address: Address, conn: Any) -> None:
        set_own = object.__setattr__
        set_own(self, "path", None)  # ``ChartStore.path`` of a server
        set_own(self, "url", address.render())  # as ``ChartStore.url`` renders it
        set_own(self, "_target", target)
        set_own(self, "_lock", None)
        set_own(self, "_conn", conn)
        set_own(self, "_reader", Reader(conn, mark="%s", converters=CONVERT))
        set_own(self, "_real", None)
        set_own(self, "_opening", threading.Lock())
        set_own(self, "_closed", False)

    @classmethod
    def open_server(cls, target: str) -> ServerFirstLook | None:
        """The first look at the server chart ``target``, or None when only
        ``ChartStore.open`` can open it (see the module's doc)."""
        address = Address.parse(target)
        if address is None or schema.head() is None:
            return None
        if secured(address) is None:
            return None
        import psycopg

        try:
            conn = psycopg.connect(**address.connect_args(), autocommit=True)
        except psycopg.OperationalError as exc:
            if any(words in str(exc) for words in _NO_TLS):
                return None  # the store's own message
            shown = Address.parse(target)
            where = shown.render() if shown is not None else "the server"
            raise ChartStoreError(
                f"Cannot open the chart database {where}: {driver_line(exc)}"
            ) from exc
        except psycopg.Error as exc:
            log.info("first look not taken: %s", type(exc).__name__)
            return None
        try:
            conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            if _at_head(conn):
                return cls(target, address, conn)
        except psycopg.Error as exc:  # the store's own open says it in its words
            log.info("first look not taken: %s", type(exc).__name__)
        except BaseException:
            conn.close()
            raise
        conn.close()
        return None

    def _open_real(self) -> Any:
        """The real store; the look's connection closed then (the store's serves from now)."""
        from nmt_bodymap.store.service import ChartStore

        real = ChartStore.open(self._target)
        self._conn.close()
        return real

    def _accounts(self, what: str, enabled: bool = False) -> list[Any]:
        have = _columns(self._conn, ["accounts"]).get("accounts", {})
        if any(have.get(name) != data_type for name, data_type in ACCOUNTS.items()):
            raise NotCertain  # the store says what an older chart has
        where = " WHERE disabled IS false ORDER BY name" if enabled else ""
        return list(self._conn.execute(f"SELECT {what} FROM accounts{where}"))

    def change_token(self) -> tuple[int, int]:
        """As ``ChartStore.change_token`` on a server: (0, the newest history id)."""
        if self._real is not None or self._closed:
            return self.real_store().change_token()  # type: ignore[no-any-return]
        return self._answer(
            "change_token",
            lambda: (0, int(self._conn.execute("SELECT max(id) FROM history").fetchone()[0] or 0)),
        )

    def backup_if_due(self) -> None:
        """``ChartStore.backup_if_due`` of a server: none (``pg_dump`` backs it up)."""
        return None


def _columns(conn: Any, tables: list[str]) -> dict[str, dict[str, str]]:
    """Each table's columns and their types, in the connection's schema."""
    found: dict[str, dict[str, str]] = {}
    for table, column, data_type in conn.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ANY(%s)",
        (tables,),
    ):
        found.setdefault(table, {})[column] = data_type
    return found


def _at_head(conn: Any) -> bool:
    """At this version's head revision, and every table the look reads has exactly the
    columns it reads, each of its kind's type (else: the store migrates or refuses it)."""
    have = _columns(conn, [*schema.COLUMNS, "alembic_version", "history"])
    if "alembic_version" not in have or "id" not in have.get("history", {}):
        return False
    stamped = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
    if stamped != [schema.head()]:
        return False
    for table, columns in schema.COLUMNS.items():
        types = have.get(table, {})
        if set(types) != set(columns):
            return False
        if any(types[name] not in PG_TYPES[kind] for name, kind in columns.items()):
            return False
    return True
