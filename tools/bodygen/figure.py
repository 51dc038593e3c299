"""The silhouette, built from body parts in half coordinates.

Half coordinates are ``(u, y)``: ``u`` is the lateral distance from the midline (positive on
the side being drawn), ``y`` the view's y. Parts are smooth shapes through landmarks; the
silhouette is their union with the concave joins (armpit, crotch, neck) rounded off.
Hands and feet join afterwards so the gaps between fingers and toes stay open.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely import affinity
from shapely.geometry import Point as ShapelyPoint
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from tools.bodygen.curves import capsule, closed_shape, symmetric_shape, tapered_capsule
from tools.bodygen.landmarks import half_coordinates

FINGERS = ("index", "middle", "ring", "little")
# radius at the knuckle and at the fingertip: fingers taper
FINGER_RADIUS = {
    "index": (8.0, 6.4),
    "middle": (8.4, 6.8),
    "ring": (8.0, 6.4),
    "little": (7.0, 5.6),
}


@dataclass(frozen=True)
class Figure:
    """Construction parts (half coordinates, canonical side u > 0) and the full outline."""

    view: str
    parts: dict[str, BaseGeometry]  # bilateral parts on u > 0, midline parts symmetric
    outline: BaseGeometry  # symmetric silhouette in half coordinates (u signed)


def mirror_u(geom: BaseGeometry) -> BaseGeometry:
    return affinity.scale(geom, xfact=-1.0, yfact=1.0, origin=(0, 0))


def _both(geom: BaseGeometry) -> BaseGeometry:
    return unary_union([geom, mirror_u(geom)])


def build_figure(view: str) -> Figure:
    lm = half_coordinates(view)
    parts: dict[str, BaseGeometry] = {}

    parts["head"] = symmetric_shape(
        [
            (0, 60),
            (40, 64),
            (68, 82),
            (85, 112),
            (91, 150),
            (90, 190),
            (85, 226),
            (73, 260),
            (54, 284),
            (28, 298),
            (0, 301),
        ]
    )
    parts["ear"] = closed_shape(
        [(86, 172), (95, 168), (101, 180), (101, 202), (97, 222), (90, 237), (84, 232)]
    )
    parts["neck"] = symmetric_shape(
        [(0, 250), (46, 250), (48, 292), (52, 330), (62, 356), (0, 360)]
    )
    parts["torso"] = symmetric_shape(
        [
            (0, 334),
            (52, 334),
            (84, 350),
            (122, 362),
            (160, 373),
            (190, 382),
            (212, 396),
            (226, 418),
            (229, 446),
            (222, 482),
            (196, 502),
            (172, 508),
            (166, 540),
            (162, 600),
            (150, 662),
            (132, 722),
            (128, 762),
            (137, 822),
            (156, 880),
            (169, 930),
            (174, 972),
            (166, 1002),
            (120, 1018),
            (40, 1022),
            (0, 1020),
        ]
    )
    parts["arm"] = closed_shape(
        [
            (196, 390),
            (218, 404),
            (231, 434),
            (238, 476),
            (242, 526),
            (247, 584),
            (257, 652),
            (273, 712),
            (288, 760),
            (296, 808),
            (302, 864),
            (306, 924),
            (310, 992),
            (286, 1004),
            (260, 994),
            (252, 926),
            (239, 862),
            (226, 802),
            (217, 752),
            (209, 698),
            (199, 640),
            (188, 582),
            (178, 532),
            (168, 496),
            (166, 440),
        ]
    )
    parts["palm"] = closed_shape(
        [
            (259, 990),
            (285, 986),
            (309, 990),
            (320, 1018),
            (327, 1056),
            (326, 1084),
            (309, 1094),
            (290, 1096),
            (272, 1092),
            (258, 1082),
            (253, 1052),
            (254, 1018),
        ]
    )
    parts["thumb"] = tapered_capsule(
        [lm["thumb_base"], lm["thumb_mcp"], lm["thumb_ip"], lm["thumb_tip"]], 11.5, 7.6
    )
    for finger in FINGERS:
        parts[finger] = tapered_capsule(
            [lm[f"{finger}_base"], lm[f"{finger}_tip"]], *FINGER_RADIUS[finger]
        )
    parts["leg"] = closed_shape(
        [
            (120, 925),
            (162, 940),
            (173, 980),
            (171, 1040),
            (163, 1120),
            (152, 1220),
            (141, 1320),
            (133, 1390),
            (127, 1442),
            (132, 1492),
            (135, 1540),
            (129, 1602),
            (118, 1682),
            (110, 1752),
            (113, 1798),
            (88, 1806),
            (63, 1796),
            (61, 1758),
            (55, 1700),
            (47, 1622),
            (45, 1542),
            (51, 1470),
            (52, 1420),
            (47, 1378),
            (39, 1300),
            (30, 1200),
            (20, 1100),
            (11, 1040),
            (6, 1012),
            (40, 940),
        ]
    )
    if view == "anterior":
        foot = closed_shape(
            [
                (62, 1784),
                (90, 1790),
                (116, 1794),
                (127, 1818),
                (137, 1844),
                (142, 1862),
                (120, 1872),
                (84, 1876),
                (54, 1876),
                (50, 1850),
                (55, 1816),
            ]
        )
        toes = [
            ShapelyPoint(64, 1877).buffer(13.5),
            ShapelyPoint(88.5, 1873).buffer(9.2),
            ShapelyPoint(106, 1869).buffer(8.6),
            ShapelyPoint(122, 1865).buffer(8.0),
            ShapelyPoint(136.5, 1860).buffer(7.0),
        ]
        parts["big_toe"] = toes[0]
        parts["lesser_toes"] = unary_union(toes[1:])
        parts["foot"] = foot
    else:
        parts["foot"] = closed_shape(
            [
                (62, 1782),
                (90, 1786),
                (116, 1790),
                (124, 1822),
                (119, 1852),
                (104, 1866),
                (88, 1869),
                (71, 1864),
                (58, 1846),
                (55, 1814),
            ]
        )
        _add_sole_inset(parts)

    trunk_and_limbs = unary_union(
        [
            _both(parts["head"]),
            _both(parts["ear"]),
            parts["neck"],
            parts["torso"],
            _both(parts["arm"]),
            _both(parts["leg"]),
        ]
    )
    # round the concave joins (armpit, crotch, neck, shoulder) like a drawn contour
    smooth = trunk_and_limbs.buffer(7, quad_segs=16).buffer(-7, quad_segs=16)
    extremities = [
        parts[name]
        for name in ("palm", "thumb", *FINGERS, "foot", "big_toe", "lesser_toes")
        if name in parts
    ]
    hands_feet = unary_union(extremities).buffer(1.5, quad_segs=8).buffer(-1.5, quad_segs=8)
    pieces = [smooth, _both(hands_feet)]
    if "sole" in parts:
        pieces.append(_both(parts["sole_all"]))
    outline = unary_union(pieces).buffer(0)
    return Figure(view=view, parts=parts, outline=outline)


def _add_sole_inset(parts: dict[str, BaseGeometry]) -> None:
    """The sole seen from below: toes up, heel down, big toe toward the figure (medial)."""
    sole = closed_shape(
        [
            (368, 1906),
            (346, 1896),
            (334, 1862),
            (336, 1812),
            (342, 1760),
            (334, 1710),
            (322, 1664),
            (318, 1618),
            (326, 1590),
            (350, 1584),
            (380, 1592),
            (404, 1606),
            (413, 1634),
            (410, 1690),
            (402, 1760),
            (398, 1830),
            (392, 1882),
        ]
    )
    toes = [
        capsule([(333, 1594), (331, 1562)], 13.5),
        capsule([(359, 1596), (361, 1566)], 8.6),
        capsule([(378, 1602), (382, 1574)], 8.2),
        capsule([(395, 1612), (400, 1588)], 7.6),
        capsule([(409, 1626), (416, 1606)], 6.8),
    ]
    parts["sole"] = sole
    parts["sole_big_toe"] = toes[0]
    parts["sole_lesser_toes"] = unary_union(toes[1:])
    parts["sole_all"] = (
        unary_union([sole, *toes]).buffer(1.5, quad_segs=8).buffer(-1.5, quad_segs=8)
    )
