"""A click's answer imports neither numpy nor shapely once the atlas is in its cache (issue 18).

The map loader read the atlas through shapely (WKB into geometry objects, STRtrees), so
every launch imported numpy and shapely (~55 ms of CPU on the loader thread, competing
for the one GIL with the GUI thread, and ~15 MiB kept). The cache now gives plain
coordinates and the shapely objects are made on first use. A fresh process with a warm
cache does what a launch and its first clicks do: reads the atlas, looks up regions and
muscles on both views, ranks a few spots, builds the highlight of the first candidate,
reads the region and muscle paths the map draws, and tells whether a mark is on the
figure; then reports whether numpy or shapely got imported. The first run of the same
script (a cold cache) may import them: it writes the entries.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from nmt_bodymap.core.atlas import read_atlas
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.ranking import rank_candidates
from nmt_bodymap.core.ranking_explain import Spot
from nmt_bodymap.ui.map.geometry import muscle_paths, region_paths
from nmt_bodymap.ui.map.highlight import highlight_for

atlas = read_atlas()
knowledge = load_knowledge()
answers, near = [], []
for view in atlas.views():
    for region in atlas.regions(view)[::9]:
        x, y = region.point
        found = atlas.region_at(view, x + 0.25, y + 0.25)
        under = atlas.muscles_at(view, x, y)
        answers.append([view, found.key if found else None, under])
    regions = atlas.regions(view)
    spots = [Spot(view, r.region, r.side, r.point) for r in regions[3:40:12]]
    ranked = rank_candidates(spots, knowledge, atlas)
    top = ranked[0]
    shown = highlight_for(top, knowledge.muscle(top.muscle))
    answers.append([view, [c.muscle for c in ranked[:5]], sorted(shown.zones)[:3]])
    answers.append([list(tp.point or ()) for c in ranked for tp in c.trigger_points][:9])
    answers.append([len(region_paths(atlas, view)), len(muscle_paths(atlas, view))])
    near.append(atlas.near_outline(view, x, y, 12.0))  # None from the drawings: shapely
heavy = sorted(m for m in ("numpy", "shapely") if m in sys.modules)
print(json.dumps({"heavy": heavy, "answers": answers, "near": near}))
"""


def _probe() -> dict[str, list[object]]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    found: dict[str, list[object]] = json.loads(out.strip().splitlines()[-1])
    return found


def test_a_warm_launch_answers_clicks_without_numpy_or_shapely() -> None:
    cold = _probe()  # writes the cache entries (the atlas, its paths, the trigger points)
    warm = _probe()

    assert warm["heavy"] == [], warm["heavy"]
    assert warm["answers"] == cold["answers"]  # the same answers as from the drawings
    assert warm["near"] == [True, True]  # a region's point lies on the figure
    assert any(a[2] for a in warm["answers"] if len(a) == 3 and isinstance(a[2], list))
