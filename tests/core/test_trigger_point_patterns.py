"""One referral pattern per trigger point, and coverage counted per trigger point."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from nmt_bodymap.core.knowledge import KnowledgeError, load_knowledge
from nmt_bodymap.core.ranking import Candidate, Spot, rank_candidates
from nmt_bodymap.resources import resource_path

PER_TP = [
    "sternocleidomastoid",
    "masseter",
    "temporalis",
    "upper_trapezius",
    "infraspinatus",
    "pectoralis_major",
    "rectus_abdominis",
    "quadratus_lumborum",
    "gluteus_medius",
    "gluteus_minimus",
    "soleus",
    "triceps_brachii",
    "gastrocnemius",
    "gluteus_maximus",
    "extensor_digitorum",
    "splenius_cervicis",
    "adductor_magnus",
    "supraspinatus",
]


def _candidate(spots: list[Spot], muscle: str, side: str | None = None) -> Candidate:
    for candidate in rank_candidates(spots):
        if candidate.muscle == muscle and (side is None or candidate.side == side):
            return candidate
    raise AssertionError(f"{muscle} is not a candidate")


def test_every_pattern_names_trigger_points_of_its_muscle() -> None:
    kb = load_knowledge()
    for muscle_id in PER_TP:
        muscle = kb.muscle(muscle_id)
        assert len(muscle.patterns) >= 2, muscle_id
        ids = {tp.id for tp in muscle.trigger_points}
        named = [t for p in muscle.patterns for t in p.trigger_points]
        assert set(named) <= ids and len(named) == len(set(named)), muscle_id
    for muscle in kb:
        for pattern in muscle.referral_patterns():
            assert set(pattern.trigger_points) <= {tp.id for tp in muscle.trigger_points}


def test_scm_divisions_refer_apart() -> None:
    forehead = _candidate([Spot("anterior", "forehead", "right")], "sternocleidomastoid")
    assert set(forehead.explaining) == {"clavicular_mid", "clavicular_upper"}
    assert {tp.id for tp in forehead.trigger_points} == set(forehead.explaining)
    cheek = _candidate([Spot("anterior", "cheek", "right")], "sternocleidomastoid")
    assert set(cheek.explaining) == {"sternal_mid", "sternal_upper"}


def test_spots_of_two_trigger_points_are_not_counted_as_one_explanation() -> None:
    """Forehead (clavicular division) and cheek (sternal division): SCM explains one spot,
    and says that another of its trigger points explains the other."""
    spots = [Spot("anterior", "forehead", "right"), Spot("anterior", "cheek", "right")]
    scm = _candidate(spots, "sternocleidomastoid", "right")
    assert len(scm.explains) == 1
    assert scm.other_tp_spots == tuple(i for i in (0, 1) if i not in scm.explains)
    assert scm.to_json()["other_trigger_point_spots"] == list(scm.other_tp_spots)


def test_soleus_heel_is_tp1_and_gluteus_minimus_side_of_leg_is_the_anterior_part() -> None:
    heel = _candidate([Spot("posterior", "heel", "left")], "soleus")
    assert heel.explaining == ("tp1",) and heel.zones == ("essential",)
    leg = _candidate([Spot("anterior", "lateral_leg", "right")], "gluteus_minimus")
    assert leg.explaining == ("tp_anterior",)
    (pin,) = leg.trigger_points
    assert pin.view == "anterior" and pin.point is not None


def test_instep_is_the_medial_gastrocnemius_and_the_medial_epicondyle_triceps_tp5() -> None:
    instep = _candidate([Spot("posterior", "medial_arch", "right")], "gastrocnemius")
    assert instep.explaining == ("tp1",) and instep.zones == ("essential",)
    elbow = _candidate([Spot("anterior", "medial_elbow", "right")], "triceps_brachii")
    assert elbow.explaining == ("tp5",)


def test_right_sided_trigger_points_exist_on_the_right_only() -> None:
    right = _candidate([Spot("anterior", "lower_abdomen", "right")], "rectus_abdominis")
    left = _candidate([Spot("anterior", "lower_abdomen", "left")], "rectus_abdominis")
    assert right.zones == ("essential",) and right.explaining == ("tp4",)
    assert left.zones == ("spillover",) and "tp4" not in left.explaining
    chest = _candidate([Spot("anterior", "pectoral", "left")], "pectoralis_major")
    assert "arrhythmia" not in {tp.id for tp in chest.trigger_points}


def _broken(tmp_path: Path, change) -> Path:
    folder = tmp_path / "muscles"
    folder.mkdir()
    for path in resource_path("muscles").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for muscle in data["muscles"]:
            if muscle["id"] == "soleus":
                change(muscle)
        (folder / path.name).write_text(yaml.safe_dump(copy.deepcopy(data)), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m["patterns"][0].update(trigger_points=["tp9"]), "'tp9' is not a trigger"),
        (lambda m: m["patterns"][1].update(trigger_points=["tp1"]), "has two patterns"),
        (lambda m: m["patterns"][0]["essential"].append("vertex"), "not the union"),
    ],
)
def test_a_wrong_pattern_is_refused(tmp_path: Path, change, message) -> None:
    with pytest.raises(KnowledgeError, match=message) as caught:
        load_knowledge(_broken(tmp_path, change))
    assert "soleus" in str(caught.value)
