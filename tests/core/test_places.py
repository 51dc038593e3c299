"""Where things are charted: one place for the rules the screens used to re-derive."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from nmt_bodymap.core import ranking, ranking_explain
from nmt_bodymap.core.places import (
    expand_side,
    referral_sides,
    region_side_choices,
    spot_for_mark,
    spots_for_marks,
    zone_sides,
)
from nmt_bodymap.core.ranking import Spot
from nmt_bodymap.core.visit_document import RowState


@dataclass(frozen=True)
class _Mark:
    view: str
    region: str
    side: str
    x: float | None
    y: float | None


def test_a_mark_is_a_spot_whatever_holds_it() -> None:
    values = {"view": "anterior", "region": "temple", "side": "right", "x": 120, "y": 80.5}
    expected = Spot("anterior", "temple", "right", (120.0, 80.5))
    assert spot_for_mark(values) == expected
    assert spot_for_mark(RowState(values, 1)) == expected
    assert spot_for_mark(_Mark("anterior", "temple", "right", 120.0, 80.5)) == expected
    internal = _Mark("internal", "upper_teeth", "left", None, None)
    half = {**values, "y": None}
    assert spots_for_marks([internal, half]) == [
        Spot("internal", "upper_teeth", "left", None),
        Spot("anterior", "temple", "right", None),
    ]


def test_both_and_bilateral_stand_for_right_and_left() -> None:
    assert expand_side("both") == expand_side("bilateral") == ("right", "left")
    assert expand_side("left") == ("left",)
    assert expand_side("midline") == ("midline",)
    with pytest.raises(ValueError, match="not a side"):
        expand_side("up")


def test_the_ranking_uses_the_one_laterality_rule() -> None:
    """One rule in one place: the ranking has no copy of its own."""
    assert not hasattr(ranking, "zone_sides")
    assert ranking_explain.zone_sides is zone_sides
    assert zone_sides("same", "left") == ("left",)
    assert zone_sides("opposite", "left") == ("right",)
    assert zone_sides("both", "right") == zone_sides("same", "midline") == ("left", "right")


def test_referral_sides_follow_the_rule_and_keep_midline_regions_on_the_midline() -> None:
    assert referral_sides("temple", "same", "left") == ("left",)
    assert referral_sides("temple", "opposite", "left") == ("right",)
    assert referral_sides("temple", "both", "right") == ("left", "right")
    assert referral_sides("sternum", "opposite", "left") == ("midline",)


def test_observation_sides_offered_for_a_region() -> None:
    assert region_side_choices("calf") == ("left", "right", "both")
    assert region_side_choices("sternum") == ("midline",)
    assert region_side_choices("moon") == ()
