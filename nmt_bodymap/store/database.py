"""Opening the chart database: SQLite file or SQLAlchemy URL, with safe connection settings.

SQLite charts live in one file created readable by its owner only (0600), in WAL mode
(readers never block the writer; backups run while the app is open), with foreign keys
enforced, a busy timeout, and ``synchronous=FULL`` so a saved mark survives a power cut.
A file that is not a readable SQLite database raises ``ChartDatabaseCorrupt`` naming the
latest backup, instead of a traceback or a silently empty chart.

``open_sqlite_chart`` runs before any connection touches the file: it takes the chart's
lock (one app per chart), diagnoses an empty, unreadable, damaged, foreign or newer file
read-only (a foreign SQLite file is never switched to WAL or chmod'ed), and only then
makes a real chart owner-only. Driver errors are logged with SQL parameters hidden and
disk-full / read-only / locked faults become plain ``ChartStoreError`` types.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from nmt_bodymap.store.chart_open import (  # sqlite3 only: split out (issue 18)
    BUSY_TIMEOUT_MS,
    chart_revision,
    check_chart_file,
    check_sqlite_file,
    create_owner_only_file,
    open_sqlite_chart,
)
from nmt_bodymap.store.errors import (
    ChartStoreError,
    ChartValidationError,
    diagnose_os_error,
    driver_line,
    is_sqlite_operational,
)

__all__ = [
    "BUSY_TIMEOUT_MS",
    "chart_revision",
    "check_chart_file",
    "check_sqlite_file",
    "create_owner_only_file",
    "database_url",
    "make_engine",
    "open_sqlite_chart",
    "other_sessions",
    "sqlite_path",
]

log = logging.getLogger(__name__)


def database_url(target: str | os.PathLike[str]) -> URL:
    """A SQLAlchemy URL for a file path or a URL string (``postgresql+psycopg://...``)."""
    text = os.fspath(target)
    if "://" in text:
        try:
            return make_url(text)
        except (ArgumentError, ValueError) as exc:
            raise ChartStoreError(
                "The chart database address is not a file path nor a database URL "
                "(e.g. postgresql+psycopg://user@host/charts)."
            ) from exc
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().absolute()))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for another database (or an in-memory one)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own transaction
    # handling is lazy and breaks transactional DDL); then the durability settings.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    # IMMEDIATE: take the write lock up front, so a second writer waits (busy timeout)
    # instead of failing half-way through an operation.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _on_error(context: Any) -> BaseException | None:
    """Driver text goes to the log only (SQL parameters are hidden by the engine);
    a disk-full, read-only or locked SQLite chart becomes its plain error."""
    original = context.original_exception
    log.error("database error: %s: %s", type(original).__name__, original)
    if isinstance(original, OverflowError) or getattr(original, "sqlstate", None) == "22003":
        return ChartValidationError("A number is too large to be stored (beyond 64 bits).")
    if isinstance(original, UnicodeEncodeError):
        return ChartValidationError(
            "The text contains a broken character (half of a surrogate pair); retype it."
        )
    if getattr(original, "sqlstate", None) == "42501":  # a server login may only read
        return ChartStoreError(  # not a validation error: the change stays, marked unsaved
            "The clinic server does not let this login change the chart "
            f"({driver_line(original)}): ask the clinic's administrator."
        )
    engine = context.engine
    if engine is None or engine.url.get_backend_name() != "sqlite":
        return None
    if not is_sqlite_operational(original):
        return None
    return diagnose_os_error(original, sqlite_path(engine.url) or "the chart")


def make_engine(url: URL) -> Engine:
    """An engine for ``url``; SQLite connections get the pragmas above.

    ``hide_parameters``: client names and notes never appear in an error's text.
    """
    if url.get_backend_name() != "sqlite":
        # -- security hook (issue 14): TLS required, no password in the URL (remote server) --
        from nmt_bodymap.store.server_security import make_server_engine

        engine = make_server_engine(url)  # hide_parameters, its own plain-words errors
        # -- end security hook --
    else:
        # -- security hook (issue 14): encrypted (and new, with a secret) charts: SQLCipher --
        from nmt_bodymap.store import encryption

        url = encryption.engine_url(url)
        # -- end security hook --
        # SQLCipher pools as a plain chart file does (a queue; each connection used by one
        # thread at a time). Its dialect's default, SingletonThreadPool, closes the oldest
        # connections once a sixth thread connects, whichever thread is using them: the
        # worker's kept writing connection among them, and a save was refused.
        from sqlalchemy.pool import QueuePool

        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
            hide_parameters=True,
            poolclass=QueuePool if url.get_driver_name() == "pysqlcipher" else None,
        )
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    event.listen(engine, "handle_error", _on_error)
    return engine


def other_sessions(url: URL) -> int:
    """How many other connections the clinic's PostgreSQL server has open on this database
    (``pg_stat_activity``): a restore must wait until it is 0."""
    from sqlalchemy import text

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        "current_database() AND pid <> pg_backend_pid()"
                    )
                ).scalar_one()
            )
    finally:
        engine.dispose()
