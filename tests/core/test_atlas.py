"""The region atlas: every vocabulary region is drawn, regions tile the figure, clicks land."""

from __future__ import annotations

import json
import random

import pytest
from shapely.ops import unary_union

from nmt_bodymap.cli import main as cli_main
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.sides import opposite
from nmt_bodymap.core.vocabulary import surface_regions

VIEWS = ("anterior", "posterior")


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def test_both_views_share_one_view_box(atlas):
    assert atlas.views() == VIEWS
    assert atlas.view_box("anterior") == atlas.view_box("posterior") == (0, 0, 1000, 2000)


def test_every_vocabulary_region_is_drawn_per_side_on_its_views(atlas):
    missing = []
    for name, entry in surface_regions().items():
        for view in entry.views:
            for side in entry.client_sides():
                try:
                    atlas.region(view, name, side)
                except KeyError:
                    missing.append(f"{view}/{name}/{side}")
    assert missing == []


def test_plantar_regions_lie_in_the_posterior_insets(atlas):
    fingertips = atlas.region("posterior", "middle_finger", "left").shape.bounds[3]
    for name in ("sole", "medial_arch", "ball_of_foot"):
        for side in ("left", "right"):
            region = atlas.region("posterior", name, side)
            assert region.shape.bounds[1] > fingertips  # below the hands
            assert region.shape.distance(atlas.region("posterior", "calf", side).shape) > 50
            assert abs(region.point[0] - 500) > 250  # out in the bottom corners


def test_heel_has_back_of_heel_and_plantar_heel(atlas):
    heel = atlas.region("posterior", "heel", "right").shape
    assert heel.geom_type == "MultiPolygon" and len(heel.geoms) == 2


@pytest.mark.parametrize("view", VIEWS)
def test_regions_tile_the_outline(atlas, view):
    outline = atlas.outline(view)
    shapes = [r.shape for r in atlas.regions(view)]
    union = unary_union(shapes)
    assert union.symmetric_difference(outline).area < 0.005 * outline.area
    total = sum(s.area for s in shapes)
    assert total - union.area < 0.001 * outline.area  # overlaps, all pairs together


@pytest.mark.parametrize("view", VIEWS)
def test_no_two_regions_overlap(atlas, view):
    regions = atlas.regions(view)
    for i, a in enumerate(regions):
        for b in regions[i + 1 :]:
            if a.shape.bounds[0] > b.shape.bounds[2] or b.shape.bounds[0] > a.shape.bounds[2]:
                continue
            overlap = a.shape.intersection(b.shape).area
            assert overlap < 0.001 * min(a.area, b.area), (a.label, b.label)


@pytest.mark.parametrize("view", VIEWS)
def test_left_and_right_twins_mirror_each_other(atlas, view):
    for region in atlas.regions(view):
        if region.side == "midline":
            continue
        twin = atlas.region(view, region.region, opposite(region.side))
        assert abs(twin.area - region.area) <= 0.05 * region.area
        assert abs((1000 - twin.point[0]) - region.point[0]) < 0.05 * 1000


@pytest.mark.parametrize("view", VIEWS)
def test_each_representative_point_hits_its_region(atlas, view):
    for region in atlas.regions(view):
        hit = atlas.region_at(view, *region.point)
        assert hit is not None and hit.key == region.key, region.label


def test_outside_the_figure_is_no_region(atlas):
    assert atlas.region_at("anterior", 20, 20) is None
    assert atlas.region_at("posterior", 500, 1950) is None  # between the feet, below
    assert atlas.region_at("anterior", 500, 1300) is None  # between the knees


def test_region_at_is_deterministic_on_borders(atlas):
    random.seed(4)
    for view in VIEWS:
        for _ in range(200):
            x, y = random.uniform(0, 1000), random.uniform(0, 2000)
            assert atlas.region_at(view, x, y) == atlas.region_at(view, x, y)
    # a point on the midline seam of forehead: same answer each time, one of the twins
    forehead = atlas.region("anterior", "forehead", "left")
    hit = atlas.region_at("anterior", 500, forehead.point[1])
    assert hit is not None and hit.region == "forehead"


def test_labels_name_the_clients_side(atlas):
    assert atlas.region("anterior", "temple", "right").label == "Right temple"
    assert atlas.region("posterior", "sacrum", "midline").label == "Sacrum"


def test_anatomical_order_top_to_bottom(atlas):
    def y(view, name, side="left"):
        return atlas.region(view, name, side).point[1]

    assert y("anterior", "forehead") < y("anterior", "eye") < y("anterior", "cheek")
    assert y("anterior", "cheek") < y("anterior", "jaw") < y("anterior", "anterior_neck")
    assert y("anterior", "pectoral") < y("anterior", "upper_abdomen") < y("anterior", "groin")
    assert y("anterior", "anterior_thigh") < y("anterior", "anterior_knee") < y("anterior", "shin")
    assert y("posterior", "occiput") < y("posterior", "posterior_neck")
    assert y("posterior", "suprascapular") < y("posterior", "infraspinous")
    assert y("posterior", "lumbar_paraspinal") < y("posterior", "sacrum", "midline")
    assert y("posterior", "posterior_thigh") < y("posterior", "popliteal") < y("posterior", "calf")
    # the TMJ sits in front of the ear: nearer the midline than the ear on the front view
    tmj = atlas.region("anterior", "tmj", "left").point
    ear = atlas.region("anterior", "ear", "left").point
    assert abs(tmj[0] - 500) < abs(ear[0] - 500)


def test_muscle_layer_queries_are_safe(atlas):
    assert atlas.muscles_at("anterior", 5, 5) == []
    assert atlas.muscle_shape("anterior", "no_such_muscle", "left") is None
    assert atlas.point_on_muscle("anterior", "no_such_muscle", "left", 0.5) is None
    for muscle_id in sorted(atlas.muscle_ids())[:10]:
        for view in VIEWS:
            for side in ("left", "right"):
                shape = atlas.muscle_shape(view, muscle_id, side)
                if shape is None:
                    continue
                point = atlas.point_on_muscle(view, muscle_id, side, 0.5)
                assert point is not None
                assert shape.buffer(1.0).contains(__import__("shapely").Point(point))


def test_regions_json_matches_the_spec_and_points_round_trip(atlas, capsys):
    assert cli_main(["regions", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(atlas.regions())
    for row in rows:
        assert set(row) == {"view", "region", "side", "label", "point", "area"}
        assert row["side"] in ("left", "right", "midline")
        hit = atlas.region_at(row["view"], *row["point"])
        assert hit is not None
        assert (hit.region, hit.side) == (row["region"], row["side"])


def test_regions_command_filters_by_view_and_rejects_unknown(capsys):
    assert cli_main(["regions", "--view", "posterior", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["view"] for r in rows} == {"posterior"}
    assert cli_main(["regions", "--view", "sideways"]) == 2
    assert "sideways" in capsys.readouterr().err
    assert cli_main(["regions"]) == 0
    assert "Left temple" in capsys.readouterr().out
