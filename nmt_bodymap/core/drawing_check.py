"""Check the body drawings (the SVGs are the source; their ids are the contract).

The drawings in ``assets/body_svgs`` are edited by hand (Inkscape) or bootstrapped by
``tools/bodygen``; either way, what the app relies on is checked here, by element id:

- ids: every ``region-<name>-<side>`` names a surface region of ``resources/regions.yaml``
  with a side that fits it, every region the vocabulary puts on a view is drawn there on
  each of its sides, no id is used twice, there is an outline;
- tiling: the regions cover the outline without gaps or overlaps beyond a tolerance;
- sides: the client's left is on the viewer's right in the front view and on the viewer's
  left in the back view; a midline region straddles the midline;
- mirroring: a left region and its right twin are mirror images (area and position);
  a muscle drawn on one side is drawn on the other.

Each problem is one line naming the view, the element id and what is wrong, so an
illustrator can find it in Inkscape's XML editor (Ctrl+Shift+X).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from nmt_bodymap.core.sides import VIEWS
from nmt_bodymap.core.svg_geometry import SvgShapes, parse_svg_shapes
from nmt_bodymap.core.vocabulary import RegionDef, drawn_regions

_REGION_ID = re.compile(r"^region-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")
_MUSCLE_ID = re.compile(r"^muscle-(?P<name>[a-z0-9_]+)-(?P<side>left|right|midline)$")


@dataclass(frozen=True)
class Tolerance:
    """How far a drawing may stray (fractions of an area or of the drawing's width)."""

    gap: float = 0.005  # regions vs outline: symmetric difference / outline area
    overlap: float = 0.001  # one pair's shared area / the smaller region's area
    twin_area: float = 0.05  # left vs right twin: area difference / area
    twin_place: float = 0.05  # mirrored position difference / drawing width
    midline: float = 0.02  # a midline region's centre off the midline / drawing width


def _ids(data: bytes) -> list[str]:
    return [el.get("id") or "" for el in ET.fromstring(data).iter() if el.get("id")]


def _regions(shapes: SvgShapes) -> dict[tuple[str, str], BaseGeometry]:
    found: dict[tuple[str, str], BaseGeometry] = {}
    for element_id, geom in shapes.areas.items():
        if match := _REGION_ID.match(element_id):
            found[(match["name"], match["side"])] = geom
    return found


def _check_ids(
    view: str, shapes: SvgShapes, ids: list[str], vocabulary: dict[str, RegionDef]
) -> list[str]:
    problems = [f"{view}: id {i!r} is used {n} times" for i, n in Counter(ids).items() if n > 1]
    if not any(shapes.layer_of.get(i) == "outline" or i == "outline" for i in shapes.areas):
        problems.append(f"{view}: no outline (a closed path in the layer with id 'outline')")
    for element_id in ids:
        layer = shapes.layer_of.get(element_id)
        if element_id.startswith("region-") or layer == "regions":
            match = _REGION_ID.match(element_id)
            if match is None:
                problems.append(f"{view}: {element_id}: not of the form region-<name>-<side>")
                continue
            entry = vocabulary.get(match["name"])
            if entry is None:
                problems.append(f"{view}: {element_id}: {match['name']!r} is not in regions.yaml")
            elif match["side"] not in entry.client_sides():
                problems.append(
                    f"{view}: {element_id}: {entry.name} is {entry.sides} in regions.yaml, "
                    f"so its sides are {' and '.join(entry.client_sides())}"
                )
            elif element_id not in shapes.areas:
                problems.append(f"{view}: {element_id}: not a closed shape")
    for name, entry in vocabulary.items():
        if view in entry.views and not entry.parts:  # a whole is drawn as its parts
            for side in entry.client_sides():
                if f"region-{name}-{side}" not in shapes.areas:
                    problems.append(f"{view}: region-{name}-{side} is missing (regions.yaml)")
    return problems


def _check_tiling(
    view: str,
    outline: BaseGeometry,
    regions: dict[tuple[str, str], BaseGeometry],
    tol: Tolerance,
) -> list[str]:
    problems: list[str] = []
    union = unary_union(list(regions.values()))
    stray = union.symmetric_difference(outline).area
    if stray > tol.gap * outline.area:
        gaps = outline.difference(union)
        worst = max(getattr(gaps, "geoms", [gaps]), key=lambda g: g.area)
        point = worst.representative_point()
        problems.append(
            f"{view}: regions and outline differ by {stray:.0f} units² "
            f"(allowed {tol.gap * outline.area:.0f}); largest gap near "
            f"({point.x:.0f}, {point.y:.0f})"
        )
    items = sorted(regions.items())
    for i, ((name_a, side_a), a) in enumerate(items):
        for (name_b, side_b), b in items[i + 1 :]:
            if not a.bounds[0] <= b.bounds[2] or not b.bounds[0] <= a.bounds[2]:
                continue
            if not a.bounds[1] <= b.bounds[3] or not b.bounds[1] <= a.bounds[3]:
                continue
            shared = a.intersection(b).area
            if shared > tol.overlap * min(a.area, b.area):
                problems.append(
                    f"{view}: region-{name_a}-{side_a} and region-{name_b}-{side_b} "
                    f"overlap by {shared:.0f} units²"
                )
    return problems


def _check_sides(
    view: str,
    width: float,
    left_edge: float,
    regions: dict[tuple[str, str], BaseGeometry],
    tol: Tolerance,
) -> list[str]:
    problems: list[str] = []
    centre = left_edge + width / 2
    # the client's left: the viewer's right when facing the client, the viewer's left behind
    left_on_high_x = view == "anterior"
    for (name, side), geom in sorted(regions.items()):
        x = geom.centroid.x
        element = f"region-{name}-{side}"
        if side == "midline":
            if abs(x - centre) > tol.midline * width:
                problems.append(f"{view}: {element}: its centre is off the midline")
            continue
        on_high_x = x > centre
        if on_high_x != (left_on_high_x == (side == "left")):
            where = "right" if on_high_x else "left"
            problems.append(
                f"{view}: {element}: drawn on the viewer's {where}, "
                f"the wrong side for the client's {side} in the {view} view"
            )
        twin = regions.get((name, "right" if side == "left" else "left"))
        if twin is None or side != "left":
            continue
        if abs(twin.area - geom.area) > tol.twin_area * geom.area:
            problems.append(
                f"{view}: {element} and its right twin differ in area "
                f"({geom.area:.0f} vs {twin.area:.0f} units²)"
            )
        mirrored = 2 * centre - twin.centroid.x
        if abs(mirrored - x) > tol.twin_place * width or abs(twin.centroid.y - geom.centroid.y) > (
            tol.twin_place * width
        ):
            problems.append(f"{view}: {element} and its right twin are not mirror images")
    return problems


def _check_muscles(view: str, shapes: SvgShapes) -> list[str]:
    drawn = {
        (m["name"], m["side"])
        for element_id in [*shapes.areas, *shapes.lines]
        if (m := _MUSCLE_ID.match(element_id))
    }
    return [
        f"{view}: muscle-{name}-{side} has no twin muscle-{name}-{twin}"
        for name, side in sorted(drawn)
        if side != "midline" and (name, twin := "right" if side == "left" else "left") not in drawn
    ]


def check_drawing(view: str, data: bytes, tol: Tolerance | None = None) -> list[str]:
    """Problems of one drawing (``view`` is anterior or posterior); empty when it is sound."""
    tol = tol or Tolerance()
    try:
        shapes = parse_svg_shapes(data)
        ids = _ids(data)
    except (ET.ParseError, ValueError) as exc:
        return [f"{view}: not a readable SVG ({exc})"]
    vocabulary = drawn_regions()  # a region split into parts is drawn as its parts
    problems = _check_ids(view, shapes, ids, vocabulary)
    regions = _regions(shapes)
    outline_parts = [g for i, g in shapes.areas.items() if shapes.layer_of.get(i) == "outline"]
    if outline_parts and regions:
        problems += _check_tiling(view, unary_union(outline_parts), regions, tol)
    left_edge, _top, width, _height = shapes.view_box
    problems += _check_sides(view, width, left_edge, regions, tol)
    problems += _check_muscles(view, shapes)
    return problems


def check_drawings(folder: Path, tol: Tolerance | None = None) -> list[str]:
    """Problems of ``folder/<view>.svg`` for every view, and of the views together."""
    problems: list[str] = []
    boxes: dict[str, tuple[str, ...]] = {}
    for view in VIEWS:
        path = folder / f"{view}.svg"
        if not path.is_file():
            problems.append(f"{view}: {path} is missing")
            continue
        data = path.read_bytes()
        problems += check_drawing(view, data, tol)
        try:
            boxes[view] = tuple(ET.fromstring(data).get("viewBox", "").replace(",", " ").split())
        except ET.ParseError:
            continue
    if len(set(boxes.values())) > 1:
        problems.append(f"the views' viewBoxes differ: {boxes}")
    return problems
