"""The candidate detail's share of a click (issue 18, branch detailcost): what the detail
costs the GUI thread per click, part by part, on bench_click's clicks.

Whole-click A/B runs on the shared 2-core machine differ by more than the detail costs
(bench/NOTES.md); this times the detail's own parts inside each click, with the thread's
CPU clock, so its figures are steady to a few hundredths of a millisecond:

- ``show``: ``CandidateDetail.show`` (the summary's HTML set and laid out, the muscle's
  document set and laid out by the view), run once per gesture from the panel's event;
- ``summary_paint`` / ``detail_paint``: the two text views' paint events (their viewports'
  events handed to the views here, as Qt's own filter does, between two clock reads).

Each click is classified by what the detail had to show: another muscle (its document
kept or new), the same muscle (the summary only), or a muscle after the placeholder.

    python bench/bench_detail_share.py [--clicks 300] [--seed 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

import bench_click as bc
from stats import percentile

PARTS = ("show", "summary_paint", "detail_paint")


def _timed_paints(panel: Any, spent: dict[str, float]) -> list[Any]:
    """Event filters timing the summary's and the detail's paint events."""
    from PySide6.QtCore import QEvent, QObject

    class Timed(QObject):
        def __init__(self, area: Any, part: str) -> None:
            super().__init__()
            self.area, self.part = area, part

        def eventFilter(self, _watched: Any, event: Any) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            start = time.thread_time()
            self.area.viewportEvent(event)  # what the scroll area's own filter does
            spent[self.part] += time.thread_time() - start
            return True

    filters = [Timed(panel.summary, "summary_paint"), Timed(panel.detail, "detail_paint")]
    for timed in filters:
        timed.area.viewport().installEventFilter(timed)
    return filters


def run(clicks: int, seed: int) -> dict[str, Any]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from nmt_bodymap.ui.candidates import candidate_detail
    from nmt_bodymap.ui.map.map_items import TriggerPointPin

    spent = dict.fromkeys(PARTS, 0.0)
    kind = [""]
    real_show = candidate_detail.CandidateDetail.show

    def show(detail: Any, candidate: Any, labels: Any) -> None:
        before = detail.detail.document()
        start = time.thread_time()
        real_show(detail, candidate, labels)
        spent["show"] += time.thread_time() - start
        after = detail.detail.document()
        if candidate is None:
            kind[0] = "placeholder"
        elif before is detail.placeholder:
            kind[0] = "muscle after the placeholder"
        elif after is before:
            kind[0] = "same muscle"
        else:
            kind[0] = "another muscle"

    candidate_detail.CandidateDetail.show = show  # type: ignore[method-assign]
    rows: list[tuple[str, float, dict[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="nmt-bench-detail-share-") as tmp:
        window, worker = bc._open_window(Path(tmp) / "charts.sqlite3")
        panel = window.candidates
        window.side_tabs.setCurrentWidget(panel)
        filters = _timed_paints(panel, spent)
        points = bc._click_points(window, 2 * clicks + 3, random.Random(seed))
        for view, pos in points[:3]:
            QTest.mouseClick(
                window.body_map.views[view].viewport(), Qt.MouseButton.LeftButton, pos=pos
            )
        bc._event_loop_turn(paints := bc._PaintCounter(window))
        for view, pos in points[3:]:
            if len(rows) == clicks:
                break
            if isinstance(window.body_map.views[view]._item_at(pos), TriggerPointPin):
                continue
            for part in PARTS:
                spent[part] = 0.0
            kind[0] = "nothing new"
            start = time.thread_time()
            QTest.mouseClick(
                window.body_map.views[view].viewport(), Qt.MouseButton.LeftButton, pos=pos
            )
            listed = panel.candidates()
            if listed:
                panel.choose(listed[0].muscle, listed[0].side)
            bc._event_loop_turn(paints)
            rows.append((kind[0], (time.thread_time() - start) * 1000.0, dict(spent)))
            window.undo_stack.undo()
            bc._wait_until(lambda: worker.pending() == 0)
            bc._event_loop_turn(paints)
        del filters
        window.close()
        worker.shutdown()
    candidate_detail.CandidateDetail.show = real_show  # type: ignore[method-assign]
    return _summary(rows)


def _summary(rows: list[tuple[str, float, dict[str, float]]]) -> dict[str, Any]:
    clicks = [cpu for _kind, cpu, _parts in rows]
    detail = [sum(parts.values()) * 1000.0 for _kind, _cpu, parts in rows]
    result: dict[str, Any] = {
        "clicks": len(rows),
        "click_cpu_mean_ms": statistics.mean(clicks),
        "click_cpu_p95_ms": percentile(clicks, 0.95),
        "detail_cpu_mean_ms": statistics.mean(detail),
        "detail_cpu_p95_ms": percentile(detail, 0.95),
        "detail_share_pct": 100.0 * sum(detail) / sum(clicks),
    }
    for part in PARTS:
        result[f"{part}_mean_ms"] = statistics.mean(p[part] * 1000.0 for _k, _c, p in rows)
    kinds: dict[str, list[float]] = defaultdict(list)
    for (kind, _cpu, _parts), spent in zip(rows, detail, strict=True):
        kinds[kind].append(spent)
    result["by_kind"] = {
        kind: (len(spent), statistics.mean(spent)) for kind, spent in sorted(kinds.items())
    }
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description="the candidate detail's share of a click")
    parser.add_argument("--clicks", type=int, default=300)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    result = run(args.clicks, args.seed)
    kinds = result.pop("by_kind")
    for name, value in result.items():
        print(f"{name:<22} {value:10.3f}")
    for kind, (count, mean) in kinds.items():
        print(f"  {kind:<30} {count:4d} clicks, detail {mean:6.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
