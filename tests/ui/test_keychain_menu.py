"""File > "Open this chart without its passphrase on this computer…" and "Ask for the
chart's passphrase again on this computer" (issue 14's keychain option, from the app).

Real windows started as ``run_app`` starts them (sign-in hook), an in-memory keychain of the
test's own (never the machine's). Storing asks first (Cancel the default); the next start
opens the file without asking for its passphrase (the app's sign-in still applies);
removing makes the next start ask again. Only an owner/admin, only an encrypted chart; no
keychain backend: one line, nothing stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring.backends.fail
import keyring.core
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QMessageBox

from nmt_bodymap.store import encryption
from nmt_bodymap.store.accounts import AccountBook, add_account_to_chart
from nmt_bodymap.store.service import ChartStore
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.access import keychain_actions, sign_in_dialog
from nmt_bodymap.ui.access.lock import sign_in_and_secure
from nmt_bodymap.ui.actions import menu_titled
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import ExitRecorder
from tests.ui.test_keychain_start import MemoryKeyring

SECRET = "correct horse battery"
BEN_SECRET = "ben's own long passphrase"


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    made = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", made)
    monkeypatch.delenv(encryption.SECRET_ENV, raising=False)
    yield made


def _accounts(store: ChartStore) -> None:
    store.create_client(name="Ana Ruiz")
    ana = AccountBook.for_store(store).create_first_account("Ana", SECRET)
    add_account_to_chart(store, ana, "Ben", BEN_SECRET, "therapist")


@pytest.fixture
def chart(tmp_path: Path) -> Iterator[Path]:
    """An encrypted chart: Ana the owner, Ben a therapist; no key remembered."""
    path = tmp_path / "charts.sqlite3"
    encryption.set_up_key(path, {"account:Ana": SECRET})
    with ChartStore.open(path, backup_on_close=False) as store:
        _accounts(store)
    encryption.forget_all()
    yield path
    encryption.forget_all()


@pytest.fixture
def workers() -> Iterator[Callable[[], StoreWorker]]:
    made: list[StoreWorker] = []

    def new() -> StoreWorker:
        made.append(StoreWorker())
        return made[-1]

    yield new
    for worker in made:
        worker.shutdown()


def _answer(monkeypatch: pytest.MonkeyPatch, name: str, secret: str) -> list[str]:
    """Every sign-in dialog answered with ``name``/``secret``: "unlock" when it opens the
    file (before the chart opens, no parent), "sign-in" when over the open window."""
    asked: list[str] = []

    def ask(dialog: Any) -> bool:
        asked.append("sign-in" if dialog.parentWidget() is not None else "unlock")
        dialog.name.setEditText(name)
        dialog.secret.setText(secret)
        return True

    monkeypatch.setattr(sign_in_dialog, "ask", ask)
    return asked


def _questions(monkeypatch: pytest.MonkeyPatch, answer: bool, shots: Path) -> list[QMessageBox]:
    asked: list[QMessageBox] = []

    def ask(box: QMessageBox) -> bool:
        asked.append(box)
        box.adjustSize()
        assert box.grab().save(str(shots / "keychain-question.png"))
        return answer

    monkeypatch.setattr(keychain_actions, "ask", ask)
    return asked


def _start(qtbot: Any, worker: StoreWorker, path: Path, signed: bool = True) -> Any:
    exits = ExitRecorder()
    assert app_module.before_open(str(path))
    hook = sign_in_and_secure if signed else None
    window = app_module.show_main_window(exits, worker, str(path), sign_in=hook)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(window.__dict__.get("chart_started")), timeout=60_000)
    assert exits.codes == []
    return window


def _file_menu(qtbot: Any, window: Any) -> QMenu:
    """The File menu, shown as the therapist opens it (the keychain is read then)."""
    menu = menu_titled(window, "File", create=False)
    assert menu is not None
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible)
    return menu


def _actions(window: Any) -> tuple[Any, Any]:
    return window.actions_by_key["keychain-keep"], window.actions_by_key["keychain-forget"]


def test_stored_the_next_start_opens_without_the_passphrase_removed_it_asks_again(
    qtbot: Any,
    chart: Path,
    ring: MemoryKeyring,
    workers: Callable[[], StoreWorker],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    asked = _answer(monkeypatch, "Ana", SECRET)
    worker = workers()
    window = _start(qtbot, worker, chart)
    assert asked == ["unlock"]  # the keychain is empty: the file's passphrase is asked
    keep, forget = _actions(window)
    ring.asked = 0
    menu = _file_menu(qtbot, window)
    assert ring.asked >= 1  # read as the menu shows, not before
    assert keep.isEnabled() and not forget.isEnabled()
    assert keep in menu.actions() and forget in menu.actions()
    assert menu.grab().save(str(tmp_path / "keychain-menu.png"))
    menu.hide()
    read = ring.asked
    _file_menu(qtbot, window).hide()
    assert ring.asked == read  # once per window: a locked keychain is not woken each time

    questions = _questions(monkeypatch, False, tmp_path)
    keep.trigger()  # cancelled: nothing stored
    assert len(questions) == 1 and ring.saved == {}
    box = questions[0]
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    said = box.text() + box.informativeText()
    assert "full-disk encryption" in said and "sign in to this computer account" in said
    questions = _questions(monkeypatch, True, tmp_path)
    keep.trigger()
    assert len(questions) == 1 and len(ring.saved) == 1
    assert "without" in window.statusBar().currentMessage()
    _file_menu(qtbot, window).hide()
    assert not keep.isEnabled() and forget.isEnabled()
    window.close()
    worker.shutdown()
    encryption.forget_all()

    asked.clear()
    worker = workers()
    window = _start(qtbot, worker, chart)
    assert asked == ["sign-in"]  # the file opened from the keychain; the app's sign-in stays
    keep, forget = _actions(window)
    _file_menu(qtbot, window).hide()
    assert forget.isEnabled()
    forget.trigger()
    assert ring.saved == {}
    assert "again" in window.statusBar().currentMessage()
    window.close()
    worker.shutdown()
    encryption.forget_all()

    asked.clear()
    window = _start(qtbot, workers(), chart)
    assert asked == ["unlock"]
    window.close()


def test_a_therapist_cannot_keep_the_key(
    qtbot: Any,
    chart: Path,
    ring: MemoryKeyring,
    workers: Callable[[], StoreWorker],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _answer(monkeypatch, "Ben", BEN_SECRET)
    window = _start(qtbot, workers(), chart)
    keep, forget = _actions(window)
    _file_menu(qtbot, window).hide()
    assert not keep.isEnabled() and not forget.isEnabled()
    assert "owner or administrator" in keep.toolTip()
    assert "owner or administrator" in forget.statusTip()
    questions = _questions(monkeypatch, True, tmp_path)
    keep.trigger()  # disabled: nothing happens
    window.__dict__["keychain_actions"].store_key()  # called all the same: still refused
    window.__dict__["keychain_actions"].remove_key()
    assert questions == [] and ring.saved == {}
    window.close()


def test_a_plain_chart_has_the_actions_disabled(
    qtbot: Any,
    tmp_path: Path,
    ring: MemoryKeyring,
    workers: Callable[[], StoreWorker],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "plain.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        _accounts(store)
    _answer(monkeypatch, "Ana", SECRET)
    window = _start(qtbot, workers(), path)
    keep, forget = _actions(window)
    _file_menu(qtbot, window).hide()
    assert not keep.isEnabled() and not forget.isEnabled()
    assert "encrypted" in keep.toolTip() and "encrypted" in forget.toolTip()
    assert ring.asked == 0  # nothing to ask the keychain about
    window.close()


def test_no_keychain_backend_says_one_line_and_stores_nothing(
    qtbot: Any,
    chart: Path,
    workers: Callable[[], StoreWorker],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())
    monkeypatch.delenv(encryption.SECRET_ENV, raising=False)
    _answer(monkeypatch, "Ana", SECRET)
    worker = workers()
    window = _start(qtbot, worker, chart)
    keep, forget = _actions(window)
    _file_menu(qtbot, window).hide()
    assert keep.isEnabled() and not forget.isEnabled()
    questions = _questions(monkeypatch, True, tmp_path)
    keep.trigger()
    assert len(questions) == 1
    line = window.statusBar().currentMessage()
    assert "No keychain" in line and "nothing was changed" in line and "\n" not in line
    # the window and its worker end before the key is forgotten: a store job needing the key
    # afterwards showed a dialog during teardown (PySide6 6.9 aborted on it)
    window.close()
    worker.shutdown()
    encryption.forget_all()
    with pytest.raises(encryption.ChartLocked):
        encryption.resolve_key(chart)
