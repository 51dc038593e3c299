"""Finer foot regions (issue 17): the top of the foot split into the instep and the outer
edge of the foot, the sole into its middle and its outer edge, each explained by the muscles
Travell & Simons draw there; the old names answer as the union of their parts."""

from __future__ import annotations

import json

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.examination import examination_guides
from nmt_bodymap.core.pain_areas import load_pain_areas
from nmt_bodymap.core.ranking import Spot, rank_candidates
from nmt_bodymap.core.vocabulary import load_vocabulary, overlapping

SPLITS = {
    "dorsal_foot": ("instep", "lateral_foot"),
    "sole": ("mid_sole", "lateral_sole"),
}
VIEW = {"dorsal_foot": "anterior", "sole": "posterior"}


def _names(view: str, region: str, side: str = "right") -> list[str]:
    return [c.muscle for c in rank_candidates([Spot(view, region, side)])]


@pytest.mark.parametrize("whole", sorted(SPLITS))
def test_the_whole_is_drawn_as_its_parts_and_each_part_is_hit_at_its_point(whole: str) -> None:
    atlas = load_atlas()
    view = VIEW[whole]
    assert load_vocabulary()[whole].parts == SPLITS[whole]
    assert whole not in {r.region for r in atlas.regions()}
    for side in ("left", "right"):
        parts = [atlas.region(view, part, side) for part in SPLITS[whole]]
        assert all(p.area > 500 for p in parts)  # big enough to click
        union = atlas.region(view, whole, side)
        assert union.area == pytest.approx(sum(p.area for p in parts), rel=1e-3)
        for part in parts:
            hit = atlas.region_at(view, *part.point)
            assert hit is not None and (hit.region, hit.side) == (part.region, side)


def test_the_outer_edge_lies_lateral_to_the_instep_and_the_mid_sole() -> None:
    """Front view: the client's right foot is on the viewer's left, so lateral = smaller x;
    plantar inset: the medial side faces the figure, the lateral edge lies away from it."""
    atlas = load_atlas()
    instep = atlas.region("anterior", "instep", "right").point
    outer = atlas.region("anterior", "lateral_foot", "right").point
    assert outer[0] < instep[0]
    mid = atlas.region("posterior", "mid_sole", "right").point
    edge = atlas.region("posterior", "lateral_sole", "right").point
    arch = atlas.region("posterior", "medial_arch", "right").point
    assert arch[0] < mid[0] < edge[0]


def test_instep_is_the_extensors_and_the_outer_edge_the_peroneals() -> None:
    """T&S Vol 2 ch 24/26 (long and short toe extensors over the dorsum), ch 20 (peroneus
    longus and brevis below the lateral malleolus along the outer foot)."""
    instep = _names("anterior", "instep")
    outer = _names("anterior", "lateral_foot")
    assert instep[0] == "extensor_digitorum_brevis"
    assert {"extensor_digitorum_longus", "extensor_hallucis_longus"} <= set(instep[:4])
    assert "tibialis_anterior" in instep and "peroneus_longus" not in instep
    assert outer[:2] == ["peroneus_longus", "peroneus_brevis"]
    assert "extensor_digitorum_longus" not in outer and "tibialis_anterior" not in outer


def test_mid_sole_and_outer_sole_are_told_apart() -> None:
    """T&S Vol 2 ch 26-27: flexor digitorum brevis and quadratus plantae in the middle of the
    sole, abductor digiti minimi along its outer border."""
    mid = _names("posterior", "mid_sole")
    edge = _names("posterior", "lateral_sole")
    assert {"flexor_digitorum_brevis", "quadratus_plantae"} <= set(mid)
    assert "abductor_digiti_minimi_foot" not in mid
    assert "abductor_digiti_minimi_foot" in edge[:2]
    assert "flexor_digitorum_brevis" not in edge and "quadratus_plantae" not in edge


@pytest.mark.parametrize("whole", sorted(SPLITS))
def test_the_old_name_is_explained_by_every_part(whole: str) -> None:
    view = VIEW[whole]
    union = set(_names(view, whole))
    for part in SPLITS[whole]:
        assert set(_names(view, part)) <= union
        assert overlapping(part) == (part, whole)
    assert set(overlapping(whole)) == {whole, *SPLITS[whole]}


@pytest.mark.parametrize("whole", sorted(SPLITS))
def test_every_part_has_a_sourced_frequency_list_and_the_whole_s_guide(whole: str) -> None:
    areas = load_pain_areas()
    expected = [g.protocol.id for g in examination_guides([(whole, "right")])]
    assert expected == ["foot"]
    for part in SPLITS[whole]:
        area = areas.areas[part]
        assert area.sources and (area.essential or area.spillover), part
        assert [g.protocol.id for g in examination_guides([(part, "left")])] == expected


def test_old_and_new_foot_names_work_in_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "--spot", "anterior/dorsal_foot/left", "--json"]) == 0
    whole = json.loads(capsys.readouterr().out)
    assert whole["candidates"][0]["muscle"] == "extensor_digitorum_brevis"
    assert main(["lookup", "--spot", "anterior/lateral_foot/left", "--json"]) == 0
    part = json.loads(capsys.readouterr().out)
    assert part["candidates"][0]["muscle"] == "peroneus_longus"
