"""Click to highlight as the app runs it: ``bench_click`` with the accessibility filter that
``run_app`` installs on the application before the window (issue 19) and its wiring of the
body map and the candidate list for a screen reader.

``bench_click`` builds the window without that filter, so it never timed what the
screen-reader wiring costs a click: until 2026-12-02 (branch windowpaint) every cell the
candidate list set re-read all its rows, ~11 ms of GUI CPU per click in the app, not in
``bench_click``. The figures are ``bench_click``'s, over the same clicks.

    python bench/bench_click_as_app.py [--clicks 300]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

import bench_click  # after the path: the checkout's package, as run.py


def run(clicks: int | None = None) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from nmt_bodymap.ui.accessibility import install_accessibility
    from nmt_bodymap.ui.app import ensure_application

    install_accessibility(ensure_application())
    opened = bench_click._open_window

    def open_named(chart: Path) -> tuple[Any, Any]:
        window, worker = opened(chart)
        end = time.monotonic() + 0.5  # the window named after its first paint (50 ms)
        while time.monotonic() < end:
            QApplication.processEvents()
        return window, worker

    bench_click._open_window = open_named  # type: ignore[assignment]
    try:
        return bench_click.run(clicks)
    finally:
        bench_click._open_window = opened  # type: ignore[assignment]


def main() -> int:
    parser = argparse.ArgumentParser(description="click-to-highlight latency, as the app")
    parser.add_argument("--clicks", type=int, default=None)
    args = parser.parse_args()
    for name, value in run(args.clicks).items():
        print(f"{name:<22} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
