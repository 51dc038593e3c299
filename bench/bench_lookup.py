"""How long a look-up takes for 1, 3 and 10 painful spots (p50 and p95).

The app re-ranks on every click, so a look-up must feel instant. Spots are drawn
at random (fixed seed) from the atlas regions of both views, plus internal sites;
the knowledge base and atlas are loaded once before timing, as in the app.

    python bench/bench_lookup.py [--repeat 300]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time

from stats import percentile

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.ranking import Spot, rank_candidates
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW, internal_sites

SPOT_COUNTS = (1, 3, 10)


def _spot_pool() -> list[Spot]:
    atlas = load_atlas()
    pool = [Spot(r.view, r.region, r.side, r.point) for r in atlas.regions()]
    for name, site in internal_sites().items():
        pool += [Spot(INTERNAL_VIEW, name, side) for side in site.client_sides()]
    return pool


def run(repeat: int = 300, seed: int = 7) -> dict[str, dict[str, float]]:
    """Timings in milliseconds per spot count: ``{"1": {"p50_ms": .., "p95_ms": ..}, ...}``.

    ``"cold"`` holds the first look-up (trigger points not yet placed on the drawing)
    and the time to warm every spot once; the per-count figures are steady state.
    """
    load_knowledge()
    pool = _spot_pool()
    rng = random.Random(seed)
    start = time.perf_counter()
    rank_candidates(pool[:1])
    first_ms = (time.perf_counter() - start) * 1000.0
    start = time.perf_counter()
    for i in range(0, len(pool), 10):  # place every trigger point once, as a session would
        rank_candidates(pool[i : i + 10])
    warm_ms = (time.perf_counter() - start) * 1000.0
    results: dict[str, dict[str, float]] = {
        "cold": {"first_lookup_ms": round(first_ms, 3), "warm_all_spots_ms": round(warm_ms, 1)}
    }
    for count in SPOT_COUNTS:
        samples: list[float] = []
        found = 0
        for _ in range(repeat):
            spots = rng.sample(pool, count)
            start = time.perf_counter()
            candidates = rank_candidates(spots)
            samples.append((time.perf_counter() - start) * 1000.0)
            found += len(candidates)
        results[str(count)] = {
            "p50_ms": round(statistics.median(samples), 3),
            "p95_ms": round(percentile(samples, 0.95), 3),
            "max_ms": round(max(samples), 3),
            "mean_candidates": round(found / repeat, 1),
            "repeat": repeat,
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300, help="look-ups per spot count")
    args = parser.parse_args()
    print(json.dumps(run(args.repeat), indent=2))


if __name__ == "__main__":
    main()
