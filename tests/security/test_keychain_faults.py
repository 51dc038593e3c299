"""The OS keychain read when an encrypted chart opens (behind the painted window) fails or
does not answer: the chart is reported locked and the passphrase is asked over the window.
A keychain that never answered (a backend waiting on a prompt nobody sees, a stuck
D-Bus) held the opening forever: the window said 'Opening the chart database…' and
closing it hung the process on the worker's shutdown (probe30)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.store import encryption, keychain
from nmt_bodymap.store.service import ChartStore

SECRET = "correct horse battery"


class _Ring:
    """A keyring whose read raises, or waits until released."""

    def __init__(self, fail: bool) -> None:
        self.fail, self.release = fail, threading.Event()

    def get_password(self, _service: str, _user: str) -> str | None:
        if self.fail:
            raise RuntimeError("the secret service is not running")
        self.release.wait(60)
        return None


def _chart(tmp_path: Path) -> Path:
    path = tmp_path / "charts.sqlite3"
    encryption.set_up_key(path, {"account:Ana": SECRET})
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz")
    encryption.forget_all()
    return path


def _resolve_in_thread(path: Path) -> list[Any]:
    got: list[Any] = []

    def work() -> None:
        try:
            got.append(encryption.resolve_key(path))
        except encryption.ChartLocked as exc:
            got.append(exc)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(timeout=30)
    return got


@pytest.mark.parametrize("fail", [True, False], ids=["raises", "never-answers"])
def test_a_keychain_that_fails_or_hangs_leaves_the_chart_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: bool
) -> None:
    path = _chart(tmp_path)
    ring = _Ring(fail)
    monkeypatch.setattr(keychain, "_keyring", lambda: ring)
    monkeypatch.setattr(keychain, "KEYCHAIN_WAIT_S", 0.2)
    try:
        got = _resolve_in_thread(path)
    finally:
        ring.release.set()
    assert got, "the keychain's read held the chart's opening"
    assert isinstance(got[0], encryption.ChartLocked)
    assert str(got[0]) == encryption.LOCKED_MESSAGE  # one plain line, asked for next
