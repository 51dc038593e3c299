"""Python's cyclic garbage collection on the GUI thread only.

Left alone, the collector runs in whichever thread happens to allocate when a threshold is
crossed: often the store worker. If it then frees a dropped widget (a dialog or label kept
alive only by a reference cycle), the widget's C++ destructor runs on the worker thread while
the GUI thread waits for a Qt lock, and PySide6 needs the interpreter lock held by the other
side: the app freezes (seen with PySide6 6.9: the worker stuck in ``QLabel::~QLabel`` under
``gc_collect_main``, the GUI thread in ``QObject::connect``). So automatic collection is
switched off and a timer on the GUI thread collects, generation by generation, with the
interpreter's own thresholds (the pattern many PyQt/PySide applications use).

While the window starts, the timer collects nothing (``hold_while_starting``, issue 18):
with automatic collection off, every object the start allocates (SQLAlchemy and the
knowledge loading on the other threads, the panels) waits in the young generation, and each
tick's collection walked all of it on the GUI thread: ~0.7 s of the GIL before the first
click was answered (py-spy, 369 of 1,943 samples). The start's objects are long-lived; once
the first visit is shown they are frozen out of the collector's sight
(``after_start.freeze_long_lived``) and :func:`release_start_hold` lets the timer collect
again. The hold also ends when the window closes or after ``HOLD_LIMIT_S``.
"""

from __future__ import annotations

import gc
import time

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

INTERVAL_MS = 500
HOLD_LIMIT_S = 15.0  # a start that never shows a visit (a dialog left open) stops holding


class MainThreadCollector(QObject):
    """Collects garbage on the GUI thread every ``INTERVAL_MS`` when thresholds are passed."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self._hold: tuple[QWidget, float] | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        gc.disable()
        self._timer.start(interval_ms)

    def hold_while_starting(self, window: QWidget) -> None:
        """Collect nothing while ``window`` starts: until :meth:`release`, until it is
        closed, or for ``HOLD_LIMIT_S`` at most."""
        self._hold = (window, time.monotonic())

    def release(self) -> None:
        self._hold = None

    def holding(self) -> bool:
        if self._hold is None:
            return False
        window, since = self._hold
        if (
            shiboken6.isValid(window)
            and window.isVisible()
            and time.monotonic() - since < HOLD_LIMIT_S
        ):
            return True
        self._hold = None
        return False

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds (on this thread)."""
        if self.holding():
            return
        first, second, third = gc.get_count()
        if first > self.threshold[0]:
            gc.collect(0)
            if second > self.threshold[1]:
                gc.collect(1)
                if third > self.threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Hand collection back to the interpreter (tests, shutdown)."""
        self._timer.stop()
        gc.collect()
        gc.enable()


_installed: list[MainThreadCollector] = []  # the one of the running application


def collect_on_gui_thread(app: QObject) -> MainThreadCollector:
    """Install the collector once per application (owned by ``app``). Remembered here,
    not looked up with ``app.findChild`` (~10 ms of the first paint, issue 18)."""
    for existing in _installed:
        if shiboken6.isValid(existing) and existing.parent() is app:
            return existing
    collector = MainThreadCollector(app)
    _installed[:] = [collector]
    return collector


def hold_while_starting(window: QWidget) -> None:
    """The window starts: the installed collector (``ensure_application``'s) holds."""
    for collector in _installed:
        if shiboken6.isValid(collector):
            collector.hold_while_starting(window)


def release_start_hold() -> None:
    """The start is over (the first visit is shown): the timer collects again."""
    for collector in _installed:
        if shiboken6.isValid(collector):
            collector.release()
