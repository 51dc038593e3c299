"""Child process of the start-up benchmark: start, paint the first window, report, exit.

    python bench/startup_child.py bare|app DB_PATH

``NMT_BENCH_T0`` holds the wall-clock time (``time.time()``) at which the parent
launched this process. At the first paint of the main window the child prints
one JSON line: milliseconds from launch to that paint, its peak memory (KiB) and the
CPU time (user + system, ms) the process used until then.
``bare`` is a plain PySide6 ``QMainWindow`` started the same way: the yardstick.
``app`` goes through the real start-up path of ``nmt_bodymap.ui.app.run_app``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time


def _report_on_first_paint(window: object, app: object) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                # Marks the first paint in ``python -X importtime`` output (stderr).
                print("-- first paint --", file=sys.stderr, flush=True)
                QTimer.singleShot(0, self.report)
            return False

        def report(self) -> None:
            elapsed_ms = (time.time() - float(os.environ["NMT_BENCH_T0"])) * 1000
            usage = resource.getrusage(resource.RUSAGE_SELF)
            cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
            report = {"ms": elapsed_ms, "peak_kib": usage.ru_maxrss, "cpu_ms": cpu_ms}
            print(json.dumps(report), flush=True)
            app.quit()  # type: ignore[attr-defined]

    watcher = FirstPaint()
    window.installEventFilter(watcher)  # type: ignore[attr-defined]
    window._first_paint_watcher = watcher  # type: ignore[attr-defined] - keep it alive


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1400, 900)
    _report_on_first_paint(window, app)
    window.show()
    return app.exec()


def real_app(db: str) -> int:
    """The start-up path of ``run_app``: window painted first, chart opened behind it."""
    from nmt_bodymap.ui.app import ensure_application, show_main_window
    from nmt_bodymap.ui.chart.worker import StoreWorker
    from nmt_bodymap.ui.theme import apply_theme

    app = ensure_application()
    apply_theme(app)
    worker = StoreWorker()
    try:
        window = show_main_window(app, worker, db)
        _report_on_first_paint(window, app)  # show() only queues the first paint
        return app.exec()
    finally:
        worker.shutdown()


if __name__ == "__main__":
    kind = sys.argv[1]
    sys.exit(bare() if kind == "bare" else real_app(sys.argv[2]))
