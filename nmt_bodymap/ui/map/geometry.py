"""Shapely geometry (view coordinates) to Qt painter paths (scene coordinates).

Scene coordinates of a body view are the SVG user units of its viewBox, so the
conversion is a plain copy of the coordinates.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry.base import BaseGeometry


def _ring(coords: Iterable[tuple[float, ...]]) -> QPolygonF:
    return QPolygonF([QPointF(c[0], c[1]) for c in coords])


def _polygons(geometry: BaseGeometry) -> Iterable[BaseGeometry]:
    kind = geometry.geom_type
    if kind == "Polygon":
        yield geometry
    elif kind in ("MultiPolygon", "GeometryCollection"):
        for part in geometry.geoms:
            yield from _polygons(part)


def path_from_geometry(geometry: BaseGeometry | None) -> QPainterPath:
    """A filled path with holes (odd-even fill) for a polygon or multi-polygon."""
    path = QPainterPath()
    path.setFillRule(path.fillRule().OddEvenFill)
    if geometry is None or geometry.is_empty:
        return path
    for polygon in _polygons(geometry):
        path.addPolygon(_ring(polygon.exterior.coords))
        path.closeSubpath()
        for hole in polygon.interiors:
            path.addPolygon(_ring(hole.coords))
            path.closeSubpath()
    return path
