"""The outer strips of the upper arm and forearm (issue 17): one region each, drawn on both
views and a part of both the front and the back; the muscles whose Travell & Simons patterns
run down the outer arm (supraspinatus, infraspinatus, scalenes, brachioradialis...) explain a
mark there, the ulnar-side referrers (latissimus dorsi, pectorals) do not."""

from __future__ import annotations

import pytest

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.ranking import Spot, rank_candidates
from nmt_bodymap.core.vocabulary import drawn_regions, load_vocabulary, overlapping, wholes_of

STRIPS = {"lateral_arm": ("anterior_arm", "posterior_arm"),
          "lateral_forearm": ("anterior_forearm", "posterior_forearm")}  # fmt: skip


@pytest.mark.parametrize("strip", list(STRIPS))
def test_a_strip_is_drawn_on_both_views_and_is_part_of_both_wholes(strip: str) -> None:
    atlas = load_atlas()
    assert strip in drawn_regions() and set(wholes_of()[strip]) == set(STRIPS[strip])
    assert set(STRIPS[strip]) <= set(overlapping(strip))
    for whole in STRIPS[strip]:
        view = load_vocabulary()[whole].views[0]
        for side in ("left", "right"):
            part = atlas.region(view, strip, side)
            assert atlas.region_at(view, *part.point).region == strip
            union = atlas.region(view, whole, side)  # the whole: its inner part and the strip
            assert union.shape.contains(part.shape.representative_point())
            assert union.area == pytest.approx(
                part.area + atlas.region(view, f"medial_{whole}", side).area, rel=0.01
            )
            assert part.area < 0.5 * union.area, "the outer third, not half"


def _explains(view: str, region: str, side: str, muscle: str) -> bool:
    point = load_atlas().region(view, region, side).point
    ranked = rank_candidates([Spot(view, region, side, point)])
    return any(c.muscle == muscle and c.side in (side, "bilateral") for c in ranked)


@pytest.mark.parametrize("view", ["anterior", "posterior"])
def test_the_outer_strip_is_explained_by_the_outer_arm_referrers(view: str) -> None:
    for muscle in ("supraspinatus", "infraspinatus", "anterior_scalene"):
        assert _explains(view, "lateral_arm", "right", muscle), (view, muscle)
    for muscle in ("brachioradialis", "extensor_carpi_radialis_longus", "infraspinatus"):
        assert _explains(view, "lateral_forearm", "left", muscle), (view, muscle)
    for muscle in ("latissimus_dorsi", "pectoralis_minor", "serratus_anterior"):
        assert not _explains(view, "lateral_forearm", "left", muscle), (view, muscle)


def test_the_inner_parts_keep_the_ulnar_referrers_and_lose_the_outer_ones() -> None:
    assert _explains("posterior", "medial_posterior_arm", "right", "latissimus_dorsi")
    assert not _explains("posterior", "medial_posterior_arm", "right", "supraspinatus")
    assert _explains("anterior", "medial_anterior_forearm", "left", "pectoralis_minor")
    assert not _explains("anterior", "medial_anterior_forearm", "left", "brachioradialis")
