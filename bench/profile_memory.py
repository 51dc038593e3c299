"""Where the memory of a 15-mark visit goes (issue 18): steps, RSS, imports, Python heap.

    python bench/profile_memory.py [--trace] [--chart PATH]

Runs the ``visit15`` gesture of ``bench/startup_child.py`` in this process (off screen, on
a copy of the bench's one-visit chart) and prints, per step (first paint, map loaded,
panels built, chart open, 15 marks, candidate chosen, saved): the process's resident
memory (VmRSS) at the step, the highest RSS sampled during the step (a 1 ms sampler
thread, so a transient peak is found in the step that made it), VmHWM, and the top-level
packages imported during the step. With ``--trace`` it also snapshots the Python heap
(tracemalloc) at each step and prints its largest growths by file and line; tracing
slows the run and adds its own memory, so read RSS from a run without it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _status() -> dict[str, int]:
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM", "Threads"):
                found[key] = int(rest.split()[0])
    return found


class Sampler(threading.Thread):
    """Reads VmRSS every millisecond; remembers the highest value per step."""

    def __init__(self) -> None:
        super().__init__(name="rss-sampler", daemon=True)
        self.step = "imports"
        self.peaks: dict[str, int] = {}
        self.samples: list[tuple[float, int]] = []
        self.stop = False

    def run(self) -> None:
        while not self.stop:
            rss = _status()["VmRSS"]
            self.samples.append((time.perf_counter(), rss))
            if rss > self.peaks.get(self.step, 0):
                self.peaks[self.step] = rss
            time.sleep(0.001)

    def between(self, start: float, end: float) -> tuple[int, int, int]:
        """RSS (KiB) at ``start``, at ``end`` and the highest sampled in between."""
        inside = [rss for t, rss in self.samples if start <= t <= end]
        before = [rss for t, rss in self.samples if t <= start] or inside or [0]
        after = [rss for t, rss in self.samples if t >= end] or inside or [0]
        return before[-1], after[0], max(inside or [0])


EVENTS: list[tuple[str, float, float, str]] = []  # name, start, end, thread


def wrap(dotted: str) -> None:
    """Record every call of ``module:attr`` or ``module:Class.method`` as an event."""
    import functools
    import importlib

    module_name, _, path = dotted.partition(":")
    try:
        owner: object = importlib.import_module(module_name)
    except ImportError:
        return
    *parents, name = path.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    original = getattr(owner, name, None)
    if original is None:
        return

    @functools.wraps(original)
    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            thread = threading.current_thread().name
            EVENTS.append((path, start, time.perf_counter(), thread))

    setattr(owner, name, timed)


IMPORT_COST: dict[str, float] = {}  # top-level package -> KiB of RSS its first import added


def charge_imports() -> None:
    """Charge each top-level package the RSS its first import added, less what the new
    packages it imported added themselves (their own lines)."""
    import builtins

    original = builtins.__import__
    stack: list[list[float]] = []  # per open import: [children's RSS]

    def counted(name, globals=None, locals=None, fromlist=(), level=0):  # type: ignore[no-untyped-def]
        top = name.split(".")[0]
        if level or not top or top in sys.modules:
            return original(name, globals, locals, fromlist, level)
        start = _status()["VmRSS"]
        stack.append([0.0])
        try:
            return original(name, globals, locals, fromlist, level)
        finally:
            children = stack.pop()[0]
            added = _status()["VmRSS"] - start
            IMPORT_COST[top] = IMPORT_COST.get(top, 0.0) + added - children
            if stack:
                stack[-1][0] += added

    builtins.__import__ = counted


WRAPPED = [
    "nmt_bodymap.core.atlas:load_atlas",
    "nmt_bodymap.core.knowledge:load_knowledge",
    "nmt_bodymap.ui.first_frame:warm_first_click",
    "nmt_bodymap.ui.window_panels:_build_layout",
    "nmt_bodymap.ui.window_panels:_install_rooms",
    "nmt_bodymap.ui.main_window:restore_window_state",
    "nmt_bodymap.ui.app:_open_and_prepare",
    "nmt_bodymap.ui.app:_open_and_seed",
    "nmt_bodymap.store.migrate:upgrade_database",
    "nmt_bodymap.store.service:ChartStore.backup_if_due",
    "nmt_bodymap.ui.map.body_map_panel:BodyMapPanel.__init__",
    "nmt_bodymap.ui.candidates.candidates_panel:CandidatesPanel.__init__",
    "nmt_bodymap.ui.clinic.findings_panel:FindingsPanel.__init__",
    "nmt_bodymap.ui.clinic.examination_guide:ExaminationGuidePanel.__init__",
    "nmt_bodymap.ui.clinic.visit_summary:VisitSummaryPanel.__init__",
    "nmt_bodymap.ui.chart.client_panel:ClientPanel.__init__",
    "nmt_bodymap.ui.chart.visit_panel:VisitPanel.__init__",
]


class Profile:
    def __init__(self, trace: bool) -> None:
        self.trace = trace
        self.sampler = Sampler()
        self.modules = {name.split(".")[0] for name in sys.modules}
        self.snapshot = tracemalloc.take_snapshot() if trace else None
        self.rows: list[str] = []
        self.t0 = time.perf_counter()
        self.sampler.start()

    def mark(self, step: str) -> None:
        """End the current step (named ``self.sampler.step``) and start ``step``."""
        ended = self.sampler.step
        self.sampler.step = step
        status = _status()
        peak = max(self.sampler.peaks.get(ended, 0), status["VmRSS"])
        tops = {name.split(".")[0] for name in list(sys.modules)}
        new = sorted(tops - self.modules)
        self.modules = tops
        line = (
            f"{ended:<16} t={time.perf_counter() - self.t0:6.2f}s rss={status['VmRSS'] / 1024:6.1f}"
            f" step-peak={peak / 1024:6.1f} hwm={status['VmHWM'] / 1024:6.1f} MiB"
            f" threads={status['Threads']}"
        )
        if self.trace:
            current, top = tracemalloc.get_traced_memory()
            line += f" py-heap={current / 2**20:6.1f} py-peak={top / 2**20:6.1f}"
            tracemalloc.reset_peak()
        print(line, flush=True)
        if new:
            print(f"    imported: {' '.join(new)}", flush=True)
        if self.trace and self.snapshot is not None:
            snapshot = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, tracemalloc.__file__)]
            )
            for stat in snapshot.compare_to(self.snapshot, "filename")[:8]:
                if stat.size_diff > 256 * 1024:
                    frame = stat.traceback[0]
                    where = _short(frame.filename)
                    print(f"    {stat.size_diff / 2**20:+7.2f} MiB  {where}", flush=True)
            self.snapshot = snapshot


def smaps_summary() -> None:
    """Resident memory by mapping at the end: Python's and Qt's heaps are anonymous memory,
    shared libraries are file-backed (their touched pages)."""
    by_name: dict[str, int] = {}
    name = "[anon]"
    with open("/proc/self/smaps", encoding="utf-8", errors="replace") as smaps:
        for line in smaps:
            head = line.split()
            if head and "-" in head[0] and not head[0].endswith(":"):
                name = head[5] if len(head) > 5 else "[anon]"
                if name.endswith(".so") or ".so." in name:
                    name = name.rsplit("/", 1)[-1]
            elif head and head[0] == "Rss:":
                by_name[name] = by_name.get(name, 0) + int(head[1])
    total = sum(by_name.values())
    print(f"resident at the end: {total / 1024:.1f} MiB, largest mappings:")
    for key, kib in sorted(by_name.items(), key=lambda kv: -kv[1])[:12]:
        print(f"    {kib / 1024:6.1f}  {key}")


def _short(filename: str) -> str:
    for marker in ("site-packages/", "nmt_bodymap/", "lib/python"):
        if marker in filename:
            return filename[filename.index(marker) :]
    return filename


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trace", action="store_true", help="tracemalloc snapshots per step")
    parser.add_argument("--imports", action="store_true", help="RSS charged per package")
    parser.add_argument("--chart", type=Path, default=HERE / ".cache" / "one_visit.sqlite3")
    args = parser.parse_args()
    if args.trace:
        tracemalloc.start(1)
    if args.imports:
        charge_imports()
    profile = Profile(args.trace)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="nmt-profile-"))
    try:
        chart = tmp / args.chart.name
        shutil.copy2(args.chart, chart)
        os.environ["NMT_BODYMAP_DATA_DIR"] = str(tmp)
        os.environ["NMT_BODYMAP_CONFIG_DIR"] = str(tmp / "settings")  # not the user's
        return _run(profile, str(chart))
    finally:
        profile.sampler.stop = True
        shutil.rmtree(tmp, ignore_errors=True)
        if IMPORT_COST:
            print("RSS added by the first import of each package (MiB, its own part):")
            ranked = sorted(IMPORT_COST.items(), key=lambda kv: -kv[1])
            for name, kib in ranked[:30]:
                print(f"    {kib / 1024:6.1f}  {name}")
            print(f"    {sum(IMPORT_COST.values()) / 1024:6.1f}  all imports")


def _run(profile: Profile, db: str) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from startup_child import chart_fifteen_marks

    from nmt_bodymap.ui.app import ensure_application, show_main_window
    from nmt_bodymap.ui.chart.worker import StoreWorker
    from nmt_bodymap.ui.theme import apply_theme

    if os.environ.get("NMT_PROFILE_EVENTS") == "1":
        for dotted in WRAPPED:
            wrap(dotted)
    app = ensure_application()
    apply_theme(app)
    worker = StoreWorker()
    profile.mark("show-window")
    window = show_main_window(app, worker, db)
    profile.mark("first-paint")
    stages = iter(
        [
            (lambda: window.panel_loader.done(), "build-panels"),
            (lambda: bool(window.__dict__.get("built")), "open-chart"),
            (lambda: bool(getattr(window, "chart_started", False)), "open-visit"),
            (lambda: window.open_visit.doc is not None and not worker.pending(), "15-marks"),
        ]
    )

    def fifteen_marks() -> None:
        chart_fifteen_marks(window, profile.mark)  # the same gesture as startup_child's
        profile.mark("save")
        poll(lambda: not worker.pending(), finish)

    def finish() -> None:
        profile.mark("end")
        smaps_summary()
        app.quit()

    def poll(condition, then) -> None:  # type: ignore[no-untyped-def]
        timer = QTimer(window)
        timer.setInterval(2)

        def check() -> None:
            if condition():
                timer.stop()
                then()

        timer.timeout.connect(check)
        timer.start()
        window._profile_poll = timer

    def next_stage() -> None:
        try:
            condition, following = next(stages)
        except StopIteration:
            fifteen_marks()
            return

        def reached() -> None:
            profile.mark(following)
            next_stage()

        poll(condition, reached)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, lambda: (profile.mark("load-map"), next_stage()))
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    try:
        return app.exec()
    finally:
        worker.shutdown()
        for name, start, end, thread in sorted(EVENTS, key=lambda e: e[1]):
            before, after, top = profile.sampler.between(start, end)
            print(
                f"  {start - profile.t0:6.2f}-{end - profile.t0:6.2f}s {thread[:10]:<10}"
                f" {name:<40} rss {before / 1024:6.1f} -> {after / 1024:6.1f}"
                f" (max {top / 1024:6.1f}) MiB"
            )


if __name__ == "__main__":
    sys.exit(main())
