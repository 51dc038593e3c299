"""Starting the charting window: Qt application, theme, chart store, demo client.

The store is opened on the worker thread (it stays there for its whole life);
a damaged database is reported in plain words with the offer to restore the
latest backup, never as a traceback.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from nmt_bodymap import __version__, paths
from nmt_bodymap.store.errors import ChartDatabaseCorrupt, ChartStoreError
from nmt_bodymap.ui import store_calls
from nmt_bodymap.ui.worker import StoreWorker

APP_NAME = "NMT Body Map"
log = logging.getLogger(__name__)


def ensure_application() -> QApplication:
    """The one QApplication of the process (created with high-DPI friendly settings)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("nmt-bodymap")
    return app


def open_store_blocking(worker: StoreWorker, db: str | None) -> Any:
    """Open (and seed) the store on the worker, waiting in a local event loop.

    Returns the store, or raises what opening raised.
    """
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def opened(store: Any) -> None:
        outcome["store"] = store
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    worker.open(lambda: _open_and_seed(db), opened, failed)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["store"]


def ask_restore(error: ChartDatabaseCorrupt) -> bool:
    """Show the damaged-chart message; True when the therapist chooses to restore.

    Module level so that tests can answer for the therapist (the dialog is modal).
    """
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, str(error))
    restore = None
    if error.latest_backup is not None:
        restore = box.addButton("Restore latest backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return restore is not None and box.clickedButton() is restore


def _offer_restore(error: ChartDatabaseCorrupt) -> bool:
    """Tell the therapist the chart is damaged; restore the latest backup if they agree."""
    if not ask_restore(error) or error.latest_backup is None:
        QMessageBox.information(
            None,
            APP_NAME,
            f"Nothing was changed: the damaged chart is still at {error.path}; keep it "
            f"for repair. Backups are kept in {error.path.parent / 'backups'}: restore the "
            "newest later with `nmt-bodymap restore --latest`, or another with "
            "`nmt-bodymap restore --from <backup file>`.",
        )
        return False
    from nmt_bodymap.store.backups import restore_backup

    try:
        kept = restore_backup(error.path, error.latest_backup)
    except ChartStoreError as exc:
        QMessageBox.critical(None, APP_NAME, f"The backup could not be restored: {exc}")
        return False
    note = f" The damaged file was kept as {Path(kept).name}." if kept else ""
    QMessageBox.information(None, APP_NAME, f"The latest backup was restored.{note}")
    return True


def _open_and_seed(db: str | None) -> Any:
    """Worker job: open the chart and add the demo client on first start."""
    store = store_calls.open_store(db)
    store_calls.seed_demo_if_empty(store)
    return store


def _open_and_prepare(db: str) -> Any:
    """Worker job: ``_open_and_seed``, then the daily backup."""
    store = _open_and_seed(db)
    try:
        store.backup_if_due()
    except ChartStoreError as exc:  # a backup problem must not keep the charts closed
        log.warning("daily backup skipped: %s", exc)
    return store


class AfterFirstPaint(QObject):
    """Runs ``callback`` once, right after ``widget`` has painted for the first time.

    Opening the chart (imports, migration check, integrity check) then competes with
    nothing the therapist is waiting to see.
    """

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._callback = widget, callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


class ChartOpener:
    """Opens the chart behind a window that is already on screen.

    The window paints first; the database opens on the worker (migration, integrity
    check, demo client, daily backup) and the client list fills in when it is ready.
    A damaged chart gets the plain-words message and the offer to restore the latest
    backup; refusing, or any other failure to open, closes the app with status 1.
    """

    def __init__(
        self, app: QApplication, worker: StoreWorker, window: Any, db: str, sign_in: Any = None
    ) -> None:
        self.app, self.worker, self.window, self.db = app, worker, window, db
        self.sign_in = sign_in  # security hook (issue 14): sign-in before any chart shows

    def open(self) -> None:
        self.window.show_status("Opening the chart database…")
        self.worker.open(lambda: _open_and_prepare(self.db), self._opened, self._failed)

    def _opened(self, store: Any) -> None:
        self.window.setWindowTitle(f"{APP_NAME} — {getattr(store, 'url', self.db)}")
        # -- security hook (issue 14): sign in, then lock on idle / Ctrl+L --
        if self.sign_in is not None and not self.sign_in(self.window, self.worker, store):
            self.app.exit(1)
            return
        # -- end security hook --
        self.window.start()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ChartDatabaseCorrupt) and _offer_restore(exc):
            self.open()
            return
        if not isinstance(exc, ChartDatabaseCorrupt):
            QMessageBox.critical(self.window, APP_NAME, str(exc))
        self.app.exit(1)


def run_app(db: str | None) -> int:
    """Open the charting window on ``db`` (default: the local chart file); returns exit code."""
    app = ensure_application()
    from nmt_bodymap.ui.theme import apply_theme

    apply_theme(app)
    target = db if db is not None else str(paths.default_database_path())
    # -- security hook (issue 14): first account / unlock an encrypted chart --
    from nmt_bodymap.ui.lock import sign_in_and_secure
    from nmt_bodymap.ui.sign_in_dialog import before_open

    if not before_open(target):
        return 1
    # -- end security hook --
    worker = StoreWorker()
    try:
        show_main_window(app, worker, target, sign_in=sign_in_and_secure)
        return int(app.exec())
    finally:
        worker.shutdown()


def show_main_window(app: QApplication, worker: StoreWorker, db: str, sign_in: Any = None) -> Any:
    """Show the charting window at once; the chart opens behind it after its first paint."""
    from nmt_bodymap.ui.main_window import MainWindow

    window = MainWindow(worker)
    AfterFirstPaint(window, ChartOpener(app, worker, window, db, sign_in).open)
    window.show()
    return window
