"""Smooth curves for the generator: Catmull-Rom splines sampled into shapely geometry.

Contours are given as a few control points (mostly landmarks); the spline passes through
every one of them, so the drawing stays anchored to the skeleton while looking drawn,
not faceted.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from nmt_bodymap.core.svg_geometry import cubic_point

Point = tuple[float, float]


def _segment(p0: Point, p1: Point, p2: Point, p3: Point, steps: int) -> list[Point]:
    """Points of the cubic Bezier equivalent to the Catmull-Rom span p1 -> p2."""
    c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
    c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
    return [cubic_point(p1, c1, c2, p2, i / steps) for i in range(steps)]


def spline(points: Sequence[Point], *, closed: bool = False, steps: int = 12) -> list[Point]:
    """Dense points of a Catmull-Rom spline through ``points``."""
    pts = list(points)
    if closed:
        n = len(pts)
        dense: list[Point] = []
        for i in range(n):
            dense += _segment(pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n], steps)
        return dense
    ext = [pts[0], *pts, pts[-1]]
    dense = []
    for i in range(1, len(ext) - 2):
        dense += _segment(ext[i - 1], ext[i], ext[i + 1], ext[i + 2], steps)
    dense.append(pts[-1])
    return dense


def closed_shape(points: Sequence[Point], steps: int = 12) -> Polygon:
    """A smooth closed shape through ``points``."""
    return Polygon(spline(points, closed=True, steps=steps)).buffer(0)


def symmetric_shape(half: Sequence[Point], steps: int = 12) -> Polygon:
    """A shape symmetric about u = 0 from its right half, given top (u=0) to bottom (u=0)."""
    right = list(half)
    left = [(-u, y) for u, y in reversed(right[1:-1])]
    return closed_shape(right + left, steps)


def capsule(points: Sequence[Point], radius: float) -> BaseGeometry:
    """A rounded tube along a smooth centre line (fingers, toes)."""
    line = LineString(spline(points, steps=8)) if len(points) > 2 else LineString(points)
    return line.buffer(radius, quad_segs=12)


def tapered_capsule(points: Sequence[Point], base: float, tip: float) -> BaseGeometry:
    """A tube that narrows from ``base`` to ``tip`` radius along a smooth centre line, so
    fingers and the thumb thin toward a rounded tip instead of looking like sausages."""
    centre = spline(points, steps=8) if len(points) > 2 else list(points)
    line = LineString(centre)
    n = max(2, int(line.length // 4) + 1)
    discs = []
    for i in range(n):
        t = i / (n - 1)
        q = line.interpolate(t, normalized=True)
        discs.append(q.buffer(base + (tip - base) * t, quad_segs=12))
    return unary_union([a.union(b).convex_hull for a, b in pairwise(discs)])


def open_curve(points: Sequence[Point], steps: int = 12) -> list[Point]:
    return spline(points, steps=steps)
