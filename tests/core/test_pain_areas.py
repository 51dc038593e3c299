"""The frequency order per painful area (resources/pain_areas.yaml) and its use in ranking."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nmt_bodymap.core.knowledge import KnowledgeError, load_knowledge
from nmt_bodymap.core.pain_areas import load_pain_areas
from nmt_bodymap.core.ranking import Spot, rank_candidates
from nmt_bodymap.core.vocabulary import load_vocabulary, overlapping
from nmt_bodymap.resources import resource_path

AREAS = load_pain_areas()
ORDERED = [a for a in AREAS.areas.values() if a.ordered and a.essential]


def test_every_region_of_the_vocabulary_has_a_list_with_a_source() -> None:
    assert set(AREAS.areas) == set(load_vocabulary())
    for area in AREAS.areas.values():
        assert area.sources, area.region
    assert len(ORDERED) >= 60, "most regions have a published frequency order"


def test_every_referrer_is_listed_under_its_zone_kind() -> None:
    kb = load_knowledge()
    for region, area in AREAS.areas.items():
        names = overlapping(region)  # a region split into parts: theirs too
        essential = [m for n in names for m in kb.muscles_referring_to(n, "essential")]
        spillover = [m for n in names for m in kb.muscles_referring_to(n, "spillover")]
        for muscle in essential:
            assert muscle.id in area.essential, (region, muscle.id)
        for muscle_id in area.spillover:
            assert muscle_id not in area.essential
            assert kb.muscle(muscle_id) in spillover


def _spot(region: str) -> Spot:
    entry = load_vocabulary()[region]
    view = "internal" if entry.internal else entry.views[0]
    return Spot(view, region, "midline" if entry.sides == "midline" else "right")


@pytest.mark.parametrize("area", ORDERED, ids=[a.region for a in ORDERED])
def test_the_most_frequent_referrer_ranks_first_for_one_spot(area) -> None:
    spot = _spot(area.region)
    first = rank_candidates([spot])[0]
    assert first.muscle == area.essential[0], (area.region, first.muscle)
    assert first.side in (spot.side, "bilateral") or spot.side == "midline"


def test_frequency_beats_nearness_for_the_front_of_the_shoulder() -> None:
    """Infraspinatus (far, on the back) first for front-of-shoulder pain, as T&S list it."""
    ranked = rank_candidates([Spot("anterior", "anterior_shoulder", "right")])
    assert [c.muscle for c in ranked[:2]] == ["infraspinatus", "anterior_deltoid"]
    assert ranked[0].explaining == ("tp1", "tp2")  # not the medial point (tp3)
    names = [c.muscle for c in ranked]
    assert names.index("pectoralis_major") < names.index("coracobrachialis")


def test_group_parts_do_not_fill_the_first_rows() -> None:
    """Front of the arm: the three scalenes are one idea; the second scalene comes after
    the other essential referrers."""
    ranked = rank_candidates([Spot("anterior", "anterior_arm", "right")])
    first_three = [c.muscle for c in ranked[:3]]
    assert sum(m.endswith("_scalene") for m in first_three) == 1
    scalenes = [c for c in ranked if c.group == "scalenes"]
    assert len(scalenes) == 3
    assert all(c.group is None or c.group != "scalenes" for c in ranked[1:3])


def _write(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(resource_path("pain_areas.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "pain_areas.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _area(data: dict, region: str) -> dict:
    return next(a for a in data["areas"] if a["region"] == region)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: _area(d, "temple")["essential"].append("no_such_muscle"), "unknown muscle"),
        (lambda d: d["areas"].remove(_area(d, "heel")), "'heel' of the vocabulary"),
        (lambda d: _area(d, "temple")["essential"].remove("temporalis"), "not listed"),
        (
            lambda d: _area(d, "jaw")["essential"].append(_area(d, "jaw")["spillover"].pop(0)),
            "its data says spillover",
        ),
        (lambda d: _area(d, "temple")["essential"].append("soleus"), "does not refer"),
        (lambda d: _area(d, "temple").pop("sources"), "sources"),
    ],
)
def test_a_wrong_file_is_refused_naming_the_entry(tmp_path: Path, change, message) -> None:
    with pytest.raises(KnowledgeError, match=message) as caught:
        load_pain_areas(_write(tmp_path, change))
    assert "pain_areas.yaml" in str(caught.value)
