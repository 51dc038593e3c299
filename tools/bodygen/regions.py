"""The region atlas: approximate region shapes, resolved into an exact tiling of the outline.

Each view lists its regions in priority order, each with a rough shape in half coordinates
(canonical side, ``u >= 0``). A region takes what its shape covers of the half-figure that
no earlier region took; whatever is left (slivers along the rounded contour) goes to the
neighbour it touches most, and stray crumbs of a region go to their neighbour too. The half
is then mirrored for the other client side, so the two sides are exact twins.

Limb regions are "strips": a band between two heights and between two fractions of the
limb's width at each height (0 = medial edge, 1 = lateral edge), so the borders follow the
limb's taper instead of cutting straight across it.
"""

from __future__ import annotations

from collections.abc import Callable

from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry import Point as ShapelyPoint
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from tools.bodygen.curves import closed_shape
from tools.bodygen.figure import FINGERS, Figure

Spec = tuple[str, BaseGeometry]
MULTI_PART_REGIONS: set[tuple[str, str]] = set()


def rect(u0: float, u1: float, y0: float, y1: float) -> Polygon:
    return box(u0, y0, u1, y1)


def poly(*points: tuple[float, float]) -> Polygon:
    return Polygon(points).buffer(0)


def smooth(*points: tuple[float, float]) -> Polygon:
    return closed_shape(points, steps=8)


def ellipse(cu: float, cy: float, ru: float, ry: float) -> BaseGeometry:
    return affinity.scale(ShapelyPoint(cu, cy).buffer(1.0, quad_segs=16), ru, ry)


def strip(part: BaseGeometry, y0: float, y1: float, f0: float, f1: float) -> BaseGeometry:
    """Band of ``part`` between heights and between fractions of its width (medial -> lateral)."""
    left: list[tuple[float, float]] = []
    right: list[tuple[float, float]] = []
    y = y0
    while True:
        line = box(-2000, y - 0.01, 3000, y + 0.01).intersection(part)
        if not line.is_empty:
            a, _, b, _ = line.bounds
            ua = a + f0 * (b - a) if f0 > 0 else a - 40
            ub = a + f1 * (b - a) if f1 < 1 else b + 40
            left.append((ua, y))
            right.append((ub, y))
        if y >= y1:
            break
        y = min(y1, y + 4)
    if len(left) < 2:
        return Polygon()
    return Polygon([*left, *reversed(right)]).buffer(0)


_BUTTOCK = closed_shape(
    ((0, 870), (150, 860), (175, 1000), (150, 1052), (60, 1058), (0, 1050)), steps=8
)


def _hand_specs(fig: Figure, front: bool) -> list[Spec]:
    p = fig.parts
    palm = p["palm"]
    specs: list[Spec] = [(f"{finger}_finger", p[finger].difference(palm)) for finger in FINGERS]
    thumb_free = p["thumb"].difference(palm).intersection(rect(300, 400, 1046, 1200))
    specs.append(("thumb", thumb_free))
    if front:
        specs += [
            ("thenar", smooth((300, 1004), (322, 1010), (342, 1052), (326, 1082), (304, 1060))),
            ("hypothenar", poly((230, 1008), (274, 1012), (276, 1092), (230, 1100))),
            ("palm", rect(230, 360, 1004, 1110)),
            ("volar_wrist", rect(230, 340, 962, 1010)),
        ]
    else:
        specs += [
            ("thumb_web", smooth((302, 1024), (326, 1016), (346, 1056), (330, 1086), (310, 1064))),
            ("dorsal_hand", rect(230, 360, 1004, 1110)),
            ("dorsal_wrist", rect(230, 340, 962, 1010)),
        ]
    return specs


def _arm_specs(fig: Figure, front: bool) -> list[Spec]:
    arm = fig.parts["arm"]
    upper = "anterior_arm" if front else "posterior_arm"
    forearm = "anterior_forearm" if front else "posterior_forearm"
    elbow_mid = "antecubital" if front else "olecranon"
    shoulder = "anterior_shoulder" if front else "posterior_shoulder"
    return [
        ("acromion", smooth((164, 372), (192, 378), (216, 394), (206, 412), (172, 406))),
        # the outer third of the deltoid cap, from the acromion down to the deltoid tubercle
        ("lateral_shoulder", poly((198, 398), (300, 396), (300, 556), (214, 556), (203, 470))),
        (shoulder, poly((160, 400), (200, 400), (205, 470), (216, 556), (184, 556), (158, 470))),
        (upper, arm.intersection(rect(150, 340, 470, 722))),
        ("medial_elbow", strip(arm, 722, 804, 0, 0.3)),
        (elbow_mid, strip(arm, 722, 804, 0.3, 0.7)),
        ("lateral_elbow", strip(arm, 722, 804, 0.7, 1)),
        (forearm, arm.intersection(rect(180, 360, 800, 968))),
    ]


def _anterior(fig: Figure) -> list[Spec]:
    p = fig.parts
    leg = unary_union([p["leg"], p["foot"]])
    return [
        ("ear", p["ear"]),
        *_hand_specs(fig, front=True),
        *_arm_specs(fig, front=True),
        ("vertex", rect(0, 120, 0, 84)),
        ("eye", ellipse(38, 180, 23, 11)),
        ("eyebrow", smooth((14, 163), (34, 154), (62, 156), (70, 166), (40, 166), (16, 170))),
        ("nose", poly((0, 160), (12, 160), (15, 200), (24, 230), (16, 238), (0, 238))),
        ("tmj", ellipse(80, 207, 10, 15)),
        ("lateral_head", poly((52, 84), (110, 84), (110, 128), (58, 124))),
        ("temple", poly((56, 124), (110, 124), (110, 192), (70, 192), (62, 170))),
        ("forehead", rect(0, 110, 84, 172)),
        ("chin", smooth((-20, 270), (24, 270), (32, 290), (24, 312), (-20, 312))),
        ("jaw", poly((26, 256), (70, 244), (110, 224), (110, 320), (20, 320), (28, 280))),
        ("cheek", rect(0, 110, 160, 290)),
        ("anterior_neck", rect(0, 29, 240, 367)),
        ("lateral_neck", poly((29, 240), (90, 240), (90, 326), (70, 346), (29, 362))),
        ("sternum", poly((0, 362), (20, 364), (22, 520), (18, 604), (0, 610))),
        (
            "infraclavicular",
            smooth((16, 364), (70, 342), (130, 364), (166, 394), (156, 428), (90, 426), (20, 416)),
        ),
        ("breast", ellipse(98, 550, 50, 42)),
        ("axilla", poly((146, 470), (172, 474), (186, 540), (176, 570), (144, 566))),
        ("pectoral", poly((16, 404), (168, 412), (160, 520), (146, 600), (16, 608))),
        ("lateral_chest", poly((146, 510), (240, 510), (240, 702), (112, 702), (124, 600))),
        ("flank", poly((118, 702), (240, 702), (240, 890), (152, 878), (126, 800))),
        ("epigastric", poly((0, 604), (18, 606), (46, 650), (40, 728), (0, 732))),
        ("upper_abdomen", rect(0, 140, 590, 762)),
        ("umbilical", ellipse(0, 790, 38, 36)),
        ("genitals", smooth((-20, 958), (22, 960), (24, 1000), (14, 1034), (-20, 1044))),
        ("groin", poly((14, 990), (34, 958), (116, 888), (134, 908), (104, 968), (30, 1040))),
        ("hypogastric", poly((0, 828), (40, 826), (38, 930), (0, 956))),
        # over the greater trochanter, lateral to the hip flexors
        ("lateral_hip", poly((148, 884), (240, 880), (240, 1040), (150, 1040), (140, 960))),
        ("anterior_hip", poly((104, 888), (160, 884), (168, 1040), (90, 1040), (110, 960))),
        ("lower_abdomen", rect(0, 170, 750, 980)),
        ("medial_thigh", strip(leg, 940, 1345, 0, 0.28)),
        # T&S: the adductors, sartorius and pectineus refer to the inner half of the front
        # of the thigh; tensor fasciae latae spills over its outer half
        ("medial_anterior_thigh", strip(leg, 940, 1345, 0.28, 0.53)),
        ("lateral_anterior_thigh", strip(leg, 940, 1345, 0.53, 0.78)),
        ("lateral_thigh", strip(leg, 940, 1345, 0.78, 1)),
        ("medial_knee", strip(leg, 1345, 1472, 0, 0.26)),
        ("anterior_knee", strip(leg, 1345, 1472, 0.26, 0.74)),
        ("lateral_knee", strip(leg, 1345, 1472, 0.74, 1)),
        ("medial_leg", strip(leg, 1472, 1768, 0, 0.3)),
        ("shin", strip(leg, 1472, 1768, 0.3, 0.68)),
        ("lateral_leg", strip(leg, 1472, 1768, 0.68, 1)),
        ("medial_ankle", strip(leg, 1768, 1818, 0, 0.34)),
        ("anterior_ankle", strip(leg, 1768, 1818, 0.34, 0.66)),
        ("lateral_ankle", strip(leg, 1768, 1818, 0.66, 1)),
        ("big_toe", p["big_toe"].intersection(rect(0, 200, 1864, 2000))),
        ("lesser_toes", p["lesser_toes"].intersection(rect(77, 200, 1860, 2000))),
        # T&S draw the dorsum (extensors, tibialis anterior) apart from the outer edge of the
        # foot (peroneus longus and brevis below the lateral malleolus)
        ("instep", strip(leg, 1790, 1920, 0, 0.72)),
        ("lateral_foot", rect(0, 200, 1790, 1920)),
    ]


def _posterior(fig: Figure) -> list[Spec]:
    p = fig.parts
    leg = unary_union([p["leg"], p["foot"]])
    sole = p["sole"]
    return [
        ("ear", p["ear"]),
        *_hand_specs(fig, front=False),
        *_arm_specs(fig, front=False),
        ("vertex", rect(0, 120, 0, 100)),
        ("mastoid", ellipse(76, 244, 14, 18)),
        ("lateral_head", poly((56, 100), (110, 100), (110, 234), (80, 228), (64, 190), (58, 150))),
        ("occiput", rect(0, 110, 100, 268)),
        ("posterior_neck", rect(0, 32, 250, 350)),
        (
            "neck_shoulder_angle",
            smooth((32, 346), (48, 312), (80, 328), (116, 350), (104, 384), (60, 384)),
        ),
        ("lateral_neck", rect(32, 100, 250, 340)),
        ("inferior_scapular_angle", ellipse(104, 610, 30, 28)),
        ("suprascapular", poly((70, 360), (110, 346), (200, 382), (184, 404), (78, 452))),
        (
            "infraspinous",
            poly((78, 452), (184, 404), (200, 430), (178, 510), (140, 574), (96, 590), (84, 520)),
        ),
        ("interscapular", rect(0, 92, 340, 606)),
        ("lateral_chest", poly((132, 500), (240, 500), (240, 664), (122, 664), (128, 590))),
        (
            "iliac_crest",
            poly(
                (48, 880),
                (100, 848),
                (150, 838),
                (182, 858),
                (182, 890),
                (150, 868),
                (100, 876),
                (58, 902),
            ),
        ),
        ("sacroiliac", ellipse(46, 912, 15, 26)),
        ("sacrum", poly((0, 872), (36, 878), (26, 962), (0, 992))),
        ("coccyx", poly((0, 984), (14, 982), (10, 1024), (0, 1030))),
        ("flank", poly((120, 664), (240, 664), (240, 880), (150, 858), (120, 820))),
        ("thoracic_paraspinal", rect(0, 120, 600, 745)),
        ("lumbar_paraspinal", rect(0, 120, 745, 900)),
        # over the greater trochanter, lateral to the gluteal mass
        ("lateral_hip", poly((150, 872), (240, 870), (240, 1044), (152, 1044), (140, 960))),
        # T&S draw the upper buttock (gluteus medius, along the crest) apart from the lower
        # buttock (piriformis line and below: piriformis, gluteus minimus, hamstrings)
        ("upper_buttock", _BUTTOCK.intersection(rect(0, 200, 850, 962))),
        ("lower_buttock", _BUTTOCK),
        ("medial_thigh", strip(leg, 940, 1345, 0, 0.26)),
        ("posterior_thigh", strip(leg, 940, 1345, 0.26, 0.76)),
        ("lateral_thigh", strip(leg, 940, 1345, 0.76, 1)),
        # the fossa: a diamond between the hamstrings above and the gastrocnemius heads below
        ("popliteal", smooth((91, 1346), (118, 1398), (91, 1460), (64, 1398))),
        ("medial_knee", strip(leg, 1345, 1462, 0, 0.5)),
        ("lateral_knee", strip(leg, 1345, 1462, 0.5, 1)),
        ("medial_leg", strip(leg, 1462, 1700, 0, 0.2)),
        ("upper_calf", strip(leg, 1462, 1580, 0.2, 0.8)),
        ("lower_calf", strip(leg, 1580, 1700, 0.2, 0.8)),
        ("lateral_leg", strip(leg, 1462, 1700, 0.8, 1)),
        ("achilles", strip(leg, 1700, 1800, 0.32, 0.68)),
        ("medial_leg", strip(leg, 1700, 1772, 0, 0.32)),
        ("lateral_leg", strip(leg, 1700, 1772, 0.68, 1)),
        ("medial_ankle", strip(leg, 1772, 1816, 0, 0.32)),
        ("lateral_ankle", strip(leg, 1772, 1816, 0.68, 1)),
        # plantar inset (soles): toes up, heel down, medial side toward the figure
        ("big_toe", p["sole_big_toe"].difference(sole)),
        ("lesser_toes", p["sole_lesser_toes"].difference(sole)),
        ("posterior_heel", rect(0, 200, 1800, 1920)),
        ("medial_heel", rect(300, 336, 1816, 1960)),
        ("plantar_heel", rect(336, 440, 1816, 1960)),
        ("ball_of_foot", rect(300, 440, 1560, 1690)),
        ("medial_arch", smooth((300, 1690), (356, 1690), (360, 1750), (354, 1816), (300, 1816))),
        # the middle of the sole (flexor digitorum brevis, quadratus plantae) apart from its
        # outer edge (abductor digiti minimi); the inset's lateral side is away from the figure
        ("mid_sole", rect(300, 386, 1680, 1820)),
        ("lateral_sole", rect(300, 440, 1680, 1820)),
    ]


SPEC_BUILDERS: dict[str, Callable[[Figure], list[Spec]]] = {
    "anterior": _anterior,
    "posterior": _posterior,
}


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    return [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon) and not g.is_empty]


def _touch(a: BaseGeometry, b: BaseGeometry) -> float:
    return a.buffer(0.8).intersection(b).area


def _give_away(piece: Polygon, pieces: dict[str, BaseGeometry], exclude: str | None) -> None:
    best, score = None, 0.0
    for name, geom in pieces.items():
        if name == exclude or geom.is_empty:
            continue
        s = _touch(piece, geom)
        if s > score:
            best, score = name, s
    if best is None:  # isolated: nearest region
        best = min(
            (n for n in pieces if n != exclude and not pieces[n].is_empty),
            key=lambda n: pieces[n].distance(piece),
        )
    pieces[best] = unary_union([pieces[best], piece])


def partition_half(view: str, fig: Figure) -> dict[str, BaseGeometry]:
    """Region name -> its part of the canonical half of the figure (u >= 0)."""
    half = fig.outline.intersection(box(0, -10, 2000, 2100))
    painted: BaseGeometry = Polygon()
    pieces: dict[str, BaseGeometry] = {}
    for name, shape in SPEC_BUILDERS[view](fig):
        piece = shape.intersection(half).difference(painted)
        pieces[name] = unary_union([pieces.get(name, Polygon()), piece]).buffer(0)
        painted = unary_union([painted, piece])
    # leftovers: slivers along the smoothed contour, the rounded joins
    for left in _polygons(half.difference(painted)):
        if left.area > 1e-6:
            _give_away(left, pieces, None)
    # crumbs: keep each region in one piece (except the ones meant to have several)
    for name in sorted(pieces):
        parts = sorted(_polygons(pieces[name]), key=lambda g: -g.area)
        if not parts:
            continue
        keep_all = (view, name) in MULTI_PART_REGIONS
        keep = [g for g in parts if keep_all and g.area > 50] or parts[:1]
        crumbs = [g for g in parts if all(g is not k for k in keep)]
        pieces[name] = MultiPolygon(keep) if len(keep) > 1 else keep[0]
        for crumb in crumbs:
            _give_away(crumb, pieces, name)
    result = {}
    for name, geom in pieces.items():
        polys = [
            Polygon(g.exterior, [r for r in g.interiors if Polygon(r).area > 1.0])
            for g in _polygons(geom.buffer(0))
            if g.area > 0.01
        ]
        if polys:
            result[name] = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    return result
