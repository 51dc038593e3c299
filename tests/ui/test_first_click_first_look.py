"""The first click is answered without SQLAlchemy or Alembic (issue 18, ``store/first_look``).

A fresh process starts the window on an existing chart with an open visit and clicks the
right temple on the first frame as soon as it is painted. When the candidates list paints
the answer (the mark and its candidates listed), neither ``sqlalchemy`` nor ``alembic`` may
be imported: the start's reads went through the first look, and the click's save waited for
that paint (``StoreWorker.hold_until_painted``). The save is then made by the real store:
the mark is read back from the chart after the process ended.

Also here: the worker's hold keeps jobs back in order and never drops one at shutdown.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from tests.fresh_process import app_env, run_child

CHILD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from nmt_bodymap.ui.app import ensure_application, show_main_window
    from nmt_bodymap.ui.chart.worker import StoreWorker

    app = ensure_application()
    worker = StoreWorker()
    x, y = float(sys.argv[2]), float(sys.argv[3])
    report = {}
    heavy = ("sqlalchemy", "alembic")

    def poll(condition, then):
        timer = QTimer(window)
        timer.setInterval(5)
        def check():
            if condition():
                timer.stop()
                then()
        timer.timeout.connect(check)
        timer.start()

    class AnswerPainted(QObject):  # the candidates list painting the click's answer
        def eventFilter(self, watched, event):
            if (event.type() == QEvent.Type.Paint and "answered" not in report
                    and window.marks.marks() and window.candidates.candidates()):
                report["answered"] = sorted(m for m in heavy if m in sys.modules)
                report["candidates"] = len(window.candidates.candidates())
                poll(lambda: not worker.pending() and not window.open_visit.busy(), done)
            return False

    def watch_answer():
        watched = window.candidates.tree.viewport()
        watched.installEventFilter(answer)

    def done():
        report["marks"] = len(window.marks.marks())
        report["after_save"] = sorted(m for m in heavy if m in sys.modules)
        app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and "painted" not in report:
                report["painted"] = True
                frame = window.first_frame
                pos = frame.to_widget("anterior", x, y).toPoint()
                QTimer.singleShot(0, lambda: QTest.mouseClick(
                    frame, Qt.MouseButton.LeftButton, pos=pos))
            return False

    answer = AnswerPainted()
    try:
        window = show_main_window(app, worker, sys.argv[1])
        build = window.build_panels

        def build_then_watch(*args, **kwargs):  # watch before any click can be handed over
            build(*args, **kwargs)
            watch_answer()

        window.build_panels = build_then_watch
        watcher = FirstPaint()
        window.installEventFilter(watcher)
        QTimer.singleShot(60_000, app.quit)  # never hang: the parent also has a timeout
        app.exec()
    finally:
        worker.shutdown()
    print(json.dumps(report), flush=True)
    """
)


def test_the_first_click_is_answered_without_sqlalchemy_and_then_stored(
    tmp_path: Path,
) -> None:
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.store.service import ChartStore

    chart = tmp_path / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        visit = store.create_visit(client.id, chief_complaint="Headache")
    spot = load_atlas().region("anterior", "temple", "right").point
    env = app_env(tmp_path)
    args = (str(chart), *map(str, spot))
    run_child(CHILD, *args, env=env)  # may fill the caches (pictures, atlas)
    report = run_child(CHILD, *args, env=env)
    assert report["candidates"] > 0
    assert report["answered"] == []  # neither SQLAlchemy nor Alembic behind the answer
    assert report["marks"] == 2  # the first run's mark and this run's
    assert "sqlalchemy" in report["after_save"]  # the save went through the real store
    with ChartStore.open(chart, backup_on_close=False) as store:
        marks = store.list_pain_marks(visit.id)
    assert [(m.region, m.side) for m in marks] == [("temple", "right")] * 2


def test_held_jobs_run_in_order_on_release_and_before_shutdown(qtbot: Any) -> None:
    from nmt_bodymap.ui.chart.worker import StoreWorker

    worker = StoreWorker()
    ran: list[str] = []
    try:
        worker.hold()
        worker.submit(lambda _s: ran.append("a"))
        worker.submit(lambda _s: ran.append("b"))
        qtbot.wait(50)
        assert ran == [] and worker.pending() == 2
        worker.release()
        qtbot.waitUntil(lambda: worker.pending() == 0, timeout=5_000)
        assert ran == ["a", "b"]
        worker.hold()
        worker.submit(lambda _s: ran.append("c"))
    finally:
        worker.shutdown()  # releases first: the held job runs, nothing is dropped
    assert ran == ["a", "b", "c"]


def test_a_hold_until_painted_ends_with_the_paint_or_at_the_latest(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    from nmt_bodymap.ui.chart.worker import StoreWorker

    worker = StoreWorker()
    label = QLabel("answer")
    qtbot.addWidget(label)
    ran: list[str] = []
    try:
        worker.hold_until_painted(label, longest_ms=60_000)
        worker.submit(lambda _s: ran.append("save"))
        qtbot.wait(50)
        assert ran == []
        label.show()  # its paint releases the hold
        qtbot.waitUntil(lambda: ran == ["save"], timeout=5_000)
        hidden = QLabel("never shown")
        qtbot.addWidget(hidden)
        worker.hold_until_painted(hidden, longest_ms=100)
        worker.submit(lambda _s: ran.append("later"))
        qtbot.waitUntil(lambda: ran == ["save", "later"], timeout=5_000)
    finally:
        worker.shutdown()
