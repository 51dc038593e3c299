"""Ranking rules, on a small handmade knowledge base and the real atlas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.core.ranking import Candidate, Spot, rank_candidates, under_spots


def _muscle(muscle_id: str, group: str, views: list[str], referral: dict[str, Any]) -> dict:
    return {
        "id": muscle_id,
        "name": muscle_id.replace("_", " ").capitalize(),
        "aliases": [muscle_id.replace("_", " ")],
        "group": group,
        "layer": "superficial",
        "views": views,
        "trigger_points": [{"id": "tp1", "label": "Middle", "view": views[0], "along": 0.5}],
        "referral": referral,
        "client_explanation": "A handmade muscle for the ranking tests.",
        "self_care": ["rest"],
        "sources": [{"ref": "ts_v1"}],
    }


HANDMADE = {
    "head_face": [
        _muscle(
            "temporalis",
            "head_face",
            ["anterior"],
            {"essential": ["temple"], "spillover": ["upper_teeth"]},
        ),
        _muscle(
            "masseter", "head_face", ["anterior"], {"essential": ["jaw"], "spillover": ["temple"]}
        ),
    ],
    "neck": [
        _muscle(
            "upper_trapezius",
            "neck",
            ["posterior", "anterior"],
            {"essential": ["posterior_neck", "temple", "jaw"]},
        ),
        _muscle(
            "sternocleidomastoid",
            "neck",
            ["anterior"],
            {
                "essential": ["cheek", {"region": "forehead", "side": "opposite"}],
                "spillover": [{"region": "ear", "side": "both"}],
            },
        ),
    ],
    "shoulder_upper_back": [
        _muscle(
            "sternalis", "shoulder_upper_back", ["anterior"], {"essential": ["sternum", "pectoral"]}
        ),
    ],
}


def _knowledge(folder: Path, extra: dict[str, list[dict]] | None = None) -> KnowledgeBase:
    folder.mkdir()
    files = {group: list(muscles) for group, muscles in HANDMADE.items()}
    for group, muscles in (extra or {}).items():
        files.setdefault(group, []).extend(muscles)
    for group, muscles in files.items():
        text = yaml.safe_dump({"muscles": muscles}, sort_keys=False)
        (folder / f"{group}.yaml").write_text(text, encoding="utf-8")
    return load_knowledge(folder)


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return _knowledge(tmp_path / "kb")


def _ids(candidates: list[Candidate]) -> list[tuple[str, str]]:
    return [(c.muscle, c.side) for c in candidates]


def test_muscle_explaining_every_spot_comes_first(kb: KnowledgeBase) -> None:
    spots = [
        Spot("anterior", "temple", "right"),
        Spot("anterior", "jaw", "right"),
        Spot("posterior", "posterior_neck", "right"),
    ]
    ranked = rank_candidates(spots, kb)
    assert _ids(ranked)[:3] == [
        ("upper_trapezius", "right"),  # all three spots
        ("masseter", "right"),  # two spots
        ("temporalis", "right"),  # one spot
    ]
    # after them only muscles lying under a spot (local), never a referral zone
    assert all(set(c.zones) <= {"local", None} for c in ranked[3:])
    assert ranked[0].explains == (0, 1, 2)
    assert ranked[0].zones == ("essential", "essential", "essential")
    assert ranked[0].score == pytest.approx(3.0)
    assert ranked[1].zones == ("spillover", "essential", None)
    assert ranked[1].explains == (0, 1)


def test_essential_zone_beats_spillover_zone(kb: KnowledgeBase) -> None:
    ranked = rank_candidates([Spot("anterior", "temple", "right")], kb)
    assert {c.muscle for c in ranked[:2]} == {"temporalis", "upper_trapezius"}
    assert ranked[2].muscle == "masseter"
    assert [c.zones for c in ranked] == [("essential",), ("essential",), ("spillover",)]
    assert ranked[0].score > ranked[2].score


def test_left_pain_gives_only_left_muscles(kb: KnowledgeBase) -> None:
    spots = [Spot("anterior", "temple", "left"), Spot("anterior", "jaw", "left")]
    ranked = rank_candidates(spots, kb)
    assert ranked
    assert {c.side for c in ranked} == {"left"}


def test_opposite_zone_crosses_the_midline(kb: KnowledgeBase) -> None:
    ranked = rank_candidates([Spot("anterior", "forehead", "left")], kb)
    assert _ids(ranked) == [("sternocleidomastoid", "right")]
    cheek = rank_candidates([Spot("anterior", "cheek", "left")], kb)
    assert _ids(cheek) == [("sternocleidomastoid", "left")]


def test_zone_felt_on_both_sides_merges_into_one_bilateral_candidate(kb: KnowledgeBase) -> None:
    ranked = rank_candidates([Spot("anterior", "ear", "right")], kb)
    assert _ids(ranked) == [("sternocleidomastoid", "bilateral")]
    assert sorted(tp.side for tp in ranked[0].trigger_points) == ["left", "right"]


def test_midline_spot_lists_a_muscle_once_with_both_sides_trigger_points(
    kb: KnowledgeBase,
) -> None:
    ranked = rank_candidates([Spot("anterior", "sternum", "midline")], kb)
    assert _ids(ranked) == [("sternalis", "bilateral")]
    by_side = {tp.side: tp.point for tp in ranked[0].trigger_points}
    assert set(by_side) == {"left", "right"}
    # Anterior view: the client's right is on the viewer's left.
    assert by_side["right"][0] < by_side["left"][0]


def test_midline_spot_with_one_sided_pain_keeps_sides_apart(kb: KnowledgeBase) -> None:
    """Sternum (midline) and left pectoral: only the left sternalis explains both."""
    spots = [Spot("anterior", "sternum", "midline"), Spot("anterior", "pectoral", "left")]
    ranked = rank_candidates(spots, kb)
    assert _ids(ranked) == [("sternalis", "left"), ("sternalis", "right")]
    assert ranked[0].explains == (0, 1) and ranked[1].explains == (0,)


def test_trigger_points_are_on_the_candidate_side(kb: KnowledgeBase) -> None:
    atlas = load_atlas()
    min_x, _, max_x, _ = atlas.outline("anterior").bounds
    middle = (min_x + max_x) / 2
    (left,) = rank_candidates([Spot("anterior", "jaw", "left")], kb)[:1]
    assert left.muscle in {"masseter", "upper_trapezius"}
    for tp in left.trigger_points:
        assert tp.side == "left" and tp.point is not None
        if tp.view == "anterior":
            assert tp.point[0] > middle  # client's left = viewer's right on the anterior view


def test_internal_site_spot(kb: KnowledgeBase) -> None:
    ranked = rank_candidates([Spot("internal", "upper_teeth", "right")], kb)
    assert _ids(ranked) == [("temporalis", "right")]
    assert ranked[0].zones == ("spillover",)


def _local_setup() -> tuple[Spot, str]:
    """A point lying over the drawn left middle deltoid, and the region it falls in."""
    atlas = load_atlas()
    point = atlas.point_on_muscle("anterior", "middle_deltoid", "left", 0.5)
    assert point is not None
    region = atlas.region_at("anterior", *point)
    assert region is not None and region.side == "left"
    return Spot("anterior", region.region, "left", point), region.region


def test_local_only_when_no_referral_zone_explains_the_spot(tmp_path: Path) -> None:
    spot, region = _local_setup()
    deltoid = _muscle(
        "middle_deltoid",
        "shoulder_upper_back",
        ["anterior", "posterior"],
        {"essential": ["olecranon" if region != "olecranon" else "heel"]},
    )
    kb = _knowledge(tmp_path / "kb", {"shoulder_upper_back": [deltoid]})
    ranked = rank_candidates([spot], kb)
    assert ("middle_deltoid", "left") in _ids(ranked)
    local = next(c for c in ranked if c.muscle == "middle_deltoid")
    assert local.zones == ("local",) and local.score == pytest.approx(0.25)


def test_muscle_under_the_spot_is_offered_as_local_after_the_referrers(tmp_path: Path) -> None:
    spot, region = _local_setup()
    deltoid = _muscle(
        "middle_deltoid",
        "shoulder_upper_back",
        ["anterior", "posterior"],
        {"essential": ["olecranon" if region != "olecranon" else "heel"]},
    )
    referrer = _muscle(
        "infraspinatus",
        "shoulder_upper_back",
        ["posterior"],
        {"essential": ["neck_shoulder_angle"], "spillover": [region]},
    )
    kb = _knowledge(tmp_path / "kb", {"shoulder_upper_back": [deltoid, referrer]})
    ranked = rank_candidates([spot], kb)
    assert _ids(ranked) == [("infraspinatus", "left"), ("middle_deltoid", "left")]
    assert [c.zones for c in ranked] == [("spillover",), ("local",)]
    assert ("middle_deltoid", "left", (0,)) in under_spots([spot], kb)


def test_ranking_is_deterministic(kb: KnowledgeBase) -> None:
    spots = [
        Spot("anterior", "temple", "left"),
        Spot("anterior", "sternum", "midline"),
        Spot("anterior", "ear", "right"),
        Spot("anterior", "jaw", "right"),
    ]
    first = rank_candidates(spots, kb)
    assert rank_candidates(spots, kb) == first
    reordered = rank_candidates(list(reversed(spots)), kb)
    assert _ids(reordered) == _ids(first)


def test_no_spots_no_candidates(kb: KnowledgeBase) -> None:
    assert rank_candidates([], kb) == []


def test_unknown_region_or_wrong_side_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(ValueError, match="unknown region"):
        rank_candidates([Spot("anterior", "elbow_pit", "left")], kb)
    with pytest.raises(ValueError, match="does not fit"):
        rank_candidates([Spot("anterior", "epigastric", "left")], kb)


def test_candidate_json_shape(kb: KnowledgeBase) -> None:
    (candidate,) = rank_candidates([Spot("anterior", "sternum", "midline")], kb)
    data = candidate.to_json()
    assert list(data)[:8] == [
        "muscle",
        "name",
        "side",
        "aliases",
        "score",
        "explains",
        "zones",
        "trigger_points",
    ]  # the contract's keys, in its order; extra keys follow
    assert set(list(data)[8:]) == {"group", "other_trigger_point_spots"}
    assert {"view", "point", "label"} <= data["trigger_points"][0].keys()
    assert len(data["trigger_points"][0]["point"]) == 2
