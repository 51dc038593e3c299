"""The muscle layer of the committed drawings: every muscle drawn, where it belongs.

Reads the SVGs through the atlas (what the app sees). The list of muscles comes from the
generator's table, which must agree with the table in docs/architecture.md.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from shapely.geometry import LineString, Point

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.svg_geometry import SvgShapes, load_svg_shapes
from nmt_bodymap.resources import asset_path

REPO_ROOT = Path(__file__).resolve().parents[2]
TABLE_FILE = REPO_ROOT / "tools" / "bodygen" / "muscle_table.py"
MIDLINE_X = 500.0
VIEWS = ("anterior", "posterior")
SIDES = ("left", "right")


def _load_table():
    if not TABLE_FILE.is_file():
        pytest.skip("generator sources are not part of this install")
    spec = importlib.util.spec_from_file_location("bodygen_muscle_table", TABLE_FILE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def table():
    return _load_table()


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def _drawn(table, view: str) -> list[str]:
    return [entry.id for entry in table.muscles_on(view)]


_DRAWINGS: dict[str, SvgShapes] = {}


def _drawing(view: str) -> SvgShapes:
    if view not in _DRAWINGS:
        _DRAWINGS[view] = load_svg_shapes(asset_path("body_svgs", f"{view}.svg"))
    return _DRAWINGS[view]


def _axis(atlas, view: str, muscle_id: str, side: str) -> LineString:
    """The hidden axis line, read straight from the drawing."""
    axis = _drawing(view).lines.get(f"axis-{muscle_id}-{side}")
    assert axis is not None, f"no axis-{muscle_id}-{side} on the {view} view"
    return axis


def test_generator_table_matches_the_architecture_doc(table):
    doc = (REPO_ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = doc.split("## Muscle ids and the views they are drawn on", 1)[1].split("\n## ", 1)[0]
    rows = [
        line
        for line in section.splitlines()
        if re.match(r"\| [a-z_]+ \| [a-z]", line) and not line.startswith("| group")
    ]
    documented: dict[str, tuple[set[str], bool]] = {}
    for row in rows:
        for item in row.split("|")[2].split(";"):
            name, codes = item.split(":")
            views = {"anterior" if c.strip() == "A" else "posterior" for c in codes.split(",")}
            documented[name.replace("(d)", "").strip()] = (views, "(d)" in name)
    assert len(documented) >= 100
    generated = {e.id: (set(e.views), e.deep) for e in table.MUSCLES}
    assert generated == documented


@pytest.mark.parametrize("view", VIEWS)
def test_every_table_muscle_has_a_shape_and_axis_on_each_side(atlas, table, view):
    missing = [
        f"{muscle_id}-{side}"
        for muscle_id in _drawn(table, view)
        for side in SIDES
        if atlas.muscle_shape(view, muscle_id, side) is None
        or f"axis-{muscle_id}-{side}" not in _drawing(view).lines
    ]
    assert not missing, f"{view}: missing {missing}"


@pytest.mark.parametrize("view", VIEWS)
def test_no_muscle_is_drawn_on_the_midline(atlas, table, view):
    for muscle_id in _drawn(table, view):
        assert atlas.muscle_shape(view, muscle_id, "midline") is None


@pytest.mark.parametrize("view", VIEWS)
def test_axis_ends_lie_on_their_muscle(atlas, table, view):
    far = []
    for muscle_id in _drawn(table, view):
        for side in SIDES:
            shape = atlas.muscle_shape(view, muscle_id, side)
            axis = _axis(atlas, view, muscle_id, side)
            for end in (axis.coords[0], axis.coords[-1]):
                if shape.distance(Point(end)) > 3.0:
                    far.append(f"{muscle_id}-{side} {end}")
    assert not far, far


@pytest.mark.parametrize("view", VIEWS)
def test_the_middle_of_each_axis_runs_through_the_belly(atlas, table, view):
    """Trigger points sit on the axis, so it must cross the muscle, not skirt it."""
    off = []
    for muscle_id in _drawn(table, view):
        shape = atlas.muscle_shape(view, muscle_id, "right")
        axis = _axis(atlas, view, muscle_id, "right")
        middle = axis.interpolate(0.5, normalized=True)
        if shape.distance(middle) > 3.0:
            off.append(muscle_id)
    assert not off, off


@pytest.mark.parametrize("view", VIEWS)
def test_muscles_stay_inside_the_figure(atlas, table, view):
    body = atlas.outline(view)
    outside = {}
    for muscle_id in _drawn(table, view):
        for side in SIDES:
            shape = atlas.muscle_shape(view, muscle_id, side)
            share = shape.difference(body).area / shape.area
            if share >= 0.02:
                outside[f"{muscle_id}-{side}"] = round(share, 3)
    assert not outside, outside


@pytest.mark.parametrize("view", VIEWS)
def test_left_and_right_are_mirror_images(atlas, table, view):
    lopsided = []
    for muscle_id in _drawn(table, view):
        right = atlas.muscle_shape(view, muscle_id, "right")
        left = atlas.muscle_shape(view, muscle_id, "left")
        if abs(right.area - left.area) > 0.05 * right.area:
            lopsided.append(muscle_id)
            continue
        rx, ry = right.centroid.x, right.centroid.y
        lx, ly = left.centroid.x, left.centroid.y
        if abs((rx + lx) / 2 - MIDLINE_X) > 1.0 or abs(ry - ly) > 1.0:
            lopsided.append(muscle_id)
    assert not lopsided, lopsided


def test_muscle_sizes_are_plausible(atlas, table):
    """No speck and no giant: between a small hand muscle and the latissimus."""
    areas = {
        (view, muscle_id): atlas.muscle_shape(view, muscle_id, "right").area
        for view in VIEWS
        for muscle_id in _drawn(table, view)
    }
    body = atlas.outline("posterior").area
    assert min(areas.values()) > 60, min(areas, key=areas.get)
    assert max(areas.values()) < 0.06 * body, max(areas, key=areas.get)
    assert areas[("posterior", "gluteus_maximus")] > 20 * areas[("posterior", "anconeus")]
    assert areas[("posterior", "latissimus_dorsi")] > areas[("posterior", "teres_major")]


def test_deep_muscles_carry_the_deep_class(atlas, table):
    for entry in table.MUSCLES:
        assert atlas.muscle_is_deep(entry.id) is entry.deep, entry.id


@pytest.mark.parametrize("view", VIEWS)
def test_each_outline_carries_muscle_and_its_depth_class(table, view):
    classes = _drawing(view).classes
    for entry in table.muscles_on(view):
        depth = "deep" if entry.deep else "superficial"
        for side in SIDES:
            assert classes.get(f"muscle-{entry.id}-{side}") == {"muscle", depth}, entry.id


def test_right_upper_trapezius_is_on_the_viewers_right_from_behind(atlas):
    axis = _axis(atlas, "posterior", "upper_trapezius", "right")
    assert axis.interpolate(0.5, normalized=True).x > MIDLINE_X
    assert atlas.muscle_shape("posterior", "upper_trapezius", "right").centroid.x > MIDLINE_X


@pytest.mark.parametrize("view", VIEWS)
def test_every_right_muscle_lies_on_the_clients_right(atlas, table, view):
    """Anterior: the client's right is the viewer's left; posterior: the viewer's right."""
    wrong = []
    for muscle_id in _drawn(table, view):
        x = atlas.muscle_shape(view, muscle_id, "right").centroid.x
        on_viewers_right = x > MIDLINE_X
        if on_viewers_right != (view == "posterior"):
            wrong.append(muscle_id)
    assert not wrong, wrong


def test_axes_run_from_origin_to_insertion(atlas):
    """Spot checks of the fibre direction: origin end first."""

    def ends(view, muscle_id):
        axis = _axis(atlas, view, muscle_id, "right")
        return Point(axis.coords[0]), Point(axis.coords[-1])

    # upper trapezius: nuchal ligament (medial) -> acromion (lateral)
    o, i = ends("posterior", "upper_trapezius")
    assert abs(o.x - MIDLINE_X) < abs(i.x - MIDLINE_X)
    # levator scapulae: cervical transverse processes (up) -> superior angle (down)
    o, i = ends("posterior", "levator_scapulae")
    assert o.y < i.y
    # sternocleidomastoid: sternum (down) -> mastoid (up)
    o, i = ends("anterior", "sternocleidomastoid")
    assert o.y > i.y
    # piriformis: sacrum (medial) -> greater trochanter (lateral)
    o, i = ends("posterior", "piriformis")
    assert abs(o.x - MIDLINE_X) < abs(i.x - MIDLINE_X)
    # rectus abdominis: pubis (down) -> ribs (up)
    o, i = ends("anterior", "rectus_abdominis")
    assert o.y > i.y


def test_anatomical_neighbours(atlas):
    """A few relations a therapist would notice at a glance."""

    def centre(view, muscle_id):
        return atlas.muscle_shape(view, muscle_id, "right").centroid

    def lateral(view, point):
        return abs(point.x - MIDLINE_X)

    # gluteus medius sits above gluteus maximus, under the iliac crest
    assert centre("posterior", "gluteus_medius").y < centre("posterior", "gluteus_maximus").y
    # soleus lies lower than the gastrocnemius heads
    gastrocnemius = atlas.muscle_shape("posterior", "gastrocnemius", "right")
    soleus = atlas.muscle_shape("posterior", "soleus", "right")
    assert soleus.bounds[1] > gastrocnemius.bounds[1]
    # quadratus lumborum reaches further out than the longissimus
    ql = atlas.muscle_shape("posterior", "quadratus_lumborum", "right")
    longissimus = atlas.muscle_shape("posterior", "longissimus_thoracis", "right")
    assert ql.bounds[2] > longissimus.bounds[2]
    # between the 12th rib and the iliac crest
    assert ql.bounds[1] > 680
    assert ql.bounds[3] < 900
    # scalenes in the side of the neck, lateral to the longus colli
    for scalene in ("anterior_scalene", "middle_scalene", "posterior_scalene"):
        assert lateral("anterior", centre("anterior", scalene)) > lateral(
            "anterior", centre("anterior", "longus_colli")
        )
    # vastus lateralis outside, vastus medialis inside the rectus femoris
    rf = lateral("anterior", centre("anterior", "rectus_femoris"))
    assert lateral("anterior", centre("anterior", "vastus_lateralis")) > rf
    assert lateral("anterior", centre("anterior", "vastus_medialis")) < rf
    # the plantar muscles lie in the plantar inset, below the level of the knees
    for muscle_id in ("abductor_hallucis", "flexor_digitorum_brevis"):
        c = centre("posterior", muscle_id)
        assert lateral("posterior", c) > 300 and c.y > 1500


def test_trigger_points_of_the_knowledge_base_fall_on_their_muscle(atlas):
    """Each trigger point, placed by its `along` fraction, lands on (or right next to) its
    muscle before any correction, so the axes and the knowledge agree."""
    from nmt_bodymap.core.knowledge import load_knowledge

    off = []
    for muscle in load_knowledge().muscles:
        for tp in muscle.trigger_points:
            axis = _drawing(tp.view).lines.get(f"axis-{muscle.id}-right")
            shape = atlas.muscle_shape(tp.view, muscle.id, "right")
            if axis is None or shape is None:
                off.append(f"{muscle.id}/{tp.id}: not drawn on {tp.view}")
                continue
            point = axis.interpolate(tp.along, normalized=True)
            if shape.distance(point) > 4.0:
                off.append(f"{muscle.id}/{tp.id}")
    assert not off, off
