"""Write ``assets/body_svgs/anterior.svg`` and ``posterior.svg``.

Run ``python -m tools.bodygen.build`` from the repository root. The committed SVGs are the
product (the app reads only them); this generator exists so the figure can be redrawn
consistently: landmarks -> smooth body parts -> silhouette -> region tiling -> SVG layers
(see docs/architecture.md). The muscle layer comes from ``tools.bodygen.muscles`` when that
module exists: ``draw_muscles(view) -> (muscle_elements, axis_elements)``, SVG element
strings for the ``muscles`` and ``muscle-axes`` layers.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from xml.sax.saxutils import escape

import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polygonize, unary_union

from nmt_bodymap.core.vocabulary import surface_regions
from tools.bodygen.figure import build_figure, mirror_u
from tools.bodygen.guides import guides
from tools.bodygen.landmarks import CENTRE_X, VIEW_BOX, VIEWS, lateral_sign
from tools.bodygen.regions import partition_half

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "assets" / "body_svgs"

STYLE = """
.outline { fill: #fbf4ec; stroke: #4a4039; stroke-width: 2.4; stroke-linejoin: round; }
.contour { fill: none; stroke: #4a4039; stroke-width: 2.4; stroke-linejoin: round; }
.region { fill: #f3e6d8; fill-opacity: 0.35; stroke: #c9b6a4; stroke-width: 0.8;
  stroke-linejoin: round; }
.landmark { fill: none; stroke: #a08c7c; stroke-width: 1.3; stroke-linecap: round;
  stroke-linejoin: round; }
.inset-frame { fill: none; stroke: #b8a89a; stroke-width: 1.2; stroke-dasharray: 6 4; }
.caption { font-family: sans-serif; font-size: 22px; fill: #7a6a5c; text-anchor: middle; }
.muscle { fill: #c8553d; fill-opacity: 0.22; stroke: #a23a28; stroke-width: 1.2; }
.muscle.deep { fill-opacity: 0.08; stroke-dasharray: 6 4; }
.axis { stroke: #2a6fb0; stroke-width: 1.5; fill: none; }
"""


def _to_view(geom: BaseGeometry, view: str, side: str) -> BaseGeometry:
    sign = 1 if side == "midline" else lateral_sign(view, side)
    return affinity.affine_transform(geom, [sign, 0, 0, 1, CENTRE_X, 0])


def _path_data(geom: BaseGeometry) -> str:
    polys = [geom] if isinstance(geom, Polygon) else list(getattr(geom, "geoms", []))
    out = []
    for p in polys:
        for ring in [p.exterior, *p.interiors]:
            coords = list(ring.coords)[:-1]
            pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in coords)
            out.append(f"M{pts}Z")
    return " ".join(out)


def _num(v: float) -> str:
    s = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def _line_data(points: list[tuple[float, float]]) -> str:
    return "M" + " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def view_regions(view: str) -> dict[tuple[str, str], BaseGeometry]:
    """(region, client side) -> shape in view coordinates, an exact tiling of the figure."""
    fig = build_figure(view)
    half = simplified_coverage(partition_half(view, fig))
    vocab = surface_regions()
    shapes: dict[tuple[str, str], BaseGeometry] = {}
    for name, geom in half.items():
        if name not in vocab:
            raise ValueError(f"{view}: region {name!r} is not in the vocabulary")
        if vocab[name].sides == "midline":
            shapes[(name, "midline")] = _to_view(
                unary_union([geom, mirror_u(geom)]), view, "midline"
            )
        else:
            for side in ("right", "left"):
                shapes[(name, side)] = _to_view(geom, view, side)
    keys = sorted(shapes)
    snapped = [shapely.make_valid(shapes[k]) for k in keys]
    return {k: _polygonal(g) for k, g in zip(keys, snapped, strict=True)}


SIMPLIFY_TOLERANCE = 0.6  # view units; a 1400 px wide picture draws 1.4 px per unit


def simplified_coverage(pieces: dict[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    """The same tiling with far fewer points, every shared border simplified once.

    The pieces come out of a chain of overlays, so twin borders differ by hundredths of a
    unit. Polygonizing all borders (snapped to a 0.01 grid) rebuilds them as one coverage
    whose neighbours share exact vertices; ``coverage_simplify`` then thins each border
    once for both sides, so no gap or overlap can open between regions.
    """
    keys = sorted(pieces)
    geoms = [pieces[k] for k in keys]
    borders = unary_union([shapely.set_precision(g, 0.01).boundary for g in geoms])
    tree = shapely.STRtree(geoms)
    faces: dict[str, list[Polygon]] = {k: [] for k in keys}
    for face in polygonize(shapely.get_parts(borders)):
        hits = list(tree.query(face))
        if hits:
            best = max(hits, key=lambda i: geoms[i].intersection(face).area)
            faces[keys[best]].append(face)
    coverage = [unary_union(faces[k]) for k in keys]
    simple = shapely.coverage_simplify(coverage, SIMPLIFY_TOLERANCE)
    return {k: g for k, g in zip(keys, simple, strict=True) if not g.is_empty}


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    polys = [
        g
        for g in shapely.get_parts(shapely.get_parts(geom))
        if isinstance(g, Polygon) and g.area > 0.01
    ]
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def _guide_elements(view: str, outline: BaseGeometry) -> list[str]:
    """Guide lines, clipped to the figure so none runs off the body."""
    inside = outline.buffer(-1.5)
    elems = []
    for points, _closed, bilateral in guides(view):
        sides = ("right", "left") if bilateral else ("midline",)
        for side in sides:
            sign = 1 if side == "midline" else lateral_sign(view, side)
            pts = [(CENTRE_X + sign * u, y) for u, y in points]
            line = LineString(pts).simplify(SIMPLIFY_TOLERANCE)
            for part in shapely.get_parts(line.intersection(inside)):
                if isinstance(part, LineString) and part.length > 1:
                    elems.append(f'<path class="landmark" d="{_line_data(list(part.coords))}"/>')
    if view == "posterior":
        for side in ("right", "left"):
            cx = CENTRE_X + lateral_sign(view, side) * 366
            elems.append(
                f'<rect class="inset-frame" x="{_num(cx - 88)}" y="1500" width="176" '
                f'height="430" rx="18"/>'
            )
    return elems


def _caption_elements(view: str) -> list[str]:
    """The captions' places and English words, in a hidden layer: the app paints them
    translated (nmt_bodymap/ui/map/captions.py), so no English stays in a German picture."""
    elems = [
        "<!-- Hidden: the app paints these words in the therapist's language at these "
        "places (ui/map/captions.py). -->"
    ]
    if view == "posterior":
        for side in ("right", "left"):
            cx = CENTRE_X + lateral_sign(view, side) * 366
            label = f"{side.capitalize()} sole"
            elems.append(f'<text class="caption" x="{_num(cx)}" y="1960">{escape(label)}</text>')
        elems.append('<text class="caption" x="500" y="1990">Posterior (back) view</text>')
    else:
        elems.append('<text class="caption" x="500" y="1990">Anterior (front) view</text>')
    for side in ("right", "left"):
        x = CENTRE_X + lateral_sign(view, side) * 420
        elems.append(f'<text class="caption" x="{_num(x)}" y="40">Client\'s {side}</text>')
    return elems


def _muscle_elements(view: str) -> tuple[list[str], list[str]]:
    try:
        module = importlib.import_module("tools.bodygen.muscles")
    except ImportError as exc:  # the muscle layer is optional for the generator
        print(f"note: muscle layer left empty ({exc})")
        return [], []
    return module.draw_muscles(view)


def _layer(layer_id: str, elements: list[str], extra: str = "") -> str:
    body = "\n    ".join(elements)
    return (
        f'  <g inkscape:groupmode="layer" id="{layer_id}" inkscape:label="{layer_id}"{extra}>\n'
        f"    {body}\n  </g>"
    )


def build_svg(view: str) -> str:
    regions = view_regions(view)
    # the figure has no holes: seams of a few hundredths between regions are not gaps
    # (closing by a twentieth of a unit also shuts zero-width slits left along seams)
    union = unary_union(list(regions.values()))
    union = union.buffer(0.05, join_style="mitre").buffer(-0.05, join_style="mitre")
    outline = unary_union([Polygon(p.exterior) for p in shapely.get_parts(union)])
    outline = outline.simplify(0.05)
    min_x, min_y, width, height = VIEW_BOX
    region_elems = [
        f'<path id="region-{name}-{side}" class="region" d="{_path_data(geom)}"/>'
        for (name, side), geom in sorted(regions.items())
    ]
    outline_d = _path_data(outline)
    muscles, axes = _muscle_elements(view)
    guides_layer = [f'<path class="contour" d="{outline_d}"/>', *_guide_elements(view, outline)]
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            "<!-- This drawing is the source of the body map's geometry: edit it in Inkscape, "
            "keep the ids (region-<name>-<side>, muscle-<id>-<side>, axis-<id>-<side>, the "
            "outline layer), then run python tools/validate_drawings.py. tools/bodygen only "
            "bootstrapped it: re-running it overwrites edits. -->",
            '<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
            f'id="body-{view}" viewBox="{_num(min_x)} {_num(min_y)} {_num(width)} '
            f'{_num(height)}" width="{_num(width)}" height="{_num(height)}">',
            f"  <title>NMT Body Map - {view} view</title>",
            f"  <style>{STYLE}  </style>",
            _layer("outline", [f'<path id="outline-path" class="outline" d="{outline_d}"/>']),
            _layer("regions", region_elems),
            _layer("landmarks", guides_layer),
            _layer("captions", _caption_elements(view), ' style="display:none"'),
            _layer("muscles", muscles),
            _layer("muscle-axes", axes, ' style="display:none"'),
            "</svg>",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--view", choices=VIEWS, action="append")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for view in args.view or VIEWS:
        path = args.out / f"{view}.svg"
        path.write_text(build_svg(view), encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
