"""Launch to the sign-in screen shown, as the therapist starts (issue 18; not in run.py).

    python bench/sign_in_screen.py [--launches 5]

The app always signs in once the chart is open, so this is the real start's first wait.
Makes a chart with one client, visit and account in a temporary folder, then launches
``nmt-bodymap --db CHART`` (``cli.main``, off screen) that many times, each on a fresh copy;
a watcher thread in the child replaces ``sign_in_dialog.ask`` and, when the sign-in screen is
asked for, prints the milliseconds since launch and whether SQLAlchemy was imported by then,
and ends the child. Prints each launch and the median. Measured 2026-12-02: 592-741 ms
before the first look answered the screen's questions, 348-359 ms after.
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

HERE = Path(__file__).resolve().parent
CHILD = r"""
import json, os, sys, threading, time
T0 = float(os.environ["NMT_BENCH_T0"])
def watch():
    while True:
        module = sys.modules.get("nmt_bodymap.ui.access.sign_in_dialog")
        if module is not None and hasattr(module, "ask"):
            asked = module.ask
            def ask(dialog, *args, **kwargs):
                if type(dialog).__name__ == "SignInDialog":
                    print(json.dumps({"ms": (time.time() - T0) * 1000,
                                      "sqlalchemy": "sqlalchemy" in sys.modules}), flush=True)
                    os._exit(0)
                return asked(dialog, *args, **kwargs)
            module.ask = ask
            return
        time.sleep(0.001)
threading.Thread(target=watch, daemon=True).start()
from nmt_bodymap.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def make_chart(path: Path) -> None:
    sys.path.insert(0, str(HERE.parent))
    from nmt_bodymap.store.accounts import AccountBook
    from nmt_bodymap.store.service import ChartStore

    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Bench Client", date_of_birth="1980-01-01")
        store.create_visit(client.id, chief_complaint="benchmark")
        AccountBook.for_store(store).create_first_account("Bench", "bench passphrase long")


def launch(chart: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="nmt-bench-signin-") as tmp:
        copy = Path(tmp) / chart.name
        shutil.copy2(chart, copy)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "NMT_BODYMAP_DATA_DIR": tmp,
            "NMT_BODYMAP_CONFIG_DIR": str(Path(tmp) / "config"),
            "NMT_BODYMAP_LOG_DIR": str(Path(tmp) / "logs"),
            "PYTHONPATH": str(HERE.parent),
            "NMT_BENCH_T0": repr(time.time()),
        }
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(copy)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise SystemExit(f"the launch did not reach the sign-in screen: {done.stderr[-300:]}")
        return dict(json.loads(lines[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nmt-bench-signin-chart-") as tmp:
        chart = Path(tmp) / "charts.sqlite3"
        make_chart(chart)
        times = []
        for _ in range(args.launches):
            seen = launch(chart)
            times.append(seen["ms"])
            print(
                f"sign-in screen at {seen['ms']:7.1f} ms  sqlalchemy imported: {seen['sqlalchemy']}"
            )
    print(f"median {statistics.median(times):.1f} ms over {len(times)} launches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
