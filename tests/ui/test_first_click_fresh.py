"""The first click, seen from a fresh process (issue 18): what the launch imported by the
time the answer is painted, and after a few more marks.

One child script serves both checks (it used to be two, each launched twice). It starts the
window on an existing chart with an open visit and clicks the right temple on the first
frame as soon as it is painted (the click is queued until the map is ready). When the
candidates list paints the answer it notes whether ``sqlalchemy`` or ``alembic`` is
imported: the start's reads go through the first look (``store/first_look``) and the
click's save waits for that paint (``StoreWorker.hold_until_painted``). Then it charts three
more marks, chooses the first candidate, waits for the saves and notes whether numpy,
shapely or Pillow was imported (they cost the first click ~55 ms of CPU and ~15 MiB kept).

The first run may import them (it fills the atlas and picture caches); the second, as every
later launch, must not. The marks are read back from the chart after the processes ended.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from tests.fresh_process import app_env, run_child

CHILD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
    from PySide6.QtTest import QTest
    from nmt_bodymap.ui.app import ensure_application, show_main_window
    from nmt_bodymap.ui.chart.worker import StoreWorker

    app = ensure_application()
    worker = StoreWorker()
    x, y = float(sys.argv[2]), float(sys.argv[3])
    report = {}
    store_modules = ("sqlalchemy", "alembic")
    heavy = ("numpy", "shapely", "PIL")

    def imported(names):
        return sorted(m for m in names if m in sys.modules)

    def poll(condition, then):
        timer = QTimer(window)
        timer.setInterval(5)
        def check():
            if condition():
                timer.stop()
                then()
        timer.timeout.connect(check)
        timer.start()

    def idle():
        return not worker.pending() and not window.open_visit.busy()

    class AnswerPainted(QObject):  # the candidates list painting the click's answer
        def eventFilter(self, watched, event):
            if (event.type() == QEvent.Type.Paint and "answered" not in report
                    and window.marks.marks() and window.candidates.candidates()):
                report["answered"] = imported(store_modules)
                report["candidates"] = len(window.candidates.candidates())
                report["first_marks"] = len(window.marks.marks())
                poll(idle, more_marks)
            return False

    def more_marks():
        report["after_save"] = imported(store_modules)
        for region in window.atlas.regions("posterior")[:3]:
            window.body_map._on_point_clicked("posterior", QPointF(*region.point))
        listed = window.candidates.candidates()
        window.candidates.choose(listed[0].muscle, listed[0].side)
        poll(idle, done)

    def done():
        report["marks"] = len(window.marks.marks())
        report["heavy"] = imported(heavy)
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
            window.candidates.tree.viewport().installEventFilter(answer)

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


@pytest.fixture(scope="module")
def second_launch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Two launches on one chart; the second's report and what the chart holds after."""
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.store.service import ChartStore

    tmp_path = tmp_path_factory.mktemp("first-click")
    chart = tmp_path / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        visit = store.create_visit(client.id, chief_complaint="Headache")
    spot = load_atlas().region("anterior", "temple", "right").point
    env = app_env(tmp_path)
    args = (str(chart), *map(str, spot))
    run_child(CHILD, *args, env=env)  # may fill the caches (pictures, atlas)
    report = run_child(CHILD, *args, env=env)
    with ChartStore.open(chart, backup_on_close=False) as store:
        report["stored"] = [(m.view, m.region, m.side) for m in store.list_pain_marks(visit.id)]
    return report


def test_the_first_click_is_answered_without_sqlalchemy_and_then_stored(
    second_launch: dict[str, Any],
) -> None:
    assert second_launch["candidates"] > 0
    assert second_launch["first_marks"] == 5  # the first run's 4 and this click's
    assert second_launch["answered"] == []  # neither SQLAlchemy nor Alembic behind the answer
    assert "sqlalchemy" in second_launch["after_save"]  # the save went through the real store
    temple = [mark for mark in second_launch["stored"] if mark[1] == "temple"]
    assert temple == [("anterior", "temple", "right")] * 2


def test_the_first_click_and_a_few_marks_import_no_numpy_shapely_or_pillow(
    second_launch: dict[str, Any],
) -> None:
    assert second_launch["marks"] == 8  # the first run's 4 and this run's 4, all kept
    assert len(second_launch["stored"]) == 8
    assert second_launch["heavy"] == []
