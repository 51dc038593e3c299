"""Automatic and on-demand lock: every private item leaves the screen, nothing typed is lost.

``install_security(window, worker, account)`` wires it into the charting window:
Ctrl+L locks at once; an application-wide event filter restarts the idle timer on every
key, click, wheel or mouse move, and the window locks after the clinic's idle time
(``settings.idle_lock_minutes``). Locking hides (never closes) the content of every open
window: the main window's central widget, docks, menus and status bar, and the content
of any open dialog, so a half-typed note is still there after unlocking. A lock screen
covers the main window; titles lose any client name; keys, clicks and shortcuts reach
nothing but the lock screen. The signed-in therapist unlocks with their passphrase or
PIN, checked in the chart (throttled like the sign-in).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.settings import load_settings
from nmt_bodymap.ui.actions import menu_titled
from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from nmt_bodymap.store.accounts import Account
    from nmt_bodymap.ui.chart.worker import StoreWorker
    from nmt_bodymap.ui.main_window import MainWindow

APP_NAME = "NMT Body Map"
LOCKED_TITLE = f"{APP_NAME} — locked"
LOCK_SHORTCUT = "Ctrl+L"
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
_BLOCKED_WHILE_LOCKED = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.ContextMenu,
    QEvent.Type.TouchBegin,  # touch on the map (issue 15) is blocked like the mouse
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.Gesture,
}


class LockScreen(QWidget):
    """What the locked window shows: who may unlock, and a passphrase field."""

    unlock_requested = Signal(str)

    def __init__(self, therapist: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lock-screen")
        self.setAutoFillBackground(True)
        title = QLabel(tr("{app_name} is locked").format(app_name=APP_NAME))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        who = QLabel(
            tr("Signed in: {therapist}. Enter your passphrase or PIN to continue.").format(
                therapist=therapist
            )
        )
        self.secret = QLineEdit()
        self.secret.setObjectName("unlock-secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(tr("&Unlock"))
        self.message = QLabel("")
        self.message.setObjectName("unlock-message")
        self.message.setStyleSheet("color: #b00020;")
        who.setWordWrap(True)
        self.message.setWordWrap(True)
        box = QWidget(self)
        box.setFixedWidth(380)
        column = QVBoxLayout(box)
        for widget in (title, who, self.secret, self.button, self.message):
            column.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.button.clicked.connect(self._submit)
        self.secret.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.secret.text())
        self.secret.clear()


class LockGuard(QObject):
    """Locks ``window`` (and every other open window of the app) and unlocks it again."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        therapist: str,
        verify: Callable[[str, Callable[[str | None], None]], None],
        idle_minutes: int,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.verify = verify  # verify(secret, reply): reply(None) when right, else a message
        self.locked = False
        self._hidden: list[QWidget] = []
        self._titles: list[tuple[QWidget, str]] = []
        self._covers: list[QWidget] = []
        self._focus: QWidget | None = None
        self.screen = LockScreen(therapist, window)
        self.screen.hide()
        self.screen.unlock_requested.connect(self._try_unlock)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.set_idle_ms(idle_minutes * 60_000)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.destroyed.connect(lambda *_: app.removeEventFilter(self))

    def set_idle_ms(self, milliseconds: int) -> None:
        self.idle.setInterval(milliseconds)
        if not self.locked:
            self.idle.start()

    # -- locking ---------------------------------------------------------------------------

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.idle.stop()
        app = QApplication.instance()
        self._focus = QApplication.focusWidget()
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for top in windows:
            self._cover(top)
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().clearMessage()
        self.screen.setGeometry(self.window.rect())
        self.screen.show()
        self.screen.raise_()
        self.screen.secret.setFocus()
        del app
        self.locked_changed.emit(True)

    def _cover(self, top: QWidget) -> None:
        """Hide what ``top`` shows (its direct children, so nothing is closed) and its title."""
        self._titles.append((top, top.windowTitle()))
        top.setWindowTitle(LOCKED_TITLE)
        for child in top.findChildren(QWidget, options=_direct()):
            if child is self.screen or child in self._covers or child.isWindow():
                continue
            if not child.isVisibleTo(top):
                continue
            child.hide()
            self._hidden.append(child)
        if top is not self.window:
            cover = QLabel(tr("{app_name} is locked.").format(app_name=APP_NAME), top)
            cover.setGeometry(top.rect())
            cover.show()
            self._covers.append(cover)

    def _cover_late_window(self, top: QWidget) -> None:
        """A window that opens while locked (a message, a dialog) is covered as well."""
        if top is self.window or any(top is seen for seen, _ in self._titles):
            return
        if isinstance(top, LockScreen) or top in self._covers:
            return
        self._cover(top)

    def unlock(self) -> None:
        if not self.locked:
            return
        self.screen.hide()
        self.screen.message.clear()
        for cover in self._covers:
            cover.deleteLater()
        for child in self._hidden:
            child.show()
        for top, title in self._titles:
            top.setWindowTitle(title)
        self._hidden, self._titles, self._covers = [], [], []
        self.locked = False
        if self._focus is not None:
            self._focus.setFocus()
        self.idle.start()
        self.locked_changed.emit(False)

    def _try_unlock(self, secret: str) -> None:
        def reply(error: str | None) -> None:
            if error is None:
                self.unlock()
            else:
                self.screen.message.setText(error)

        self.verify(secret, reply)

    # -- idle time and input while locked ----------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.locked:
            if kind == QEvent.Type.Resize and watched is self.window:
                self.screen.setGeometry(self.window.rect())
            if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                self._cover_late_window(watched)
            if kind in _BLOCKED_WHILE_LOCKED and not self._on_lock_screen(watched):
                return True
        elif kind in _ACTIVITY:
            self.idle.start()
        return False

    def _on_lock_screen(self, watched: QObject) -> bool:
        node: QObject | None = watched
        while node is not None:
            if node is self.screen:
                return True
            node = node.parent()
        return False


def _direct() -> Qt.FindChildOption:
    return Qt.FindChildOption.FindDirectChildrenOnly


def _verifier(
    worker: StoreWorker, account: Account
) -> Callable[[str, Callable[[str | None], None]], None]:
    """Check the passphrase in the chart, on the worker (throttled like the sign-in)."""
    from nmt_bodymap.store.accounts import AccountBook, SignInRefused  # issue 18: not at start

    def verify(secret: str, reply: Callable[[str | None], None]) -> None:
        def failed(exc: BaseException) -> None:
            reply(str(exc) if isinstance(exc, SignInRefused) else "The chart could not be read.")

        worker.submit(
            lambda store: AccountBook.for_store(store).sign_in(account.name, secret),
            lambda _account: reply(None),
            failed,
        )

    return verify


def _insert(menu: QWidget, before: QAction | None, action: QAction) -> None:
    """``action`` just above ``before``, or at the end when there is nothing to go above."""
    if before is None:
        menu.addAction(action)
    else:
        menu.insertAction(before, action)


def install_security(
    window: MainWindow, worker: StoreWorker, account: Account, idle_minutes: int | None = None
) -> LockGuard:
    """Lock on Ctrl+L and after the idle time; the Accounts dialog for an owner/admin."""
    minutes = idle_minutes if idle_minutes is not None else load_settings().idle_lock_minutes
    guard = LockGuard(window, account.name, _verifier(worker, account), minutes)
    lock_sequence = QKeySequence(LOCK_SHORTCUT)
    lock = QAction(tr("&Lock now"), window)
    lock.setObjectName("action-lock")
    lock.setShortcut(lock_sequence)
    lock.triggered.connect(lambda: guard.lock())
    window.addAction(lock)

    def add_to_menus() -> None:
        for action in window.actions():  # "Go to candidates" had Ctrl+L: it moves to Ctrl+J
            if action is not lock and lock_sequence in action.shortcuts():
                action.setShortcuts([s for s in action.shortcuts() if s != lock_sequence])
                action.setShortcut(QKeySequence("Ctrl+J"))
        file_menu = menu_titled(window, "File", create=False)
        if file_menu is None:
            return
        items = file_menu.actions()
        first = items[-1] if items else None  # Quit: the lock goes just above it
        _insert(file_menu, first, lock)
        if account.is_admin:
            from nmt_bodymap.ui.access.accounts_dialog import open_accounts

            manage = QAction(tr("&Accounts…"), window)
            manage.setObjectName("action-accounts")
            manage.triggered.connect(lambda: open_accounts(window, worker, account))
            _insert(file_menu, first, manage)

    # Signed in before the panels were built (the chart opened first): the File menu
    # does not exist yet, so the lock joins it once it does (issue 18).
    from nmt_bodymap.ui.first_frame import when_built

    when_built(window, add_to_menus)
    window.security_guard = guard  # keeps it alive
    return guard


def sign_in_and_secure(window: MainWindow, worker: StoreWorker, store: object) -> bool:
    """The start-up hook (``ui/app.py``): sign in, then install the lock; False = quit."""
    from nmt_bodymap.ui.access.sign_in_dialog import sign_in_after_open

    account = sign_in_after_open(window, worker, store)
    if account is None:
        return False
    install_security(window, worker, account)
    from nmt_bodymap.ui.access.keychain_actions import install_keychain_actions

    install_keychain_actions(window, account, getattr(store, "path", None))
    return True
