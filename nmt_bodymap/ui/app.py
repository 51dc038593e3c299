"""Starting the charting window: Qt application, theme, chart store, demo client.

The store is opened on the worker thread (it stays there for its whole life);
a damaged database is reported in plain words with the offer to restore the
latest backup, never as a traceback. Every other fault at open (in use elsewhere,
full disk, read-only, newer, not a chart) gets its own plain message and closes
the app without touching the file. Errors go to the log file (``nmt_bodymap.logs``),
an uncaught exception shows one plain dialog, and SIGTERM (logout, shutdown) closes
the window as the therapist would, so the on-close backup runs.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressBar, QWidget

import nmt_bodymap.ui.pyside_hook  # noqa: F401 - first: PySide6 reads no module's source
from nmt_bodymap import __version__, logs, memory_tuning, paths
from nmt_bodymap.store import key_soon
from nmt_bodymap.store.chart_file import is_encrypted_chart_file, is_plain_chart
from nmt_bodymap.ui import gc_guard
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.start_target import refuse_target

if TYPE_CHECKING:
    from nmt_bodymap.store.errors import ChartDatabaseCorrupt
    from nmt_bodymap.store.service import ChartStore
    from nmt_bodymap.ui.main_window import MainWindow

# The sign-in hook (issue 14): (window, worker, open store) -> False when the app must quit.
SignIn = Callable[["MainWindow", StoreWorker, "ChartStore"], bool]

APP_NAME = "NMT Body Map"
log = logging.getLogger(__name__)


def ensure_application() -> QApplication:
    """The one QApplication of the process. High-DPI: Qt 6's own default rounding policy,
    ``PassThrough`` (fractional scales kept; set here explicitly it only cost the first
    paint the whole ``Qt`` namespace's enums, ~20 ms, issue 18)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    memory_tuning.tune_process()  # before the worker and loader threads allocate
    # Qt hands big fills and image copies of a paint to a pool of threads and waits for
    # them: per click that cost more than it saved (a click's paint is small; the threads
    # compete with the store worker for the cores): GUI CPU p50 8.8 -> 6.9 ms, wall p95
    # 57.6 -> 31.2 ms on 2 loaded cores (bench_click, issue 18). An explicit setting wins.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("nmt-bodymap")
    from nmt_bodymap.ui.app_icon import app_icon  # not the About box (issue 18)

    app.setWindowIcon(app_icon())
    gc_guard.collect_on_gui_thread(app)  # a widget freed by the worker would freeze the app
    return app


def open_store_blocking(worker: StoreWorker, db: str | None) -> ChartStore:
    """Open (and seed) the store on the worker, waiting in a local event loop.

    Returns the store, or raises what opening raised.
    """
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def opened(store: ChartStore) -> None:
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
    store: ChartStore = outcome["store"]
    return store


def ask_restore(error: ChartDatabaseCorrupt) -> bool:
    """Show the damaged-chart message; True when the therapist chooses to restore.

    Module level so that tests can answer for the therapist (the dialog is modal).
    """
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, str(error))
    restore = None
    if error.latest_backup is not None:
        restore = box.addButton(tr("Restore latest backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return restore is not None and box.clickedButton() is restore


def plain_message(exc: BaseException) -> str:
    """What the therapist reads: a store error's own words; anything else a plain line
    (its details, which may carry driver text, go to the log only)."""
    from nmt_bodymap.store.errors import ChartStoreError  # not on the start path

    if isinstance(exc, ChartStoreError):
        return str(exc)
    log.error("unexpected error: %s", type(exc).__name__, exc_info=exc)
    return logs.PLAIN_ERROR.format(log=logs.log_file())


def _refuse_restore(error: ChartDatabaseCorrupt) -> None:
    QMessageBox.information(
        None,
        APP_NAME,
        tr(
            "Nothing was changed: the damaged chart is still at {path}; keep it "
            "for repair. Backups are kept in {parent}: restore the newest later "
            "with `nmt-bodymap restore --latest`, or another with `nmt-bodymap "
            "restore --from <backup file>`."
        ).format(path=error.path, parent=error.path.parent / "backups"),
    )


def _restore_job(error: ChartDatabaseCorrupt) -> Path | None:
    """Worker job: put the latest intact backup in place of the damaged chart."""
    from nmt_bodymap.store.backups import restore_backup

    assert error.latest_backup is not None
    return restore_backup(error.path, error.latest_backup)


def _is_default_chart(db: str | None) -> bool:
    return db is None or Path(db).expanduser().absolute() == paths.default_database_path()


def _open_and_seed(db: str | None) -> ChartStore:
    """Worker job: open the chart; the demo client only on the very first start of the
    default chart (never in a chart named with --db, never in a restored or emptied one)."""
    from nmt_bodymap.ui.chart import store_calls  # on the worker, after the first paint

    first_start = _is_default_chart(db) and not paths.default_database_path().exists()
    store: ChartStore = store_calls.open_store(db)
    if first_start:
        store_calls.seed_demo_if_empty(store)
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
    check, demo client) and the client list fills in when it is ready; the daily backup
    follows once the first visit is shown (``ui/after_start``).
    A damaged chart gets the plain-words message and the offer to restore the latest
    backup; refusing, or any other failure to open, closes the app with status 1.
    """

    def __init__(
        self,
        app: QApplication,
        worker: StoreWorker,
        window: MainWindow,
        db: str,
        sign_in: SignIn | None = None,
    ) -> None:
        self.app, self.worker, self.window, self.db = app, worker, window, db
        self.sign_in = sign_in  # security hook (issue 14): sign-in before any chart shows

    def open(self) -> None:
        self._busy(tr("Opening the chart database…"))
        # The daily backup waits until the first visit is shown (ui/after_start, issue 18).
        self.worker.open(lambda: _open_and_seed(self.db), self._opened, self._failed)

    def _busy(self, message: str) -> None:
        """A busy bar in the status bar while the worker opens, migrates or restores."""
        self.window.show_status(message)
        bar = getattr(self.window, "_opening_progress", None)
        if bar is None:
            bar = QProgressBar()
            bar.setRange(0, 0)
            bar.setMaximumWidth(160)
            bar.setAccessibleName(tr("Working"))
            self.window._opening_progress = bar
            self.window.statusBar().addPermanentWidget(bar)
        bar.show()

    def _idle(self) -> None:
        bar = getattr(self.window, "_opening_progress", None)
        if bar is not None:
            bar.hide()

    def _opened(self, store: ChartStore) -> None:
        from nmt_bodymap.ui.window_state import chart_title  # issue 15: no raw URL

        self._idle()
        # a chart file is titled by its path: no URL parsed (SQLAlchemy's) on a start (issue 18)
        where = getattr(store, "path", None) or getattr(store, "url", self.db)
        self.window.setWindowTitle(f"{APP_NAME} — {chart_title(str(where))}")
        # -- security hook (issue 14): sign in, then lock on idle / Ctrl+L --
        if self.sign_in is not None and not self.sign_in(self.window, self.worker, store):
            self.app.exit(1)
            return
        # -- end security hook --
        from nmt_bodymap.ui.first_frame import when_built

        when_built(self.window, lambda: self._start(store))  # the loader never blocks here

    def _start(self, store: ChartStore) -> None:
        from nmt_bodymap.ui.after_start import AfterFirstVisit, second_copy_note

        self.window.show_status("Chart database open." + second_copy_note(store))
        self.window.start()
        self.window.chart_started = True  # clicks made on the first frame may go in now
        self.window.after_first_visit = AfterFirstVisit(self.window, store)  # daily backup

    def _failed(self, exc: BaseException) -> None:
        from nmt_bodymap.store.errors import ChartDatabaseCorrupt

        self._idle()
        if _locked(exc) and "://" not in self.db:
            # neither the environment's secret nor the OS keychain opened it (looked up
            # behind the painted window): the therapist is asked now (issue 18)
            from nmt_bodymap.ui.access.sign_in_dialog import unlock_chart

            if unlock_chart(Path(self.db).expanduser().absolute()):
                self.open()
            else:
                self.app.exit(1)
            return
        if isinstance(exc, ChartDatabaseCorrupt):
            if ask_restore(exc) and exc.latest_backup is not None:
                self._busy(tr("Restoring the latest backup…"))
                self.worker.submit(lambda _store: _restore_job(exc), self._restored, self._gave_up)
                return
            _refuse_restore(exc)
        else:
            QMessageBox.critical(self.window, APP_NAME, plain_message(exc))
        self.app.exit(1)

    def _restored(self, kept: Path | None) -> None:
        self._idle()
        note = f" The damaged file was kept as {Path(kept).name}." if kept else ""
        QMessageBox.information(
            None, APP_NAME, tr("The latest backup was restored.{note}").format(note=note)
        )
        self.open()

    def _gave_up(self, exc: BaseException) -> None:
        self._idle()
        QMessageBox.critical(
            None,
            APP_NAME,
            tr("The backup could not be restored: {plain_message}").format(
                plain_message=plain_message(exc)
            ),
        )
        self.app.exit(1)


def _locked(exc: BaseException) -> bool:
    """The chart's key was not at hand (``store/encryption.ChartLocked``)."""
    encryption = sys.modules.get("nmt_bodymap.store.encryption")
    return encryption is not None and isinstance(exc, encryption.ChartLocked)


def open_log_folder() -> bool:
    """Help > Open log folder: the platform's file manager on the log folder."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))


def _show_plain_error(message: str) -> None:
    if QApplication.instance() is None:
        print(f"nmt-bodymap: error: {message}", file=sys.stderr)
        return
    QMessageBox.critical(None, APP_NAME, message)


def _sign_in_and_secure(window: MainWindow, worker: StoreWorker, store: ChartStore) -> bool:
    """``ui/access/lock.sign_in_and_secure``, imported once the chart is open (issue 18)."""
    from nmt_bodymap.ui.access.lock import sign_in_and_secure

    return sign_in_and_secure(window, worker, store)


def run_app(db: str | None) -> int:
    """Open the charting window on ``db`` (default: the local chart file); returns exit code."""
    refused = refuse_target(db)
    if refused is not None:
        print(f"nmt-bodymap: error: {refused}", file=sys.stderr)
        return 2
    target = db if db is not None else str(paths.default_database_path())
    key_soon.start(target)  # at once when ``cli`` has not (an encrypted chart, issue 18)
    logs.setup_logging()
    app = ensure_application()
    logs.install_excepthook(_show_plain_error)
    dress_application(app)
    # -- security hook (issue 14): first account / unlock an encrypted chart --
    if not before_open(target):
        return 1
    # -- end security hook --
    worker = StoreWorker()
    try:
        window = show_main_window(app, worker, target, sign_in=_sign_in_and_secure)
        from nmt_bodymap.ui.termination import TerminationHandler

        TerminationHandler(window)
        return int(app.exec())
    finally:
        worker.shutdown()


def dress_application(app: QApplication) -> None:
    """What every window of the app has: the accessibility filter (issue 19: every control
    named, the body views and the candidate list spoken) and the theme. The benches set
    their windows up through this too, so they time what the therapist's window does."""
    from nmt_bodymap.ui.accessibility import install_accessibility

    install_accessibility(app)
    from nmt_bodymap.ui.theme import apply_theme

    apply_theme(app)


def before_open(target: str) -> bool:
    """Set-up or unlock before the window (``ui/access/sign_in_dialog.before_open``). An
    existing plain chart needs no dialog, nor an address (the dialogs' ``before_open`` passes
    every one), nor an existing encrypted chart: its key is being unwrapped with the
    environment's secret since the launch (``store/key_soon``), or comes from the OS keychain
    when the chart opens on the worker, behind the painted window; if neither opens it the
    therapist is asked then (``ChartOpener._failed``). Neither the dialogs' module (its
    widgets, key handling and sqlite3, ~7 ms) nor ``keyring`` (~25-50 ms with its backend)
    is imported before the first paint (issue 18)."""
    if key_soon.started(target) or is_encrypted_chart_file(target):
        return True
    dialogs = sys.modules.get("nmt_bodymap.ui.access.sign_in_dialog")
    if dialogs is None and (
        "://" in target  # an address: no set-up or key dialog (its sign-in follows the open)
        or is_plain_chart(target)
    ):
        return True
    from nmt_bodymap.ui.access import sign_in_dialog

    return sign_in_dialog.before_open(target)


def show_main_window(
    app: QApplication, worker: StoreWorker, db: str, sign_in: SignIn | None = None
) -> MainWindow:
    """Show the charting window at once; the chart opens behind it after its first paint."""
    from nmt_bodymap.ui.main_window import MainWindow

    window = MainWindow(worker, defer_panels=True)
    opener = ChartOpener(app, worker, window, db, sign_in)

    def after_first_paint() -> None:
        from nmt_bodymap.ui.first_frame import load_then_build

        opener.open()  # the worker opens the chart while the atlas and knowledge load
        load_then_build(window)  # background thread, then the panels built on this one

    AfterFirstPaint(window, after_first_paint)
    window.show()
    gc_guard.hold_while_starting(window)  # no collection until the first visit shows
    return window
