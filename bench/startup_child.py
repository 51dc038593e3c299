"""Child process of the start-up benchmark: start, paint the first window, report, exit.

    python bench/startup_child.py bare|app|cli|first_click|visit15 DB_PATH

``NMT_BENCH_T0`` holds the wall-clock time (``time.time()``) at which the parent
launched this process. At the first paint of the main window the child prints
one JSON line: milliseconds from launch to that paint, its peak memory (KiB), the
CPU time (user + system, ms) the process used until then, and the GUI thread's alone
(``main_cpu_ms``: without the threads beside it, e.g. an encrypted chart's key being
unwrapped from the launch on).
``bare`` is a plain PySide6 ``QMainWindow`` started the same way: the yardstick.
``app`` goes through the start-up path of ``nmt_bodymap.ui.app.run_app`` (the window's
part of it: application, theme, ``show_main_window``).
``cli`` starts as the therapist does, ``nmt-bodymap --db DB_PATH`` through
``nmt_bodymap.cli.main``: argument parsing, ``run_app``'s checks, logging, accessibility
and the sign-in hooks included (the first paint is watched by wrapping ``show_main_window``).
``first_click`` starts the same way (``run_app``'s window path: an encrypted chart's key
unwrapped from the launch on as ``cli`` starts it, the key check ``before_open``, then
``show_main_window``) and, at the first paint, clicks the right
temple on the front figure (the chart's open visit must exist): it reports the time from launch to
that click's mark and candidates shown (the click is queued if the map is not ready).
``visit15`` starts the same way, puts 15 marks on the open visit, chooses the first
candidate, paints, and reports the peak memory once that has settled (the worker idle, the
visit list's thumbnail redrawn, the window's late rooms built; ``ms`` is the time to that
point).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any


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
            report = {
                "ms": elapsed_ms,
                "peak_kib": _peak_kib(usage),
                "cpu_ms": cpu_ms,
                "main_cpu_ms": time.thread_time() * 1000,  # this (GUI) thread's alone
            }
            print(json.dumps(report), flush=True)
            app.quit()  # type: ignore[attr-defined]

    watcher = FirstPaint()
    window.installEventFilter(watcher)  # type: ignore[attr-defined]
    window._first_paint_watcher = watcher  # type: ignore[attr-defined] - keep it alive


def _peak_kib(usage: resource.struct_rusage) -> int:
    """This process's peak resident memory (KiB). Linux keeps ``ru_maxrss`` across exec, so
    a child started by a big bench process would report the parent's peak: VmHWM of the
    process's own address space is read instead where there is one."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return int(usage.ru_maxrss)


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
    from nmt_bodymap.ui.app import dress_application, ensure_application, show_main_window
    from nmt_bodymap.ui.chart.worker import StoreWorker

    app = ensure_application()
    dress_application(app)  # the accessibility filter and the theme, as run_app
    worker = StoreWorker()
    try:
        window = show_main_window(app, worker, db)
        _report_on_first_paint(window, app)  # show() only queues the first paint
        return app.exec()
    finally:
        worker.shutdown()


def command_line(db: str) -> int:
    """``nmt-bodymap --db DB``, the whole entry point, reporting at the window's first paint.

    The first paint is watched by wrapping ``show_main_window`` once ``cli._run_gui`` has
    started the key thread (``unwrap_key_at_launch``) and is about to import ``ui.app``:
    importing ``ui.app`` (Qt) here first would start an encrypted chart's argon2id ~90 ms
    later than the entry point does, on top of the window's build instead of beside Qt's
    import, and measure a start no therapist makes."""
    from nmt_bodymap import cli

    unwrap = cli.unwrap_key_at_launch

    def unwrap_then_watch(target: str | None) -> bool:
        started = unwrap(target)
        import nmt_bodymap.ui.app as app_module  # what _run_gui imports next

        show = app_module.show_main_window

        def watched(*args: Any, **kwargs: Any) -> Any:
            window = show(*args, **kwargs)
            _report_on_first_paint(window, args[0])
            return window

        app_module.show_main_window = watched
        return started

    cli.unwrap_key_at_launch = unwrap_then_watch  # type: ignore[assignment]
    return cli.main(["--db", db])


def _report(app: object, extra: dict[str, float] | None = None) -> None:
    elapsed_ms = (time.time() - float(os.environ["NMT_BENCH_T0"])) * 1000
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
    main_cpu_ms = time.thread_time() * 1000
    report = {
        "ms": elapsed_ms,
        "peak_kib": _peak_kib(usage),
        "cpu_ms": cpu_ms,
        "main_cpu_ms": main_cpu_ms,
        **(extra or {}),
    }
    print(json.dumps(report), flush=True)
    app.quit()  # type: ignore[attr-defined]


def _poll(condition: object, then: object, window: object) -> None:
    """Run ``then`` on the GUI thread once ``condition()`` holds (checked every 2 ms)."""
    from PySide6.QtCore import QTimer

    timer = QTimer(window)  # type: ignore[call-overload]
    timer.setInterval(2)

    def check() -> None:
        if condition():  # type: ignore[operator]
            timer.stop()
            then()  # type: ignore[operator]

    timer.timeout.connect(check)
    timer.start()
    window._bench_poll = timer  # type: ignore[attr-defined]


def chart_fifteen_marks(window: Any, step: Callable[[str], None] | None = None) -> None:
    """The ``visit15`` gesture: 15 marks (8 front, 7 back), the first candidate chosen,
    both views and the list painted; ``step("choose")`` is called between the marks and
    the choice (``bench/profile_memory.py`` marks its steps with it)."""
    from PySide6.QtCore import QPointF

    places = window.atlas.regions("anterior")[:8] + window.atlas.regions("posterior")[:7]
    for region in places:
        window.body_map._on_point_clicked(region.view, QPointF(*region.point))
    if step is not None:
        step("choose")
    listed = window.candidates.candidates()
    if listed:
        window.candidates.choose(listed[0].muscle, listed[0].side)
    for body_view in window.body_map.views.values():
        body_view.viewport().repaint()
    window.candidates.tree.viewport().repaint()


def settled(window: Any, worker: Any) -> bool:
    """Nothing left of the gesture: the worker idle, the open visit's thumbnail in the
    visit list redrawn (its timer fires 150 ms after the last mark; the thumbnail loads
    Pillow and its pictures, ~8 MiB, so a report before it would be low by luck), and every
    room of the window built (``ui/late_rooms`` builds the tabs, the banner and the document
    actions after the first visit shows: the session holds them, ~5 MiB; a report before
    them was low)."""
    visits = window.__dict__.get("visits")
    timer = getattr(visits, "_thumb_timer", None)
    rooms = window.__dict__.get("late_rooms")
    building = rooms is not None and bool(rooms.pending())
    return not worker.pending() and not building and not (timer is not None and timer.isActive())


def app_gesture(kind: str, db: str) -> int:
    """``first_click`` or ``visit15`` (see the module's doc)."""
    from nmt_bodymap.cli import unwrap_key_at_launch

    unwrap_key_at_launch(db)  # as the command line does first: an encrypted chart's key
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest

    from nmt_bodymap.ui.app import (
        before_open,
        dress_application,
        ensure_application,
        show_main_window,
    )
    from nmt_bodymap.ui.chart.worker import StoreWorker

    app = ensure_application()
    dress_application(app)  # the accessibility filter and the theme, as run_app
    worker = StoreWorker()

    def ready() -> bool:
        return bool(
            window.built
            and getattr(window, "chart_started", False)
            and window.open_visit.doc is not None
            and not worker.pending()
        )

    def click_now() -> None:
        # The first-click figure: the right temple clicked as soon as the window is painted,
        # wherever the map stands (first frame or panels); answered = the mark and the
        # candidates listed and painted. The spot (drawing units) comes from the parent, so
        # this process loads nothing for it.
        x, y = (float(v) for v in os.environ["NMT_BENCH_CLICK"].split(","))
        if window.__dict__.get("built"):
            view = window.body_map.views["anterior"]
            target, pos = view.viewport(), view.map_to_widget((x, y))
        else:
            target = window.first_frame
            pos = target.to_widget("anterior", x, y).toPoint()
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=pos)

        def answered() -> bool:
            return bool(
                window.__dict__.get("built")
                and window.marks.marks()
                and window.candidates.candidates()
            )

        def done() -> None:
            window.candidates.tree.viewport().repaint()
            _report(app)

        _poll(answered, done, window)

    def fifteen_marks() -> None:
        chart_fifteen_marks(window)

        def report() -> None:
            _report(app, {"marks": float(len(window.marks.marks()))})

        _poll(lambda: settled(window, worker), report, window)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                if kind == "first_click":
                    QTimer.singleShot(0, click_now)
                else:
                    _poll(ready, fifteen_marks, window)
            return False

    try:
        if not before_open(db):  # as run_app: an encrypted chart's key (no dialog when plain)
            return 1
        window = show_main_window(app, worker, db)
        watcher = FirstPaint()
        window.installEventFilter(watcher)
        window._first_paint_watcher = watcher
        return app.exec()
    finally:
        worker.shutdown()


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "bare":
        sys.exit(bare())
    if kind == "app":
        sys.exit(real_app(sys.argv[2]))
    if kind == "cli":
        sys.exit(command_line(sys.argv[2]))
    sys.exit(app_gesture(kind, sys.argv[2]))
