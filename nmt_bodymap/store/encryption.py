"""Encryption at rest for SQLite charts: SQLCipher (``sqlcipher3``) with a wrapped chart key.

Each encrypted chart has a random 256-bit key. SQLCipher encrypts every page of the chart
file, of its WAL and of every backup with it (AES-256, HMAC per page). The key itself is
never stored in clear: ``<chart>.keys`` beside the chart holds it wrapped once per
*slot*: a therapist's passphrase, the recovery key printed once at set-up, or the secret
a script gives in ``NMT_BODYMAP_SECRET``. A slot is ``key XOR argon2id(secret, salt)``
with its own random salt (a one-time pad from a memory-hard KDF) and a check value that
tells a wrong secret from a damaged file. A single-user laptop may keep the key in the OS
keychain instead (``keyring``), so the app opens without a passphrase prompt.

The process remembers unlocked keys (by the check value) so the store, its backups and
the commands open the same chart without asking again. Opening an encrypted chart for
which no key is at hand raises ``ChartLocked`` with one plain message.
"""

from __future__ import annotations

import hmac
import os
import secrets
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nmt_bodymap.store import key_soon, keychain
from nmt_bodymap.store.chart_file import KEYS_SUFFIX, is_plain_sqlite
from nmt_bodymap.store.chart_keys import (
    KeyFile,
    check_of,
    find_key_file,
    key_file_path,
    make_slot,
    new_recovery_code,
    read_key_file,
    unwrap,
    unwrap_slot,
    write_key_file,
)
from nmt_bodymap.store.errors import ChartDatabaseCorrupt, ChartStoreError
from nmt_bodymap.store.keychain import (  # the chart's key in the OS keychain, asked here
    KEYRING_SERVICE,
    forget_in_keychain,
    keep_in_keychain,
    kept_in_keychain,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

__all__ = [
    "KEYRING_SERVICE",
    "KEYS_SUFFIX",
    "KeyFile",
    "find_key_file",
    "forget_in_keychain",
    "keep_in_keychain",
    "kept_in_keychain",
    "key_file_path",
    "unwrap",
]

SECRET_ENV = key_soon.SECRET_ENV
USER_ENV = "NMT_BODYMAP_USER"
_remembered: dict[str, bytes] = {}  # check value -> chart key, for this process


class ChartLocked(ChartStoreError):
    """An encrypted chart and no key for it: the secret is missing or wrong."""


LOCKED_MESSAGE = (
    "This chart is encrypted: sign in with your passphrase (or set NMT_BODYMAP_SECRET "
    "for scripts) to open it."
)


def set_up_key(chart: Path, slots: Mapping[str, str]) -> tuple[bytes, str]:
    """A new random key for ``chart`` wrapped for each ``label: secret`` and a recovery
    code (returned once, never stored); the key is remembered for this process."""
    key = secrets.token_bytes(32)
    recovery = new_recovery_code()
    wrapped = [make_slot(key, label, secret) for label, secret in slots.items()]
    wrapped.append(make_slot(key, "recovery", recovery))
    write_key_file(key_file_path(chart), key, wrapped)
    remember(key)
    return key, recovery


def add_slot(chart: Path, key: bytes, label: str, secret: str) -> None:
    """Wrap the chart key for one more secret (replacing a slot of the same label)."""
    current = read_key_file(key_file_path(chart))
    kept = [slot for slot in current.slots if slot.get("label") != label]
    write_key_file(current.path, key, [*kept, make_slot(key, label, secret)])


def remember(key: bytes) -> None:
    _remembered[check_of(key)] = key


def forget_all() -> None:
    _remembered.clear()
    key_soon.forget()


def remove_slot(chart: Path, label: str) -> bool:
    """Drop the slot ``label`` (a disabled account); True when there was one."""
    found = find_key_file(chart)
    if found is None:
        return False
    current = read_key_file(found)
    kept = [slot for slot in current.slots if slot.get("label") != label]
    if len(kept) == len(current.slots):
        return False
    write_key_file(found, resolve_key(chart), kept)
    return True


def unlock(chart: Path, secret: str, label: str | None = None) -> bool:
    """Unwrap and remember the key of ``chart`` with ``secret``; False when it does not fit."""
    return unlock_slot(chart, secret, label) is not None


def unlock_slot(chart: Path, secret: str, label: str | None = None) -> str | None:
    """``unlock``, giving the label of the slot that opened (``recovery``: the recovery
    key, no account's passphrase); None when ``secret`` does not fit."""
    found = find_key_file(chart)
    if found is None:
        return None
    opened = unwrap_slot(read_key_file(found), secret, label)
    if opened is None:
        return None
    remember(opened[0])
    return opened[1]


def unwrap_soon(path: Path) -> bool:
    """Start unwrapping the key of ``path`` with the environment's secret on a thread
    (``key_soon``; at launch it is started before the window's imports, issue 18);
    ``resolve_key`` waits for it. False when there is nothing to unwrap so (no secret in
    the environment, no key file)."""
    found = find_key_file(path) if os.environ.get(SECRET_ENV) else None
    if found is None:
        return False
    if read_key_file(found).check in _remembered:
        return True
    return key_soon.start(path, found)


def resolve_key(path: Path) -> bytes:
    """The key of an encrypted chart or backup: remembered, from the environment's secret
    (unwrapped here, or by ``key_soon``'s thread: derived once per chart and process), or
    from the OS keychain. Raises ``ChartLocked`` when none of them opens it."""
    found = find_key_file(path)
    if found is None:
        raise ChartLocked(f"{LOCKED_MESSAGE} (Its key file {key_file_path(path).name} is missing.)")
    key_file = read_key_file(found)
    key = _remembered.get(key_file.check)
    started = key_soon.take(found) if key is None else None
    if started is not None:  # None from it: the secret did not fit (not derived again)
        key = started[0]
    elif key is None and os.environ.get(SECRET_ENV):
        key = unwrap(key_file, os.environ[SECRET_ENV])
    if key is None:
        key = keychain.from_keychain(key_file.check)
    if key is None or not hmac.compare_digest(check_of(key), key_file.check):
        raise ChartLocked(LOCKED_MESSAGE)
    remember(key)
    return key


# -- files ------------------------------------------------------------------------------


def is_encrypted_chart(path: Path) -> bool:
    """A non-empty file that is not plain SQLite and has a key file: an encrypted chart."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    return not is_plain_sqlite(path) and find_key_file(path) is not None


def _pragma_key(key: bytes) -> str:
    return f"\"x'{key.hex()}'\""


def connect(path: Path, key: bytes, readonly: bool = False) -> Any:
    """A keyed ``sqlcipher3`` connection (DB-API, like ``sqlite3``)."""
    import sqlcipher3

    target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    conn = sqlcipher3.connect(target, uri=readonly, timeout=10)
    conn.execute(f"PRAGMA key = {_pragma_key(key)}")
    return conn


@contextmanager
def opened(path: Path, key: bytes, readonly: bool = False) -> Iterator[Any]:
    conn = connect(path, key, readonly)
    try:
        yield conn
    finally:
        conn.close()


def check_encrypted_file(path: Path, latest_backup: Path | None) -> None:
    """Like ``database.check_sqlite_file`` for an encrypted chart (read-only)."""
    import sqlcipher3

    key = resolve_key(path)
    try:
        with opened(path, key, readonly=True) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = conn.execute("PRAGMA quick_check(1)").fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise ChartDatabaseCorrupt(
            path, "it cannot be decrypted with its key", latest_backup
        ) from exc
    if result is None or result[0] != "ok":
        raise ChartDatabaseCorrupt(
            path, f"damaged: {result[0] if result else 'no answer'}", latest_backup
        )


def engine_url(url: URL) -> URL:
    """The URL to open ``url`` with: SQLCipher for an encrypted chart, and for a new
    (empty) chart file when a secret is in the environment; otherwise ``url`` itself."""
    from sqlalchemy.engine import URL  # not on the start path (issue 18)

    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return url
    path = Path(str(url.database))
    if is_encrypted_chart(path):
        key = resolve_key(path)
    elif _is_new_chart(path) and new_chart_is_encrypted(path):
        key = _key_for_new_chart(path)
    else:
        return url
    return URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path))


_new_recovery: dict[str, str] = {}


def take_recovery_code(chart: Path) -> str | None:
    """The recovery code made when ``chart`` was set up in this process (given once)."""
    return _new_recovery.pop(str(chart), None)


def new_chart_is_encrypted(path: Path) -> bool:
    """Whether a chart about to be created at ``path`` will be encrypted (a secret is set)."""
    return bool(os.environ.get(SECRET_ENV) or find_key_file(path))


def _is_new_chart(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def _key_for_new_chart(path: Path) -> bytes:
    if find_key_file(path) is not None:  # set up just before (first start, encrypt)
        return resolve_key(path)
    user = os.environ.get(USER_ENV) or "admin"
    key, recovery = set_up_key(path, {f"account:{user}": os.environ[SECRET_ENV]})
    _new_recovery[str(path)] = recovery
    return key


def export_copy(
    source: Path, destination: Path, source_key: bytes | None, key: bytes | None
) -> None:
    """Copy a chart with SQLCipher's ``sqlcipher_export`` (None = plain), into a new
    owner-only file, synced to disk; a failed copy leaves no file behind."""
    import sqlcipher3

    fd = os.open(destination, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        conn = sqlcipher3.connect(str(source), timeout=10)
        with closing(conn):
            if source_key is not None:
                conn.execute(f"PRAGMA key = {_pragma_key(source_key)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            target_key = _pragma_key(key) if key else "''"
            conn.execute(f"ATTACH DATABASE ? AS copy KEY {target_key}", (str(destination),))
            conn.execute("SELECT sqlcipher_export('copy')")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA copy.user_version = {int(version)}")
            conn.execute("DETACH DATABASE copy")
        with destination.open("rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        destination.unlink(missing_ok=True)
        raise


def copy_encrypted(source: Path, destination: Path) -> None:
    """Backup hook: an encrypted chart's backup, encrypted with the same key."""
    import sqlcipher3

    key = resolve_key(source)
    try:
        export_copy(source, destination, key, key)
    except sqlcipher3.DatabaseError as exc:
        raise sqlite3.DatabaseError(str(exc)) from exc
    keep_key_file_beside(source, destination.parent)


def keep_key_file_beside(chart: Path, folder: Path) -> None:
    """A copy of the chart's key file in the backup folder: without it (if the chart's own
    were lost) neither a passphrase nor the recovery key could open the backups."""
    own = find_key_file(chart)
    if own is None or own.parent == folder:
        return
    copy = folder / own.name
    text = own.read_bytes()
    if copy.is_file() and copy.read_bytes() == text:
        return
    staging = folder / f".{own.name}.new"
    staging.unlink(missing_ok=True)
    fd = os.open(staging, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(staging, copy)


def encrypted_backup_contents(path: Path) -> tuple[list[Any], set[str]]:
    """Backup hook: an encrypted backup's integrity check and table names (judged by
    ``backups.judge_backup``); a file that does not open is refused here."""
    import sqlcipher3

    try:
        with opened(path, resolve_key(path), readonly=True) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlcipher3.DatabaseError as exc:
        raise ChartStoreError(f"{path} is not a usable backup: {exc}.") from exc
    return result, tables


def table_counts(conn: Any) -> dict[str, int]:
    """Rows per table (to prove a copy kept every row)."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def copy_chart(source: Path, destination: Path) -> None:
    """A consistent copy of a plain or an encrypted chart (same encryption, same key);
    for ``migrate._upgrade_copy``, which copies a chart before upgrading the copy."""
    if is_encrypted_chart(source):
        destination.unlink(missing_ok=True)  # the export makes its own owner-only file
        copy_encrypted(source, destination)
        return
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(destination)) as dst:
        src.backup(dst)


def connect_any(path: Path) -> Any:
    """A DB-API connection to a plain chart (``sqlite3``) or an encrypted one (keyed)."""
    if is_encrypted_chart(path):
        return connect(path, resolve_key(path))
    return sqlite3.connect(path)
