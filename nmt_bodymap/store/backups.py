"""Backups of a SQLite chart file: taken online, rotated, checked before a restore.

A backup is a consistent copy made with SQLite's online backup API, so it can run while
the app has the chart open. Backups sit in ``backups/`` beside the chart (for the default
chart that is ``nmt_bodymap.paths.backup_dir()``), named ``<chart>-<UTC time>.sqlite3``.
Rotation keeps the newest ``KEEP_LATEST`` plus the newest of each day for
``KEEP_DAYS`` days. Copies taken before a migration or a restore have their own names
and are never rotated away. PostgreSQL charts are backed up with ``pg_dump`` instead.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from nmt_bodymap.store.errors import ChartStoreError

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


def list_backups(db_path: Path, kind: str | None = "") -> list[BackupFile]:
    """Backups of ``db_path``, newest first: regular ones by default, those whose kind starts
    with ``kind`` (e.g. "pre-migration"), or every kind with ``kind=None``."""
    folder = db_path.parent / "backups"
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
    """The newest backup of any kind (what to offer when the chart is damaged)."""
    backups = list_backups(db_path, kind=None)
    return backups[0].path if backups else None


def _copy_online(source: Path, destination: Path) -> None:
    """Consistent copy through SQLite's backup API into an owner-only file, synced to disk."""
    # -- security hook (issue 14): an encrypted chart's backup is encrypted too --
    from nmt_bodymap.store import encryption

    if encryption.is_encrypted_chart(source):
        encryption.copy_encrypted(source, destination)
        return
    # -- end security hook --
    fd = os.open(destination, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
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
        with destination.open("rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        destination.unlink(missing_ok=True)
        raise


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
    try:
        _copy_online(db_path, destination)
    except sqlite3.DatabaseError as exc:
        raise ChartStoreError(f"The backup of {db_path} failed: {exc}.") from exc
    if kind == "":
        rotate_backups(db_path, now=when)
    return destination


def rotate_backups(db_path: Path, now: datetime | None = None) -> list[Path]:
    """Delete regular backups beyond the newest 10 and the newest of each of the last 14 days
    (today included)."""
    now = now or datetime.now(UTC)
    backups = list_backups(db_path)
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
    backups = list_backups(db_path)
    return not backups or (now or datetime.now(UTC)) - backups[0].taken_at >= DUE_AFTER


def check_backup(path: Path) -> None:
    """Refuse a file that is not an intact chart database (before restoring it)."""
    # -- security hook (issue 14) --
    from nmt_bodymap.store import encryption

    if encryption.is_encrypted_chart(path):
        encryption.check_encrypted_backup(path)
        return
    # -- end security hook --
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise ChartStoreError(f"{path} is not a usable backup: {exc}.") from exc
    if [row[0] for row in result] != ["ok"]:
        raise ChartStoreError(f"{path} is damaged and cannot be restored: {result[0][0]}.")
    if not {"clients", "visits", "alembic_version"} <= tables:
        raise ChartStoreError(f"{path} is not a chart database backup.")


def restore_backup(db_path: Path, source: Path, now: datetime | None = None) -> Path | None:
    """Replace the chart with ``source`` after checking it; returns the kept copy of the
    current chart (None when there was none). Close the chart everywhere first."""
    if not source.is_file():
        raise ChartStoreError(f"There is no backup at {source}.")
    check_backup(source)
    when = now or datetime.now(UTC)
    kept: Path | None = None
    if db_path.exists():
        kept = backup_folder(db_path) / _backup_name(db_path, "before-restore", when)
        try:
            _copy_online(db_path, kept)
        except sqlite3.DatabaseError:
            # The current file may be the damaged one: keep its raw bytes (and its WAL).
            kept.unlink(missing_ok=True)
            kept.write_bytes(db_path.read_bytes())
            kept.chmod(0o600)
    staging = db_path.with_name(f".{db_path.name}.restoring")
    staging.unlink(missing_ok=True)
    _copy_online(source, staging)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.replace(staging, db_path)
    return kept
