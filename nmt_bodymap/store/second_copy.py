"""A second copy of each regular backup, in the folder Settings name (another disk).

The outcome of the last attempt is recorded owner-only in ``backups/second-copy.json``
beside the chart (folder, ok, last success, error), so the CLI and the window can show it.
A failure there never fails the backup itself.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from nmt_bodymap.store.backups import PARTIAL_SUFFIX, _copy_online, rotate_backups
from nmt_bodymap.store.errors import ChartStoreError

log = logging.getLogger(__name__)
SECOND_COPY_STATUS = "second-copy.json"


def _second_folder() -> Path | None:
    from nmt_bodymap.settings import load_settings

    folder = load_settings().backup_folder.strip()
    return Path(folder).expanduser() if folder else None


def second_copy(db_path: Path, backup: Path, when: datetime) -> Path | None:
    """Copy a fresh backup to the second backup folder of Settings, if one is set; the
    outcome is recorded beside the chart's backups (a failure never fails the backup)."""
    folder = _second_folder()
    if folder is None:
        return None
    status: dict[str, object] = {"folder": str(folder), "attempt": when.isoformat()}
    previous = second_copy_status(db_path) or {}
    if previous.get("folder") == str(folder):
        status["last_success"] = previous.get("last_success")
    copy: Path | None = folder / backup.name
    try:
        if not folder.is_dir():
            raise ChartStoreError(f"the folder {folder} is not there (disk not connected?)")
        _copy_online(backup, copy)  # type: ignore[arg-type]
        rotate_backups(db_path, now=when, folder=folder)
        status.update(ok=True, last_success=when.isoformat(), error="")
    except (ChartStoreError, OSError, sqlite3.Error) as exc:
        log.warning("second backup copy failed: %s", exc)
        status.update(ok=False, error=str(exc) if isinstance(exc, ChartStoreError) else "failed")
        copy = None
    status_file = backup.parent / SECOND_COPY_STATUS
    temp = status_file.with_name(f".{SECOND_COPY_STATUS}{PARTIAL_SUFFIX}")
    fd = os.open(temp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        json.dump(status, stream)
    os.replace(temp, status_file)
    return copy


def second_copy_status(db_path: Path) -> dict[str, Any] | None:
    """What the last copy to the second backup folder did: folder, ok, last_success."""
    try:
        status = json.loads((db_path.parent / "backups" / SECOND_COPY_STATUS).read_text())
    except (OSError, ValueError):
        return None
    return status if isinstance(status, dict) else None
