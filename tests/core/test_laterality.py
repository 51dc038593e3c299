"""Left/right are the CLIENT's sides on both views (the commonest charting error)."""

from __future__ import annotations

import pytest

from nmt_bodymap.core.atlas import load_atlas

MIDLINE_X = 500


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def test_anterior_clients_left_temple_is_on_the_viewers_right(atlas):
    temple = atlas.region("anterior", "temple", "left")
    assert temple.point[0] > MIDLINE_X
    hit = atlas.region_at("anterior", *temple.point)
    assert hit is not None and (hit.region, hit.side) == ("temple", "left")


def test_posterior_clients_left_is_on_the_viewers_left(atlas):
    for name in ("occiput", "upper_buttock", "lower_calf", "lateral_head", "medial_heel"):
        region = atlas.region("posterior", name, "left")
        assert region.point[0] < MIDLINE_X, name
        hit = atlas.region_at("posterior", *region.point)
        assert hit is not None and (hit.region, hit.side) == (name, "left")
    # a region split into parts (the old "buttock") is their union, on the same side
    whole = atlas.region("posterior", "buttock", "left")
    assert whole.point[0] < MIDLINE_X and whole.label == "Left buttock"
    hit = atlas.region_at("posterior", *whole.point)
    assert hit is not None and hit.region in ("upper_buttock", "lower_buttock")
    assert hit.side == "left"


@pytest.mark.parametrize(
    ("view", "x_of_clients_right"),
    [("anterior", lambda x: x < MIDLINE_X), ("posterior", lambda x: x > MIDLINE_X)],
)
def test_every_bilateral_region_sits_on_its_clients_side(atlas, view, x_of_clients_right):
    for region in atlas.regions(view):
        if region.side == "midline":
            continue
        centre_x = region.shape.centroid.x
        assert x_of_clients_right(centre_x) == (region.side == "right"), region.label


def test_a_click_left_of_centre_on_the_back_is_the_clients_left(atlas):
    hit = atlas.region_at("posterior", 440, 950)  # the buttock, viewer's left
    assert hit is not None and hit.side == "left"
    hit = atlas.region_at("anterior", 440, 950)  # front view, viewer's left = client's right
    assert hit is not None and hit.side == "right"


def test_plantar_insets_follow_the_posterior_rule(atlas):
    sole_right = atlas.region("posterior", "sole", "right")
    assert sole_right.point[0] > MIDLINE_X
    # the big toe is medial: nearer the figure than the little toes
    big = atlas.region("posterior", "big_toe", "right").shape.centroid.x
    lesser = atlas.region("posterior", "lesser_toes", "right").shape.centroid.x
    assert big < lesser


def test_thumb_is_lateral_palms_forward(atlas):
    for view in ("anterior", "posterior"):
        for side in ("left", "right"):
            thumb = atlas.region(view, "thumb", side).shape.centroid.x
            little = atlas.region(view, "little_finger", side).shape.centroid.x
            assert abs(thumb - MIDLINE_X) > abs(little - MIDLINE_X)
