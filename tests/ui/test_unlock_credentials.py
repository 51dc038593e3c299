"""What was typed at the unlock over the window (an encrypted chart the station's secret
and the keychain did not open) and the sign-in after the chart opens.

A recovery key opens the chart's key, but it is no account's passphrase: it must not be
tried as one at the sign-in. It was (the name typed with it and the recovery key), which
counted a failed sign-in against that account: an account with two wrong tries before
was then locked, and its therapist's right passphrase refused (probe30)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlcipher3")

from nmt_bodymap.store import encryption, keychain
from nmt_bodymap.store.accounts import AccountBook
from nmt_bodymap.store.errors import ChartStoreError, SignInRefused
from nmt_bodymap.store.service import ChartStore
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.access import sign_in_dialog
from nmt_bodymap.ui.access.lock import sign_in_and_secure
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import ExitRecorder

SECRET = "correct horse battery"


@pytest.fixture
def chart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str]]:
    """An encrypted chart with Ana's account (two wrong tries already) and her key slot;
    no key remembered, no keychain, a station secret that does not fit."""
    monkeypatch.setattr(keychain, "_keyring", lambda: None)
    monkeypatch.setenv(encryption.SECRET_ENV, "not the passphrase")
    path = tmp_path / "charts.sqlite3"
    _, recovery = encryption.set_up_key(path, {"account:Ana": SECRET})
    with ChartStore.open(path, backup_on_close=False) as store:
        book = AccountBook.for_store(store)
        book.create_first_account("Ana", SECRET)
        for _ in range(2):
            with pytest.raises(SignInRefused):
                book.sign_in("Ana", "a wrong guess")
        client = store.create_client(name="Ana Ruiz")
        store.create_visit(client.id, chief_complaint="Headache")
    encryption.forget_all()
    yield path, recovery
    encryption.forget_all()


@pytest.fixture
def worker() -> Iterator[StoreWorker]:
    made = StoreWorker()
    yield made
    made.shutdown()


def test_a_recovery_key_at_the_unlock_is_not_tried_as_the_passphrase(
    qtbot: Any, chart: tuple[Path, str], worker: StoreWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, recovery = chart
    asked: list[tuple[str, str]] = []

    def ask(dialog: Any) -> bool:
        asked.append((type(dialog).__name__, dialog.message.text()))
        if len(asked) == 1:  # the unlock: the recovery key, with her name
            dialog.name.setEditText("Ana")
            dialog.secret.setText(recovery)
            return True
        if len(asked) == 2:  # the sign-in: her own passphrase
            dialog.name.setCurrentText("Ana")
            dialog.secret.setText(SECRET)
            return True
        return False  # refused: give up (the test then fails below)

    monkeypatch.setattr(sign_in_dialog, "ask", ask)
    exits = ExitRecorder()
    window = app_module.show_main_window(
        exits,  # type: ignore[arg-type]
        worker,
        str(path),
        sign_in=sign_in_and_secure,
    )
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: exits.codes != [] or bool(window.__dict__.get("chart_started")), timeout=30_000
    )
    assert exits.codes == [], asked
    assert asked == [("SignInDialog", ""), ("SignInDialog", "")]


def test_a_key_that_cannot_be_derived_is_said_in_the_unlock(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """argon2id's 64 MiB not to be had (or a damaged key file) at the unlock over the
    window: its line in the dialog, which stays up; it escaped from the chart's opener
    (an uncaught error, the window left saying 'Opening the chart database…')."""
    line = "The chart key could not be derived (Memory allocation error)."

    def cannot(*_args: Any, **_kwargs: Any) -> str | None:
        raise ChartStoreError(line)

    monkeypatch.setattr(encryption, "unlock_slot", cannot)
    said: list[str] = []

    def ask(dialog: Any) -> bool:
        said.append(dialog.message.text())
        dialog.name.setEditText("Ana")
        dialog.secret.setText(SECRET)
        return len(said) == 1

    monkeypatch.setattr(sign_in_dialog, "ask", ask)
    assert not sign_in_dialog.unlock_chart(tmp_path / "charts.sqlite3")
    assert said == ["", line]
    assert sign_in_dialog._pending == []
