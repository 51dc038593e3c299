"""Starting the charting window: Qt application, theme, chart store, demo client.

The store is opened on the worker thread (it stays there for its whole life);
a damaged database is reported in plain words with the offer to restore the
latest backup, never as a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from nmt_bodymap import __version__, paths
from nmt_bodymap.store.errors import ChartDatabaseCorrupt, ChartStoreError
from nmt_bodymap.ui import store_calls
from nmt_bodymap.ui.worker import StoreWorker

APP_NAME = "NMT Body Map"


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

    def open_and_seed() -> Any:
        store = store_calls.open_store(db)
        store_calls.seed_demo_if_empty(store)
        return store

    worker.open(open_and_seed, opened, failed)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["store"]


def _offer_restore(error: ChartDatabaseCorrupt) -> bool:
    """Tell the therapist the chart is damaged; restore the latest backup if they agree."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, str(error))
    restore = None
    if error.latest_backup is not None:
        restore = box.addButton("Restore latest backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    from nmt_bodymap.store.backups import restore_backup

    try:
        kept = restore_backup(error.path, error.latest_backup)  # type: ignore[arg-type]
    except ChartStoreError as exc:
        QMessageBox.critical(None, APP_NAME, f"The backup could not be restored: {exc}")
        return False
    note = f" The damaged file was kept as {Path(kept).name}." if kept else ""
    QMessageBox.information(None, APP_NAME, f"The latest backup was restored.{note}")
    return True


def run_app(db: str | None) -> int:
    """Open the charting window on ``db`` (default: the local chart file); returns exit code."""
    app = ensure_application()
    from nmt_bodymap.ui.theme import apply_theme

    apply_theme(app)
    target = db if db is not None else str(paths.default_database_path())
    worker = StoreWorker()
    try:
        for _attempt in range(2):
            try:
                store = open_store_blocking(worker, target)
                break
            except ChartDatabaseCorrupt as exc:
                if not _offer_restore(exc):
                    return 1
            except ChartStoreError as exc:
                QMessageBox.critical(None, APP_NAME, str(exc))
                return 1
        else:
            return 1
        from nmt_bodymap.ui.main_window import MainWindow

        window = MainWindow(worker, title_suffix=str(getattr(store, "url", target)))
        window.show()
        window.start()
        return int(app.exec())
    finally:
        worker.shutdown()
