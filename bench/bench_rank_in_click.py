"""The ranking's own CPU time inside the click benchmark (issue 18, task rankcost).

``bench_click.run`` with the candidate list's call of ``rank_and_under`` timed in place
(``time.thread_time`` around each call): a click ranks the visit's marks and the new one, its
undo ranks the marks before it (the answer kept for them). Printed per number of marks ranked
(the click's and the undo's calls apart), with the click benchmark's own GUI CPU figures.
The ranking's share of a click is small and a shared machine blurs the whole click: this
times the part itself, in the window, between the paints.

    python bench/bench_rank_in_click.py [--clicks 300]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(1, str(Path(__file__).resolve().parent.parent))


def run(clicks: int = 300) -> dict[str, Any]:
    import bench_click

    from nmt_bodymap.ui.candidates import candidates_panel

    real = candidates_panel.rank_and_under
    calls: dict[int, list[float]] = defaultdict(list)

    def timed(spots: Any, *args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return real(spots, *args, **kwargs)
        finally:
            calls[len(spots)].append((time.thread_time() - start) * 1000.0)

    candidates_panel.rank_and_under = timed
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            clicked = bench_click.run(clicks=clicks)
    finally:
        candidates_panel.rank_and_under = real
    result: dict[str, Any] = {
        "click_cpu_p50_ms": clicked["cpu_p50_ms"],
        "click_cpu_p95_ms": clicked["cpu_p95_ms"],
    }
    for marks, times in sorted(calls.items()):
        if len(times) < 20:
            continue
        times.sort()
        result[f"rank_{marks}_marks"] = {
            "calls": len(times),
            "p50_ms": round(statistics.median(times), 3),
            "p95_ms": round(times[int(len(times) * 0.95)], 3),
            "mean_ms": round(statistics.fmean(times), 3),
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=300)
    args = parser.parse_args()
    for key, value in run(args.clicks).items():
        print(f"{key:24s} {value}")


if __name__ == "__main__":
    main()
