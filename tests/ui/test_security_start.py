"""The start-up path with sign-in (``show_main_window(..., sign_in=sign_in_and_secure)``, as
``run_app`` wires it): no client shows before the therapist signed in; cancelling quits;
after signing in the lock is installed on Ctrl+L."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence

from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.accounts import AccountBook
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.access import sign_in_dialog
from nmt_bodymap.ui.access.lock import sign_in_and_secure
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import ExitRecorder


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name="Zelda Privateperson")
        AccountBook.for_store(store).create_first_account("Ana", "4321")
    return path


@pytest.fixture
def worker() -> Iterator[StoreWorker]:
    started = StoreWorker()
    yield started
    started.shutdown()


def _start(qtbot: Any, worker: StoreWorker, path: Path) -> tuple[Any, ExitRecorder]:
    exits = ExitRecorder()
    window = app_module.show_main_window(
        exits,  # type: ignore[arg-type]
        worker,
        str(path),
        sign_in=sign_in_and_secure,
    )
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window, exits


def test_no_client_shows_until_the_therapist_signs_in(
    qtbot: Any, chart: Path, worker: StoreWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen_before: list[Any] = []
    window_ref: list[Any] = []

    def ask(dialog: Any) -> bool:
        seen_before.append(window_ref[0].clients.current_client() if window_ref else None)
        dialog.secret.setText("4321")
        return True

    monkeypatch.setattr(sign_in_dialog, "ask", ask)
    window, exits = _start(qtbot, worker, chart)
    window_ref.append(window)
    qtbot.waitUntil(lambda: window.clients.current_client() is not None, timeout=20_000)
    assert seen_before == [None]
    assert window.clients.current_client().name == "Zelda Privateperson"
    assert exits.codes == []
    lock = window.findChild(type(window.actions()[0]), "action-lock")
    assert lock is not None and lock.shortcut() == QKeySequence("Ctrl+L")
    assert window.findChild(type(lock), "action-accounts") is not None  # Ana is the owner
    focus = window.actions_by_key["focus-candidates"]
    assert QKeySequence("Ctrl+L") not in focus.shortcuts()
    lock.trigger()
    assert window.security_guard.locked


def test_cancelling_the_sign_in_quits_without_showing_a_client(
    qtbot: Any, chart: Path, worker: StoreWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sign_in_dialog, "ask", lambda _dialog: False)
    window, exits = _start(qtbot, worker, chart)
    qtbot.waitUntil(lambda: bool(exits.codes), timeout=20_000)
    assert exits.codes == [1]
    assert window.clients.current_client() is None
