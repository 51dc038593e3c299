"""A mark's save and its answer, each measured alone (issue 18, branch savepath).

- ``store``: the store worker's interpreter time per save: ``time.thread_time`` around
  ``ChartStore.apply`` of a pain mark's add and of its undo (a delete), on a fresh SQLite
  chart, in one thread (no window: nothing else competes). In the app this time is held
  against the window's thread (the GIL) while the window answers the click.
- ``answer``: the GUI thread's time for a save's answer: ``OpenVisit._done`` of a queued
  mark with every slot the window connects to it (the save-state label, the marks, the SOAP
  tab), a 4-mark visit, with the candidate list showing and then the summary.
- ``summary``: the visit summary brought up to date with the summary tab showing, when a
  click or its undo changed its marks, and when nothing it shows changed.

Medians of ``thread_time`` in microseconds; compare trees by running them in turn.

    python bench/bench_save.py [--saves 600]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))


def _median_us(run: Callable[[int], Any], count: int) -> float:
    spent = []
    for i in range(count):
        start = time.thread_time()
        run(i)
        spent.append(time.thread_time() - start)
    return statistics.median(spent) * 1e6


def store_saves(saves: int) -> dict[str, float]:
    from nmt_bodymap.core.operations import RowKind
    from nmt_bodymap.store.service import ChartStore
    from tests.conftest import body_point

    x, y = body_point("anterior", "temple", "right")
    mark = {"view": "anterior", "x": x, "y": y, "region": "temple", "side": "right"}
    mark |= {"intensity": 6, "quality": "throbbing", "note": ""}
    with tempfile.TemporaryDirectory(prefix="nmt-bench-save-") as tmp:
        store = ChartStore.open(Path(tmp) / "chart.sqlite3", backup_on_close=False)
        client = store.create_client(name="Bench Client", date_of_birth="1980-01-01")
        doc = store.load_visit_document(store.create_visit(client.id).id)
        adds: list[float] = []
        undos: list[float] = []
        for _ in range(saves):
            add = doc.add_op(RowKind.PAIN_MARK, mark)
            doc.apply(add)
            start = time.thread_time()
            store.apply(add)
            adds.append(time.thread_time() - start)
            undo = doc.inverse_op(add)
            doc.apply(undo)
            start = time.thread_time()
            store.apply(undo)
            undos.append(time.thread_time() - start)
        store.close()
    return {
        "store_add_us": statistics.median(adds) * 1e6,
        "store_undo_us": statistics.median(undos) * 1e6,
    }


def window_answers(count: int) -> dict[str, float]:
    import bench_click
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest

    from nmt_bodymap.core.operations import RowKind

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="nmt-bench-save-") as tmp:
        window, worker = bench_click._open_window(Path(tmp) / "charts.sqlite3")
        for view, pos in bench_click._click_points(window, 4, random.Random(5)):
            viewport = window.body_map.views[view].viewport()
            QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
        bench_click._wait_until(lambda: worker.pending() == 0)
        visit = window.open_visit
        uid = window.marks.marks()[-1].key

        def answer(i: int) -> None:
            visit._done(visit._generation, RowKind.PAIN_MARK, uid, "")
            # the next save queued, as a click queues it (outside the timing but for this)
            visit._in_flight[uid] += 1
            visit._status[uid] = ("saving", "")
            visit._announce_status(frozenset({uid}))
            if i % 50 == 0:
                QCoreApplication.processEvents()

        for name, tab in (("answer_list_us", window.candidates), ("answer_summary_us", None)):
            window.side_tabs.setCurrentWidget(tab or window.summary)
            QCoreApplication.processEvents()
            visit._in_flight[uid] += 1
            visit._status[uid] = ("saving", "")
            results[name] = _median_us(answer, count)
            visit._done(visit._generation, RowKind.PAIN_MARK, uid, "")
        summary = window.summary
        marks = list(summary._marks)

        def chart(shown: list[Any]) -> None:
            summary.set_chart(shown, summary._findings, summary._treatments, summary._assessment)

        results["summary_changed_us"] = _median_us(lambda i: chart(marks[: 3 + i % 2]), count)
        results["summary_same_us"] = _median_us(lambda _i: chart(marks), count)
        window.close()
        worker.shutdown()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description="a mark's save and its answer, alone")
    parser.add_argument("--saves", type=int, default=600)
    args = parser.parse_args()
    results = store_saves(args.saves) | window_answers(args.saves * 5)
    for name, value in results.items():
        print(f"{name:<22} {value:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
