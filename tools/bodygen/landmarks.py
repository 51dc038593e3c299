"""Named skeleton points of the body figure, shared by every layer of the drawings.

The outline, the region atlas and the muscle layer are all placed relative to these
points, so a change of proportion here moves everything together.

Coordinate system
-----------------
Both views share one viewBox, ``0 0 1000 2000`` (:data:`VIEW_BOX`), x to the right, y down.
The figure stands centred on ``x = 500`` (:data:`CENTRE_X`), vertex at ``y = 60``, soles at
``y ~ 1890``: about 7.5 heads of 240 units. Arms hang a little away from the trunk, palms
forward (thumb lateral), feet slightly apart. The posterior view carries plantar-foot insets
(the soles, toes up, heel down, big toe toward the figure) in the free space near the two
bottom corners.

Laterality (always the CLIENT's side):

* ``anterior``: the client's right is on the viewer's LEFT (smaller x).
* ``posterior``: the client's right is on the viewer's right (larger x).

Every landmark is stored once as ``(lateral offset from the midline, y)``; the view and the
client side decide on which side of ``x = 500`` it lands.

Stable API (used by ``tools/bodygen/build.py`` and ``tools/bodygen/muscles.py``)
---------------------------------------------------------------------------------
``landmark(view, name, side="midline") -> (x, y)``
    A named point. ``side`` is ``"left"`` or ``"right"`` for bilateral landmarks; midline
    landmarks accept any side (``"midline"`` recommended). KeyError for an unknown name or a
    landmark that the view does not show (e.g. ``"nose_tip"`` on ``posterior``).
``offset(view, side, u, y) -> (x, y)``
    Place a point ``u`` units lateral of the midline on the client's ``side``.
``lateral_sign(view, side) -> +1 | -1``
    Direction of "lateral" along x for that side in that view.
``side_of_x(view, x) -> "left" | "right" | "midline"``
    The client side a viewer-x lies on.
``mirror(point) -> point`` / ``mirror_x(x) -> x``
    Reflect across the midline (gives the same landmark on the other client side).
``between(p, q, t=0.5) -> point``
    Linear interpolation, handy for placing things part-way between landmarks.
``landmark_names(view) -> tuple[str, ...]`` and ``is_bilateral(name) -> bool``.

Landmark names (bilateral unless marked *mid*)
----------------------------------------------
Head: vertex*, forehead_centre*, eyebrow, eye, nose_tip*, mouth*, mouth_corner, chin*,
temple, tmj, jaw_angle, cheek, ear, ear_top, ear_lobe, mastoid, occipital_protuberance*.
Neck/trunk: neck_side, c7*, sternal_notch*, clavicle_medial, clavicle_lateral, acromion,
coracoid, shoulder (deltoid bulge), axilla_front, axilla_back, nipple, xiphoid*, rib_margin,
umbilicus*, waist, asis, iliac_crest_top, psis, sacrum_top*, sacrum_bottom*, coccyx_tip*,
pubic_symphysis*, crotch*, inguinal_mid, greater_trochanter, ischial_tuberosity,
gluteal_fold, scapula_superior_angle, scapula_inferior_angle, scapula_medial_border,
scapula_spine_root, scapula_spine_lateral, t12*, l5*, t4*, shoulder_joint.
Arm: deltoid_insertion, elbow (centre), lateral_epicondyle, medial_epicondyle, olecranon,
forearm_mid, wrist (centre), wrist_radial, wrist_ulnar, thumb_base, thumb_mcp, thumb_ip, thumb_tip,
index_base, index_tip, middle_base, middle_tip, ring_base, ring_tip, little_base,
little_tip, palm_centre.
Leg: hip_joint, mid_thigh, patella_centre, knee_medial, knee_lateral, fibular_head,
tibial_tuberosity, popliteal_centre, calf_bulge, calf_bulge_medial, calf_bulge_lateral,
shin_mid, achilles, malleolus_medial, malleolus_lateral, ankle_front, heel, ball_of_foot,
big_toe_tip, little_toe_tip, toes.
Plantar insets (posterior only): plantar_heel, plantar_arch, plantar_ball, plantar_toes,
plantar_big_toe, plantar_little_toe, plantar_centre, plantar_lateral_border.
"""

from __future__ import annotations

from typing import Literal

Point = tuple[float, float]
ClientSide = Literal["left", "right", "midline"]

VIEW_BOX: tuple[float, float, float, float] = (0.0, 0.0, 1000.0, 2000.0)
CENTRE_X = 500.0
HEAD = 240.0
VIEWS: tuple[str, ...] = ("anterior", "posterior")

# (lateral offset from midline, y). Offset 0 marks a midline landmark.
_SHARED: dict[str, Point] = {
    # head
    "vertex": (0, 60),
    "ear": (94, 200),
    "ear_top": (92, 172),
    "ear_lobe": (88, 232),
    "temple": (80, 152),
    "jaw_angle": (70, 262),
    # neck and shoulder girdle
    "neck_side": (52, 334),
    "acromion": (190, 386),
    "shoulder": (228, 442),
    "shoulder_joint": (196, 430),
    "axilla_front": (172, 498),
    "axilla_back": (176, 506),
    "waist": (128, 740),
    "iliac_crest_top": (148, 850),
    "greater_trochanter": (172, 965),
    # arm
    "deltoid_insertion": (238, 560),
    "elbow": (254, 760),
    "lateral_epicondyle": (288, 762),
    "medial_epicondyle": (220, 756),
    "forearm_mid": (270, 875),
    "wrist": (285, 990),
    "wrist_radial": (309, 990),
    "wrist_ulnar": (261, 990),
    "palm_centre": (290, 1040),
    "thumb_base": (313, 1006),
    "thumb_mcp": (329, 1048),
    "thumb_ip": (337, 1074),
    "thumb_tip": (340, 1096),
    "index_base": (317, 1088),
    "index_tip": (324, 1172),
    "middle_base": (299, 1092),
    "middle_tip": (302, 1188),
    "ring_base": (281, 1090),
    "ring_tip": (279, 1178),
    "little_base": (264, 1082),
    "little_tip": (257, 1154),
    # leg
    "hip_joint": (92, 962),
    "mid_thigh": (100, 1180),
    "patella_centre": (92, 1398),
    "knee_medial": (50, 1400),
    "knee_lateral": (132, 1400),
    "fibular_head": (126, 1452),
    "calf_bulge_medial": (48, 1530),
    "calf_bulge_lateral": (134, 1530),
    "calf_bulge": (92, 1530),
    "malleolus_medial": (66, 1790),
    "malleolus_lateral": (114, 1800),
}

_ANTERIOR: dict[str, Point] = {
    "forehead_centre": (0, 128),
    "eyebrow": (40, 160),
    "eye": (38, 178),
    "nose_tip": (0, 222),
    "mouth": (0, 254),
    "mouth_corner": (22, 254),
    "chin": (0, 298),
    "cheek": (52, 220),
    "tmj": (80, 204),
    "sternal_notch": (0, 368),
    "clavicle_medial": (20, 372),
    "clavicle_lateral": (178, 388),
    "coracoid": (164, 408),
    "nipple": (96, 545),
    "xiphoid": (0, 600),
    "rib_margin": (120, 690),
    "umbilicus": (0, 790),
    "asis": (120, 885),
    "inguinal_mid": (70, 950),
    "pubic_symphysis": (0, 985),
    "crotch": (0, 1015),
    "tibial_tuberosity": (90, 1458),
    "shin_mid": (86, 1600),
    "ankle_front": (90, 1800),
    "ball_of_foot": (92, 1860),
    "toes": (94, 1878),
    "big_toe_tip": (62, 1888),
    "little_toe_tip": (136, 1872),
}

_POSTERIOR: dict[str, Point] = {
    "occipital_protuberance": (0, 205),
    "mastoid": (76, 240),
    "c7": (0, 345),
    "t4": (0, 450),
    "scapula_superior_angle": (80, 408),
    "scapula_spine_root": (78, 450),
    "scapula_spine_lateral": (184, 400),
    "scapula_medial_border": (84, 520),
    "scapula_inferior_angle": (104, 610),
    "t12": (0, 705),
    "l5": (0, 870),
    "psis": (44, 900),
    "sacrum_top": (0, 880),
    "sacrum_bottom": (0, 985),
    "coccyx_tip": (0, 1010),
    "crotch": (0, 1015),
    "ischial_tuberosity": (52, 1025),
    "gluteal_fold": (90, 1050),
    "olecranon": (254, 764),
    "popliteal_centre": (92, 1405),
    "achilles": (90, 1760),
    "heel": (90, 1852),
    # plantar-foot insets, free space in the bottom corners
    "plantar_toes": (362, 1560),
    "plantar_big_toe": (326, 1556),
    "plantar_little_toe": (410, 1610),
    "plantar_ball": (362, 1640),
    "plantar_arch": (336, 1750),
    "plantar_lateral_border": (402, 1760),
    "plantar_centre": (365, 1740),
    "plantar_heel": (366, 1860),
}

_BY_VIEW: dict[str, dict[str, Point]] = {
    "anterior": {**_SHARED, **_ANTERIOR},
    "posterior": {**_SHARED, **_POSTERIOR},
}


def _check_view(view: str) -> None:
    if view not in _BY_VIEW:
        raise KeyError(f"unknown view {view!r}; expected one of {VIEWS}")


def lateral_sign(view: str, side: str) -> int:
    """+1 when lateral on the client's ``side`` runs toward larger x in ``view``."""
    _check_view(view)
    if side not in ("left", "right"):
        raise ValueError(f"side must be 'left' or 'right', not {side!r}")
    right_sign = -1 if view == "anterior" else 1
    return right_sign if side == "right" else -right_sign


def offset(view: str, side: str, u: float, y: float) -> Point:
    """The point ``u`` units lateral of the midline on the client's ``side``, at height ``y``."""
    if u == 0:
        return (CENTRE_X, float(y))
    return (CENTRE_X + lateral_sign(view, side) * u, float(y))


def landmark(view: str, name: str, side: str = "midline") -> Point:
    """Named point in view coordinates; ``side`` is the client's side for bilateral ones."""
    _check_view(view)
    try:
        u, y = _BY_VIEW[view][name]
    except KeyError:
        raise KeyError(f"no landmark {name!r} on the {view} view") from None
    if u == 0:
        return (CENTRE_X, float(y))
    if side == "midline":
        raise ValueError(f"landmark {name!r} is bilateral: give side 'left' or 'right'")
    return offset(view, side, u, y)


def landmark_names(view: str) -> tuple[str, ...]:
    _check_view(view)
    return tuple(sorted(_BY_VIEW[view]))


def is_bilateral(name: str) -> bool:
    for table in _BY_VIEW.values():
        if name in table:
            return table[name][0] != 0
    raise KeyError(name)


def side_of_x(view: str, x: float, tolerance: float = 0.5) -> str:
    """Client side of a viewer-x in ``view`` (``midline`` within ``tolerance`` of the centre)."""
    if abs(x - CENTRE_X) <= tolerance:
        return "midline"
    return "right" if (x - CENTRE_X) * lateral_sign(view, "right") > 0 else "left"


def mirror_x(x: float) -> float:
    return 2 * CENTRE_X - x


def mirror(point: Point) -> Point:
    return (mirror_x(point[0]), point[1])


def between(p: Point, q: Point, t: float = 0.5) -> Point:
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def half_coordinates(view: str) -> dict[str, Point]:
    """All landmarks of ``view`` as ``(lateral offset, y)`` pairs (for the generator)."""
    _check_view(view)
    return dict(_BY_VIEW[view])
