"""Benchmark of the atlas: load time and ``region_at`` latency.

``python bench/bench_atlas.py`` prints a small table; ``run()`` returns the numbers for
``bench/run.py``. The load is measured in a fresh interpreter so the cache and the imports
of an earlier run do not hide it.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from stats import percentile

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

POINTS_PER_VIEW = 10_000

_LOAD_SNIPPET = """
import time
import shapely, svgelements, yaml, pydantic  # library imports are not the atlas's cost
t = time.perf_counter()
from nmt_bodymap.core.atlas import load_atlas
load_atlas()
print(time.perf_counter() - t)
"""


def _load_seconds() -> float:
    out = subprocess.run(
        [sys.executable, "-c", _LOAD_SNIPPET],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def run(points: int = POINTS_PER_VIEW, seed: int = 7) -> dict[str, float]:
    from nmt_bodymap.core.atlas import load_atlas

    results: dict[str, float] = {"atlas_load_s": _load_seconds()}
    atlas = load_atlas()
    rng = random.Random(seed)
    for view in atlas.views():
        min_x, min_y, width, height = atlas.view_box(view)
        timings = []
        hits = 0
        for _ in range(points):
            x, y = min_x + rng.random() * width, min_y + rng.random() * height
            t = time.perf_counter()
            region = atlas.region_at(view, x, y)
            timings.append((time.perf_counter() - t) * 1e6)
            hits += region is not None
        results[f"{view}_region_at_p50_us"] = statistics.median(timings)
        results[f"{view}_region_at_p95_us"] = percentile(timings, 0.95)
        results[f"{view}_hit_fraction"] = hits / points
    return results


def main() -> int:
    results = run()
    print(f"{'measure':<34} {'value':>12}")
    for key, value in results.items():
        print(f"{key:<34} {value:>12.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
