"""Shapely geometry (view coordinates) to Qt painter paths (scene coordinates).

Scene coordinates of a body view are the SVG user units of its viewBox, so the
conversion is a plain copy of the coordinates.

:func:`region_paths` gives a view's region paths from a disk cache beside the atlas's
(issue 18): building them point by point took ~20 ms of CPU per start (8,000 ``QPointF``,
and far longer while the worker thread held the GIL); reading them back is one
``QDataStream`` pass. The entry's key hashes the shapes themselves (their WKB), the Qt
version and this module's format, so a changed drawing or atlas misses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QPointF, qVersion
from PySide6.QtGui import QPainterPath, QPolygonF

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from nmt_bodymap.core.atlas import Atlas
    from nmt_bodymap.core.atlas_views import Geometry

PATHS_KIND = "scene-paths"
PATHS_FORMAT = "region-paths-1"  # change when path_from_geometry draws differently
_remembered: dict[str, list[QPainterPath]] = {}  # key -> paths, for a second scene


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


def paths_key(view: str, shapes: Sequence[Geometry | None]) -> str:
    """The cache key of ``shapes`` drawn as paths (their WKB, the Qt version, the format);
    the atlas's shapes give the WKB they were read from (no shapely import, issue 18)."""
    from nmt_bodymap.core.atlas_cache import StoredGeometry, content_key

    if all(s is None or isinstance(s, StoredGeometry) for s in shapes):
        wkb: list[bytes | None] = [None if s is None else s.wkb for s in shapes]
    else:
        import shapely

        from nmt_bodymap.core.atlas_views import resolved

        plain = [None if s is None else resolved(s) for s in shapes]
        wkb = list(shapely.to_wkb(plain, output_dimension=2))
    return content_key(PATHS_FORMAT, qVersion(), view, *(w if w is not None else b"" for w in wkb))


def pack_paths(paths: Sequence[QPainterPath]) -> bytes:
    data = QByteArray()
    stream = QDataStream(data, QIODevice.OpenModeFlag.WriteOnly)
    stream.writeUInt32(len(paths))
    for path in paths:
        stream << path
    return bytes(data.data())


def unpack_paths(payload: bytes, count: int) -> list[QPainterPath] | None:
    """The paths of :func:`pack_paths`; None when the payload is not ``count`` whole paths."""
    data = QByteArray(payload)  # kept alive while the stream reads it
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    if stream.readUInt32() != count:
        return None
    paths = []
    for _ in range(count):
        path = QPainterPath()
        stream >> path
        paths.append(path)
    if stream.status() != QDataStream.Status.Ok or not stream.atEnd():
        return None
    return paths


def region_paths(atlas: Atlas, view: str) -> list[QPainterPath]:
    """The path of every region of ``view``, in ``atlas.regions(view)`` order."""
    shapes = [region.source for region in atlas.regions(view)]
    return [QPainterPath(path) for path in _paths(view, shapes)]


def muscle_paths(atlas: Atlas, view: str) -> dict[tuple[str, str], QPainterPath]:
    """The outline path of every muscle (id, side) drawn on ``view``, from the same disk
    cache: a candidate chosen shows its muscle without building the path point by point
    (nor a shapely call) on the GUI thread. Empty shapes have no path."""
    keys = atlas.muscle_keys(view)
    shapes = [atlas.muscle_source(view, muscle_id, side) for muscle_id, side in keys]
    paths = _paths(f"{view}:muscles", shapes)
    return {key: path for key, path in zip(keys, paths, strict=True) if not path.isEmpty()}


def _paths(view: str, shapes: Sequence[Geometry | None]) -> list[QPainterPath]:
    """The paths of ``shapes`` (kept for the process, and on disk across runs)."""
    from nmt_bodymap.core import atlas_cache
    from nmt_bodymap.core.atlas_views import resolved

    key = paths_key(view, shapes)
    paths = _remembered.get(key)
    if paths is None:
        payload = atlas_cache.read_entry(PATHS_KIND, key)
        paths = unpack_paths(payload, len(shapes)) if payload is not None else None
        if paths is None:
            paths = [path_from_geometry(None if s is None else resolved(s)) for s in shapes]
            atlas_cache.write_entry(PATHS_KIND, key, pack_paths(paths))
        _remembered[key] = paths
    return paths
