"""Python's cyclic garbage collection on the GUI thread only.

Left alone, the collector runs in whichever thread happens to allocate when a threshold is
crossed: often the store worker. If it then frees a dropped widget (a dialog or label kept
alive only by a reference cycle), the widget's C++ destructor runs on the worker thread while
the GUI thread waits for a Qt lock, and PySide6 needs the interpreter lock held by the other
side: the app freezes (seen with PySide6 6.9: the worker stuck in ``QLabel::~QLabel`` under
``gc_collect_main``, the GUI thread in ``QObject::connect``). So automatic collection is
switched off and a timer on the GUI thread collects, generation by generation, with the
interpreter's own thresholds (the pattern many PyQt/PySide applications use).
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Collects garbage on the GUI thread every ``INTERVAL_MS`` when thresholds are passed."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        gc.disable()
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds (on this thread)."""
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
