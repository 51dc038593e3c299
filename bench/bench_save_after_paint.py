"""A click's save started after its paint (``StoreWorker.submit(after_paint=True)``, branch
clicklist) against at once, in one window, click by click: odd clicks one way, even clicks
the other, so both halves share the machine's load (2 cores shared by other jobs made runs
of ``bench_click`` differ by +-1 ms). Each sample is timed as ``bench_click`` times one
(the click, the best candidate chosen, the event loop's posted events until nothing more is
painted); GUI-thread CPU (``time.thread_time``) beside the wall clock.

    python bench/bench_save_after_paint.py [--clicks 1000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import bench_click
from stats import percentile


def run(clicks: int, seed: int = 5) -> dict[str, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from nmt_bodymap.ui.chart.worker import StoreWorker
    from nmt_bodymap.ui.map.map_items import TriggerPointPin

    after_paint = [True]
    real_submit = StoreWorker.submit

    def submit(worker: Any, job: Any, on_done: Any = None, on_error: Any = None, **kw: Any) -> int:
        wanted = bool(kw.get("after_paint")) and after_paint[0]
        return real_submit(worker, job, on_done, on_error, after_paint=wanted)

    StoreWorker.submit = submit  # type: ignore[method-assign]
    wall: dict[bool, list[float]] = {True: [], False: []}
    cpu: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory(prefix="nmt-bench-save-paint-") as tmp:
        window, worker = bench_click._open_window(Path(tmp) / "charts.sqlite3")
        window.side_tabs.setCurrentWidget(window.candidates)
        points = bench_click._click_points(window, 2 * clicks + 3, random.Random(seed))
        for view, pos in points[:3]:
            viewport = window.body_map.views[view].viewport()
            QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
        paints = bench_click._PaintCounter(window)
        bench_click._event_loop_turn(paints)
        made = 0
        for view, pos in points[3:]:
            if made == clicks:
                break
            if isinstance(window.body_map.views[view]._item_at(pos), TriggerPointPin):
                continue
            made += 1
            after_paint[0] = made % 2 == 1
            viewport = window.body_map.views[view].viewport()
            start, start_cpu = time.perf_counter(), time.thread_time()
            QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
            listed = window.candidates.candidates()
            if listed:
                window.candidates.choose(listed[0].muscle, listed[0].side)
            bench_click._event_loop_turn(paints)
            wall[after_paint[0]].append((time.perf_counter() - start) * 1000.0)
            cpu[after_paint[0]].append((time.thread_time() - start_cpu) * 1000.0)
            window.undo_stack.undo()
            bench_click._wait_until(lambda: worker.pending() == 0)
            bench_click._event_loop_turn(paints)
        window.close()
        worker.shutdown()
    StoreWorker.submit = real_submit  # type: ignore[method-assign]
    figures: dict[str, float] = {}
    for way, name in ((True, "after_paint"), (False, "at_once")):
        for kind, samples in (("wall", wall[way]), ("cpu", cpu[way])):
            figures[f"{name}_{kind}_p50_ms"] = statistics.median(samples)
            figures[f"{name}_{kind}_p95_ms"] = percentile(samples, 0.95)
            figures[f"{name}_{kind}_p99_ms"] = percentile(samples, 0.99)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description="a click's save after its paint or at once")
    parser.add_argument("--clicks", type=int, default=1000)
    args = parser.parse_args()
    for name, value in run(args.clicks).items():
        print(f"{name:<26} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
