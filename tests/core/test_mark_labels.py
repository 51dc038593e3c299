"""A mark on a midline region whose pain may be one-sided is named with the side of its point
(issue 17): a click left of the sternum is the "Left sternum" on the map, in the candidates'
spot list and in the documents, by one core rule (``atlas.mark_side``)."""

from __future__ import annotations

import pytest

from nmt_bodymap.core.atlas import MIDLINE_BAND, load_atlas, mark_label, mark_side
from nmt_bodymap.core.ranking import Spot
from nmt_bodymap.core.ranking_explain import sided_spot

MIDLINE_X = 500.0


def _inside(view: str, region: str, x: float) -> tuple[float, float]:
    """A point of the region at ``x`` (the middle of its extent there)."""
    from shapely.geometry import LineString

    shape = load_atlas().region(view, region, "midline").shape
    _, min_y, _, max_y = shape.bounds
    cut = shape.intersection(LineString([(x, min_y - 1), (x, max_y + 1)]))
    assert not cut.is_empty, f"{region}: nothing at x={x}"
    middle = cut.interpolate(0.5, normalized=True)
    return (middle.x, middle.y)


@pytest.mark.parametrize(
    ("view", "region", "viewer_left_side"),
    [
        ("anterior", "sternum", "right"),  # on the front view the client's right is on the left
        ("anterior", "chin", "right"),
        ("posterior", "sacrum", "left"),
        ("posterior", "vertex", "left"),
    ],
)
def test_a_click_off_the_midline_names_its_side(view, region, viewer_left_side) -> None:
    other = "left" if viewer_left_side == "right" else "right"
    label = region[:1].upper() + region[1:]
    left_x, right_x = MIDLINE_X - 2.5 * MIDLINE_BAND, MIDLINE_X + 2.5 * MIDLINE_BAND
    assert load_atlas().region_at(view, *_inside(view, region, left_x)).region == region
    assert mark_side(view, region, "midline", left_x) == viewer_left_side
    assert mark_label(view, region, "midline", left_x) == f"{viewer_left_side.title()} {region}"
    assert mark_label(view, region, "midline", right_x) == f"{other.title()} {region}"
    # on the midline itself, or with no point, it stays the plain midline place
    assert mark_label(view, region, "midline", MIDLINE_X) == label
    assert mark_label(view, region, "midline", None) == label


def test_other_marks_keep_their_side() -> None:
    throat = mark_label("anterior", "throat", "midline", MIDLINE_X - 30)  # not a sided region
    assert throat.startswith("Throat")
    assert mark_label("anterior", "temple", "left", 560.0) == "Left temple"
    assert mark_label("internal", "upper_teeth", "right", None) == "Right upper teeth"


def test_the_ranking_sides_a_spot_by_the_same_rule() -> None:
    atlas = load_atlas()
    point = _inside("anterior", "sternum", MIDLINE_X + 3 * MIDLINE_BAND)
    spot = sided_spot(Spot("anterior", "sternum", "midline", point), atlas)
    assert spot.side == mark_side("anterior", "sternum", "midline", point[0]) == "left"
