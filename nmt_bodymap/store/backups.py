"""Backups of a SQLite chart file: taken online, rotated, checked before a restore.

A backup is a consistent copy made with SQLite's online backup API, so it can run while
the app has the chart open. Backups sit in ``backups/`` beside the chart (for the default
chart that is ``nmt_bodymap.paths.backup_dir()``), named ``<chart>-<UTC time>.sqlite3``.
Rotation keeps the newest ``KEEP_LATEST`` plus the newest of each day for
``KEEP_DAYS`` days. Copies taken before a migration or a restore have their own names
and are never rotated away. PostgreSQL charts are backed up with ``pg_dump`` instead.

Every copy is written owner-only under a temporary name (``.<name>.partial``), verified
(integrity check and the chart's tables), synced, and only then renamed: a kill or a full
disk leaves at most a temporary file, removed on the next start, never a broken
"latest". When Settings name a second backup folder (another disk), each regular backup
is copied there too (``second_copy.py``), and the outcome is recorded.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from nmt_bodymap.store.chart_file import SQLITE_HEADER
from nmt_bodymap.store.errors import (
    ChartDiskFull,
    ChartReadOnly,
    ChartStoreError,
    diagnose_os_error,
    is_sqlite_operational,
)

log = logging.getLogger(__name__)
PARTIAL_SUFFIX = ".partial"
EXPECTED_TABLES = frozenset({"clients", "visits", "alembic_version"})

KEEP_LATEST = 10
KEEP_DAYS = 14
DUE_AFTER = timedelta(hours=24)
POSTGRES_BACKUP_HINT = (
    "This chart database is on a PostgreSQL server: back it up and restore it with "
    "pg_dump / pg_restore (e.g. `pg_dump --format=custom --file=charts.dump <database>`)."
)
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # UTC
    kind: str  # "" (regular), "pre-migration", "before-restore"


def backup_folder(db_path: Path) -> Path:
    folder = db_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _backup_name(db_path: Path, kind: str, when: datetime) -> str:
    middle = f"-{kind}" if kind else ""
    return f"{db_path.stem}{middle}-{when.strftime(_STAMP_FORMAT)}.sqlite3"


def list_backups(
    db_path: Path, kind: str | None = "", folder: Path | None = None
) -> list[BackupFile]:
    """Backups of ``db_path``, newest first: regular ones by default, those whose kind starts
    with ``kind`` (e.g. "pre-migration"), or every kind with ``kind=None``."""
    folder = folder or db_path.parent / "backups"
    if not folder.is_dir():
        return []
    pattern = re.compile(
        rf"^{re.escape(db_path.stem)}(?:-(pre-migration-\w+|before-restore))?-(\d{{8}}T\d{{12}}Z)\.sqlite3$"
    )
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if not match:
            continue
        file_kind = match.group(1) or ""
        if kind is not None and file_kind != kind and not (kind and file_kind.startswith(kind)):
            continue
        taken = datetime.strptime(match.group(2), _STAMP_FORMAT).replace(tzinfo=UTC)
        found.append(BackupFile(path, taken, file_kind))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def latest_backup(db_path: Path) -> Path | None:
    """The newest intact backup of any kind (what to offer when the chart is damaged);
    a partial or damaged file is skipped, never offered."""
    for backup in list_backups(db_path, kind=None):
        try:
            check_backup(backup.path)
        except ChartStoreError:
            log.warning("skipping a damaged backup: %s", backup.path.name)
            continue
        return backup.path
    return None


def looks_complete(path: Path) -> bool:
    """Cheap test that a backup file is whole: SQLite header and the page count it declares."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    return pages > 0 and size == page_size * pages


def remove_partial_files(db_path: Path) -> list[Path]:
    """Remove what a killed backup, restore, migration or creation left behind."""
    folder = db_path.parent / "backups"
    stale = [
        db_path.with_name(f".{db_path.name}{tail}")
        for tail in (".restoring", ".migrating", ".creating")
    ]
    stale += [Path(f"{name}{s}") for name in list(stale) for s in ("-wal", "-shm", "-journal")]
    if folder.is_dir():
        stale += [p for p in folder.iterdir() if p.name.endswith((PARTIAL_SUFFIX, "-journal"))]
    removed = [p for p in stale if p.is_file()]
    for path in removed:
        path.unlink(missing_ok=True)
    if removed:
        log.info("removed %d partial files left by an interrupted copy", len(removed))
    return removed


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_online(source: Path, destination: Path, verify: bool = True) -> None:
    """Consistent copy through SQLite's backup API: written owner-only under a temporary
    name, verified, synced, then renamed to ``destination``."""
    temp = destination.with_name(f".{destination.name}{PARTIAL_SUFFIX}")
    temp.unlink(missing_ok=True)
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        # -- security hook (issue 14): an encrypted chart's backup is encrypted too --
        from nmt_bodymap.store import encryption

        if encryption.is_encrypted_chart(source):
            temp.unlink()  # export_copy makes its own owner-only file (O_EXCL)
            encryption.copy_encrypted(source, temp)
        else:
            _sqlite_copy(source, temp)
        # -- end security hook --
        if verify:
            check_backup(temp)
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, destination)
        _fsync_folder(destination.parent)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        Path(f"{temp}-journal").unlink(missing_ok=True)
        diagnosed = diagnose_os_error(exc, destination.parent)
        if diagnosed is None and (is_sqlite_operational(exc) or isinstance(exc, OSError)):
            diagnosed = _no_room(source, destination.parent)
        if isinstance(exc, Exception) and diagnosed is not None:
            raise diagnosed from exc
        raise


def _sqlite_copy(source: Path, destination: Path) -> None:
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _no_room(source: Path, folder: Path) -> ChartDiskFull | None:
    """SQLite often reports a full disk as a plain "disk I/O error": check the space."""
    try:
        needed = source.stat().st_size
        free = shutil.disk_usage(folder).free
    except OSError:
        return None
    return ChartDiskFull(folder) if free < needed + 65536 else None


def take_backup(
    db_path: Path, destination: Path | None = None, kind: str = "", now: datetime | None = None
) -> Path:
    """Copy the chart now (online) and rotate; returns the backup's path."""
    if not db_path.is_file():
        raise ChartStoreError(f"There is no chart database at {db_path} to back up.")
    when = now or datetime.now(UTC)
    if destination is None:
        destination = backup_folder(db_path) / _backup_name(db_path, kind, when)
    elif destination.is_dir():
        destination = destination / _backup_name(db_path, kind, when)
    if destination.exists():
        raise ChartStoreError(f"{destination} already exists; choose another name.")
    if not destination.parent.is_dir():
        raise ChartStoreError(f"There is no folder {destination.parent} to back up into.")
    try:
        _copy_online(db_path, destination)
    except sqlite3.DatabaseError as exc:
        log.error("backup failed: %s", exc)
        raise ChartStoreError(
            f"The backup of {db_path.name} failed; details are in the log."
        ) from exc
    except OSError as exc:
        log.error("backup failed: %s", exc)
        raise ChartStoreError(
            f"The backup of {db_path.name} failed ({exc.strerror or 'disk error'})."
        ) from exc
    if kind == "":
        rotate_backups(db_path, now=when)
        from nmt_bodymap.store.second_copy import second_copy

        second_copy(db_path, destination, when)
    return destination


def rotate_backups(
    db_path: Path, now: datetime | None = None, folder: Path | None = None
) -> list[Path]:
    """Delete regular backups beyond the newest 10 and the newest of each of the last 14 days
    (today included). Only whole backups count: a broken file never pushes a good one out."""
    now = now or datetime.now(UTC)
    backups = [b for b in list_backups(db_path, folder=folder) if looks_complete(b.path)]
    keep = {b.path for b in backups[:KEEP_LATEST]}
    first_day = now.date() - timedelta(days=KEEP_DAYS - 1)
    seen_days: set[date] = set()
    for backup in backups:
        day = backup.taken_at.date()
        if day >= first_day and day not in seen_days:
            seen_days.add(day)
            keep.add(backup.path)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def backup_is_due(db_path: Path, now: datetime | None = None) -> bool:
    backups = [b for b in list_backups(db_path) if looks_complete(b.path)]
    return not backups or (now or datetime.now(UTC)) - backups[0].taken_at >= DUE_AFTER


def check_backup(path: Path) -> None:
    """Refuse a file that is not an intact chart database (before restoring it)."""
    # -- security hook (issue 14) --
    from nmt_bodymap.store import encryption

    if encryption.is_encrypted_chart(path):
        result, tables = encryption.encrypted_backup_contents(path)
        judge_backup(path, result, tables)
        return
    # -- end security hook --
    try:
        # immutable: a check never creates -wal/-shm files beside a backup
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise ChartStoreError(f"{path} is not a usable backup: {exc}.") from exc
    judge_backup(path, result, tables)


def judge_backup(path: Path, result: list[Any], tables: set[str]) -> None:
    """Refuse a backup whose integrity check (``result``) failed or that lacks a chart's
    tables (plain or encrypted alike)."""
    if [row[0] for row in result] != ["ok"]:
        raise ChartStoreError(f"{path} is damaged and cannot be restored: {result[0][0]}.")
    if not {"clients", "visits", "alembic_version"} <= tables:
        raise ChartStoreError(f"{path} is not a chart database backup.")


def _keep_raw(db_path: Path, kept: Path) -> None:
    """Keep the current (damaged) chart's bytes, owner-only, and move its WAL aside beside
    the copy: rows saved only in the WAL stay recoverable."""
    temp = kept.with_name(f".{kept.name}{PARTIAL_SUFFIX}")
    try:
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as out, db_path.open("rb") as source:
            while chunk := source.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if temp.stat().st_size != db_path.stat().st_size:
            raise OSError("the copy of the current chart is incomplete")
        os.replace(temp, kept)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    wal = Path(f"{db_path}-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        os.replace(wal, Path(f"{kept}-wal"))  # the shared-memory index holds no rows


def retire_wal(db_path: Path, kept: Path | None) -> None:
    """Before a new file takes the chart's place: fold its write-ahead log into the old file
    (a kill at any point then loses nothing), and set aside any log that could not be folded
    under a name SQLite never reads, so no stale frame is applied to the new file."""
    wal = Path(f"{db_path}-wal")
    if wal.exists():
        try:
            conn = sqlite3.connect(db_path, timeout=10)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()  # the last connection removes an empty log
        except sqlite3.DatabaseError:
            pass
    if wal.is_file() and wal.stat().st_size > 0:
        aside = (kept or db_path).with_name(f"{(kept or db_path).name}.unfolded-wal")
        os.replace(wal, aside)
    wal.unlink(missing_ok=True)
    Path(f"{db_path}-shm").unlink(missing_ok=True)


def restore_backup(
    db_path: Path, source: Path, now: datetime | None = None, lock_held: bool = False
) -> Path | None:
    """Replace the chart with ``source`` after checking it; returns the kept copy of the
    current chart (None when there was none).

    Refused with ``ChartInUse`` while an app has the chart open (its lock), unless the
    caller holds the lock itself. Nothing is replaced unless the current chart was kept
    first; a full or read-only disk raises its plain error and changes nothing.
    """
    from nmt_bodymap.store.chart_lock import ChartLock

    if not source.is_file():
        raise ChartStoreError(f"There is no backup at {source}.")
    check_backup(source)
    lock = None
    try:
        lock = None if lock_held else ChartLock.acquire(db_path, sole=True)
        return _restore_locked(db_path, source, now or datetime.now(UTC))
    except OSError as exc:
        log.error("restore failed: %s", exc)
        raise diagnose_os_error(exc, db_path.parent) or ChartStoreError(
            f"The restore failed ({exc.strerror or 'disk error'}); the chart was not replaced."
        ) from exc
    finally:
        if lock is not None:
            lock.release()


def _restore_locked(db_path: Path, source: Path, when: datetime) -> Path | None:
    kept: Path | None = None
    staging = db_path.with_name(f".{db_path.name}.restoring")
    staging.unlink(missing_ok=True)
    _copy_online(source, staging)
    try:
        if db_path.exists():
            kept = backup_folder(db_path) / _backup_name(db_path, "before-restore", when)
            try:
                _copy_online(db_path, kept)
            except (ChartDiskFull, ChartReadOnly):
                raise
            except (sqlite3.DatabaseError, ChartStoreError):
                _keep_raw(db_path, kept)  # the current file may be the damaged one
        retire_wal(db_path, kept)
        os.replace(staging, db_path)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return kept
