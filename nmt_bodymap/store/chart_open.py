"""Opening a SQLite chart file before any connection touches it, with the stdlib ``sqlite3``
only (no SQLAlchemy: the first look at the chart, ``store/first_look.py``, and
``ChartStore.open`` both start here; issue 18).

``open_sqlite_chart`` takes the chart's lock (one app per chart), diagnoses an empty,
unreadable, damaged, foreign or newer file read-only (a foreign SQLite file is never
switched to WAL or chmod'ed), and only then makes a real chart owner-only. Split out of
``store/database.py``, which re-exports these names.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from nmt_bodymap.store.chart_file import KEYS_SUFFIX, SQLITE_HEADER
from nmt_bodymap.store.chart_lock import ChartLock
from nmt_bodymap.store.errors import (
    ChartDatabaseCorrupt,
    ChartFileEmpty,
    ChartKeyFileMissing,
    ChartNewerSchema,
    ChartNotAChart,
    ChartUnreadable,
    diagnose_os_error,
)

BUSY_TIMEOUT_MS = 10_000


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
        kept = path.parent / "backups" / f"{path.name}{KEYS_SUFFIX}"
        if kept.is_file():  # encrypted, and its own key file lost: not damaged (probe30)
            raise ChartKeyFileMissing(path, kept.name, kept.parent)
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
        from nmt_bodymap.store.first_look_schema import known_revisions

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
