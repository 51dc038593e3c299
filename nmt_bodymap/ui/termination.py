"""SIGTERM (logout, shutdown) closes the window as its close box would (``run_app``)."""

from __future__ import annotations

import contextlib
import logging
import signal
from types import FrameType

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)


class TerminationHandler(QObject):
    """SIGTERM (logout, shutdown) closes the window as a click on its close box would:
    the unsaved-changes check runs, then the store closes with its on-close backup.
    Python runs signal handlers only between bytecodes, so a timer wakes it while Qt
    sits in its event loop."""

    def __init__(self, window: QWidget, interval_ms: int = 200) -> None:
        super().__init__(window)
        self.window = window
        self.requested = False
        self._previous = signal.signal(signal.SIGTERM, self._on_signal)
        self._wake = QTimer(self)
        self._wake.timeout.connect(lambda: None)
        self._wake.start(interval_ms)
        window.destroyed.connect(self.uninstall)

    def _on_signal(self, _signum: int, _frame: FrameType | None) -> None:
        self.requested = True
        log.info("SIGTERM: closing the window")
        QTimer.singleShot(0, self._close)

    def _close(self) -> None:
        self.window.close()
        if not self.window.isVisible():
            app = QApplication.instance()
            if app is not None:
                app.quit()

    def uninstall(self) -> None:
        self._wake.stop()
        with contextlib.suppress(TypeError, ValueError):  # not the main thread / torn down
            signal.signal(signal.SIGTERM, self._previous)
