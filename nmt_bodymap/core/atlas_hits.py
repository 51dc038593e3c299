"""Which shapes of a view lie under a point, in plain Python (issue 18, the click).

The atlas answered a click with a shapely ``Point`` and an STRtree query: a shapely call
lets go of the interpreter lock, and while a save runs on the worker thread the GUI thread
then waits for the lock to come back (up to the 5 ms switch interval: the click's p95).
Here a grid of cells names the shapes whose box reaches into each cell, and a shape is
tested by counting the crossings of a ray from the point (toward +x) with the edges of its
rings, only the edges in the point's horizontal band. Where the count could be in doubt (a
ray through a vertex, the point on or within ``_NEAR`` of an edge, a shape that is not a
valid polygon) shapely answers, as before: the answers are those of ``intersects``
(boundary included), point for point.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

_CELL = 50.0  # view units: the grid of the shapes' boxes
_BAND = 16.0  # view units: the horizontal bands the edges of a shape are filed in
_NEAR = 1e-6  # a crossing this close to the point is left to shapely (view units ~1,000)

_POLYGON = 3  # shapely.get_type_id of a Polygon


class _Shape:
    """One shape's box and its edges per band (None: shapely answers for it)."""

    __slots__ = ("bands", "box", "geometry")

    def __init__(self, geometry: BaseGeometry, simple: bool) -> None:
        self.geometry = geometry
        self.box: tuple[float, float, float, float] = geometry.bounds
        self.bands: dict[int, array[float]] | None = _edges(geometry) if simple else None

    def hit(self, x: float, y: float) -> bool:
        """``intersects(shape, Point(x, y))``, by ray crossings where they are certain."""
        bands = self.bands
        if bands is None:
            return bool(shapely.intersects_xy(self.geometry, x, y))
        inside = False
        flat = iter(bands.get(_band(y), ()))
        for x1, y1, x2, y2 in zip(flat, flat, flat, flat, strict=True):
            if y in (y1, y2):  # through a vertex or along the edge: in doubt
                return bool(shapely.intersects_xy(self.geometry, x, y))
            if (y1 > y) != (y2 > y):
                crossing = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                if abs(crossing - x) <= _NEAR:  # on (or all but on) the edge
                    return bool(shapely.intersects_xy(self.geometry, x, y))
                if crossing > x:
                    inside = not inside
        return inside


def _edges(polygon: BaseGeometry) -> dict[int, array[float]]:
    """The edges of the polygon's rings, filed under each band they reach into (per band
    x1, y1, x2, y2 of each edge, flat: ~1 MB for both views instead of ~6 as tuples)."""
    bands: dict[int, list[float]] = {}
    for ring in (polygon.exterior, *polygon.interiors):
        xy = shapely.get_coordinates(ring)
        starts, ends = xy[:-1], xy[1:]
        # the same division and floor as ``_band``, for all the edges at once
        low = np.floor(np.minimum(starts[:, 1], ends[:, 1]) / _BAND).astype(int).tolist()
        high = np.floor(np.maximum(starts[:, 1], ends[:, 1]) / _BAND).astype(int).tolist()
        edges = np.hstack((starts, ends)).tolist()
        for edge, first, last in zip(edges, low, high, strict=True):
            for band in range(first, last + 1):
                found = bands.get(band)
                if found is None:
                    bands[band] = list(edge)
                else:
                    found += edge
    return {band: array("d", flat) for band, flat in bands.items()}


def _band(y: float) -> int:
    return math.floor(y / _BAND)


def _cell(v: float) -> int:
    return math.floor(v / _CELL)


class PointIndex:
    """The shapes of one view under a point, by index in the order given."""

    def __init__(self, geometries: Sequence[BaseGeometry]) -> None:
        shapes = np.asarray(geometries, dtype=object)
        # a valid polygon's inside is what an odd count of ray crossings says
        simple = shapely.is_valid(shapes) & (shapely.get_type_id(shapes) == _POLYGON)
        self._shapes = [_Shape(g, bool(s)) for g, s in zip(geometries, simple, strict=True)]
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
