"""What to light up on the map for a candidate muscle: its shape, zones and trigger points."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nmt_bodymap.core.knowledge_schema import MuscleDef, ZoneEntry
from nmt_bodymap.core.places import expand_side, referral_sides
from nmt_bodymap.core.ranking import Candidate
from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.vocabulary import load_vocabulary


@dataclass(frozen=True)
class Highlight:
    """A muscle on one or both sides, with the regions of its referral zone by kind."""

    muscle_id: str
    sides: tuple[Side, ...]
    deep: bool
    zones: dict[tuple[str, str], str]  # (region, side) -> "essential" | "spillover"
    candidate: Candidate


def candidate_sides(side: str) -> tuple[Side, ...]:
    return expand_side(side)


def zone_regions(
    muscle: MuscleDef, muscle_side: Side, trigger_points: tuple[str, ...] = ()
) -> dict[tuple[str, str], str]:
    """Regions (with the client's side) of the muscle's referral zone; essential wins.

    With ``trigger_points`` (the ones that explain the spots), only their patterns: the
    map then shows what those trigger points refer, not the union over the muscle.
    """
    vocabulary = load_vocabulary()
    zones: dict[tuple[str, str], str] = {}
    entries: Sequence[tuple[str, ZoneEntry]] = muscle.all_zones()
    if trigger_points and muscle.patterns:
        wanted = set(trigger_points)
        entries = [
            (kind, entry)
            for pattern in muscle.patterns
            if wanted & set(pattern.trigger_points)
            for kind, entry in [("essential", z) for z in pattern.essential]
            + [("spillover", z) for z in pattern.spillover]
        ]
    for kind, entry in entries:
        definition = vocabulary.get(entry.region)
        if definition is None:
            continue
        for side in referral_sides(entry.region, entry.side, muscle_side):
            if zones.get((entry.region, side)) != "essential":
                zones[(entry.region, side)] = kind
    return zones


def highlight_for(candidate: Candidate, muscle: MuscleDef) -> Highlight:
    sides = candidate_sides(candidate.side)
    zones: dict[tuple[str, str], str] = {}
    for side in sides:
        for key, kind in zone_regions(muscle, side, candidate.explaining).items():
            if zones.get(key) != "essential":
                zones[key] = kind
    return Highlight(muscle.id, sides, muscle.layer == "deep", zones, candidate)
