"""The progress view draws its thumbnails with the visit list's Qt drawer
(``ui/chart/thumbnail_painter``), so opening it imports no Pillow (issue 18: one drawer, no
Pillow and no supersampled pictures in the window). Run in a fresh process, where nothing
has imported Pillow: the first screenful drawn on the store worker, the rows scrolled into
view on the GUI thread."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

CHILD = textwrap.dedent(
    """
    import json, sys, time
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    report = {"pillow_before": "PIL" in sys.modules}
    app = QApplication([])
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.store.service import ChartStore
    from nmt_bodymap.ui.chart import store_calls
    from nmt_bodymap.ui.chart.worker import StoreWorker
    from nmt_bodymap.ui.progress.progress_view import FIRST_SCREEN, ProgressView

    VISITS = FIRST_SCREEN + 8  # more than the worker draws: the rest are drawn on scrolling
    atlas = load_atlas()
    store = ChartStore.open(sys.argv[1], backup_on_close=False)
    client = store.create_client(name="Ana Ruiz")
    for day in range(VISITS):
        visit = store.create_visit(
            client.id, started_at=f"2025-01-{day + 1:02d}T09:00+00:00", chief_complaint="Neck"
        )
        view, region = (("anterior", "temple"), ("posterior", "calf"))[day % 2]
        x, y = atlas.region(view, region, "right").point
        store.add_pain_mark(visit.id, view=view, x=x, y=y, region=region, side="right",
                            intensity=day % 11, quality="ache")
    store.close()

    def wait(ready, seconds=60):
        deadline = time.monotonic() + seconds
        while not ready():
            assert time.monotonic() < deadline, "timed out"
            app.processEvents()
            time.sleep(0.005)

    worker = StoreWorker()
    opened = []
    worker.open(lambda: store_calls.open_store(sys.argv[1]), opened.append, opened.append)
    wait(lambda: bool(opened))
    try:
        view = ProgressView(worker.submit, client.id, atlas)
        view.resize(1000, 700)
        view.show()
        wait(lambda: view.loaded and view.thumbnails_shown)
        model = view.timeline.timeline_model
        first = [row for row in range(VISITS) if model.has_icon(row)]
        view.timeline.scrollToBottom()
        wait(lambda: model.has_icon(VISITS - 1))
        size = view.timeline.icon(VISITS - 1).pixmap(QSize(72, 72), 2.0).size()
        report.update({
            "first_screen": first == list(range(len(first))) and len(first) >= FIRST_SCREEN,
            "scrolled_in": model.has_icon(VISITS - 1),
            "size": [size.width(), size.height()],
            "pillow": "PIL" in sys.modules,
        })
        view.close()
    finally:
        worker.shutdown()
    print(json.dumps(report))
    """
)


def test_the_progress_views_thumbnails_need_no_pillow(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "chart.sqlite3")],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "NMT_BODYMAP_DATA_DIR": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {
        "pillow_before": False,
        "first_screen": True,
        "scrolled_in": True,
        "size": [144, 144],
        "pillow": False,
    }
