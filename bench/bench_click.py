"""Click to highlight: a mouse press on the body map to the candidate list and the
map highlight updated, off screen, over 1,000 clicks spread over both views.

What one sample times, on the GUI thread, in the real window on a real chart:
a left click delivered to the body view (the mark is drawn and queued for saving,
the candidates are re-ranked and the list rebuilt), the best candidate chosen (its
muscle, trigger points and referral zone lit on both views), then what the event loop does
before the next input: the posted events (the detail laid out at the end of the gesture,
the scenes' changed areas, the layouts, a save's answer if it is back) and the window's
paint of what changed, in rounds until a round paints nothing more (the list's tab is
current, so the list and the detail are painted). The visit already holds three marks, as a
typical visit does; each click adds a fourth, which is undone (outside the timing) before
the next click. ``list_fills_per_click``: how often the candidate list was filled per click
(one refresh per gesture); ``window_paints_per_click``: how often the window painted;
``painted_kpx_per_click``: the area painted per click, in thousands of pixels, summed over
the widgets that got a paint event (a parent and its child painting the same pixels count
twice, as Qt paints both), and ``painted_widgets_per_click``, counted over
``AREA_CLICKS`` more clicks made the same way after the timed ones (an app-wide event filter
in Python would slow the timed clicks down).

Until 2026-12-02 (branch clickp95) a sample forced a full repaint of both views, the list
and the summary instead (``--forced-repaint``, kept to compare): that painted those four
twice when they were dirty and missed the layouts and the paints the event loop makes.
Saving runs on the worker thread and is not waited for: the window never waits.
Beside the wall-clock figures, ``cpu_p50/p95/p99_ms`` give the GUI thread's CPU time per
sample (``time.thread_time``): on a machine shared with other jobs the wall clock also
counts the time the thread waited for a core, the CPU time does not.
``cpu_p50/p95_first_ms`` and ``cpu_p50/p95_seen_ms`` split the same CPU samples: the clicks
whose chosen muscle (the list's first) no earlier timed click had chosen
(``first_time_clicks`` of them: its detail text and its map shape shown for the first
time), and the others.

The window is set up as ``run_app`` sets it up: the accessibility filter and the theme
(``--bare``: without them, as until 2026-12-02; that missed the screen reader's row texts,
then ~11 ms of every click in the app).

    python bench/bench_click.py [--clicks 1000] [--forced-repaint] [--bare]
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

from stats import percentile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Run as a script (python bench/bench_click.py), import the checkout's package, as run.py does.
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))


def _wait_until(predicate: Callable[[], bool], timeout_s: float = 20.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready in time")
        QCoreApplication.processEvents()


def _open_window(chart: Path) -> tuple[Any, Any]:
    from PySide6.QtWidgets import QApplication

    from nmt_bodymap.ui.app import ensure_application
    from nmt_bodymap.ui.chart import store_calls
    from nmt_bodymap.ui.chart.worker import StoreWorker
    from nmt_bodymap.ui.main_window import MainWindow

    app = ensure_application()
    _no_dialogs()
    if AS_APP and not _DRESSED:
        _dress(app)
    worker = StoreWorker()
    opened: list[Any] = []
    worker.open(lambda: store_calls.open_store(str(chart)), opened.append, opened.append)
    _wait_until(lambda: bool(opened))
    done: list[Any] = []

    def make_visit(store: Any) -> Any:
        client = store.create_client(name="Bench Client", date_of_birth="1980-01-01")
        return store.create_visit(client.id, chief_complaint="benchmark")

    worker.submit(make_visit, done.append, done.append)
    _wait_until(lambda: bool(done))
    window = MainWindow(worker)
    window.resize(1500, 920)
    window.show()
    window.start()
    _wait_until(lambda: window.marks.visit_id == done[0].id and worker.pending() == 0)
    if AS_APP:  # the accessibility filter names the window's controls after its first paint
        end = time.monotonic() + 0.5
        while time.monotonic() < end:
            QApplication.processEvents()
    return window, worker


# The window set up as ``run_app`` sets it up (since 2026-12-02): the accessibility filter
# (every control named; the body views and the candidate list wired for a screen reader)
# and the theme (Fusion, the app's font). Before, the bench built a bare window and missed
# the screen reader's texts, ~11 ms of a click in the app (branches listcost, windowpaint).
# ``--bare`` (or NMT_BENCH_BARE=1) measures the old way, to compare.
AS_APP = os.environ.get("NMT_BENCH_BARE") != "1"
_DRESSED: list[bool] = []


def _no_dialogs() -> None:
    """A warning dialog in a bench is a failure (a refused save...): the round ends with
    its text on stderr instead of waiting for a button nobody presses (a hang of 18
    minutes on 2026-12-02 that way, run.py's round then lost)."""
    from PySide6.QtWidgets import QMessageBox

    def fail(_parent: Any, _title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
        print(f"bench_click: the window showed a warning: {text}", file=sys.stderr, flush=True)
        os._exit(3)

    QMessageBox.warning = fail  # type: ignore[method-assign, assignment]
    QMessageBox.critical = fail  # type: ignore[method-assign, assignment]


def _dress(app: Any) -> None:
    from nmt_bodymap.ui.app import dress_application

    dress_application(app)
    _DRESSED.append(True)


def _click_points(window: Any, count: int, rng: random.Random) -> list[tuple[str, Any]]:
    """Widget positions of ``count`` random points on the figure, both views."""
    atlas = window.atlas
    points: list[tuple[str, Any]] = []
    while len(points) < count:
        view = rng.choice(atlas.views())
        min_x, min_y, width, height = atlas.view_box(view)
        x, y = min_x + rng.random() * width, min_y + rng.random() * height
        if atlas.region_at(view, x, y) is None:
            continue
        body_view = window.body_map.views[view]
        pos = body_view.map_to_widget((x, y))
        if body_view.viewport().rect().contains(pos):
            points.append((view, pos))
    return points


class _PaintCounter:
    """Counts the window's paints (``UpdateRequest``: one per paint of what is dirty)."""

    def __init__(self, window: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        kind = QEvent.Type.UpdateRequest

        class Filter(QObject):
            count = 0

            def eventFilter(self, _obj: Any, event: Any) -> bool:
                if event.type() == kind:
                    Filter.count += 1
                return False

        self._filter = Filter()
        self._kind = Filter
        window.installEventFilter(self._filter)

    @property
    def count(self) -> int:
        return self._kind.count


class _PaintArea:
    """The area of every widget's paint events (the painted region, not its bounding
    rectangle), app-wide, while ``on``."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        kind = QEvent.Type.Paint
        self.pixels = 0
        self.paints = 0
        self.on = False
        area = self

        class Filter(QObject):
            def eventFilter(self, _obj: Any, event: Any) -> bool:
                if area.on and event.type() == kind:
                    area.paints += 1
                    area.pixels += sum(r.width() * r.height() for r in event.region())
                return False

        self._filter = Filter()
        self._app = QApplication.instance()
        self._app.installEventFilter(self._filter)

    def remove(self) -> None:
        self._app.removeEventFilter(self._filter)


AREA_CLICKS = 50


def _event_loop_turn(paints: _PaintCounter) -> None:
    """What the event loop does after an input: the posted events, the window painted; in
    rounds until a round paints nothing (a paint can post a layout that paints again)."""
    from PySide6.QtCore import QCoreApplication

    for _round in range(8):
        before = paints.count
        QCoreApplication.sendPostedEvents()
        if paints.count == before:
            return


def run(clicks: int | None = None, seed: int = 5, forced_repaint: bool = False) -> dict[str, float]:
    if clicks is None:  # the count, --quick included: 1,000 clicks take ~10 s, and
        # 200 (the quick count until 2026-12-03) weighed a muscle's first showing 5x more
        clicks = 1000
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest

    from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
    from nmt_bodymap.ui.map.map_items import TriggerPointPin

    with tempfile.TemporaryDirectory(prefix="nmt-bench-click-") as tmp:
        window, worker = _open_window(Path(tmp) / "charts.sqlite3")
        # The candidate list in view, as when a therapist clicks to see what to check (the
        # window opens on the visit summary: the list was neither shown nor painted).
        window.side_tabs.setCurrentWidget(window.candidates)
        rng = random.Random(seed)
        area_clicks = min(AREA_CLICKS, clicks)
        points = _click_points(window, 2 * (clicks + area_clicks) + 3, rng)
        for view, pos in points[:3]:  # a typical visit: a few marks already there
            QTest.mouseClick(
                window.body_map.views[view].viewport(), Qt.MouseButton.LeftButton, pos=pos
            )
        _event_loop_turn(paints := _PaintCounter(window))
        samples: list[float] = []
        cpu: list[float] = []
        window_paints: list[int] = []
        refreshes: list[int] = []  # candidate list fills per click
        fills = [0]
        real_fill = CandidatesPanel.show_for_marks

        def counted(panel: Any, marks: Any, selected: bool) -> None:
            fills[0] += 1
            real_fill(panel, marks, selected)

        CandidatesPanel.show_for_marks = counted  # type: ignore[method-assign]
        lit = 0
        shown: set[str] = set()  # the muscles chosen by an earlier click
        first: list[bool] = []  # per sample: its muscle chosen for the first time
        measured = 0
        used = 0  # points taken by the timed clicks
        for view, pos in points[3:]:
            if measured == clicks:
                break
            used += 1
            if isinstance(window.body_map.views[view]._item_at(pos), TriggerPointPin):
                continue  # a click on a shown pin records a finding (a dialog), not a mark
            measured += 1
            viewport = window.body_map.views[view].viewport()
            painted = paints.count
            start, start_cpu = time.perf_counter(), time.thread_time()
            QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
            listed = window.candidates.candidates()
            if listed:
                window.candidates.choose(listed[0].muscle, listed[0].side)
            if forced_repaint:  # the harness before 2026-12-02, to compare
                QCoreApplication.sendPostedEvents(window.candidates)
                for body_view in window.body_map.views.values():
                    body_view.viewport().repaint()
                window.candidates.tree.viewport().repaint()
                window.candidates.summary.viewport().repaint()
            else:
                _event_loop_turn(paints)
            window_paints.append(paints.count - painted)
            refreshes.append(fills[0])
            fills[0] = 0
            samples.append((time.perf_counter() - start) * 1000.0)
            cpu.append((time.thread_time() - start_cpu) * 1000.0)
            first.append(bool(listed) and listed[0].muscle not in shown)
            if listed:
                shown.add(listed[0].muscle)
            lit += window.body_map._highlight is not None
            window.undo_stack.undo()
            _wait_until(lambda: worker.pending() == 0)
            _event_loop_turn(paints)  # the undo painted outside the timing
            fills[0] = 0
        CandidatesPanel.show_for_marks = real_fill  # type: ignore[method-assign]
        area = _PaintArea()  # the area painted, over more clicks made the same way
        areas: list[int] = []
        widgets: list[int] = []
        rest = iter(points[3:])
        for _skip in range(used):
            next(rest)
        for view, pos in rest:
            if len(areas) == area_clicks:
                break
            if isinstance(window.body_map.views[view]._item_at(pos), TriggerPointPin):
                continue
            area.pixels = area.paints = 0
            area.on = True
            QTest.mouseClick(
                window.body_map.views[view].viewport(), Qt.MouseButton.LeftButton, pos=pos
            )
            listed = window.candidates.candidates()
            if listed:
                window.candidates.choose(listed[0].muscle, listed[0].side)
            _event_loop_turn(paints)
            area.on = False
            areas.append(area.pixels)
            widgets.append(area.paints)
            window.undo_stack.undo()
            _wait_until(lambda: worker.pending() == 0)
            _event_loop_turn(paints)
        area.remove()
        window.close()
        worker.shutdown()
    new = [c for c, f in zip(cpu, first, strict=True) if f]
    again = [c for c, f in zip(cpu, first, strict=True) if not f]
    return {
        "p50_ms": statistics.median(samples),
        "p95_ms": percentile(samples, 0.95),
        "p99_ms": percentile(samples, 0.99),
        "max_ms": max(samples),
        "cpu_p50_ms": statistics.median(cpu),
        "cpu_p95_ms": percentile(cpu, 0.95),
        "cpu_p99_ms": percentile(cpu, 0.99),
        "list_fills_per_click": statistics.mean(refreshes),
        "window_paints_per_click": statistics.mean(window_paints),
        "painted_kpx_per_click": statistics.mean(areas) / 1000.0 if areas else 0.0,
        "painted_widgets_per_click": statistics.mean(widgets) if widgets else 0.0,
        "clicks": float(len(samples)),
        "highlighted_fraction": lit / len(samples),
        "first_time_clicks": float(len(new)),
        "cpu_p50_first_ms": statistics.median(new) if new else 0.0,
        "cpu_p50_seen_ms": statistics.median(again) if again else 0.0,
        "cpu_p95_first_ms": percentile(new, 0.95) if new else 0.0,
        "cpu_p95_seen_ms": percentile(again, 0.95) if again else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="click-to-highlight latency")
    parser.add_argument("--clicks", type=int, default=None)
    parser.add_argument(
        "--forced-repaint",
        action="store_true",
        help="repaint the views, list and summary in full per click (the harness until "
        "2026-12-02) instead of the event loop's one paint of what changed",
    )
    parser.add_argument(
        "--bare",
        action="store_true",
        help="the window without the accessibility filter and the theme run_app installs "
        "(the harness until 2026-12-02)",
    )
    args = parser.parse_args()
    if args.bare:
        global AS_APP
        AS_APP = False
    for name, value in run(args.clicks, forced_repaint=args.forced_repaint).items():
        print(f"{name:<22} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
