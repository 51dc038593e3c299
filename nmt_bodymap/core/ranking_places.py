"""The distinct places of a visit's spots: the unit the ranking works in (issue 18).

A place is a view, region and side with the same muscles under its points, so every spot
on it is explained alike: a 10,000-mark visit is ranked and looked under over its few
hundred places, each counted as its marks, and only the answer speaks of every mark again
(:meth:`Places.expand`, one C-level pass per shown candidate).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress
from operator import itemgetter
from typing import Any

from nmt_bodymap.core.ranking_explain import Spot, ZoneName
from nmt_bodymap.core.ranking_geometry import AtlasLike, Point, muscles_under_many
from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW


@dataclass(frozen=True)
class Places:
    """The distinct places of some spots (see the module docstring)."""

    spots: list[Spot]  # one spot per place (the first on it)
    points: list[Point | None]
    counts: list[int]  # marks on each place
    of: list[int]  # per spot, its place
    # Per place, the muscles under its point (as ``muscles_under`` finds them; empty when
    # the places were made without the look-up: then it is asked again).
    unders: list[tuple[tuple[str, Side], ...]] = field(default_factory=list)

    @cached_property
    def _per_spot(self) -> Any:
        """Picks each spot's place from a per-place tuple in one C call."""
        if len(self.of) == 1:
            only = self.of[0]
            return lambda values: (values[only],)
        return itemgetter(*self.of) if self.of else (lambda _values: ())

    @cached_property
    def members(self) -> list[list[int]]:
        """Per place, the (ascending) indexes of the spots on it."""
        found: list[list[int]] = [[] for _ in self.spots]
        for i, place in enumerate(self.of):
            found[place].append(i)
        return found

    def expand(self, zones: tuple[ZoneName | None, ...]) -> tuple[ZoneName | None, ...]:
        """Per-place zones as per-spot zones."""
        result: tuple[ZoneName | None, ...] = self._per_spot(zones)
        return result

    def expand_indexes(self, place_indexes: tuple[int, ...]) -> tuple[int, ...]:
        """Indexes of places as the (sorted) indexes of the spots on them."""
        if not place_indexes:
            return ()
        wanted = set(place_indexes)
        return tuple(compress(range(len(self.of)), map(wanted.__contains__, self.of)))


def distinct_places(
    spots: Sequence[Spot], points: Sequence[Point | None], atlas: AtlasLike
) -> Places:
    """Group sided spots (with their points) into places explained alike."""
    index: dict[tuple[Any, ...], int] = {}
    result = Places([], [], [], [])
    unders: list[tuple[tuple[str, Side], ...]] = [()] * len(spots)
    by_view: dict[str, tuple[list[int], list[Point]]] = {}
    for i, (spot, point) in enumerate(zip(spots, points, strict=True)):
        if point is not None and spot.view != INTERNAL_VIEW:
            where, placed = by_view.setdefault(spot.view, ([], []))
            where.append(i)
            placed.append(point)
    for view, (where, placed) in by_view.items():  # one look-up per view, not per mark
        for i, under in zip(where, muscles_under_many(atlas, view, placed), strict=True):
            unders[i] = under
    counts, of = result.counts, result.of
    for spot, point, under in zip(spots, points, unders, strict=True):
        key = (spot.view, spot.region, spot.side, under)
        place = index.get(key)
        if place is None:
            place = index[key] = len(result.spots)
            result.spots.append(spot)
            result.points.append(point)
            result.unders.append(under)
            counts.append(0)
        counts[place] += 1
        of.append(place)
    return result
