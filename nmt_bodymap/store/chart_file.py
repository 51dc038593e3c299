"""What a chart file is, from its first bytes: nothing imported (read before the window).

A plain chart starts with SQLite's header; an encrypted one (SQLCipher) does not, and has a
key file beside it (``store.encryption``).
"""

from __future__ import annotations

from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
KEYS_SUFFIX = ".keys"  # an encrypted chart's key file: ``<chart>.keys`` (``chart_keys``)


def is_plain_sqlite(path: Path) -> bool:
    """The file starts with SQLite's header (an unencrypted database)."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def is_plain_chart(target: str) -> bool:
    """``target`` is an existing, non-empty, unencrypted SQLite chart: it opens with no
    set-up, unlock or sign-in dialog before the window (a server address is not)."""
    if "://" in target:
        return False
    path = Path(target).expanduser().absolute()
    try:
        return path.is_file() and path.stat().st_size > 0 and is_plain_sqlite(path)
    except OSError:
        return False


def is_sealed_file(path: Path) -> bool:
    """A non-empty file that is not plain SQLite: encrypted, if it is a chart at all (its
    key file decides; ``False`` for a file that cannot be read)."""
    try:
        return path.stat().st_size > 0 and not is_plain_sqlite(path)
    except OSError:
        return False


def is_encrypted_chart_file(target: str) -> bool:
    """``target`` is an existing, non-empty chart file that is not plain SQLite and has its
    key file ``<chart>.keys`` beside it: an encrypted chart (``encryption.is_encrypted_chart``
    without the search for a backup's key file). Its key is resolved when it opens."""
    if "://" in target:
        return False
    path = Path(target).expanduser().absolute()
    try:
        keys = path.with_name(path.name + KEYS_SUFFIX)
        return path.is_file() and is_sealed_file(path) and keys.is_file()
    except OSError:
        return False
