"""The user's data folder: platformdirs, overridable with NMT_BODYMAP_DATA_DIR."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "nmt-bodymap"
DATA_DIR_ENV = "NMT_BODYMAP_DATA_DIR"
DEFAULT_DB_NAME = "charts.sqlite3"


def data_dir(create: bool = True) -> Path:
    """The folder holding the chart database and its backups.

    ``NMT_BODYMAP_DATA_DIR`` wins (tests, portable installs); otherwise the
    platform's per-user data folder. Created owner-only on first use.
    """
    override = os.environ.get(DATA_DIR_ENV)
    folder = Path(override).expanduser() if override else user_data_path(APP_NAME, appauthor=False)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(
            f"the data folder {folder} is a file, not a folder; move it away or set "
            f"{DATA_DIR_ENV} to a folder"
        )
    if create:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def backup_dir() -> Path:
    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


LOG_DIR_ENV = "NMT_BODYMAP_LOG_DIR"


def log_dir(create: bool = True) -> Path:
    """The folder of the app's log files (``NMT_BODYMAP_LOG_DIR`` wins), owner-only."""
    from platformdirs import user_log_path

    override = os.environ.get(LOG_DIR_ENV)
    folder = Path(override).expanduser() if override else user_log_path(APP_NAME, appauthor=False)
    if create:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


@contextmanager
def private_file(path: Path, prefix: str = ".tmp-", suffix: str = "") -> Iterator[Path]:
    """A temporary file beside ``path`` for the caller to fill; when the block ends without
    an error it is made owner-only (client data) and moved onto ``path`` in one step,
    otherwise removed. Settings, exports and documents are written this way."""
    handle, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=Path(path).parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_private(path: Path, data: bytes, prefix: str = ".export-") -> Path:
    """Write ``data`` to ``path`` atomically and flushed to disk, readable by the owner only."""
    path = Path(path)
    with private_file(path, prefix) as tmp, open(tmp, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    return path
