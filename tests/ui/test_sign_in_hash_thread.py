"""The passphrase check (argon2) runs on the store worker, and the GUI thread keeps running
its events meanwhile: at the start-up sign-in and at the lock screen's unlock (issue 18)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from nmt_bodymap.store import accounts
from nmt_bodymap.store.accounts import AccountBook
from nmt_bodymap.ui.access import sign_in_dialog
from nmt_bodymap.ui.access.lock import _verifier
from tests.ui.conftest import call_on_worker


@pytest.fixture
def watched_checks(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[list[dict[str, bool]], QTimer]]:
    """Each passphrase check, held until the GUI thread has run its timer twice more: where
    it ran and whether the GUI ran meanwhile (a check on the GUI thread, or one that froze
    it, sees no ticks; it gives up after 10 s rather than hang)."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    checks: list[dict[str, bool]] = []
    real = accounts.verify_secret

    def verify(secret_hash: str, secret: str) -> bool:
        seen = len(ticks)
        give_up = time.monotonic() + 10
        while len(ticks) < seen + 2 and time.monotonic() < give_up:
            time.sleep(0.001)
        checks.append(
            {
                "off_gui_thread": threading.current_thread() is not threading.main_thread(),
                "gui_ran": len(ticks) >= seen + 2,
            }
        )
        return real(secret_hash, secret)

    monkeypatch.setattr(accounts, "verify_secret", verify)
    timer.start()
    yield checks, timer
    timer.stop()


def test_sign_in_and_unlock_check_on_the_worker_while_the_gui_runs(
    qtbot: Any,
    chart_path: Path,
    open_worker: Any,
    monkeypatch: pytest.MonkeyPatch,
    watched_checks: tuple[list[dict[str, bool]], QTimer],
) -> None:
    checks, _ = watched_checks
    worker = open_worker(chart_path)
    account = call_on_worker(
        qtbot, worker, lambda s: AccountBook.for_store(s).create_first_account("Ana", "4321")
    )

    def ask(dialog: Any) -> bool:
        dialog.secret.setText("4321")
        return True

    monkeypatch.setattr(sign_in_dialog, "ask", ask)
    signed_in = sign_in_dialog.sign_in_after_open(None, worker)
    assert signed_in is not None and signed_in.name == "Ana"
    assert checks == [{"off_gui_thread": True, "gui_ran": True}]

    replies: list[str | None] = []
    _verifier(worker, account)("4321", replies.append)  # the lock screen's unlock
    qtbot.waitUntil(lambda: bool(replies), timeout=10_000)
    assert replies == [None]
    assert checks[1:] == [{"off_gui_thread": True, "gui_ran": True}]
