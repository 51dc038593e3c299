"""Errors the chart store raises to the UI: each carries a message fit to show the therapist."""

from __future__ import annotations

from pathlib import Path


class ChartStoreError(Exception):
    """Something about the chart database the user must know (message is user-facing)."""


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
