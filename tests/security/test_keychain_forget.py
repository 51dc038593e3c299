"""``encryption.forget_in_keychain`` beside ``keep_in_keychain``, and ``kept_in_keychain``
(what the File menu shows): an in-memory keychain, never the machine's."""

from __future__ import annotations

from pathlib import Path

import keyring.backends.fail
import pytest
from keyring.errors import PasswordDeleteError

from nmt_bodymap.store import encryption, keychain


class MemoryKeyring:
    """Like a keyring backend: deleting an entry that is not there raises."""

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, value: str) -> None:
        self.saved[(service, user)] = value

    def get_password(self, service: str, user: str) -> str | None:
        return self.saved.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        if (service, user) not in self.saved:
            raise PasswordDeleteError("not there")
        del self.saved[(service, user)]


def test_a_key_kept_then_forgotten_no_longer_opens_the_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ring = MemoryKeyring()
    monkeypatch.setattr(keychain, "_keyring", lambda: ring)
    path = tmp_path / "chart.sqlite3"
    key, _ = encryption.set_up_key(path, {"account:Ana": "ana's passphrase"})
    encryption.forget_all()
    assert encryption.kept_in_keychain(path) is False
    assert encryption.keep_in_keychain(path, key)
    assert encryption.kept_in_keychain(path) is True
    assert encryption.resolve_key(path) == key  # from the keychain
    encryption.forget_all()
    assert encryption.forget_in_keychain(path, key)
    assert ring.saved == {} and encryption.kept_in_keychain(path) is False
    with pytest.raises(encryption.ChartLocked):
        encryption.resolve_key(path)
    assert encryption.forget_in_keychain(path, key)  # not there: not an error


def test_no_keychain_backend_changes_nothing_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = keyring.backends.fail.Keyring()
    monkeypatch.setattr(keychain, "_keyring", lambda: failing)
    path = tmp_path / "chart.sqlite3"
    key, _ = encryption.set_up_key(path, {"account:Ana": "ana's passphrase"})
    assert not encryption.keep_in_keychain(path, key)
    assert not encryption.forget_in_keychain(path, key)
    assert encryption.kept_in_keychain(path) is None  # cannot tell
    monkeypatch.setattr(keychain, "_keyring", lambda: None)  # keyring not installed
    assert not encryption.forget_in_keychain(path, key)
    assert encryption.kept_in_keychain(path) is None
