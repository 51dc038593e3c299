"""Errors the chart store raises to the UI: each carries a message fit to show the therapist."""

from __future__ import annotations

from pathlib import Path


class ChartStoreError(Exception):
    """Something about the chart database the user must know (message is user-facing)."""


class SignInRefused(ChartStoreError):
    """Wrong name or passphrase, or a disabled account (the message does not say which).

    Kept here, not with the accounts (``store/accounts.py``, which needs SQLAlchemy): the
    sign-in screen catches it before the real store is open (issue 18)."""


class ChartValidationError(ChartStoreError, ValueError):
    """Input refused before anything was written; ``field`` names the offending field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ChartNotFound(ChartStoreError, LookupError):
    """The client, visit or row asked for does not exist (or was deleted)."""


class ChartDatabaseCorrupt(ChartStoreError):
    """The file is not a readable chart database; ``latest_backup`` is the one to offer."""

    def __init__(self, path: Path, reason: str, latest_backup: Path | None) -> None:
        if latest_backup is not None:
            offer = (
                f"The latest backup is {latest_backup.name} in {latest_backup.parent}; "
                "restore it (the app offers this when it starts, or run "
                "`nmt-bodymap restore --latest`)."
            )
        else:
            offer = "No backup of it was found; keep the file for repair and do not delete it."
        super().__init__(f"The chart database {path} cannot be read ({reason}). {offer}")
        self.path = path
        self.reason = reason
        self.latest_backup = latest_backup


class ChartMigrationError(ChartStoreError):
    """Upgrading the database schema failed; the original file was left as it was."""


class ChartInUse(ChartStoreError):
    """Another app (or a restore) has the chart open; nothing was changed."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(
            f"The chart {path.name} is open elsewhere ({holder}); close NMT Body Map there "
            "first, then try again."
        )
        self.path = path
        self.holder = holder


class ChartFileEmpty(ChartDatabaseCorrupt):
    """The chart file exists but holds no bytes (a failed copy or a disk fault): damaged,
    never silently replaced by a fresh chart."""

    def __init__(self, path: Path, latest_backup: Path | None) -> None:
        super().__init__(path, "the file is empty: 0 bytes", latest_backup)


class ChartUnreadable(ChartStoreError):
    """The operating system refused to read or open the chart (permissions, a lock, I/O)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The chart file {path} cannot be opened: {reason}. Nothing was changed; "
            "check the file's permissions and the disk, then start again."
        )
        self.path = path


class ChartKeyFileMissing(ChartStoreError):
    """An encrypted chart without its key file beside it (a copy is kept in ``backups/``):
    not damaged, and no passphrase or backup helps until the key file is back."""

    def __init__(self, path: Path, key_file: str, kept_in: Path) -> None:
        super().__init__(
            f"The chart {path} is encrypted and its key file {key_file} is missing beside "
            f"it. Nothing was changed. A copy of the key file is kept in {kept_in}: copy it "
            "back beside the chart, then start again."
        )
        self.path = path


class ChartDiskFull(ChartStoreError):
    """The disk holding the chart is full: nothing more can be saved there."""

    def __init__(self, where: Path | str) -> None:
        super().__init__(
            f"The disk holding {where} is full. Nothing was lost; free some space on it, "
            "then try again."
        )
        self.path = where


class ChartReadOnly(ChartStoreError):
    """The chart or its folder cannot be written (read-only disk, folder or file)."""

    def __init__(self, where: Path | str) -> None:
        super().__init__(
            f"The chart at {where} cannot be written: its folder or disk is read-only. "
            "Nothing was changed; make the folder writable or choose another chart."
        )
        self.path = where


class ChartNewerSchema(ChartMigrationError):
    """The chart was written by a newer version of the app."""


class ChartNotAChart(ChartMigrationError):
    """A database that is not an NMT Body Map chart; it was left exactly as it was."""


def diagnose_os_error(exc: BaseException, where: Path | str) -> ChartStoreError | None:
    """The plain error for a disk-full or read-only fault (driver or OS), else None."""
    import errno

    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or "disk is full" in text or "no space left" in text:
        return ChartDiskFull(where)
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text.replace("-", ""):
        return ChartReadOnly(where)
    if "database is locked" in text:
        return ChartInUse(Path(str(where)), "another program holds its database lock")
    return None


def is_sqlite_operational(exc: BaseException) -> bool:
    """sqlite3's OperationalError, or SQLCipher's (``sqlcipher3.dbapi2``: its own class,
    the same faults: a full disk, a read-only file, a held lock)."""
    import sqlite3

    if isinstance(exc, sqlite3.OperationalError):
        return True
    kind = type(exc)
    return kind.__name__ == "OperationalError" and kind.__module__.startswith("sqlcipher3")


def driver_line(exc: BaseException | None) -> str:
    """A driver's error as one line for the user: its first line (psycopg words a refused
    connection over two, a tab-indented hint second; PostgreSQL's DETAIL lines, which quote
    row values, never come along)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
