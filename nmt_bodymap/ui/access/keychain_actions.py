"""File > "Open this chart without its passphrase on this computer…" and "Ask for the
chart's passphrase again on this computer": an encrypted chart's key kept in the OS
keychain (``store/encryption.keep_in_keychain``, issue 14) or taken out of it.

Only for an encrypted chart file and an owner/admin account (as managing accounts is);
otherwise both are disabled, the reason in their tips. Storing asks first what it means
(Cancel is the default). The keychain is read only when the File menu is about to show or
an action is chosen, never at start (issue 18: ``keyring`` is not imported before the
first paint), and once per window for the menu (a locked OS keychain may ask to be
unlocked: not each time File opens); the two actions are enabled by what it holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from nmt_bodymap.store import encryption
from nmt_bodymap.ui.actions import menu_titled
from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from nmt_bodymap.store.accounts import Account
    from nmt_bodymap.ui.main_window import MainWindow

KEEP, FORGET = "keychain-keep", "keychain-forget"


def ask(box: QMessageBox) -> bool:
    """Show the question; True when the therapist chose to keep the key (tests replace it)."""
    return box.exec() == QMessageBox.StandardButton.Ok


def question(parent: QWidget) -> QMessageBox:
    """What keeping the key means, in plain words; Cancel is the default button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Open this chart without its passphrase?"))
    box.setText(tr("Open this chart without its passphrase on this computer?"))
    box.setInformativeText(
        tr(
            "Anyone who can sign in to this computer account will be able to open the "
            "chart file without its passphrase. The app's own sign-in still applies. "
            "Recommended only on a single-user computer with full-disk encryption."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(tr("&Keep the key on this computer"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


class KeychainActions(QObject):
    """The two actions of one window, for the signed-in ``account`` and ``chart``."""

    def __init__(self, window: MainWindow, account: Account, chart: Path | None) -> None:
        super().__init__(window)
        self.window, self.account, self.chart = window, account, chart
        self.keep = QAction(tr("Open this chart without its passphrase on this computer…"))
        self.forget = QAction(tr("Ask for the chart's passphrase again on this computer"))
        for key, action, slot in (
            (KEEP, self.keep, self.store_key),
            (FORGET, self.forget, self.remove_key),
        ):
            action.setParent(window)
            action.setObjectName(f"action-{key}")
            action.triggered.connect(lambda _checked=False, run=slot: run())
            window.addAction(action)
            window.actions_by_key[key] = action
        self.read = False  # the keychain asked yet (the menu's first show, an action)
        self.refresh(read_keychain=False)

    def _refused(self) -> str | None:
        """Why neither action applies here, or None."""
        if self.chart is None or not encryption.is_encrypted_chart(self.chart):
            return tr("Only for an encrypted chart.")
        if self.account.disabled or not self.account.is_admin:
            return tr("Only an owner or administrator can change this.")
        return None

    def refresh(self, read_keychain: bool = True) -> None:
        """Enable the actions by what the keychain holds (read now, unless told not to)."""
        reason = self._refused()
        kept = None
        if reason is None and read_keychain and self.chart is not None:
            kept = encryption.kept_in_keychain(self.chart)
            self.read = True
        keep_tip = tr(
            "Keep the chart's key in this computer's keychain (a single-user computer "
            "with full-disk encryption)"
        )
        forget_tip = tr("Take the chart's key out of this computer's keychain")
        if kept is True:
            keep_tip = tr("This computer already opens the chart without its passphrase.")
        elif kept is False:
            forget_tip = tr("This computer already asks for the chart's passphrase.")
        elif read_keychain:  # None: no keychain works here (keeping it says so, once)
            forget_tip = tr("No keychain is available on this computer.")
        self._show(self.keep, reason is None and kept is not True, reason or keep_tip)
        self._show(self.forget, reason is None and kept is True, reason or forget_tip)

    def menu_shows(self) -> None:
        """The File menu is about to show: read the keychain the first time."""
        if not self.read:
            self.refresh()

    @staticmethod
    def _show(action: QAction, enabled: bool, tip: str) -> None:
        action.setEnabled(enabled)
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def _key(self) -> bytes | None:
        """The open chart's key (remembered since it opened), or None when not allowed."""
        self.refresh()
        if self._refused() is not None or self.chart is None:
            return None
        return encryption.resolve_key(self.chart)

    def store_key(self) -> None:
        key = self._key()
        if key is None or self.chart is None or not ask(question(self.window)):
            return
        if encryption.keep_in_keychain(self.chart, key):
            self.window.show_status(
                tr("This computer now opens the chart without asking for its passphrase.")
            )
        else:
            self._no_keychain()
        self.refresh()

    def remove_key(self) -> None:
        key = self._key()
        if key is None or self.chart is None:
            return
        if encryption.forget_in_keychain(self.chart, key):
            self.window.show_status(tr("This computer will ask for the chart's passphrase again."))
        else:
            self._no_keychain()
        self.refresh()

    def _no_keychain(self) -> None:
        self.window.show_status(
            tr("No keychain is available on this computer: nothing was changed.")
        )


def install_keychain_actions(window: MainWindow, account: Account, chart: object) -> None:
    """The two actions in the File menu, above Quit, once the menus exist (issue 18)."""
    from nmt_bodymap.ui.first_frame import when_built

    path = chart if isinstance(chart, Path) else None

    def add_to_menu() -> None:
        actions = KeychainActions(window, account, path)
        window.__dict__["keychain_actions"] = actions  # keeps it alive
        file_menu = menu_titled(window, "File", create=False)
        if file_menu is None:
            return
        items = file_menu.actions()
        quit_action = items[-1] if items else None
        for action in (actions.keep, actions.forget):
            if quit_action is None:
                file_menu.addAction(action)
            else:
                file_menu.insertAction(quit_action, action)
        file_menu.aboutToShow.connect(actions.menu_shows)

    when_built(window, add_to_menu)
