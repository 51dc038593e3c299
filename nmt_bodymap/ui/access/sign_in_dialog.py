"""Signing in at start: the first account on first start, a name and passphrase or PIN after.

Two moments, because an encrypted chart cannot be read before its key is unwrapped:

- ``before_open(target)`` runs before the chart opens. A new chart file walks through
  creating the first account (and, ticked by default, encrypting the chart, showing the
  recovery key once). An encrypted chart whose key is not at hand (environment, OS
  keychain) asks for name and passphrase and unwraps the key with them.
- ``sign_in_after_open(window, worker, store)`` runs once the chart is open and before
  any client shows: the account is checked in the chart (argon2, throttled), and
  ``store.who`` becomes the therapist's name, so history rows name them.

Database work runs on the store worker; dialogs wait in a local event loop.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.store import encryption
from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from nmt_bodymap.store.accounts import Account, AccountBook
    from nmt_bodymap.store.service import ChartStore
    from nmt_bodymap.ui.chart.worker import StoreWorker

T = TypeVar("T")

APP_NAME = "NMT Body Map"


@dataclass(frozen=True)
class Credentials:
    name: str
    secret: str
    first: bool = False  # create the first account with them


_pending: list[Credentials] = []  # typed before the chart opened, used once after


def secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setObjectName("secret")
    return field


class SignInDialog(QDialog):
    """Name (chosen from the accounts when they are known) and passphrase or PIN."""

    def __init__(self, names: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("{app_name} — sign in").format(app_name=APP_NAME))
        self.name = QComboBox()
        self.name.setEditable(not names)
        self.name.addItems(names or [])
        self.secret = secret_field()
        self.message = QLabel("")
        self.message.setObjectName("sign-in-message")
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(tr("&Therapist"), self.name)
        form.addRow(tr("&Passphrase or PIN"), self.secret)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Sign in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.secret.setFocus()

    def credentials(self) -> Credentials:
        return Credentials(self.name.currentText().strip(), self.secret.text())

    def refuse(self, message: str) -> None:
        self.message.setText(message)
        self.secret.clear()
        self.secret.setFocus()


class FirstAccountDialog(QDialog):
    """First start: the owner account (a PIN is fine for a one-person clinic)."""

    def __init__(self, offer_encryption: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("{app_name} — first account").format(app_name=APP_NAME))
        intro = QLabel(
            tr(
                "Welcome. Create your account: only someone who knows this passphrase or PIN "
                "can open the charts. With several therapists, add their accounts later "
                "(each with a passphrase of 8 or more characters)."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.secret = secret_field()
        self.again = secret_field()
        self.encrypt = QCheckBox(tr("Encrypt the chart file and its backups (recommended)"))
        self.encrypt.setChecked(offer_encryption)
        self.encrypt.setVisible(offer_encryption)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(tr("&Your name"), self.name)
        form.addRow(tr("&Passphrase or PIN"), self.secret)
        form.addRow(tr("&Once more"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.encrypt)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if not self.name.text().strip():
            self.message.setText(tr("Enter your name."))
        elif self.secret.text() != self.again.text():
            self.message.setText(tr("The two entries differ."))
        else:
            from nmt_bodymap.store.accounts import check_secret

            try:
                check_secret(self.secret.text(), single_user=True)
            except ChartStoreError as exc:
                self.message.setText(str(exc))
                return
            self.accept()

    def credentials(self) -> Credentials:
        return Credentials(" ".join(self.name.text().split()), self.secret.text(), first=True)


# Module level so tests can answer for the therapist (the dialogs are modal).
def ask(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def show_recovery_code(code: str) -> None:
    QMessageBox.information(
        None,
        APP_NAME,
        tr(
            "The chart is encrypted. If every passphrase is forgotten, only this "
            "recovery key opens it; nobody else (not the app's makers) can. Write "
            "it down now and keep it locked away; it is shown only this "
            "once:\n\n{code}"
        ).format(code=code),
    )


def before_open(target: str) -> bool:
    """Walk through set-up or unlock the chart's key; False when the therapist cancels."""
    _pending.clear()
    if "://" in target:
        return True
    path = Path(target).expanduser().absolute()
    if not path.exists() or path.stat().st_size == 0:
        dialog = FirstAccountDialog(offer_encryption=True)
        if not ask(dialog):
            return False
        credentials = dialog.credentials()
        stale = encryption.key_file_path(path)
        if stale.exists():  # left by a set-up that never wrote the chart: kept, not reused
            stale.rename(stale.with_name(f"{stale.name}.unused-{os.getpid()}"))
        if dialog.encrypt.isChecked():
            _, recovery = encryption.set_up_key(
                path, {f"account:{credentials.name}": credentials.secret}
            )
            show_recovery_code(recovery)
        _pending.append(credentials)
        return True
    if not encryption.is_encrypted_chart(path):
        return True
    if encryption.unwrap_soon(path):
        # the environment's secret is unwrapped while the window paints (issue 18); the
        # chart's opening waits for it, and asks (``unlock_chart``) if it does not fit
        return True
    try:
        encryption.resolve_key(path)
        return True
    except encryption.ChartLocked:
        pass
    return unlock_chart(path)


def unlock_chart(path: Path) -> bool:
    """Ask for a name and passphrase until one opens the chart's key; False on cancel."""
    unlock = SignInDialog()
    while ask(unlock):
        credentials = unlock.credentials()
        label = f"account:{credentials.name}"
        try:
            opened = encryption.unlock_slot(path, credentials.secret, label=label)
        except ChartStoreError as exc:  # not derived (memory), the key file unreadable
            unlock.refuse(str(exc))
            continue
        if opened is not None:
            if opened == label:  # a recovery key is no account's passphrase: not tried
                _pending.append(credentials)
            return True
        unlock.refuse(tr("That name and passphrase do not open this chart."))
    return False


def _blocking(worker: StoreWorker, job: Callable[[ChartStore], T]) -> T:
    """Run ``job(store)`` on the worker and wait (local event loop); re-raise its error."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def finish(key: str) -> Callable[[Any], None]:
        def done(value: Any) -> None:
            outcome[key] = value
            loop.quit()

        return done

    worker.submit(job, finish("result"), finish("error"))
    if not outcome:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if "error" in outcome:
        raise outcome["error"]
    result: T = outcome["result"]
    return result


def _signed_in(store: ChartStore, account: Account) -> Account:
    store.who = account.name  # every history row names the signed-in therapist
    return account


def sign_in_after_open(
    window: QWidget | None, worker: StoreWorker, _store: object = None
) -> Account | None:
    """Check the therapist against the open chart; None when they cancel."""
    from nmt_bodymap.store.errors import ChartStoreError, SignInRefused
    from nmt_bodymap.ui.chart import store_calls

    pending = _pending.pop() if _pending else None
    # Asked of the first look when it can (no SQLAlchemy yet); the real store then opens on
    # the worker while the screen waits for the therapist (issue 18: the screen shows
    # ~0.2 s sooner and signing in does not wait for the import).
    has_accounts = _blocking(worker, store_calls.has_accounts)
    names = _blocking(worker, store_calls.sign_in_names) if has_accounts else []
    # a failure here is met again, and said, by the call that needs the store
    worker.submit(store_calls.open_fully, None, lambda exc: None)
    if not has_accounts:
        if pending is None or not pending.first:
            dialog = FirstAccountDialog(offer_encryption=False, parent=window)
            if not ask(dialog):
                return None
            pending = dialog.credentials()
        first = pending
        return _blocking(
            worker,
            lambda s: _signed_in(s, _book(s).create_first_account(first.name, first.secret)),
        )
    if pending is not None:
        try:
            return _try(worker, pending)
        except SignInRefused:
            pass
    sign_in = SignInDialog(names, parent=window)
    while ask(sign_in):
        try:
            return _try(worker, sign_in.credentials())
        except ChartStoreError as exc:  # refused, or not checked (server lost, no memory)
            sign_in.refuse(str(exc))
    return None


def _try(worker: StoreWorker, credentials: Credentials) -> Account:
    return _blocking(
        worker, lambda s: _signed_in(s, _book(s).sign_in(credentials.name, credentials.secret))
    )


def _book(store: ChartStore) -> AccountBook:
    """The chart's accounts (on the worker: the accounts module imports SQLAlchemy)."""
    from nmt_bodymap.store.accounts import AccountBook

    return AccountBook.for_store(store)
