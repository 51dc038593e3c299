"""A launch, its first click and a few more marks import neither numpy, shapely nor Pillow
(issue 18: they cost the first click ~55 ms of CPU on the loader thread and ~15 MiB kept).

A fresh process starts the window on a chart with an open visit, clicks the right temple on
the first frame as soon as it is painted (the click is queued until the map is ready), then
charts three more marks, chooses the first candidate and waits for the saves; it reports
which of the heavy modules were imported. The first run may import them (it fills the atlas
cache); the second, as every later launch, must not.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

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

    def answered():  # the queued click handed to the map, its mark and candidates shown
        queued = window.__dict__.get("queued_clicks")
        return bool(window.__dict__.get("built") and queued is not None and not queued.clicks
                    and window.marks.marks() and window.candidates.candidates())

    def more_marks():
        for region in window.atlas.regions("posterior")[:3]:
            window.body_map._on_point_clicked("posterior", QPointF(*region.point))
        listed = window.candidates.candidates()
        window.candidates.choose(listed[0].muscle, listed[0].side)
        poll(lambda: worker.pending() == 0 and not window.open_visit.busy(), done)

    def done():
        report["marks"] = len(window.marks.marks())
        report["heavy"] = sorted(m for m in ("numpy", "shapely", "PIL") if m in sys.modules)
        app.quit()

    def poll(condition, then):
        timer = QTimer(window)
        timer.setInterval(5)
        def check():
            if condition():
                timer.stop()
                then()
        timer.timeout.connect(check)
        timer.start()

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not report:
                report["painted"] = True
                frame = window.first_frame
                pos = frame.to_widget("anterior", x, y).toPoint()
                QTimer.singleShot(0, lambda: QTest.mouseClick(
                    frame, Qt.MouseButton.LeftButton, pos=pos))
                poll(answered, more_marks)
            return False

    try:
        window = show_main_window(app, worker, sys.argv[1])
        watcher = FirstPaint()
        window.installEventFilter(watcher)
        QTimer.singleShot(60_000, app.quit)  # never hang: the parent also has a timeout
        app.exec()
    finally:
        worker.shutdown()
    print(json.dumps(report), flush=True)
    """
)


def test_the_first_click_and_a_few_marks_import_no_numpy_shapely_or_pillow(
    tmp_path: Path,
) -> None:
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.store.service import ChartStore

    chart = tmp_path / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        store.create_visit(client.id, chief_complaint="Headache")
    spot = load_atlas().region("anterior", "temple", "right").point
    env = app_env(tmp_path)
    args = (str(chart), *map(str, spot))
    run_child(CHILD, *args, env=env)  # may fill the caches (and import what filling needs)
    report = run_child(CHILD, *args, env=env)
    assert report["marks"] == 8  # the first run's 4 and this run's 4, all kept
    assert report["heavy"] == []
