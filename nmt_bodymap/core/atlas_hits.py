"""Which shapes of a view lie under a point, in plain Python (issue 18, the click).

The atlas answered a click with a shapely ``Point`` and an STRtree query: a shapely call
lets go of the interpreter lock, and while a save runs on the worker thread the GUI thread
then waits for the lock to come back (up to the 5 ms switch interval: the click's p95).
Here a grid of cells names the shapes whose box reaches into each cell, and a shape is
tested by counting the crossings of a ray from the point (toward +x) with the edges of its
rings, only the edges in the point's horizontal band. A ray through a vertex or along a level
edge is settled exactly (the point on it, or a crossing at the vertex's own x). Where the
count could be in doubt (the point within ``_NEAR`` of a slanted edge, a shape that is not a
valid polygon) shapely answers, as before: the answers are those of ``intersects``
(boundary included), point for point. The shapes of the disk cache come with their rings,
box and validity (``atlas_cache.StoredGeometry``): a click imports neither numpy nor shapely.
A cached shape's edges are filed on its first test, not when the index is made: filing
every shape's edges took ~20 ms of the map loader's CPU before the first click (issue 18),
while a click tests the few shapes whose box holds the point.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from nmt_bodymap.core.atlas_cache import StoredGeometry

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

_CELL = 50.0  # view units: the grid of the shapes' boxes
_BAND = 16.0  # view units: the horizontal bands the edges of a shape are filed in
_NEAR = 1e-6  # a crossing this close to the point is left to shapely (view units ~1,000)

_POLYGON = 3  # shapely.get_type_id of a Polygon
_LATER: dict[int, array[float]] = {}  # a shape's bands, filed on its first test


def _intersects(geometry: BaseGeometry, x: float, y: float) -> bool:
    import shapely  # only for a doubtful point or an odd shape (issue 18)

    return bool(shapely.intersects_xy(geometry, x, y))


class _Shape:
    """One shape's box and its edges per band (None: shapely answers for it; ``_LATER``:
    filed from its cached rings on its first test)."""

    __slots__ = ("bands", "box", "source")

    def __init__(
        self,
        source: BaseGeometry | StoredGeometry,
        box: tuple[float, float, float, float],
        bands: dict[int, array[float]] | None,
    ) -> None:
        self.source = source
        self.box = box
        self.bands = bands

    @property
    def geometry(self) -> BaseGeometry:
        source = self.source
        return source.geometry if isinstance(source, StoredGeometry) else source

    def hit(self, x: float, y: float) -> bool:
        """``intersects(shape, Point(x, y))``, by ray crossings where they are certain."""
        bands = self.bands
        if bands is None:
            return _intersects(self.geometry, x, y)
        if bands is _LATER:  # two threads may both file them: the same bands either way
            bands = self.bands = _stored_edges(self.source)
        inside = False
        flat = iter(bands.get(_band(y), ()))
        for x1, y1, x2, y2 in zip(flat, flat, flat, flat, strict=True):
            if y in (y1, y2):  # through a vertex or along the edge: settled exactly
                if y1 == y2:  # a level edge at the point's height: on it, or not crossed
                    if min(x1, x2) <= x <= max(x1, x2):
                        return True
                    continue
                vertex = x1 if y == y1 else x2
                if x == vertex:  # on the vertex
                    return True
                # the ray meets the edge at the vertex itself (no rounding): the half-open
                # rule counts a ray through a vertex once, as a crossing count does
                if (y1 > y) != (y2 > y) and vertex > x:
                    inside = not inside
                continue
            if (y1 > y) != (y2 > y):
                crossing = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                if abs(crossing - x) <= _NEAR:  # on (or all but on) the edge
                    return _intersects(self.geometry, x, y)
                if crossing > x:
                    inside = not inside
        return inside


def _edges(rings: Sequence[Sequence[float]]) -> dict[int, array[float]]:
    """The edges of the polygon's rings (x, y flat), filed under each band they reach into
    (per band x1, y1, x2, y2 of each edge, flat: ~1 MB for both views instead of ~6 as
    tuples)."""
    bands: dict[int, list[float]] = {}
    floor = math.floor
    for ring in rings:
        for k in range(0, len(ring) - 2, 2):
            x1, y1, x2, y2 = ring[k], ring[k + 1], ring[k + 2], ring[k + 3]
            # the same division and floor as ``_band``
            first = floor(min(y1, y2) / _BAND)
            last = floor(max(y1, y2) / _BAND)
            for band in range(first, last + 1):
                found = bands.get(band)
                if found is None:
                    bands[band] = [x1, y1, x2, y2]
                else:
                    found += (x1, y1, x2, y2)
    return {band: array("d", flat) for band, flat in bands.items()}


def _stored_edges(geometry: StoredGeometry) -> dict[int, array[float]]:
    """The edges of every ring of a valid (multi-)polygon: their crossings count its inside."""
    return _edges([ring for polygon in geometry.rings() for ring in polygon])


def _shapes(geometries: Sequence[BaseGeometry | StoredGeometry]) -> list[_Shape]:
    """The shapes to test: from the cache without shapely, else read through shapely."""
    stored = [g for g in geometries if isinstance(g, StoredGeometry)]
    if len(stored) == len(geometries):
        return [_Shape(g, g.bounds, _LATER if g.simple else None) for g in stored]
    import numpy as np
    import shapely

    shapes = np.asarray(
        [g.geometry if isinstance(g, StoredGeometry) else g for g in geometries], dtype=object
    )
    # a valid polygon's inside is what an odd count of ray crossings says
    simple = shapely.is_valid(shapes) & (shapely.get_type_id(shapes) == _POLYGON)
    found = []
    for g, s in zip(shapes.tolist(), simple.tolist(), strict=True):
        if not s:
            found.append(_Shape(g, g.bounds, None))
            continue
        rings = [shapely.get_coordinates(r).ravel().tolist() for r in (g.exterior, *g.interiors)]
        found.append(_Shape(g, g.bounds, _edges(rings)))
    return found


def _band(y: float) -> int:
    return math.floor(y / _BAND)


def _cell(v: float) -> int:
    return math.floor(v / _CELL)


class PointIndex:
    """The shapes of one view under a point, by index in the order given."""

    def __init__(self, geometries: Sequence[BaseGeometry | StoredGeometry]) -> None:
        self._shapes = _shapes(geometries)
        cells: dict[tuple[int, int], list[int]] = {}
        for index, shape in enumerate(self._shapes):
            min_x, min_y, max_x, max_y = shape.box
            if math.isnan(min_x):  # an empty shape lies under no point
                continue
            for i in range(_cell(min_x), _cell(max_x) + 1):
                for j in range(_cell(min_y), _cell(max_y) + 1):
                    cells.setdefault((i, j), []).append(index)
        self._cells = {key: tuple(found) for key, found in cells.items()}

    def _near(self, x: float, y: float) -> tuple[int, ...]:
        return self._cells.get((_cell(x), _cell(y)), ())

    def hits(self, x: float, y: float) -> list[int]:
        """The indexes (ascending) of the shapes under the point, boundary included."""
        found: list[int] = []
        for index in self._near(x, y):
            shape = self._shapes[index]
            min_x, min_y, max_x, max_y = shape.box
            if min_x <= x <= max_x and min_y <= y <= max_y and shape.hit(x, y):
                found.append(index)
        return found

    def first(self, x: float, y: float) -> int | None:
        """The lowest index of a shape under the point, None if none is."""
        for index in self._near(x, y):
            shape = self._shapes[index]
            min_x, min_y, max_x, max_y = shape.box
            if min_x <= x <= max_x and min_y <= y <= max_y and shape.hit(x, y):
                return index
        return None


_SLACK = 0.5  # view units: shapely's buffer is within this of the true distance (arcs, simplify)


class Outline:
    """Is a point on the figure or within a tolerance of its edge, in plain Python: ``None``
    where the distance is within ``_SLACK`` of the tolerance (shapely's grown outline, with
    its arcs of segments and simplified input, answers there)."""

    def __init__(self, source: StoredGeometry) -> None:
        self._bands = _stored_edges(source)
        self._inside = _Shape(source, source.bounds, self._bands)

    def near(self, x: float, y: float, tolerance: float) -> bool | None:
        if self._inside.hit(x, y):
            return True
        best = math.inf
        for band in range(_band(y - tolerance), _band(y + tolerance) + 1):
            flat = iter(self._bands.get(band, ()))
            for x1, y1, x2, y2 in zip(flat, flat, flat, flat, strict=True):
                best = min(best, _segment_distance(x, y, x1, y1, x2, y2))
        if best <= tolerance - _SLACK:
            return True
        if best >= tolerance + _SLACK:
            return False
        return None


def _segment_distance(x: float, y: float, x1: float, y1: float, x2: float, y2: float) -> float:
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
