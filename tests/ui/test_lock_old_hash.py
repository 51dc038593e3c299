"""The lock screen's unlock on an account hashed before the 12 MiB hashes (issue 18 probe):
a wrong PIN is refused and counted, the right one unlocks and the hash is rehashed once; a
hash damaged in the chart is told on the lock screen in its one line (no traceback)."""

from __future__ import annotations

from typing import Any

from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from sqlalchemy import select

from nmt_bodymap.store import secret_hashes
from nmt_bodymap.store.accounts import AccountRow
from nmt_bodymap.ui.access.lock import install_security
from tests.ui.conftest import call_on_worker, open_window
from tests.ui.test_security_lock import zelda  # noqa: F401 - the fixture

OLD_DEFAULT = PasswordHasher()  # argon2-cffi's default (m=64 MiB): every chart's before


def _set_hash(store: Any, secret_hash: str) -> None:
    with store._sessions.begin() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.name == "Ana"))
        row.secret_hash = secret_hash


def _row(store: Any) -> tuple[str, int]:
    with store._sessions() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.name == "Ana"))
        return row.secret_hash, row.failed_attempts


def _unlock_with(qtbot: Any, guard: Any, secret: str) -> None:
    guard.screen.message.setText("")
    guard.screen.secret.setText(secret)
    qtbot.keyClick(guard.screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not guard.locked or bool(guard.screen.message.text()), timeout=10_000)


def test_unlocking_on_an_old_hash_counts_a_wrong_pin_and_rehashes_once(
    qtbot: Any,
    zelda: dict[str, Any],  # noqa: F811 - the fixture imported above
    no_dialogs: list[str],
) -> None:
    worker = zelda["worker"]
    old = OLD_DEFAULT.hash("4321")
    call_on_worker(qtbot, worker, lambda s: _set_hash(s, old))
    window = open_window(qtbot, worker, zelda["visit"].id)
    guard = install_security(window, worker, zelda["account"], idle_minutes=5)
    guard.lock()
    _unlock_with(qtbot, guard, "9999")
    assert guard.locked and "do not match" in guard.screen.message.text()
    assert call_on_worker(qtbot, worker, _row) == (old, 1)
    _unlock_with(qtbot, guard, "4321")
    assert not guard.locked
    stored, failed = call_on_worker(qtbot, worker, _row)
    assert failed == 0 and stored != old and not secret_hashes.needs_rehash(stored)
    guard.lock()
    _unlock_with(qtbot, guard, "4321")
    assert not guard.locked and call_on_worker(qtbot, worker, _row) == (stored, 0)
    assert no_dialogs == []


def test_unlocking_on_a_damaged_hash_says_so_on_the_lock_screen(
    qtbot: Any,
    zelda: dict[str, Any],  # noqa: F811 - the fixture imported above
    no_dialogs: list[str],
) -> None:
    worker = zelda["worker"]
    call_on_worker(qtbot, worker, lambda s: _set_hash(s, "$argon2id$v=19$m=12288,t=3"))
    window = open_window(qtbot, worker, zelda["visit"].id)
    guard = install_security(window, worker, zelda["account"], idle_minutes=5)
    guard.lock()
    _unlock_with(qtbot, guard, "4321")
    assert guard.locked
    assert guard.screen.message.text().startswith("This account's passphrase record")
    assert call_on_worker(qtbot, worker, _row)[1] == 0
    assert no_dialogs == []


def test_a_sign_in_the_store_cannot_answer_is_one_line_on_the_sign_in_screen(
    qtbot: Any,
    zelda: dict[str, Any],  # noqa: F811 - the fixture imported above
    monkeypatch: Any,
) -> None:
    """The server lost, or no memory for the check (``secret_hashes.HashFailed``) while the
    therapist signs in: the sign-in screen says it and she tries again. It was raised out
    of the screen (the window's opening slot: a traceback, a window that never started)."""
    from nmt_bodymap.store.accounts import AccountBook
    from nmt_bodymap.ui.access import sign_in_dialog
    from tests.ui.test_security_lock import _answer

    real = AccountBook.sign_in
    failing = [True]

    def sign_in(self: Any, name: str, secret: str, now: Any = None) -> Any:
        if failing.pop() if failing else False:
            raise secret_hashes.HashFailed("Memory allocation error", out_of_memory=True)
        return real(self, name, secret, now)

    monkeypatch.setattr(AccountBook, "sign_in", sign_in)

    def pin(dialog: Any) -> None:
        dialog.secret.setText("4321")

    seen = _answer(monkeypatch, [pin, pin])
    account = sign_in_dialog.sign_in_after_open(None, zelda["worker"])
    assert account is not None and account.name == "Ana"
    assert seen[0].message.text() == (
        "The passphrase could not be checked (Memory allocation error)."
    )
