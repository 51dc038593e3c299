"""How much of the body hurts: pain extent, and the per-visit figures of the progress view.

Pain extent is the area of the distinct regions marked at a visit over the area of the
whole figure, as a percentage. The figure's area is the sum of both views' outlines
**including the plantar-foot insets** of the posterior view: soles are body surface a
client can mark, and the posterior heel region reaches into the inset, so leaving the
insets out would let a marked heel count more than its share. Marks at internal sites
(teeth, pelvic floor...) have no drawn area and add nothing. Several marks in one region
count once; the same region marked on both views (a lateral region drawn twice) counts
on each view, as each drawing is a separate part of the figure's area.

Issue 18: the progress view computes the extent of every visit (2,000 visits took 40 % of
its time in shapely unions). The figures are remembered per atlas (:class:`_Extents`): the
figure's area, each place's area, whether two places overlap, and the extent of each set of
places already met (visits repeat places). Places that overlap nothing else in the set add
their own area; only the overlapping ones are unioned, so the result equals the union's.
The memo is keyed by the set of places, so a changed visit (another set) is computed anew.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Any, Protocol

from nmt_bodymap.core.atlas import Atlas, load_atlas


class PlacedMark(Protocol):
    """What pain extent needs of a mark (a store record or a mark on screen)."""

    view: str
    region: str
    side: str


class ActivityFinding(Protocol):
    activity: str


def marked_regions(marks: Iterable[PlacedMark], atlas: Atlas) -> set[tuple[str, str, str]]:
    """The distinct (view, region, side) marked on the drawn views."""
    views = set(atlas.views())
    return {(m.view, m.region, m.side) for m in marks if m.view in views}


Place = tuple[str, str, str]  # view, region, side
# sets of places remembered per atlas; past this the memo starts again (a clinic's client
# has a few hundred distinct sets at most)
MEMO_LIMIT = 20_000
# two places overlap when their common area is over this share of the smaller one
# (drawn neighbours share a border: a zero-area touch)
OVERLAP_SHARE = 1e-9


class _Extents:
    """The extent figures of one atlas, remembered as they are met."""

    def __init__(self, atlas: Atlas) -> None:
        self.atlas = atlas
        self.figure = float(sum(atlas.outline(view).area for view in atlas.views()))
        self.views = frozenset(atlas.views())
        self.shapes: dict[Place, Any] = {}  # None: not drawn on its view
        self.areas: dict[Place, float] = {}
        # each place's bounds, read once (shapely's ``bounds`` made half of the pair tests)
        self.bounds: dict[Place, tuple[float, float, float, float]] = {}
        self.overlaps: dict[frozenset[Place], bool] = {}
        self.memo: dict[frozenset[Place], float] = {}

    def shape(self, place: Place) -> Any:
        if place not in self.shapes:
            view, region, side = place
            try:
                shape = self.atlas.region(view, region, side).shape  # type: ignore[arg-type]
            except KeyError:
                shape = None  # a region not drawn on this view covers nothing there
            self.shapes[place] = shape
            self.areas[place] = 0.0 if shape is None else float(shape.area)
            if shape is not None:
                self.bounds[place] = tuple(shape.bounds)
        return self.shapes[place]

    def overlap(self, a: Place, b: Place) -> bool:
        pair = frozenset((a, b))
        known = self.overlaps.get(pair)
        if known is None:
            ax0, ay0, ax1, ay1 = self.bounds[a]
            bx0, by0, bx1, by1 = self.bounds[b]
            if ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0:
                known = False
            else:
                smaller = min(self.areas[a], self.areas[b])
                common = self.shapes[a].intersection(self.shapes[b]).area
                known = common > OVERLAP_SHARE * smaller
            self.overlaps[pair] = known
        return known

    def covered(self, places: frozenset[Place]) -> float:
        """The area the places cover, each view's overlapping places unioned."""
        by_view: dict[str, list[Place]] = {}
        for place in places:
            if place[0] in self.views and self.shape(place) is not None:
                by_view.setdefault(place[0], []).append(place)
        total = 0.0
        for drawn in by_view.values():
            if len(drawn) > 40:  # a crowded view: one union is cheaper than every pair
                from shapely.ops import unary_union  # when needed (issue 18)

                total += unary_union([self.shapes[p] for p in drawn]).area
                continue
            tangled: set[Place] = set()
            for i, one in enumerate(drawn):
                for two in drawn[i + 1 :]:
                    if self.overlap(one, two):
                        tangled.update((one, two))
            total += sum(self.areas[p] for p in drawn if p not in tangled)
            if tangled:
                from shapely.ops import unary_union

                total += unary_union([self.shapes[p] for p in tangled]).area
        return total

    def extent(self, places: frozenset[Place]) -> float:
        known = self.memo.get(places)
        if known is None:
            known = float(100.0 * self.covered(places) / self.figure)
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            self.memo[places] = known
        return known


_EXTENTS: weakref.WeakKeyDictionary[Atlas, _Extents] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()  # the worker (progress) and the GUI thread may both ask


def _extents(atlas: Atlas) -> _Extents:
    with _LOCK:
        extents = _EXTENTS.get(atlas)
        if extents is None:
            extents = _EXTENTS[atlas] = _Extents(atlas)
        return extents


def clear_cache() -> None:
    """Forget every remembered figure (for benchmarks and tests)."""
    with _LOCK:
        _EXTENTS.clear()


def figure_area(atlas: Atlas | None = None) -> float:
    """The area of the whole figure: both views' outlines, plantar insets included."""
    return _extents(atlas or load_atlas()).figure


def pain_extent(marks: Iterable[PlacedMark], atlas: Atlas | None = None) -> float:
    """Percentage (0-100) of the figure covered by the marked regions."""
    extents = _extents(atlas or load_atlas())
    places = frozenset((m.view, m.region, m.side) for m in marks)
    with _LOCK:
        return extents.extent(places)


@dataclass(frozen=True)
class VisitMeasures:
    """The figures one visit adds to the progress chart."""

    visit_id: int
    peak_intensity: int | None
    mean_intensity: float | None
    extent_percent: float
    active_trigger_points: int


def visit_measures(
    visit_id: int,
    marks: Sequence[Any],
    findings: Sequence[ActivityFinding],
    atlas: Atlas | None = None,
) -> VisitMeasures:
    """Peak and mean intensity of the marks, pain extent, and active trigger points found."""
    intensities = [int(m.intensity) for m in marks]
    return VisitMeasures(
        visit_id=visit_id,
        peak_intensity=max(intensities) if intensities else None,
        mean_intensity=fmean(intensities) if intensities else None,
        extent_percent=pain_extent(marks, atlas),
        active_trigger_points=sum(1 for f in findings if f.activity == "active"),
    )


@dataclass(frozen=True)
class RegionChanges:
    """How the painful places changed from an earlier visit to a later one."""

    new: frozenset[tuple[str, str, str]]  # marked now, not before
    resolved: frozenset[tuple[str, str, str]]  # marked before, not now
    unchanged: frozenset[tuple[str, str, str]]


def compare_regions(earlier: Iterable[PlacedMark], later: Iterable[PlacedMark]) -> RegionChanges:
    """New, resolved and unchanged (view, region, side) between two visits' marks."""
    before = {(m.view, m.region, m.side) for m in earlier}
    after = {(m.view, m.region, m.side) for m in later}
    return RegionChanges(
        new=frozenset(after - before),
        resolved=frozenset(before - after),
        unchanged=frozenset(before & after),
    )
