"""Finer regions (issue 17): regions split where Travell & Simons draw patterns apart, the
old names kept as the union of their parts, and one-sided pain on midline regions."""

from __future__ import annotations

import json

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.pain_areas import load_pain_areas
from nmt_bodymap.core.ranking import Spot, rank_candidates, under_spots
from nmt_bodymap.core.vocabulary import drawn_regions, load_vocabulary, overlapping

SPLITS = {
    "buttock": ("upper_buttock", "lower_buttock"),
    "calf": ("upper_calf", "lower_calf"),
    "heel": ("posterior_heel", "plantar_heel", "medial_heel"),
    "anterior_thigh": ("medial_anterior_thigh", "lateral_anterior_thigh"),
}
VIEW = {"anterior_thigh": "anterior"}


def _names(spot: Spot) -> list[str]:
    return [c.muscle for c in rank_candidates([spot])]


@pytest.mark.parametrize("whole", sorted(SPLITS))
def test_a_split_region_is_drawn_as_its_parts_and_answers_as_their_union(whole: str) -> None:
    atlas = load_atlas()
    view = VIEW.get(whole, "posterior")
    assert load_vocabulary()[whole].parts == SPLITS[whole]
    assert whole not in {r.region for r in atlas.regions()}
    for side in ("left", "right"):
        parts = [atlas.region(view, part, side) for part in SPLITS[whole]]
        union = atlas.region(view, whole, side)
        assert union.area == pytest.approx(sum(p.area for p in parts), rel=1e-3)
        for part in parts:
            hit = atlas.region_at(view, *part.point)
            assert hit is not None and (hit.region, hit.side) == (part.region, side)
        hit = atlas.region_at(view, *union.point)
        assert hit is not None and hit.region in SPLITS[whole] and hit.side == side


def test_upper_and_lower_buttock_lie_one_above_the_other() -> None:
    atlas = load_atlas()
    upper = atlas.region("posterior", "upper_buttock", "right").point
    lower = atlas.region("posterior", "lower_buttock", "right").point
    assert upper[1] < lower[1]
    assert (
        atlas.region("posterior", "upper_calf", "left").point[1]
        < atlas.region("posterior", "lower_calf", "left").point[1]
    )


def test_referral_zones_name_only_drawn_regions_or_internal_sites() -> None:
    """After the split no zone names a whole: the map can always draw what it names."""
    drawn = set(drawn_regions())
    internal = {n for n, r in load_vocabulary().items() if r.internal}
    for muscle in load_knowledge():
        for _, zone in muscle.all_zones():
            assert zone.region in drawn | internal, (muscle.id, zone.region)


def test_a_part_is_explained_only_by_its_own_referrers() -> None:
    """Inner heel: abductor hallucis (T&S Vol 2 ch 26), not quadratus plantae (underside)."""
    inner = _names(Spot("posterior", "medial_heel", "left"))
    assert inner[0] == "abductor_hallucis" and "quadratus_plantae" not in inner
    under = _names(Spot("posterior", "plantar_heel", "left"))
    assert under[:2] == ["soleus", "quadratus_plantae"] and "abductor_hallucis" not in under
    upper = _names(Spot("posterior", "upper_buttock", "right"))
    assert upper[0] == "gluteus_medius" and "piriformis" not in upper
    assert "piriformis" in _names(Spot("posterior", "lower_buttock", "right"))[:9]
    outer = _names(Spot("anterior", "lateral_anterior_thigh", "left"))
    inner = _names(Spot("anterior", "medial_anterior_thigh", "left"))
    assert "tensor_fasciae_latae" in outer and "tensor_fasciae_latae" not in inner
    assert inner[0] == "adductor_longus" and "adductor_longus" not in outer


def test_the_old_name_is_explained_by_every_part() -> None:
    heel = _names(Spot("posterior", "heel", "left"))
    assert heel[:3] == ["soleus", "quadratus_plantae", "abductor_hallucis"]
    assert set(overlapping("heel")) == {"heel", *SPLITS["heel"]}
    assert overlapping("plantar_heel") == ("plantar_heel", "heel")


def test_every_part_has_a_frequency_list_with_its_source() -> None:
    areas = load_pain_areas()
    for whole, parts in SPLITS.items():
        for part in parts:
            area = areas.areas[part]
            assert area.sources and area.essential, part
            assert area.ordered == areas.areas[whole].ordered


def _lookup(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["lookup", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_old_region_names_keep_working_in_the_cli(capsys) -> None:
    data = _lookup(capsys, "--spot", "posterior/buttock/right")
    assert data["spots"] == [{"view": "posterior", "region": "buttock", "side": "right"}]
    assert data["candidates"][0]["muscle"] == "gluteus_medius"
    fine = _lookup(capsys, "--spot", "posterior/medial_heel/left")
    assert fine["candidates"][0]["muscle"] == "abductor_hallucis"


@pytest.mark.parametrize(
    ("view", "region", "viewer_dx", "client_side"),
    [
        ("anterior", "sternum", -12, "right"),  # front view: viewer's left = client's right
        ("anterior", "sternum", +12, "left"),
        ("posterior", "sacrum", -12, "left"),  # back view: viewer's left = client's left
        ("anterior", "vertex", +12, "left"),
    ],
)
def test_a_click_beside_the_midline_is_that_sides_pain(
    capsys, view: str, region: str, viewer_dx: float, client_side: str
) -> None:
    atlas = load_atlas()
    _, y = atlas.region(view, region, "midline").point
    x = 500 + viewer_dx
    hit = atlas.region_at(view, x, y)
    assert hit is not None and hit.region == region
    data = _lookup(capsys, "--point", f"{view}:{x},{y}")
    assert data["spots"] == [{"view": view, "region": region, "side": client_side}]
    assert {c["side"] for c in data["candidates"]} <= {client_side, "bilateral"}
    ranked = rank_candidates([Spot(view, region, "midline", (x, y))])
    assert {c.side for c in ranked} <= {client_side, "bilateral"}
    on_midline = rank_candidates([Spot(view, region, "midline", (500.0, y))])
    assert len(on_midline) >= len(ranked)


def test_sternum_right_by_name_gives_right_side_muscles(capsys) -> None:
    data = _lookup(capsys, "--spot", "anterior/sternum/right")
    assert data["candidates"][0]["muscle"] == "sternalis"
    assert {c["side"] for c in data["candidates"]} <= {"right", "bilateral"}
    sides = {(u["muscle"], u["side"]) for u in data["under_spot"]}
    assert all(side == "right" for _, side in sides)


def test_under_the_spot_follows_the_side_of_the_click() -> None:
    atlas = load_atlas()
    _, y = atlas.region("anterior", "sternum", "midline").point
    found = under_spots([Spot("anterior", "sternum", "midline", (512.0, y))])
    assert all(side == "left" for _, side, _ in found)


@pytest.mark.parametrize("whole", sorted(SPLITS))
def test_a_mark_on_a_part_opens_the_guide_of_its_whole(whole: str) -> None:
    from nmt_bodymap.core.examination import examination_guides

    expected = [g.protocol.id for g in examination_guides([(whole, "right")])]
    assert expected
    for part in SPLITS[whole]:
        assert [g.protocol.id for g in examination_guides([(part, "right")])] == expected
