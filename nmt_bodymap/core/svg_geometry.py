"""Read the body drawings into shapely geometry, keyed by SVG element id.

The SVG is the single source of geometry: paths are parsed with svgelements, curves
flattened into short chords and every transform (the element's and its groups') applied,
so the atlas sees exactly what Qt draws.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path as FilePath

import numpy as np
import shapely
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


_PLAIN_PATH = re.compile(r"^[MLCZ0-9.,\s+eE-]*$")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TOKEN = re.compile(r"[MLCZ]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _cubic(
    p0: tuple[float, float],
    c1: tuple[float, float],
    c2: tuple[float, float],
    p3: tuple[float, float],
) -> list[tuple[float, float]]:
    """Chords of a cubic curve, finer for longer curves (about one per 4 units)."""
    reach = math.dist(p0, c1) + math.dist(c1, c2) + math.dist(c2, p3)
    steps = max(1, min(CURVE_STEPS, math.ceil(reach / 4)))
    return [cubic_point(p0, c1, c2, p3, i / steps) for i in range(1, steps + 1)]


def cubic_point(
    p0: tuple[float, float],
    c1: tuple[float, float],
    c2: tuple[float, float],
    p3: tuple[float, float],
    t: float,
) -> tuple[float, float]:
    """The point at ``t`` (0..1) of the cubic Bezier p0 -> p3 with controls c1, c2."""
    a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
    return (
        a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0],
        a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1],
    )


def _plain_subpaths(d: str) -> list[tuple[list[tuple[float, float]], bool]]:
    """Fast reading of absolute move/line/cubic/close data, as the generators write it."""
    if "C" not in d:  # a polygon as the region generator writes it: numbers only
        lines = []
        for chunk in d.split("M")[1:]:
            nums = np.array(_NUMBER.findall(chunk), dtype=float)
            if len(nums) >= 4:
                lines.append((nums[: len(nums) // 2 * 2].reshape(-1, 2), "Z" in chunk))
        return lines  # type: ignore[return-value]
    out: list[tuple[list[tuple[float, float]], bool]] = []
    pts: list[tuple[float, float]] = []
    closed = False
    command = "M"
    numbers: list[float] = []

    def flush() -> None:
        if len(pts) >= 2:
            out.append((list(pts), closed))

    for token in _TOKEN.findall(d):
        if token in "MLCZ":
            command = token
            if token == "Z":
                closed = True
            continue
        numbers.append(float(token))
        if command == "M" and len(numbers) == 2:
            flush()
            pts = [(numbers[0], numbers[1])]
            closed = False
            numbers.clear()
            command = "L"  # further pairs after a move are lines
        elif command == "L" and len(numbers) == 2:
            pts.append((numbers[0], numbers[1]))
            numbers.clear()
        elif command == "C" and len(numbers) == 6:
            start = pts[-1] if pts else (numbers[0], numbers[1])
            pts += _cubic(
                start,
                (numbers[0], numbers[1]),
                (numbers[2], numbers[3]),
                (numbers[4], numbers[5]),
            )
            numbers.clear()
    flush()
    return out


def _subpaths(d: str, matrix: Matrix) -> list[tuple[list[tuple[float, float]], bool]]:
    """Flattened sub-paths of path data: (points, closed)."""
    if matrix.is_identity() and _PLAIN_PATH.match(d):
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
    rings = []
    for pts, _ in subpaths:
        if len(pts) >= 3:
            ring = Polygon(pts)
            rings.append(ring if shapely.is_valid(ring) else ring.buffer(0))
    if len(rings) == 1:
        return rings[0]
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
    return parse_svg_shapes(FilePath(path).read_bytes())


def parse_svg_shapes(data: bytes) -> SvgShapes:
    """Parse every element with an id (paths, lines) of the drawing ``data`` (SVG bytes).

    Taking the bytes lets the atlas hash and parse one read of the file, so its cache key
    always describes exactly what was parsed.
    """
    root = ET.fromstring(data)
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
