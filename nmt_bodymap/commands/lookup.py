"""``nmt-bodymap lookup``: candidate trigger-point muscles for painful spots.

Spots are named (``--spot VIEW/REGION/SIDE``) or clicked (``--point VIEW:X,Y``),
in any mix and order; both go through the same ranking as the app. Bad input is
reported as one line (exit 2) before any ranking is done.
"""

from __future__ import annotations

import argparse
import json
import math
from typing import Any

from nmt_bodymap.commands import UsageError
from nmt_bodymap.core.ranking import Candidate, Spot, rank_candidates, under_spots
from nmt_bodymap.core.sides import SIDES, Side
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW, load_vocabulary

SURFACE_VIEWS = ("anterior", "posterior")


class _AppendSpot(argparse.Action):
    """Collects ``--spot`` and ``--point`` into one list, keeping command-line order."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None) -> None:
        spots = list(getattr(namespace, self.dest, None) or [])
        spots.append((option_string, values))
        setattr(namespace, self.dest, spots)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lookup",
        help="rank the muscles whose trigger points may cause pain at the given spots",
        description="Candidate trigger-point muscles for one or several painful spots, best first.",
    )
    parser.add_argument(
        "--spot",
        dest="spots",
        action=_AppendSpot,
        metavar="VIEW/REGION/SIDE",
        help="a region on the client's side, e.g. anterior/temple/right or "
        "internal/upper_teeth/left (repeatable)",
    )
    parser.add_argument(
        "--point",
        dest="spots",
        action=_AppendSpot,
        metavar="VIEW:X,Y",
        help="a clicked point in view coordinates, e.g. posterior:512.5,830 (repeatable)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help="show only the first N candidates (default: every muscle that explains a spot)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raw = args.spots or []
    if not raw:
        raise UsageError("give at least one --spot VIEW/REGION/SIDE or --point VIEW:X,Y")
    if args.limit is not None and args.limit < 1:
        raise UsageError(f"--limit must be 1 or more, not {args.limit}")
    spots = [parse_spot(text) if opt == "--spot" else parse_point(text) for opt, text in raw]
    candidates = rank_candidates(spots)
    if args.limit is not None:
        candidates = candidates[: args.limit]
    under = under_spots(spots)
    if args.json:
        print(json.dumps(lookup_json(spots, candidates, under), indent=2))
    else:
        print(lookup_table(spots, candidates, under))
    return 0


def parse_spot(text: str) -> Spot:
    """``VIEW/REGION/SIDE`` -> a Spot at the region's representative point."""
    parts = text.split("/")
    if len(parts) != 3 or not all(parts):
        raise UsageError(f"--spot {text!r}: expected VIEW/REGION/SIDE, e.g. anterior/temple/right")
    view, region, side = parts
    views = (*SURFACE_VIEWS, INTERNAL_VIEW)
    if view not in views:
        raise UsageError(f"--spot {text!r}: unknown view {view!r} (use {', '.join(views)})")
    entry = load_vocabulary().get(region)
    if entry is None:
        raise UsageError(f"--spot {text!r}: unknown region {region!r}")
    if side not in SIDES:
        raise UsageError(f"--spot {text!r}: unknown side {side!r} (use left, right or midline)")
    if side not in entry.spot_sides():
        allowed = " or ".join(entry.spot_sides())
        raise UsageError(f"--spot {text!r}: region {region!r} has side {allowed}, not {side!r}")
    client_side: Side = side  # type: ignore[assignment]
    if view == INTERNAL_VIEW:
        if not entry.internal:
            raise UsageError(f"--spot {text!r}: {region!r} is not an internal site")
        return Spot(view, region, client_side)
    if entry.internal:
        raise UsageError(f"--spot {text!r}: {region!r} is an internal site, use view internal")
    from nmt_bodymap.core.atlas import load_atlas

    drawn_side: Side = "midline" if entry.sides == "midline" else client_side
    try:
        shape = load_atlas().region(view, region, drawn_side)
    except KeyError:
        message = f"--spot {text!r}: region {region!r} is not drawn on the {view} view"
        raise UsageError(message) from None
    return Spot(view, region, client_side, (float(shape.point[0]), float(shape.point[1])))


def parse_point(text: str) -> Spot:
    """``VIEW:X,Y`` -> the Spot a click there would give (region found by hit-testing)."""
    view, colon, coords = text.partition(":")
    if not colon:
        raise UsageError(f"--point {text!r}: expected VIEW:X,Y, e.g. anterior:480,210")
    if view not in SURFACE_VIEWS:
        raise UsageError(
            f"--point {text!r}: unknown view {view!r} (use {', '.join(SURFACE_VIEWS)})"
        )
    try:
        x_text, y_text = coords.split(",")
        x, y = float(x_text), float(y_text)
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ValueError(text)
    except ValueError:
        message = f"--point {text!r}: X,Y must be two numbers, e.g. {view}:480,210"
        raise UsageError(message) from None
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.core.ranking_explain import sided_spot

    atlas = load_atlas()
    hit = atlas.region_at(view, x, y)
    if hit is None:
        raise UsageError(f"--point {text!r}: the point is outside the figure")
    # left of the midline on the vertex, chin, sternum or sacrum is that side's pain
    return sided_spot(Spot(view, hit.region, hit.side, (x, y)), atlas)


Under = list[tuple[str, Side, tuple[int, ...]]]


def lookup_json(
    spots: list[Spot], candidates: list[Candidate], under: Under | None = None
) -> dict[str, Any]:
    """The ``lookup --json`` document (shape fixed by the CLI contract); ``under_spot``,
    an extra key, lists the muscles lying under the spots (always worth palpating)."""
    return {
        "spots": [{"view": s.view, "region": s.region, "side": s.side} for s in spots],
        "candidates": [c.to_json() for c in candidates],
        "under_spot": [
            {"muscle": muscle, "side": side, "spots": list(indexes)}
            for muscle, side, indexes in (under or [])
        ],
    }


def lookup_table(spots: list[Spot], candidates: list[Candidate], under: Under | None = None) -> str:
    """A readable answer: the spots, then one line per candidate."""
    vocabulary = load_vocabulary()
    lines = ["Spots:"]
    for i, spot in enumerate(spots):
        lines.append(f"  [{i}] {vocabulary[spot.region].label_for(spot.side)} ({spot.view})")
    if not candidates:
        lines.append("No muscle in the knowledge base refers pain to these spots.")
        return "\n".join(lines)
    width = max(len(c.name) for c in candidates)
    lines += ["", f"  #  {'muscle':<{width}}  side       score  zones per spot"]
    for rank, c in enumerate(candidates, start=1):
        zones = ", ".join(f"[{i}] {z or '-'}" for i, z in enumerate(c.zones))
        lines.append(f"{rank:>3}  {c.name:<{width}}  {c.side:<9}  {c.score:>5.2f}  {zones}")
    if under:
        from nmt_bodymap.core.knowledge import load_knowledge

        kb = load_knowledge()
        lines += ["", "Also palpate under the spot:"]
        for muscle, side, indexes in under:
            at = ", ".join(f"[{i}]" for i in indexes)
            lines.append(f"       {kb.muscle(muscle).name} ({side}) at {at}")
    return "\n".join(lines)
