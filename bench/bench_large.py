"""Large charts: a 10,000-mark visit opened in the window, the progress view over 2,000 visits.

In the real window (off screen) on a real chart (plain, or encrypted when
``NMT_BENCH_ENCRYPTED=1``), per sample:

- ``visit_open_ms``: the visit chosen (as a click in the visit list does) to every one of
  its 10,000 marks on the map, the candidates ranked for them and the views painted;
- ``progress_ms``: the progress view made for a client with 2,000 visits (3 marks each) to
  its timeline and charts filled and painted (``progress_cpu_ms`` the process's CPU time in
  it; ``progress_first_ms`` the first sample alone, the view's first opening in the process;
  ``progress_thumbnails_ms`` until the first screen's thumbnails are shown too, which the
  view asks the worker for once its list and charts are shown);
- ``bare_window_ms``: a bare PySide6 ``QMainWindow`` started as a process, exec to its first
  paint (``bench_startup``'s yardstick), right before each open; ``visit_open_ratio``: the
  open against it (medians), a figure to compare between runs on a machine whose load moves;
  ``visit_open_cpu_ms``: the CPU time of the whole process (both threads) during the open.

The chart is built once in ``bench/.cache`` (rows inserted in bulk, like a clinic's years).

    python bench/bench_large.py [--samples 3] [--no-progress]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(1, str(HERE.parent))
sys.path.insert(1, str(HERE))

from bench_click import _wait_until  # noqa: E402

CACHE = HERE / ".cache"
MARKS = 10_000
VISITS = 2_000
MARKS_PER_VISIT = 3


def _placed_points(count: int, rng: random.Random) -> list[dict[str, Any]]:
    from nmt_bodymap.core.atlas import load_atlas

    atlas = load_atlas()
    points: list[dict[str, Any]] = []
    while len(points) < count:
        view = rng.choice(atlas.views())
        min_x, min_y, width, height = atlas.view_box(view)
        x, y = min_x + rng.random() * width, min_y + rng.random() * height
        region = atlas.region_at(view, x, y)
        if region is None:
            continue
        points.append(
            {
                "view": view,
                "x": x,
                "y": y,
                "region": region.region,
                "side": region.side,
                "intensity": rng.randint(1, 10),
                "quality": rng.choice(("ache", "burning", "sharp")),
            }
        )
    return points


def large_chart() -> tuple[Path, dict[str, int]]:
    """The chart (built once) and the ids: the 10,000-mark visit, the 2,000-visit client."""
    encrypted = "_encrypted" if os.environ.get("NMT_BENCH_ENCRYPTED") == "1" else ""
    path = CACHE / f"large_{MARKS}_marks_{VISITS}_visits{encrypted}.sqlite3"
    ids_path = path.with_suffix(".ids")
    if path.exists() and ids_path.exists():
        big_visit, client = (int(v) for v in ids_path.read_text().split())
        return path, {"visit": big_visit, "client": client}
    CACHE.mkdir(exist_ok=True)
    path.unlink(missing_ok=True)
    from sqlalchemy import insert, select

    from nmt_bodymap.store.models import PainMark, Visit
    from nmt_bodymap.store.service import ChartStore

    rng = random.Random(18)
    store = ChartStore.open(path, backup_on_close=False)
    try:
        one = store.create_client(name="Large Visit", date_of_birth="1970-01-01")
        big = store.create_visit(one.id, chief_complaint="ten thousand marks")
        many = store.create_client(name="Many Visits", date_of_birth="1960-01-01")
        start = datetime(2010, 1, 1, 9, tzinfo=UTC)
        now = datetime.now(UTC)
        visit_rows = [
            {
                "uid": str(uuid.uuid4()),
                "client_id": many.id,
                "started_at": start + timedelta(days=2 * i),
                "chief_complaint": "neck and shoulder",
                "created_at": now,
                "updated_at": now,
            }
            for i in range(VISITS)
        ]
        points = _placed_points(MARKS + VISITS * MARKS_PER_VISIT, rng)

        def mark(visit_id: int, point: dict[str, Any]) -> dict[str, Any]:
            return {
                **point,
                "uid": str(uuid.uuid4()),
                "visit_id": visit_id,
                "created_at": now,
                "updated_at": now,
            }

        engine = store._engine  # bulk rows straight in: the bench's data, not a gesture
        with engine.begin() as conn:
            conn.execute(insert(Visit), visit_rows)
            many_ids = list(
                conn.scalars(select(Visit.id).where(Visit.client_id == many.id).order_by(Visit.id))
            )
            rows = [mark(big.id, p) for p in points[:MARKS]]
            rest = iter(points[MARKS:])
            rows += [mark(v, next(rest)) for v in many_ids for _ in range(MARKS_PER_VISIT)]
            conn.execute(insert(PainMark), rows)
    finally:
        store.close()
    ids_path.write_text(f"{big.id} {many.id}\n")
    return path, {"visit": big.id, "client": many.id}


def _wait_idle(predicate: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Wait for ``predicate`` in the event loop, as the app waits: idle between events
    (``bench_click._wait_until`` spins ``processEvents``, holding the interpreter lock
    against the store worker and counting its own spinning as the open's CPU time; the
    progress view's thumbnail job took 4x its CPU time in wall clock under that spin)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(1)  # the predicate checked every millisecond at most
    met: list[bool] = []

    def check() -> None:
        if not met and predicate():
            met.append(True)  # as it was when met (a later event may start another job)
            loop.quit()
        elif time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not met:
        raise TimeoutError("the window did not get ready in time")


def _paint(window: Any) -> None:
    for body_view in window.body_map.views.values():
        body_view.viewport().repaint()
    window.candidates.tree.viewport().repaint()


def _bare_window_ms(chart: Path) -> float:
    """The yardstick: a bare PySide6 window's process from exec to its first paint, as
    ``bench_startup`` launches it (``startup_child.py bare``), in the same minute."""
    from bench_startup import _launch

    return float(_launch("bare", chart)["ms"])


def run(samples: int | None = None, progress: bool = True) -> dict[str, float]:
    if samples is None:  # run.py --quick: one sample
        samples = 1 if os.environ.get("NMT_BENCH_QUICK") == "1" else 3
    from nmt_bodymap.core.operations import RowKind
    from nmt_bodymap.ui.app import ensure_application
    from nmt_bodymap.ui.chart import store_calls
    from nmt_bodymap.ui.chart.worker import StoreWorker
    from nmt_bodymap.ui.main_window import MainWindow
    from nmt_bodymap.ui.progress.progress_view import ProgressView

    chart, ids = large_chart()
    ensure_application()
    worker = StoreWorker()
    opened: list[Any] = []
    worker.open(lambda: store_calls.open_store(str(chart)), opened.append, opened.append)
    _wait_until(lambda: bool(opened), 120)
    if isinstance(opened[0], BaseException):
        raise opened[0]
    window = MainWindow(worker)
    window.resize(1500, 920)
    window.show()
    _wait_until(lambda: window.isVisible())
    got: list[Any] = []
    worker.submit(lambda s: s.get_visit(ids["visit"]), got.append, got.append)
    _wait_until(lambda: bool(got))
    big_visit = got[0]

    visit_ms: list[float] = []
    progress_ms: list[float] = []
    progress_cpu_ms: list[float] = []  # the whole process, as for the open
    thumbs_ms: list[float] = []  # the progress view until its first thumbnails are shown
    bare_ms: list[float] = []
    cpu_ms: list[float] = []  # the whole process (GUI and worker threads)
    shown = 0
    for _ in range(samples):
        window.marks.load_visit(None)
        _wait_until(lambda: worker.pending() == 0)
        bare_ms.append(_bare_window_ms(chart))
        start, cpu = time.perf_counter(), time.process_time()
        window._on_visit(big_visit)
        _wait_idle(
            lambda: (
                window.open_visit.doc is not None
                and worker.pending() == 0
                and len(window.open_visit.rows(RowKind.PAIN_MARK)) == MARKS
            ),
            120,
        )
        _wait_idle(lambda: window._ranked_for is not None or not window.candidates.isVisible())
        _paint(window)
        visit_ms.append((time.perf_counter() - start) * 1000)
        cpu_ms.append((time.process_time() - cpu) * 1000)
        print(
            f"visit open {visit_ms[-1]:.0f} ms, CPU {cpu_ms[-1]:.0f} ms"
            f" (bare window {bare_ms[-1]:.0f} ms)",
            file=sys.stderr,
            flush=True,
        )
        if not progress:
            continue
        start, cpu = time.perf_counter(), time.process_time()
        view = ProgressView(worker.submit, ids["client"], window.atlas)
        view.show()
        _wait_idle(lambda view=view: view.loaded)
        view.repaint()
        progress_ms.append((time.perf_counter() - start) * 1000)
        progress_cpu_ms.append((time.process_time() - cpu) * 1000)
        # a view that makes its thumbnails with the list has none to wait for
        _wait_idle(lambda view=view: getattr(view, "thumbnails_shown", True))
        thumbs_ms.append((time.perf_counter() - start) * 1000)
        print(
            f"progress {progress_ms[-1]:.0f} ms, CPU {progress_cpu_ms[-1]:.0f} ms"
            f" (thumbnails shown at {thumbs_ms[-1]:.0f} ms)",
            file=sys.stderr,
            flush=True,
        )
        shown = view.timeline.count()
        view.close()
        view.deleteLater()
    window.close()
    worker.shutdown()
    figures = {
        "visit_open_ms": statistics.median(visit_ms),
        "visit_open_cpu_ms": statistics.median(cpu_ms),
        "visit_open_marks": float(MARKS),
        "bare_window_ms": statistics.median(bare_ms),
        "visit_open_ratio": statistics.median(visit_ms) / statistics.median(bare_ms),
    }
    if progress:
        figures["progress_ms"] = statistics.median(progress_ms)
        figures["progress_cpu_ms"] = statistics.median(progress_cpu_ms)
        figures["progress_first_ms"] = progress_ms[0]  # the first in the process: nothing warm
        figures["progress_thumbnails_ms"] = statistics.median(thumbs_ms)
        figures["progress_visits"] = float(shown)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description="large charts: visit open, progress view")
    parser.add_argument("--samples", type=int, default=None)
    parser.add_argument("--no-progress", action="store_true", help="only the visit open")
    args = parser.parse_args()
    for name, value in run(args.samples, progress=not args.no_progress).items():
        print(f"{name:<22} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
