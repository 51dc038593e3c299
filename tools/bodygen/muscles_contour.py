"""Where the figure's contour runs, for the few muscles that hug it.

The upper trapezius forms the slope from the neck to the shoulder; drawing its free border
from the silhouette itself (rather than from copied numbers) keeps it inside the figure
whenever the figure engineer reshapes the neck or shoulders.
"""

from __future__ import annotations

from functools import cache

from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from tools.bodygen.figure import build_figure


@cache
def _outline(view: str) -> BaseGeometry:
    return build_figure(view).outline


def top_below(view: str, u: float, start_y: float) -> float:
    """The first y at lateral distance ``u`` where the figure begins, going down from
    ``start_y`` (a point outside the figure)."""
    probe = LineString([(u, start_y), (u, start_y + 400)])
    hit = probe.intersection(_outline(view))
    if hit.is_empty:
        raise ValueError(f"no figure below ({u}, {start_y}) on the {view} view")
    return float(hit.bounds[1])


def side_at(view: str, y: float, max_u: float) -> float:
    """The lateral edge of the figure at height ``y``, looking no further out than ``max_u``
    (for the neck: the last boundary crossing inside ``max_u``)."""
    probe = LineString([(0.0, y), (max_u, y)])
    hit = probe.intersection(_outline(view))
    if hit.is_empty:
        raise ValueError(f"no figure at y={y} on the {view} view")
    return float(hit.bounds[2])
