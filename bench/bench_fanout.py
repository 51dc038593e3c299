"""Fan-out of one gesture: how many times the window redraws something for one mark.

In the real window on a real chart, counts per gesture (mean over ``--marks`` gestures,
each waited until the worker has stored it):

- ``visit_tabs``: refreshes of the visit tabs (guide / summary);
- ``candidate_refreshes``: requests to bring the candidates up to date, and
  ``candidate_rankings``: the ones that really re-ranked and rebuilt the list;
- ``save_state``: updates of the save-state label in the status bar;
- ``scene``: updates of a body scene's marks (a mark put, dropped or all set again).

Gestures: ``place`` (a click on the figure puts a mark), ``digit`` (a digit changes the
selected mark's intensity), ``undo`` (Ctrl+Z of that change). Counted by wrapping the
methods on their classes before the window is made (signals are connected to them), so
nothing in the product is changed for the benchmark.

    python bench/bench_fanout.py [--marks 20]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from bench_click import _click_points, _open_window, _wait_until

# figure -> the methods whose calls it counts ("module:Class.method"; absent ones skipped)
PROBES: dict[str, tuple[str, ...]] = {
    "visit_tabs": ("nmt_bodymap.ui.main_window:MainWindow._refresh_visit_tabs",),
    "candidate_refreshes": ("nmt_bodymap.ui.main_window:MainWindow._refresh_candidates",),
    "candidate_rankings": (
        "nmt_bodymap.ui.candidates.candidates_panel:CandidatesPanel.show_for_marks",
    ),
    "save_state": ("nmt_bodymap.ui.main_window:MainWindow._update_save_state",),
    "scene": (
        "nmt_bodymap.ui.map.body_scene:BodyScene.put_mark",
        "nmt_bodymap.ui.map.body_scene:BodyScene.drop_mark",
        "nmt_bodymap.ui.map.body_scene:BodyScene.set_marks",
    ),
}


def _instrument(counts: Counter[str]) -> Callable[[], None]:
    """Wrap every probe so a call adds one to its figure; returns the undo of that."""
    import importlib

    restore: list[tuple[type, str, Any]] = []
    depth: Counter[str] = Counter()  # a probe called inside one of its figure counts once
    for figure, targets in PROBES.items():
        for target in targets:
            module_name, qualified = target.split(":")
            class_name, method = qualified.split(".")
            cls = getattr(importlib.import_module(module_name), class_name, None)
            original = getattr(cls, method, None) if cls is not None else None
            if cls is None or original is None:
                continue

            def counted(*args: Any, _f: str = figure, _o: Any = original, **kw: Any) -> Any:
                if not depth[_f]:
                    counts[_f] += 1
                depth[_f] += 1
                try:
                    return _o(*args, **kw)
                finally:
                    depth[_f] -= 1

            restore.append((cls, method, original))
            setattr(cls, method, counted)

    def undo() -> None:
        for cls, method, original in restore:
            setattr(cls, method, original)

    return undo


def run(marks: int = 20, seed: int = 7) -> dict[str, dict[str, float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    counts: Counter[str] = Counter()
    uninstrument = _instrument(counts)
    per_gesture: dict[str, Counter[str]] = {g: Counter() for g in ("place", "digit", "undo")}
    try:
        with tempfile.TemporaryDirectory(prefix="nmt-bench-fanout-") as tmp:
            window, worker = _open_window(Path(tmp) / "charts.sqlite3")
            points = _click_points(window, marks, random.Random(seed))

            def gesture(name: str, act: Callable[[], None]) -> None:
                counts.clear()
                act()
                _wait_until(lambda: worker.pending() == 0)
                QTest.qWait(0)  # let the last answer's signals arrive
                per_gesture[name].update(counts)

            for i, (view, pos) in enumerate(points):
                viewport = window.body_map.views[view].viewport()
                gesture(
                    "place",
                    lambda v=viewport, p=pos: QTest.mouseClick(v, Qt.MouseButton.LeftButton, pos=p),
                )
                digit = window.actions_by_key[f"intensity-{(i % 9) + 1}"]
                gesture("digit", digit.trigger)
                gesture("undo", window.actions_by_key["undo"].trigger)
            window.close()
            worker.shutdown()
    finally:
        uninstrument()
    return {
        gesture: {figure: counted[figure] / marks for figure in PROBES}
        for gesture, counted in per_gesture.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="refreshes per gesture in the window")
    parser.add_argument("--marks", type=int, default=20)
    args = parser.parse_args()
    for gesture, figures in run(args.marks).items():
        for name, value in figures.items():
            print(f"{gesture + '.' + name:<32} {value:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
