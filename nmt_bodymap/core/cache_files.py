"""The cache folder and its files: where entries live, written atomically, old ones pruned.

Shared by ``core.atlas_cache`` (atlas, knowledge, data files, region paths) and
``ui.figure_pictures`` (the first frame's figures). Deliberately light: no hashlib (OpenSSL
alone takes ~3 ms to load, and the first frame reads its pictures before anything else);
each caller frames and checks its own entries.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

APP_NAME = "nmt-bodymap"
CACHE_DIR_ENV = "NMT_BODYMAP_CACHE_DIR"
KEEP_ENTRIES = 4  # per kind: old entries beyond this are removed when a new one is written


def cache_dir() -> Path:
    """Where cache entries live: ``NMT_BODYMAP_CACHE_DIR`` or the user cache folder."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def write_entry_file(target: Path, kind: str, blob: bytes) -> bool:
    """Write ``blob`` to ``target`` atomically (temporary file, then ``os.replace``), then
    drop the oldest ``<kind>-*.bin`` beside it; False (and no exception) when the folder is
    unusable: a cache only costs speed."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{kind}-", dir=target.parent)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        os.replace(temp_name, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        return False
    _prune(kind, keep=target)
    return True


def _prune(kind: str, keep: Path) -> None:
    """Drop the oldest entries of ``kind`` so regenerated drawings do not pile up."""
    with contextlib.suppress(OSError):
        entries = sorted(
            (p for p in keep.parent.glob(f"{kind}-*.bin") if p != keep),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in entries[KEEP_ENTRIES - 1 :]:
            old.unlink()
