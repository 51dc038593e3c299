"""Read the body drawings into shapely geometry, keyed by SVG element id.

The SVG is the single source of geometry: paths are parsed with svgelements, curves
flattened into short chords and every transform (the element's and its groups') applied,
so the atlas sees exactly what Qt draws.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path as FilePath

from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from svgelements import Close, Line, Matrix, Move, Path

SVG_NS = "{http://www.w3.org/2000/svg}"
CURVE_STEPS = 10


@dataclass
class SvgShapes:
    """Geometry of one drawing: filled shapes and open lines by id, plus layer membership."""

    view_box: tuple[float, float, float, float]
    areas: dict[str, BaseGeometry] = field(default_factory=dict)
    lines: dict[str, LineString] = field(default_factory=dict)
    layer_of: dict[str, str] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)


_PLAIN_POLYLINE = re.compile(r"^[MLZ0-9.,\s-]*$")
_NUMBER = re.compile(r"-?\d*\.?\d+(?:[eE][-+]?\d+)?")


def _plain_subpaths(d: str) -> list[tuple[list[tuple[float, float]], bool]]:
    """Fast reading of absolute move/line/close data, as the generator writes it."""
    out: list[tuple[list[tuple[float, float]], bool]] = []
    for chunk in d.split("M")[1:]:
        closed = "Z" in chunk
        nums = [float(n) for n in _NUMBER.findall(chunk.replace("L", " ").replace("Z", " "))]
        pts = list(zip(nums[0::2], nums[1::2], strict=False))
        if len(pts) >= 2:
            out.append((pts, closed))
    return out


def _subpaths(d: str, matrix: Matrix) -> list[tuple[list[tuple[float, float]], bool]]:
    """Flattened sub-paths of path data: (points, closed)."""
    if matrix.is_identity() and _PLAIN_POLYLINE.match(d):
        return _plain_subpaths(d)
    path = Path(d) * matrix if not matrix.is_identity() else Path(d)
    out: list[tuple[list[tuple[float, float]], bool]] = []
    for sub in path.as_subpaths():
        pts: list[tuple[float, float]] = []
        closed = False
        for seg in sub:
            if isinstance(seg, Move):
                pts.append((seg.end.x, seg.end.y))
            elif isinstance(seg, Close):
                closed = True
            elif isinstance(seg, Line):
                pts.append((seg.end.x, seg.end.y))
            else:
                for i in range(1, CURVE_STEPS + 1):
                    p = seg.point(i / CURVE_STEPS)
                    pts.append((p.x, p.y))
        if len(pts) >= 2:
            out.append((pts, closed))
    return out


def _area_of(subpaths: list[tuple[list[tuple[float, float]], bool]]) -> BaseGeometry:
    """Even-odd fill of closed sub-paths (holes come out as holes)."""
    rings = [Polygon(pts).buffer(0) for pts, _ in subpaths if len(pts) >= 3]
    geom: BaseGeometry = Polygon()
    for ring in rings:
        geom = geom.symmetric_difference(ring)
    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    return unary_union([g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon)])


def _matrix(transform: str | None) -> Matrix:
    return Matrix(transform) if transform else Matrix()


def load_svg_shapes(path: FilePath) -> SvgShapes:
    """Parse every element with an id (paths, lines) of the drawing at ``path``."""
    root = ET.parse(path).getroot()
    vb = [float(v) for v in (root.get("viewBox") or "0 0 1000 2000").replace(",", " ").split()]
    shapes = SvgShapes(view_box=(vb[0], vb[1], vb[2], vb[3]))

    def walk(node: ET.Element, matrix: Matrix, layer: str) -> None:
        for child in node:
            tag = child.tag.removeprefix(SVG_NS)
            m = Matrix(_matrix(child.get("transform")) * matrix)
            if tag == "g":
                walk(child, m, child.get("id") or layer)
                continue
            element_id = child.get("id")
            if not element_id:
                continue
            shapes.layer_of[element_id] = layer
            shapes.classes[element_id] = frozenset((child.get("class") or "").split())
            if tag == "path":
                subs = _subpaths(child.get("d") or "", m)
                if subs and all(closed for _, closed in subs):
                    shapes.areas[element_id] = _area_of(subs)
                elif subs:
                    shapes.lines[element_id] = LineString(subs[0][0])
            elif tag == "line":
                coords = [
                    m.point_in_matrix_space((float(child.get(a) or 0), float(child.get(b) or 0)))
                    for a, b in (("x1", "y1"), ("x2", "y2"))
                ]
                shapes.lines[element_id] = LineString([(p.x, p.y) for p in coords])

    walk(root, Matrix(), "")
    return shapes
