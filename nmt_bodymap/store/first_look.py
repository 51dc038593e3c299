"""The first look at a chart (issue 18): the reads a window makes at start, answered with the
stdlib ``sqlite3`` while SQLAlchemy and Alembic are not imported yet.

Opening ``ChartStore`` costs ~200 ms of CPU (SQLAlchemy, the ORM models, the services)
before the first visit can show, under the same GIL as the first frame and its first click.
:class:`FirstLook` is handed to the store worker in its place when the chart is certain to
need nothing but reading: an existing SQLite chart in WAL mode (plain, or SQLCipher with its
key at hand) at the head revision, whose tables have exactly the columns this version
reads. It takes the
chart's lock and runs ``open_sqlite_chart``'s diagnosis first (the same lock, the same
plain-words errors and restore offer as ``ChartStore.open``), then answers on one read-only
connection, each call in one read transaction, with records equal to ``ChartStore``'s:

- ``recent_clients`` and ``search_clients`` without a name, a birth date or a year;
- ``list_visits``, ``list_pain_marks``, ``load_visit_document`` of a visit by integer id;
- ``change_token`` (``PRAGMA data_version`` of this long-lived connection and the newest
  history id: what ``ChartStore``'s watching connection gives, and it keeps answering it);
- ``path`` and ``url``;
- ``has_accounts`` and ``sign_in_names``, the sign-in screen's questions: it shows while the
  real store opens behind it (``ui/access/sign_in_dialog``).

Anything else (a save, a search with text, sign-in, a row that is not there, a stored value
read in any way other than SQLAlchemy reads it) opens the real ``ChartStore`` once, on the
calling thread (the worker), under the lock held here, and is delegated to it from then on.
Nothing is written by the first look. ``FirstLook.open`` returns None whenever it is not
certain (a server address, a new or empty file, another revision, no WAL): the caller then
opens ``ChartStore`` as before.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from nmt_bodymap.core.operations import ROW_FIELDS, VISIT_ROW_KINDS, RowKind
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.store import first_look_schema as schema
from nmt_bodymap.store.chart_file import is_plain_chart
from nmt_bodymap.store.chart_lock import ChartLock
from nmt_bodymap.store.chart_open import BUSY_TIMEOUT_MS, open_sqlite_chart
from nmt_bodymap.store.first_look_rows import NotCertain, Reader
from nmt_bodymap.store.records import ClientRecord, PainMarkRecord, VisitRecord, json_value

log = logging.getLogger(__name__)
T = TypeVar("T")

_OWN = frozenset(
    {"path", "url", "_target", "_lock", "_conn", "_reader", "_real", "_opening", "_closed"}
)
TABLES = {
    RowKind.PAIN_MARK: "pain_marks",
    RowKind.FINDING: "findings",
    RowKind.TREATMENT: "treatments",
    RowKind.OBSERVATION: "observations",
    RowKind.FOLLOW_UP: "follow_ups",
}


def _driver_errors() -> tuple[type[Exception], ...]:
    """sqlite3's errors, and sqlcipher3's and psycopg's when imported (an encrypted chart's,
    a server's: ``first_look_server``)."""
    others = (sys.modules.get(name) for name in ("sqlcipher3", "psycopg"))
    return (sqlite3.Error, *(driver.Error for driver in others if driver is not None))


def _encrypted_chart(path: Path) -> bool:
    """An encrypted chart (SQLCipher, its key file beside it)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
    except OSError:
        return False
    from nmt_bodymap.store import encryption

    return encryption.is_encrypted_chart(path)


def _connect(path: Path, encrypted: bool) -> Any:
    """A read-only connection to the chart, or None when it is not in WAL mode (a chart
    the store has not opened yet: its connections set that up)."""
    if encrypted:
        from nmt_bodymap.store import encryption

        conn = encryption.connect(path, encryption.resolve_key(path), readonly=True)
    elif _wal_file_format(path):
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    else:
        return None
    conn.isolation_level = None  # autocommit: each call opens its own read transaction
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _wal_file_format(path: Path) -> bool:
    """The header says WAL (file format versions 2 at offsets 18 and 19): a chart the
    store has opened before. Anything else needs the store's own connection set-up."""
    with path.open("rb") as handle:
        header = handle.read(20)
    return len(header) == 20 and header[18] == 2 and header[19] == 2


class FirstLook:
    """Reads at start with ``sqlite3``; the real ``ChartStore`` for everything else."""

    path: Path | None  # None: a clinic server's chart (``store/first_look_server.py``)
    url: str
    _lock: ChartLock | None
    _conn: Any  # sqlite3's, sqlcipher3's for an encrypted chart, psycopg's for a server
    _reader: Reader
    _real: Any
    _opening: threading.Lock
    _closed: bool

    def __init__(
        self, path: Path, lock: ChartLock | None, conn: Any, encrypted: bool = False
    ) -> None:
        set_own = object.__setattr__
        set_own(self, "path", path)
        driver = "pysqlcipher" if encrypted else "pysqlite"
        set_own(self, "url", f"sqlite+{driver}:///{path}")  # as ChartStore.url renders it
        set_own(self, "_lock", lock)
        set_own(self, "_conn", conn)
        set_own(self, "_reader", Reader(conn))
        set_own(self, "_real", None)
        set_own(self, "_opening", threading.Lock())
        set_own(self, "_closed", False)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, target: str | os.PathLike[str] | None = None) -> FirstLook | None:
        """The first look at ``target`` (default: the local chart), or None when only
        ``ChartStore.open`` can open it. Raises what ``ChartStore.open`` raises for a file
        that is locked, unreadable, damaged, foreign or newer (its diagnosis runs here)."""
        if target is None:
            from nmt_bodymap import paths

            target = paths.default_database_path()
        text = os.fspath(target)
        if "://" in text:
            return None  # a server (or a URL): the store's own path
        path = Path(text).expanduser().absolute()
        encrypted = not is_plain_chart(text)
        if encrypted and not _encrypted_chart(path):
            return None  # a new or empty file, or not a chart: the store's own words
        lock = open_sqlite_chart(path, exclusive=True)  # the lock first, then the diagnosis
        conn: Any = None
        # sqlcipher3 is imported by now, if the chart needs it
        errors: tuple[type[Exception], ...] = (OSError, *_driver_errors())
        try:
            conn = _connect(path, encrypted)
            if conn is not None and _at_head(conn):
                return cls(path, lock, conn, encrypted)
        except errors as exc:  # the store's own open says it in its words
            log.info("first look not taken: %s", type(exc).__name__)
        except BaseException:
            if conn is not None:
                conn.close()
            if lock is not None:
                lock.release()
            raise
        if conn is not None:
            conn.close()
        if lock is not None:
            lock.release()
        return None

    # -- the real store, for everything else -----------------------------------------------

    def real_store(self) -> Any:
        """The ``ChartStore`` of this chart, opened once (under this object's lock)."""
        real = self._real
        if real is not None:
            return real
        with self._opening:
            if self._real is None:
                if self._closed:
                    raise RuntimeError("the chart was closed")
                object.__setattr__(self, "_real", self._open_real())
            return self._real

    def _open_real(self) -> Any:
        from nmt_bodymap.store.service import ChartStore

        return ChartStore.open(self.path, exclusive=False)

    @property
    def opened_fully(self) -> bool:
        """The real store is open (every call goes to it but the change token)."""
        return self._real is not None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in _OWN:
            raise AttributeError(name)
        return getattr(self.real_store(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _OWN:
            raise AttributeError(f"{name} is read-only")
        setattr(self.real_store(), name, value)  # e.g. ``who`` set by the sign-in

    def _answer(
        self, name: str, read: Callable[[], T], *args: Any, ask: Callable[[Any], T] | None = None
    ) -> T:
        """``read()`` in one read transaction, or the real store's ``name(*args)`` (``ask(real
        store)`` if given) when the first look cannot be certain of the answer (or the real
        store is open already)."""
        if self._real is None:
            conn = self._conn
            errors: tuple[type[Exception], ...] = (NotCertain, *_driver_errors())
            try:
                conn.execute("BEGIN")
                try:
                    return read()
                finally:
                    conn.execute("COMMIT")
            except errors as exc:  # the store answers in its own words
                log.info("first look: %s asks the store (%s)", name, type(exc).__name__)
        if ask is not None:
            return ask(self.real_store())
        answer: T = getattr(self.real_store(), name)(*args)
        return answer

    # -- the reads of a start --------------------------------------------------------------

    def recent_clients(self, limit: int = 20) -> list[ClientRecord]:
        return self._answer("recent_clients", lambda: self._reader.recent_clients(limit), limit)

    def search_clients(
        self,
        name_prefix: str = "",
        date_of_birth: Any = None,
        limit: int = 20,
        born_in: int | None = None,
    ) -> list[ClientRecord]:
        plain = isinstance(name_prefix, str) and not name_prefix.strip()
        if plain and date_of_birth is None and born_in is None:  # the recent clients
            return self.recent_clients(limit)
        return self.real_store().search_clients(  # type: ignore[no-any-return]
            name_prefix, date_of_birth=date_of_birth, limit=limit, born_in=born_in
        )

    def list_visits(self, client_id: int) -> list[VisitRecord]:
        return self._answer("list_visits", lambda: self._reader.visits(client_id), client_id)

    def list_pain_marks(self, visit_id: int, include_deleted: bool = False) -> list[PainMarkRecord]:
        def read() -> list[PainMarkRecord]:
            self._reader.live_visit(visit_id)
            return self._reader.rows(
                PainMarkRecord, TABLES[RowKind.PAIN_MARK], visit_id, include_deleted=include_deleted
            )

        return self._answer("list_pain_marks", read, visit_id, include_deleted)

    def load_visit_document(self, visit: int | str) -> VisitDocument:
        return self._answer("load_visit_document", lambda: self._document(visit), visit)

    def _document(self, visit_id: Any) -> VisitDocument:
        reader = self._reader
        visit = reader.live_visit(visit_id)
        document = VisitDocument(
            visit["uid"],
            {name: json_value(visit[name]) for name in sorted(ROW_FIELDS[RowKind.VISIT])},
            visit["version"],
            client=reader.client_uid(visit["client_id"]),
        )
        for kind in VISIT_ROW_KINDS:
            for uid, values, version, deleted in reader.row_values(
                TABLES[kind], sorted(ROW_FIELDS[kind]), visit["id"]
            ):
                document.set_row(kind, uid, values, version, deleted=deleted)
        return document

    # -- the sign-in screen's questions (``store/accounts.AccountBook``'s, same SQL) ----------

    def has_accounts(self) -> bool:
        """The chart has a therapist account (the sign-in screen, not the first-account one)."""
        return self._answer(
            "has_accounts",
            lambda: bool(self._accounts("count(*)")[0][0]),
            ask=lambda real: bool(_account_book(real).has_accounts()),
        )

    def sign_in_names(self) -> list[str]:
        """The names offered on the sign-in screen: enabled accounts, by name."""
        return self._answer(
            "sign_in_names",
            lambda: [row[0] for row in self._accounts("name", enabled=True)],
            ask=lambda real: list(_account_book(real).sign_in_names()),
        )

    def _accounts(self, what: str, enabled: bool = False) -> list[Any]:
        have = {row[1] for row in self._conn.execute("PRAGMA table_info(accounts)")}
        if not {"name", "disabled"} <= have:
            raise NotCertain  # the store says what an older chart has
        where = " WHERE disabled IS 0 ORDER BY name" if enabled else ""
        return list(self._conn.execute(f"SELECT {what} FROM accounts{where}"))

    def change_token(self) -> tuple[int, int]:
        """As ``ChartStore.change_token`` on SQLite: this connection's ``data_version`` (it
        moves when any other connection, the real store's included, commits) and the newest
        history id. Kept here once the real store is open: one watching connection."""
        if self._closed:
            return self.real_store().change_token()  # type: ignore[no-any-return]
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        newest = self._conn.execute("SELECT max(id) FROM history").fetchone()[0] or 0
        return int(version), int(newest)

    # -- closing ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the real store (its on-close backup), the connection, then the lock."""
        object.__setattr__(self, "_closed", True)
        try:
            if self._real is not None:
                self._real.close()
        finally:
            try:
                self._conn.close()
            finally:
                if self._lock is not None:
                    self._lock.release()

    def __enter__(self) -> FirstLook:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _account_book(store: Any) -> Any:
    from nmt_bodymap.store.accounts import AccountBook

    return AccountBook.for_store(store)


def _at_head(conn: sqlite3.Connection) -> bool:
    """The chart is at this version's head revision and its tables have exactly the
    columns the first look reads (anything else: the store migrates or refuses it)."""
    wanted = schema.head()
    if wanted is None or conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        return False
    stamped = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
    if stamped != [wanted]:
        return False
    for table, columns in schema.COLUMNS.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if have != set(columns):
            return False
    return bool(conn.execute("PRAGMA table_info(history)").fetchall())
