"""The ranking's own time per click on a visit of 15 marks (issue 18, task rankcost).

What a map click asks of the core: the visit's marks plus the new one ranked and the
muscles under them listed (``rank_and_under``, ``limit`` as the candidate list shows), the
new mark then undone. Each click is a new random point on the figure (both views), so the
answer kept per set of marks never serves it: this is the work of a click, not of an undo.
The visit's marks are random points too (fixed seed), on the real atlas and knowledge.

Per call: wall (``perf_counter``) and CPU (``thread_time``) p50/p95 in microseconds, over
``--clicks`` clicks, after ``--warm`` clicks not counted (a session's first clicks place the
trigger points and fill the memos).

    python bench/bench_rank_visit.py [--marks 15] [--clicks 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from stats import percentile

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.ranking import Spot, rank_and_under

SHOWN = 30  # the candidate list's limit (ui.candidates.candidates_panel.MAX_SHOWN)


def _random_spots(count: int, rng: random.Random) -> list[Spot]:
    atlas = load_atlas()
    spots: list[Spot] = []
    while len(spots) < count:
        view = rng.choice(atlas.views())
        min_x, min_y, width, height = atlas.view_box(view)
        x, y = min_x + rng.random() * width, min_y + rng.random() * height
        region = atlas.region_at(view, x, y)
        if region is not None:
            spots.append(Spot(view, region.region, region.side, (x, y)))
    return spots


def run(marks: int = 15, clicks: int = 2000, warm: int = 200, seed: int = 11) -> dict[str, float]:
    kb = load_knowledge()
    rng = random.Random(seed)
    visit = _random_spots(marks, rng)
    new = _random_spots(warm + clicks, rng)
    rank_and_under(visit, kb, limit=SHOWN)  # the visit as it opened
    wall: list[float] = []
    cpu: list[float] = []
    for k, spot in enumerate(new):
        spots = [*visit, spot]
        w0, c0 = time.perf_counter(), time.thread_time()
        rank_and_under(spots, kb, limit=SHOWN)
        c1, w1 = time.thread_time(), time.perf_counter()
        rank_and_under(visit, kb, limit=SHOWN)  # the undo (kept: not timed)
        if k >= warm:
            wall.append((w1 - w0) * 1e6)
            cpu.append((c1 - c0) * 1e6)
    return {
        "marks": marks + 1,
        "clicks": clicks,
        "wall_p50_us": round(statistics.median(wall), 1),
        "wall_p95_us": round(percentile(wall, 0.95), 1),
        "cpu_p50_us": round(statistics.median(cpu), 1),
        "cpu_p95_us": round(percentile(cpu, 0.95), 1),
        "cpu_mean_us": round(statistics.fmean(cpu), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marks", type=int, default=15, help="marks already in the visit")
    parser.add_argument("--clicks", type=int, default=2000, help="timed clicks")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    print(json.dumps(run(args.marks, args.clicks, seed=args.seed), indent=2))


if __name__ == "__main__":
    main()
