"""How much of the body hurts: pain extent, and the per-visit figures of the progress view.

Pain extent is the area of the distinct regions marked at a visit over the area of the
whole figure, as a percentage. The figure's area is the sum of both views' outlines
**including the plantar-foot insets** of the posterior view: soles are body surface a
client can mark, and the posterior heel region reaches into the inset, so leaving the
insets out would let a marked heel count more than its share. Marks at internal sites
(teeth, pelvic floor...) have no drawn area and add nothing. Several marks in one region
count once; the same region marked on both views (a lateral region drawn twice) counts
on each view, as each drawing is a separate part of the figure's area.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Any, Protocol

from shapely.ops import unary_union

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


def figure_area(atlas: Atlas | None = None) -> float:
    """The area of the whole figure: both views' outlines, plantar insets included."""
    atlas = atlas or load_atlas()
    return float(sum(atlas.outline(view).area for view in atlas.views()))


def pain_extent(marks: Iterable[PlacedMark], atlas: Atlas | None = None) -> float:
    """Percentage (0-100) of the figure covered by the marked regions."""
    atlas = atlas or load_atlas()
    by_view: dict[str, list[Any]] = {}
    for view, region, side in marked_regions(marks, atlas):
        try:
            shape = atlas.region(view, region, side)  # type: ignore[arg-type]
        except KeyError:
            continue  # a region not drawn on this view covers nothing there
        by_view.setdefault(view, []).append(shape.shape)
    covered = sum(unary_union(shapes).area for shapes in by_view.values())
    return float(100.0 * covered / figure_area(atlas))


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
