"""Accounts (owner/admin only): list, add a therapist, disable or enable an account.

The permission is enforced by ``AccountBook`` itself (a therapist's call raises
``AccountPermissionError``); this dialog only offers the actions. All calls run on the
store worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.store.accounts import (
    ROLES,
    Account,
    AccountBook,
    add_account_to_chart,
    set_disabled_in_chart,
)
from nmt_bodymap.ui.access.sign_in_dialog import secret_field
from nmt_bodymap.ui.i18n import tr


class AccountsDialog(QDialog):
    def __init__(self, worker: Any, acting: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("NMT Body Map — accounts"))
        self.worker, self.acting = worker, acting
        self.accounts = QListWidget()
        self.name = QLineEdit()
        self.secret = secret_field()
        self.role = QComboBox()
        self.role.addItems([r for r in ROLES if r != "owner"])
        self.add_button = QPushButton(tr("&Add account"))
        self.toggle_button = QPushButton(tr("&Disable / enable selected"))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Name"), self.name)
        form.addRow(tr("&Passphrase"), self.secret)
        form.addRow(tr("&Role"), self.role)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.toggle_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.accounts)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle)
        self._rows: list[Account] = []
        self.refresh()

    def _run(self, job: Any, done: Any) -> None:
        self.worker.submit(job, done, lambda exc: self.message.setText(str(exc)))

    def refresh(self) -> None:
        acting = self.acting
        self._run(lambda s: AccountBook.for_store(s).list_accounts(acting), self._show)

    def _show(self, rows: list[Account]) -> None:
        self._rows = rows
        self.accounts.clear()
        for row in rows:
            state = " (disabled)" if row.disabled else ""
            self.accounts.addItem(f"{row.name} — {row.role}{state}")

    def add(self) -> None:
        name, secret, role = self.name.text(), self.secret.text(), self.role.currentText()
        acting = self.acting

        def added(account: Account) -> None:
            self.name.clear()
            self.secret.clear()
            self.message.setText(tr("{name} can now sign in.").format(name=account.name))
            self.refresh()

        self._run(lambda s: add_account_to_chart(s, acting, name, secret, role), added)

    def toggle(self) -> None:
        index = self.accounts.currentRow()
        if not 0 <= index < len(self._rows):
            return
        row, acting = self._rows[index], self.acting
        self._run(
            lambda s: set_disabled_in_chart(s, acting, row.name, not row.disabled),
            lambda _a: self.refresh(),
        )


def open_accounts(window: QWidget, worker: Any, acting: Account) -> None:
    dialog = AccountsDialog(worker, acting, window)
    dialog.exec()
