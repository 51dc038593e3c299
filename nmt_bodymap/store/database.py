"""Opening the chart database: SQLite file or SQLAlchemy URL, with safe connection settings.

SQLite charts live in one file created readable by its owner only (0600), in WAL mode
(readers never block the writer; backups run while the app is open), with foreign keys
enforced, a busy timeout, and ``synchronous=FULL`` so a saved mark survives a power cut.
A file that is not a readable SQLite database raises ``ChartDatabaseCorrupt`` naming the
latest backup, instead of a traceback or a silently empty chart.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from nmt_bodymap.store.errors import ChartDatabaseCorrupt

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def database_url(target: str | os.PathLike[str]) -> URL:
    """A SQLAlchemy URL for a file path or a URL string (``postgresql+psycopg://...``)."""
    text = os.fspath(target)
    if "://" in text:
        return make_url(text)
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().absolute()))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for another database (or an in-memory one)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)  # type: ignore[arg-type]


def check_sqlite_file(path: Path, latest_backup: Path | None) -> None:
    """Raise ``ChartDatabaseCorrupt`` unless ``path`` is empty or a readable SQLite database.

    The header check catches a file that was never a database (or was overwritten); the
    quick check catches damaged pages. Read-only: a damaged file is never modified here.
    """
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if not header:
        return
    # -- security hook (issue 14): an encrypted chart is checked through SQLCipher --
    if header != SQLITE_HEADER:
        from nmt_bodymap.store import encryption

        if encryption.is_encrypted_chart(path):
            encryption.check_encrypted_file(path, latest_backup)
            return
    # -- end security hook --
    if header != SQLITE_HEADER:
        raise ChartDatabaseCorrupt(path, "it is not a SQLite database", latest_backup)
    try:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            result = conn.execute("PRAGMA quick_check(1)").fetchone()
        conn.close()
    except sqlite3.DatabaseError as exc:
        raise ChartDatabaseCorrupt(path, str(exc), latest_backup) from exc
    if result is None or result[0] != "ok":
        reason = result[0] if result else "no answer to the integrity check"
        raise ChartDatabaseCorrupt(path, f"damaged: {reason}", latest_backup)


def create_owner_only_file(path: Path) -> None:
    """Create an empty database file readable and writable by its owner alone."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


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


def make_engine(url: URL) -> Engine:
    """An engine for ``url``; SQLite connections get the pragmas above."""
    if url.get_backend_name() != "sqlite":
        # -- security hook (issue 14): TLS required, no password in the URL (remote server) --
        from nmt_bodymap.store.server_security import make_server_engine

        return make_server_engine(url)
        # -- end security hook --
    # -- security hook (issue 14): encrypted (and new, with a secret) charts use SQLCipher --
    from nmt_bodymap.store import encryption

    url = encryption.engine_url(url)
    # -- end security hook --
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine
