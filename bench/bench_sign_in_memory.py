"""Peak memory of a real start through the sign-in, against a bare window (issue 18).

    python bench/bench_sign_in_memory.py [--rounds 3] [--tree PATH ...] [--chart-tree PATH]

The 15-mark figure of ``bench_startup.py`` (``startup_child.py visit15``) starts without a
sign-in. The therapist's start signs in once the chart is open (``ui/app._sign_in_and_secure``),
and the passphrase check is argon2id, whose memory is spent on top of what the process
holds then. Each launch here is a fresh process, off screen, on a fresh copy of a chart
with one client, one open visit and (``signin``) one account:

- ``bare``: ``startup_child.py bare``, the yardstick (peak at its first paint);
- ``plain``: the window's start without a sign-in, then the 15 marks and a candidate
  chosen, settled (as ``startup_child.py visit15``);
- ``signin``: the same start with the real sign-in hook; the sign-in dialog is filled in
  and accepted (``sign_in_dialog.ask`` answers for the therapist), the check runs where the
  app runs it (the store worker); then the 15 marks; then Ctrl+L's lock and the lock
  screen's unlock with the same passphrase (typed into its field, its button clicked).

Figures (VmHWM = peak, VmRSS = held) at each step: before and after the sign-in, at the
15 marks settled (``visit15``), once every late room of the window is built too
(``rooms_built``: ``ui/late_rooms`` builds them after the first visit shows; ``visit15`` may
come before), and after the unlock. ``NMT_BENCH_MODULES=PREFIX`` writes each child's
module list to ``PREFIX.plain`` / ``PREFIX.signin``.

Each tree (``--tree``, default this checkout) runs with ``PYTHONPATH`` set to it, the trees
alternating round by round. The charts are made once per tree by that tree's code (its
hasher), or all by ``--chart-tree`` (e.g. the old code's hash, signed in by the new code:
the first sign-in after an update, which verifies the old hash and rehashes). Prints the
medians (MiB) and their ratio to the bare window's peak of the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NAME, SECRET = "Bench Therapist", "a bench passphrase"


def _status_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


# -- the child ---------------------------------------------------------------------------


def make_chart(path: str, with_account: bool) -> None:
    from nmt_bodymap.store.accounts import AccountBook
    from nmt_bodymap.store.service import ChartStore

    with ChartStore.open(Path(path), backup_on_close=False) as store:
        client = store.create_client(name="Bench Client", date_of_birth="1980-01-01")
        store.create_visit(client.id, chief_complaint="benchmark")
        if with_account:
            AccountBook.for_store(store).create_first_account(NAME, SECRET)


def child(mode: str, db: str) -> int:
    sys.path.insert(0, str(HERE))
    from startup_child import chart_fifteen_marks, settled

    from nmt_bodymap.ui.app import (
        _sign_in_and_secure,
        dress_application,
        ensure_application,
        show_main_window,
    )
    from nmt_bodymap.ui.chart.worker import StoreWorker

    app = ensure_application()
    dress_application(app)
    worker = StoreWorker()
    seen: dict[str, float] = {}

    def note(step: str) -> None:
        seen[f"{step}_peak_kib"] = _status_kib("VmHWM")
        seen[f"{step}_rss_kib"] = _status_kib("VmRSS")

    def sign_in(window: Any, on: Any, store: Any) -> bool:
        from nmt_bodymap.ui.access import sign_in_dialog

        asked = sign_in_dialog.ask

        def ask(dialog: Any) -> bool:
            if isinstance(dialog, sign_in_dialog.SignInDialog):
                note("before_sign_in")
                dialog.name.setCurrentText(NAME)
                dialog.secret.setText(SECRET)
                return True
            return bool(asked(dialog))

        sign_in_dialog.ask = ask
        signed = _sign_in_and_secure(window, on, store)
        note("after_sign_in")
        return signed

    def poll(condition: Any, then: Any) -> None:
        from PySide6.QtCore import QTimer

        timer = QTimer(window)
        timer.setInterval(2)

        def check() -> None:
            if condition():
                timer.stop()
                then()

        timer.timeout.connect(check)
        timer.start()
        window._bench_polls = [*getattr(window, "_bench_polls", []), timer]

    def ready() -> bool:
        return bool(
            window.__dict__.get("built")
            and getattr(window, "chart_started", False)
            and window.open_visit.doc is not None
            and not worker.pending()
        )

    def fifteen() -> None:
        chart_fifteen_marks(window)
        poll(lambda: settled(window, worker), charted)

    def charted() -> None:
        note("visit15")
        seen["marks"] = float(len(window.marks.marks()))
        seen["rooms_pending_at_visit15"] = float(len(rooms_pending()))
        poll(lambda: not rooms_pending() and not worker.pending(), rooms_built)

    def rooms_pending() -> list[str]:
        rooms = window.__dict__.get("late_rooms")
        return list(rooms.pending()) if rooms is not None else []

    def rooms_built() -> None:
        note("rooms_built")  # every room of the window built (``ui/late_rooms``)
        guard = getattr(window, "security_guard", None)
        if guard is None:
            finish()
            return
        guard.lock()
        guard.screen.secret.setText(SECRET)
        guard.screen.button.click()  # the check runs on the worker; the screen waits
        poll(lambda: not guard.locked and not worker.pending(), unlocked)

    def unlocked() -> None:
        note("after_unlock")
        finish()

    def finish() -> None:
        seen["ms"] = (time.time() - float(os.environ["NMT_BENCH_T0"])) * 1000
        seen["modules"] = float(len(sys.modules))
        if os.environ.get("NMT_BENCH_MODULES"):  # which modules, for a comparison by hand
            Path(os.environ["NMT_BENCH_MODULES"] + "." + mode).write_text(
                "\n".join(sorted(sys.modules))
            )
        print(json.dumps(seen), flush=True)
        app.quit()

    try:
        window = show_main_window(app, worker, db, sign_in=sign_in if mode == "signin" else None)
        poll(ready, fifteen)
        return int(app.exec())
    finally:
        worker.shutdown()


# -- the parent --------------------------------------------------------------------------


def _run(tree: Path, args: list[str], db_dir: Path | None = None) -> dict[str, Any]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(tree),
        "NMT_BENCH_T0": repr(time.time()),
    }
    if db_dir is not None:
        env["NMT_BODYMAP_DATA_DIR"] = str(db_dir)
        env["NMT_BODYMAP_CONFIG_DIR"] = str(db_dir / "config")
        env["NMT_BODYMAP_LOG_DIR"] = str(db_dir / "logs")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=180
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"a launch failed ({args[:3]}): {out.stderr[-600:]}")
    return dict(json.loads(lines[-1]))


def _launch(tree: Path, mode: str, chart: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="nmt-bench-signin-mem-") as tmp:
        copy = Path(tmp) / chart.name
        shutil.copy2(chart, copy)
        me = str(Path(__file__).resolve())
        return _run(tree, [me, "--child", mode, str(copy)], Path(tmp))


def _charts(tree: Path, where: Path) -> dict[str, Path]:
    charts = {"plain": where / "plain.sqlite3", "signin": where / "signin.sqlite3"}
    me = str(Path(__file__).resolve())
    for mode, chart in charts.items():
        subprocess.run(
            [sys.executable, me, "--make", mode, str(chart)],
            env={**os.environ, "PYTHONPATH": str(tree)},
            check=True,
        )
    return charts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tree", action="append", type=Path, help="checkout to measure")
    parser.add_argument("--chart-tree", type=Path, help="checkout whose code makes the charts")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--make", nargs=2, metavar=("MODE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_chart(args.make[1], with_account=args.make[0] == "signin")
        return 0
    if args.child:
        return child(*args.child)
    trees = [t.resolve() for t in (args.tree or [HERE.parent])]
    results: dict[tuple[str, str], list[dict[str, Any]]] = {}
    bare: list[float] = []
    with tempfile.TemporaryDirectory(prefix="nmt-bench-signin-charts-") as tmp:
        charts = {}
        for index, tree in enumerate(trees):
            where = Path(tmp) / str(index)
            where.mkdir()
            charts[tree] = _charts(args.chart_tree.resolve() if args.chart_tree else tree, where)
        bare_child = [str(HERE / "startup_child.py"), "bare", "-"]
        _run(trees[0], bare_child)  # warm the file cache and byte-code
        for tree in trees:
            _launch(tree, "signin", charts[tree]["signin"])
        for _ in range(args.rounds):
            bare.append(_run(trees[0], bare_child)["peak_kib"])
            for tree in trees:
                for mode in ("plain", "signin"):
                    results.setdefault((str(tree), mode), []).append(
                        _launch(tree, mode, charts[tree][mode])
                    )
    bare_kib = statistics.median(bare)
    print(f"bare window: peak {bare_kib / 1024:.1f} MiB (median of {len(bare)})")
    for (tree, mode), runs in results.items():
        print(f"{tree}  {mode}:")
        for key in sorted(runs[0]):
            if key.endswith("_kib"):
                value = statistics.median(r[key] for r in runs)
                ratio = f"  {value / bare_kib:.2f}x bare" if "peak" in key else ""
                print(f"  {key[:-4]:28s} {value / 1024:7.1f} MiB{ratio}")
            elif key in ("marks", "rooms_pending_at_visit15", "modules"):
                print(f"  {key:28s} {statistics.median(r[key] for r in runs):7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
