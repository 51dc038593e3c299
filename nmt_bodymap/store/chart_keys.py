"""The key file beside an encrypted chart: its random key wrapped once per secret.

``<chart>.keys`` (JSON, owner-only, written atomically) holds a check value of the chart
key and one *slot* per secret that may open the chart (a therapist's passphrase, the
recovery key, a script's secret): ``key XOR argon2id(secret, own random salt)``, a
one-time pad from a memory-hard KDF. The check value tells a wrong secret from a right
one without storing anything that opens the chart. Qt-free; no key is kept here.

Unwrapping may run on a thread from the launch on (``store/key_soon``, issue 18): OpenSSL
(``hashlib``, ``hmac``) and ``secrets`` are imported where used, after argon2 has run, and
argon2id is called through its binding (``_argon2_cffi_bindings``, 1 ms to import) rather
than the ``argon2`` package (~10 ms with ``platform``), with the same function and cost;
its 64 MiB are on 2 MiB pages where the system allows (``store/kdf_memory``, ~30 % less
CPU, same output).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from nmt_bodymap.store.chart_file import KEYS_SUFFIX
from nmt_bodymap.store.errors import ChartStoreError

_CHECK_LABEL = b"nmt-bodymap chart key check"
# argon2id's cost for a slot's pad: RFC 9106's second recommended option (64 MiB, t=3,
# p=1), above OWASP's minimum. Every existing key file was made with it: changing it would
# need the parameters stored per slot, and then a slot without them read with these.
TIME_COST = 3
MEMORY_KIB = 64 * 1024
PARALLELISM = 1
MIN_SALT_LEN = 8  # argon2's ARGON2_MIN_SALT_LENGTH (a slot's salt is 16 bytes)
PAD_LEN = 32


@dataclass(frozen=True)
class KeyFile:
    path: Path
    check: str
    slots: tuple[dict[str, str], ...]


def _slot_pad(secret: str, salt: bytes) -> bytes:
    """argon2id(secret, salt) as ``argon2.low_level.hash_secret_raw`` makes it (version
    0x13). It lets go of the interpreter lock while it runs. Its 64 MiB are on 2 MiB pages
    where the system gives them (``kdf_memory``: ~30 % less CPU, same function and output),
    else malloc'd (an mmap of their own, above glibc's largest mmap threshold); either way
    wiped and unmapped when it returns."""
    from _argon2_cffi_bindings import ffi, lib  # not the argon2 package (issue 18)

    from nmt_bodymap.store.kdf_memory import HugePages, run_argon2

    pages = HugePages.make(ffi)
    try:
        status, pad = run_argon2(
            ffi,
            lib,
            lib.Argon2_id,
            version=lib.ARGON2_VERSION_13,
            memory_kib=MEMORY_KIB,
            time_cost=TIME_COST,
            parallelism=PARALLELISM,
            secret=secret.encode("utf-8"),
            salt=salt,
            length=PAD_LEN,
            allocate=pages.allocate if pages is not None else None,
            free=pages.free if pages is not None else None,
        )
    finally:
        if pages is not None:
            pages.close()
    if status != lib.ARGON2_OK:
        message = ffi.string(lib.argon2_error_message(status)).decode("ascii", "replace")
        raise ChartStoreError(f"The chart key could not be derived ({message}).")
    return pad


def check_of(key: bytes) -> str:
    import hashlib  # OpenSSL: after argon2 on the key thread, not at its start (issue 18)
    import hmac

    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:32]


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def make_slot(key: bytes, label: str, secret: str) -> dict[str, str]:
    import secrets

    salt = secrets.token_bytes(16)
    wrapped = _xor(key, _slot_pad(secret, salt))
    return {"label": label, "salt": salt.hex(), "wrapped": wrapped.hex()}


def new_recovery_code() -> str:
    """Twenty-five letters and digits in groups of five, easy to copy onto paper."""
    import base64
    import secrets

    text = base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=")[:25]
    return "-".join(text[i : i + 5] for i in range(0, 25, 5))


def normalise_recovery(code: str) -> str:
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(text[i : i + 5] for i in range(0, len(text), 5))


def key_file_path(chart: Path) -> Path:
    return chart.with_name(chart.name + KEYS_SUFFIX)


def find_key_file(path: Path) -> Path | None:
    """The key file of a chart, or of the chart a backup in ``backups/`` was taken from."""
    own = key_file_path(path)
    if own.is_file():
        return own
    if path.name.startswith("."):  # a staging copy such as ".chart.sqlite3.migrating"
        for candidate in sorted(path.parent.glob(f"*{KEYS_SUFFIX}")):
            chart_name = candidate.name[: -len(KEYS_SUFFIX)]
            staged = path.name.lstrip(".")  # ".chart.sqlite3.migrating", "..….partial"
            if staged.startswith(f"{chart_name}.") and not chart_name.startswith("."):
                return candidate
    if path.parent.name == "backups":  # the chart's key file, else the copy kept beside
        folders = (path.parent.parent, path.parent)
        for candidate in [c for f in folders for c in sorted(f.glob(f"*{KEYS_SUFFIX}"))]:
            stem = candidate.name[: -len(KEYS_SUFFIX)].rsplit(".", 1)[0]
            if path.name.lstrip(".").startswith(stem + "-"):  # a backup, or one being written
                return candidate
    return None


def read_key_file(path: Path) -> KeyFile:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return KeyFile(path, str(raw["check"]), tuple(dict(s) for s in raw["slots"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ChartStoreError(
            f"The key file {path} cannot be read ({type(exc).__name__})."
        ) from exc


def write_key_file(path: Path, key: bytes, slots: list[dict[str, str]]) -> KeyFile:
    """Write (atomically, owner-only) the wrapped key slots of a chart."""
    text = json.dumps({"version": 1, "check": check_of(key), "slots": slots}, indent=1)
    staging = path.with_name(f".{path.name}.new")
    staging.unlink(missing_ok=True)
    fd = os.open(staging, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(staging, path)
    return KeyFile(path, check_of(key), tuple(slots))


def unwrap(key_file: KeyFile, secret: str, label: str | None = None) -> bytes | None:
    """The chart key if ``secret`` opens a slot (only the slot ``label`` when given)."""
    opened = unwrap_slot(key_file, secret, label)
    return opened[0] if opened is not None else None


def unwrap_slot(
    key_file: KeyFile, secret: str, label: str | None = None
) -> tuple[bytes, str] | None:
    """``unwrap``, with the label of the slot that opened (``recovery`` for the recovery
    key, also when ``label`` names an account)."""
    for slot in key_file.slots:
        if label is not None and slot.get("label") not in (label, "recovery"):
            continue
        candidate = secret if slot.get("label") != "recovery" else normalise_recovery(secret)
        try:
            wrapped, salt = bytes.fromhex(slot["wrapped"]), bytes.fromhex(slot["salt"])
        except (KeyError, ValueError, TypeError):
            continue
        if len(salt) < MIN_SALT_LEN:  # a damaged slot: argon2 refuses it; try the others
            continue
        key = _xor(wrapped, _slot_pad(candidate, salt))
        if _same(check_of(key), key_file.check):
            return key, str(slot.get("label"))
    return None


def _same(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a, b)
