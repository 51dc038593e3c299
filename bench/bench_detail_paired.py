"""The candidates detail's click cost, with and without branch candpaint's changes, paired
click by click in one process (bench/NOTES.md, candpaint).

On a shared machine two processes run at different speeds; here the clicks alternate
between the detail as it is and the detail with its three changes switched off (documents
made as before, no scroll bar brought back first, the summary always set), so both halves
run under the same load. The clicks are bench_click's: a click on the map, the best
candidate chosen, the event loop's turn; each click undone outside the timing.

    python bench/bench_detail_paired.py [--clicks 600] [--seed 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

import bench_click as bc
from stats import percentile


def _switchable() -> list[int]:
    """Patch the detail so that ``mode[0] == 0`` shows it as before the branch."""
    from nmt_bodymap.ui.candidates import candidate_detail as cd

    mode = [1]
    prepared, needs_bar, show = (
        cd.prepared,
        cd.CandidateDetail._needs_bar_back,
        cd.CandidateDetail.show,
    )

    def old_prepared(document: Any, view: Any) -> Any:
        if mode[0]:
            return prepared(document, view)
        document.setDefaultFont(view.font())
        return document

    def old_show(self: Any, candidate: Any, labels: Any) -> None:
        if not mode[0]:
            self._summary_text = None  # set every time
        show(self, candidate, labels)

    cd.prepared = old_prepared  # type: ignore[assignment]
    cd.CandidateDetail._needs_bar_back = lambda self, d: bool(mode[0]) and needs_bar(self, d)  # type: ignore[method-assign]
    cd.CandidateDetail.show = old_show  # type: ignore[method-assign]
    return mode


def run(clicks: int, seed: int) -> dict[str, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from nmt_bodymap.ui.map.map_items import TriggerPointPin

    mode = _switchable()
    samples: dict[int, tuple[list[float], list[float]]] = {0: ([], []), 1: ([], [])}
    with tempfile.TemporaryDirectory(prefix="nmt-bench-detail-") as tmp:
        window, worker = bc._open_window(Path(tmp) / "charts.sqlite3")
        window.side_tabs.setCurrentWidget(window.candidates)
        points = bc._click_points(window, clicks + 50, random.Random(seed))
        for view, pos in points[:3]:
            QTest.mouseClick(
                window.body_map.views[view].viewport(), Qt.MouseButton.LeftButton, pos=pos
            )
        bc._event_loop_turn(paints := bc._PaintCounter(window))
        count = 0
        for view, pos in points[3:]:
            if count == clicks:
                break
            if isinstance(window.body_map.views[view]._item_at(pos), TriggerPointPin):
                continue
            count += 1
            mode[0] = count % 2
            start, start_cpu = time.perf_counter(), time.thread_time()
            QTest.mouseClick(
                window.body_map.views[view].viewport(), Qt.MouseButton.LeftButton, pos=pos
            )
            listed = window.candidates.candidates()
            if listed:
                window.candidates.choose(listed[0].muscle, listed[0].side)
            bc._event_loop_turn(paints)
            samples[mode[0]][0].append((time.perf_counter() - start) * 1000.0)
            samples[mode[0]][1].append((time.thread_time() - start_cpu) * 1000.0)
            window.undo_stack.undo()
            bc._wait_until(lambda: worker.pending() == 0)
            bc._event_loop_turn(paints)
        window.close()
        worker.shutdown()
    result: dict[str, float] = {}
    for key, name in ((0, "before"), (1, "after")):
        wall, cpu = samples[key]
        result[f"{name}_cpu_p50_ms"] = statistics.median(cpu)
        result[f"{name}_cpu_p95_ms"] = percentile(cpu, 0.95)
        result[f"{name}_wall_p50_ms"] = statistics.median(wall)
        result[f"{name}_wall_p95_ms"] = percentile(wall, 0.95)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description="the candidates detail, paired before/after")
    parser.add_argument("--clicks", type=int, default=600)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    for name, value in run(args.clicks, args.seed).items():
        print(f"{name:<22} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
