"""Issue 18 (memory after a visit): the visit list's thumbnails, the listing's (worker job)
and the open visit's redraw after its marks change, are drawn without Pillow and keep no
supersampled picture: only the outlines at the thumbnail's own size. Pillow with its
pictures cost ~8 MiB at the peak of a 15-mark visit. Run in a fresh process, where nothing
has imported Pillow."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

CHILD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.store.service import ChartStore
    from nmt_bodymap.ui.chart import visit_panel

    store = ChartStore.open(sys.argv[1], backup_on_close=False)
    client = store.create_client(name="Ana Ruiz")
    visit = store.create_visit(client.id)
    x, y = load_atlas().region("anterior", "temple", "right").point
    store.add_pain_mark(visit.id, view="anterior", x=x, y=y, region="temple", side="right",
                        intensity=7, quality="ache")

    class Worker:  # runs each job at once, on this thread
        def submit(self, job, done=None, failed=None):
            done(job(store))

    class Marks:  # the open visit's marks model, as the panel reads it
        visit_id = visit.id
        def marks(self):
            return store.list_pain_marks(visit.id)

    panel = visit_panel.VisitPanel(Worker())
    panel._fill(panel._serial, [visit], None)  # the listing's thumbnails (the worker job)
    item = panel.list.item(0)
    listed = item.icon().pixmap(QSize(56, 56), 2.0).toImage()
    panel._marks_model = Marks()
    store.add_pain_mark(visit.id, view="posterior", x=x, y=y, region="calf", side="left",
                        intensity=3, quality="ache")
    panel._redraw_open_visit()  # what the 150 ms timer runs after a mark
    redrawn = item.icon().pixmap(QSize(56, 56), 2.0).toImage()
    from nmt_bodymap.core import thumbnails
    kept = [name for name, f in vars(thumbnails).items() if hasattr(f, "cache_info")]
    try:
        from nmt_bodymap.ui.chart import thumbnail_painter
        entries = thumbnail_painter._silhouettes.cache_info().currsize
        entry = thumbnail_painter._silhouettes(load_atlas(), 112)  # a cache hit
        outlines = [entries, [entry.width(), entry.height()]]
    except ImportError:
        outlines = None
    store.close()
    print(json.dumps({
        "pillow": "PIL" in sys.modules,
        "pictures_kept": kept,
        "listed": [listed.width(), listed.height()],
        "changed": redrawn != listed and not redrawn.isNull(),
        "outlines_kept": outlines,
    }))
    """
)


def test_the_visit_lists_thumbnails_need_no_pillow_and_keep_no_picture(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "chart.sqlite3")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "NMT_BODYMAP_DATA_DIR": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {
        "pillow": False,
        "pictures_kept": [],  # core.thumbnails keeps no pictures (it draws none)
        "listed": [112, 112],
        "changed": True,
        "outlines_kept": [1, [112, 112]],  # one picture of the thumbnail's own size
    }
