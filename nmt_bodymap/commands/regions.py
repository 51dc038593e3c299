"""``nmt-bodymap regions``: list the atlas regions, for scripting and for checking the drawings.

Each region comes with a point inside it (clicking there selects that region) and its area
in view units, so scripts can drive look-ups without knowing the drawings.
"""

from __future__ import annotations

import argparse
import json
from typing import Any


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("regions", help="list the body-map regions of the atlas")
    parser.add_argument("--view", help="only this view (anterior or posterior)")
    parser.add_argument("--json", action="store_true", help="print the list as JSON")
    parser.set_defaults(func=run)


def region_rows(view: str | None) -> list[dict[str, Any]]:
    from nmt_bodymap.commands import UsageError
    from nmt_bodymap.core.atlas import load_atlas

    atlas = load_atlas()
    if view is not None and view not in atlas.views():
        raise UsageError(f"unknown view {view!r}; choose one of {', '.join(atlas.views())}")
    return [
        {
            "view": r.view,
            "region": r.region,
            "side": r.side,
            "label": r.label,
            "point": [r.point[0], r.point[1]],
            "area": r.area,
        }
        for r in atlas.regions(view)
    ]


def run(args: argparse.Namespace) -> int:
    rows = region_rows(args.view)
    if args.json:
        print(json.dumps(rows, indent=None))
        return 0
    print(f"{'view':<10} {'region':<24} {'side':<8} {'label':<36} {'point':>16} {'area':>9}")
    for row in rows:
        point = f"{row['point'][0]:.0f},{row['point'][1]:.0f}"
        print(
            f"{row['view']:<10} {row['region']:<24} {row['side']:<8} {row['label']:<36} "
            f"{point:>16} {row['area']:>9.0f}"
        )
    print(f"{len(rows)} regions")
    return 0
