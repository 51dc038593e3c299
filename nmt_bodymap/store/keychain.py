"""An encrypted chart's key in the OS keychain (``keyring``), for a single-user laptop
(issue 14): kept, taken out, asked whether it is there, and read when the chart opens.
Qt-free; ``keyring`` is imported only when one of these is called (never before the first
paint, issue 18).

A keychain may wait on a prompt nobody sees (a locked collection, a stuck D-Bus): its read
at the chart's opening gives up after ``KEYCHAIN_WAIT_S`` and the passphrase is asked
instead (probe30)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from nmt_bodymap.store.chart_keys import check_of, find_key_file, read_key_file

KEYRING_SERVICE = "nmt-bodymap"
KEYCHAIN_WAIT_S = 30.0  # a keychain may ask its own password first


def _keyring() -> Any:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def keep_in_keychain(chart: Path, key: bytes) -> bool:
    """Store the chart key in the OS keychain (single-user laptop); False when none works."""
    return _keychain("set_password", check_of(key), key.hex())


def forget_in_keychain(chart: Path, key: bytes) -> bool:
    """Take the chart key out of the OS keychain (one not there is no error); False when
    no keychain works on this machine (nothing changed)."""
    return _keychain("delete_password", check_of(key))


def kept_in_keychain(chart: Path) -> bool | None:
    """Whether the OS keychain holds ``chart``'s key; None: cannot tell (no keychain here)."""
    found, held = find_key_file(chart), list[str | None]()
    if found is None or not _keychain("get_password", read_key_file(found).check, into=held):
        return None
    return held[0] is not None


def from_keychain(check: str) -> bytes | None:
    """The key kept in the OS keychain; None when none, when the keychain fails, or when it
    has not answered in ``KEYCHAIN_WAIT_S`` (its read is left on its thread): the chart is
    then locked and the passphrase asked, rather than the opening held forever (probe30)."""
    ring = _keyring()
    if ring is None:
        return None
    answer: list[str | None] = []

    def read() -> None:
        try:
            answer.append(ring.get_password(KEYRING_SERVICE, check))
        except Exception:
            answer.append(None)

    reader = threading.Thread(target=read, name="keychain", daemon=True)
    reader.start()
    reader.join(KEYCHAIN_WAIT_S)
    value = answer[0] if answer else None
    return bytes.fromhex(value) if value else None


def _keychain(call: str, *args: str, into: list[str | None] | None = None) -> bool:
    """``keyring.<call>(KEYRING_SERVICE, *args)``, its answer appended to ``into``; False
    when no keychain works (keyring missing, no usable backend on this machine)."""
    ring = _keyring()
    if ring is None:
        return False
    from keyring.errors import PasswordDeleteError

    try:
        answer = getattr(ring, call)(KEYRING_SERVICE, *args)
    except PasswordDeleteError:  # deleting an entry that is not there
        answer = None
    except Exception:  # no usable keychain backend on this machine
        return False
    if into is not None:
        into.append(answer)
    return True
