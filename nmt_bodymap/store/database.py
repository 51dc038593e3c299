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

from nmt_bodymap.store.chart_file import SQLITE_HEADER
from nmt_bodymap.store.chart_lock import ChartLock
from nmt_bodymap.store.errors import (
    ChartDatabaseCorrupt,
    ChartFileEmpty,
    ChartNewerSchema,
    ChartNotAChart,
    ChartStoreError,
    ChartUnreadable,
    ChartValidationError,
    diagnose_os_error,
)

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


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


def check_sqlite_file(path: Path, latest_backup: Path | None, allow_empty: bool = True) -> None:
    """Raise ``ChartDatabaseCorrupt`` unless ``path`` is empty or a readable SQLite database.

    The header check catches a file that was never a database (or was overwritten); the
    quick check catches damaged pages. Read-only: a damaged file is never modified here.
    With ``allow_empty=False`` a 0-byte file raises ``ChartFileEmpty``.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ChartUnreadable(path, exc.strerror or type(exc).__name__) from exc
    if not header:
        if allow_empty:
            return
        raise ChartFileEmpty(path, latest_backup)
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
    except sqlite3.OperationalError as exc:
        diagnosed = diagnose_os_error(exc, path)
        if diagnosed is not None:
            raise diagnosed from exc
        if "unable to open" in str(exc):
            raise ChartUnreadable(path, "the system refused to open it") from exc
        raise ChartDatabaseCorrupt(path, str(exc), latest_backup) from exc
    except sqlite3.DatabaseError as exc:
        raise ChartDatabaseCorrupt(path, str(exc), latest_backup) from exc
    if result is None or result[0] != "ok":
        reason = result[0] if result else "no answer to the integrity check"
        raise ChartDatabaseCorrupt(path, f"damaged: {reason}", latest_backup)


def chart_revision(path: Path) -> tuple[bool, str | None]:
    """(has tables of its own, alembic revision) of a readable SQLite file, read-only."""
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    conn.close()
    own = {t for t in tables if not t.startswith("sqlite_")} - {"alembic_version"}
    return bool(own), revision


def check_chart_file(path: Path, latest_backup: Path | None) -> None:
    """Everything ``open_sqlite_chart`` checks on an existing file, without changing it."""
    check_sqlite_file(path, latest_backup, allow_empty=False)
    # -- security hook (issue 14): an encrypted chart was checked through SQLCipher above --
    from nmt_bodymap.store import encryption

    if encryption.is_encrypted_chart(path):
        return
    # -- end security hook --
    try:
        has_tables, revision = chart_revision(path)
    except sqlite3.DatabaseError as exc:
        raise ChartDatabaseCorrupt(path, str(exc), latest_backup) from exc
    if revision is None and has_tables:
        raise ChartNotAChart(
            f"{path} is not a chart database (it belongs to another program); it was "
            "left as it was. Choose another file."
        )
    if revision is not None:
        from nmt_bodymap.store.migrate import known_revisions

        if revision not in known_revisions():
            raise ChartNewerSchema(
                f"{path} was written by a newer version of NMT Body Map (schema "
                f"{revision}); update the app to open it. The file was left as it was."
            )


def _corrupt_args(exc: ChartDatabaseCorrupt) -> tuple[Any, ...]:
    if isinstance(exc, ChartFileEmpty):
        return (exc.path, exc.latest_backup)
    return (exc.path, exc.reason, exc.latest_backup)


def open_sqlite_chart(path: Path, exclusive: bool = True) -> ChartLock | None:
    """Lock, diagnose and (if new) create the chart file; returns the held lock.

    ``exclusive=False`` (scripts beside a running app) diagnoses and creates the same way
    but takes no lock and returns None. Nothing here writes to an existing file before it is
    known to be a chart.
    """
    from nmt_bodymap.store.backups import latest_backup, remove_partial_files

    if path.parent.exists() and not path.parent.is_dir():
        raise ChartUnreadable(path, f"{path.parent} is a file, not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = ChartLock.acquire(path) if exclusive else None
    except OSError as exc:
        raise diagnose_os_error(exc, path.parent) or ChartUnreadable(
            path, exc.strerror or type(exc).__name__
        ) from exc
    try:
        remove_partial_files(path)
        if path.exists():
            try:
                check_chart_file(path, None)
            except ChartDatabaseCorrupt as exc:  # only now look for the backup to offer
                exc.latest_backup = latest_backup(path)
                raise type(exc)(*_corrupt_args(exc)) from exc.__cause__
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)
        else:
            # -- security hook (issue 14): a new chart with a secret is made by SQLCipher,
            # encrypted from its first page (owner-only empty file, filled on first connect) --
            from nmt_bodymap.store import encryption

            if encryption.new_chart_is_encrypted(path):
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            else:
                create_owner_only_file(path)
            # -- end security hook --
    except OSError as exc:
        if lock is not None:
            lock.release()
        raise diagnose_os_error(exc, path) or ChartUnreadable(
            path, exc.strerror or type(exc).__name__
        ) from exc
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return lock


def create_owner_only_file(path: Path) -> None:
    """Create an empty SQLite database readable and writable by its owner alone.

    Written under a temporary name, synced, then renamed: a kill leaves either no file
    or a valid empty database, never a 0-byte chart.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if path.exists():
        return
    temp = path.with_name(f".{path.name}.creating")
    temp.unlink(missing_ok=True)
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        conn = sqlite3.connect(temp)
        try:
            conn.execute("CREATE TABLE nmt_new (x)")
            conn.execute("DROP TABLE nmt_new")
            conn.commit()
        finally:
            conn.close()
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


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
    engine = context.engine
    if engine is None or engine.url.get_backend_name() != "sqlite":
        return None
    if not isinstance(original, sqlite3.OperationalError):
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
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
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
