"""The errors found in the clinical review of issue 17, each pinned to the corrected knowledge.

One test per finding; each names the published description it follows (Travell & Simons,
the chapter cited in the muscle's own ``sources``).
"""

from __future__ import annotations

from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.core.ranking import Candidate, Spot, rank_candidates, under_spots


def _zones(muscle_id: str) -> tuple[set[str], set[str]]:
    referral = load_knowledge().muscle(muscle_id).referral
    return {z.region for z in referral.essential}, {z.region for z in referral.spillover}


def _cited(kb: KnowledgeBase, muscle_id: str, ref: str, chapter: str) -> bool:
    return any(s.ref == ref and s.chapter == chapter for s in kb.muscle(muscle_id).sources)


def _candidate(spots: list[Spot], muscle: str) -> Candidate | None:
    return next((c for c in rank_candidates(spots) if c.muscle == muscle), None)


def test_abductor_hallucis_medial_arch_is_spillover_not_essential() -> None:
    essential, spillover = _zones("abductor_hallucis")
    assert "medial_arch" in spillover and "medial_arch" not in essential
    assert _cited(load_knowledge(), "abductor_hallucis", "ts_v2", "26")


def test_flexor_digitorum_longus_refers_to_ball_of_foot_and_lesser_toes_not_whole_sole() -> None:
    essential, spillover = _zones("flexor_digitorum_longus")
    assert {"ball_of_foot", "lesser_toes"} <= essential
    assert "sole" not in essential | spillover
    assert _cited(load_knowledge(), "flexor_digitorum_longus", "ts_v2", "25")


def test_levator_scapulae_spills_to_the_inferior_angle_of_the_scapula() -> None:
    _, spillover = _zones("levator_scapulae")
    assert "inferior_scapular_angle" in spillover
    found = _candidate([Spot("posterior", "inferior_scapular_angle", "left")], "levator_scapulae")
    assert found is not None and found.zones == ("spillover",)


def test_pectoralis_major_arrhythmia_point_is_right_side_only() -> None:
    muscle = load_knowledge().muscle("pectoralis_major")
    (point,) = [tp for tp in muscle.trigger_points if tp.id == "arrhythmia"]
    assert point.only_side == "right"
    left = _candidate([Spot("anterior", "sternum", "midline")], "pectoralis_major")
    assert left is not None
    pins = {(tp.id, tp.side) for tp in left.trigger_points}
    assert ("arrhythmia", "left") not in pins


def test_rectus_abdominis_mcburney_point_is_right_side_only() -> None:
    muscle = load_knowledge().muscle("rectus_abdominis")
    mcburney = [tp for tp in muscle.trigger_points if "McBurney" in tp.label]
    assert len(mcburney) == 1 and mcburney[0].only_side == "right"
    left = _candidate([Spot("anterior", "lower_abdomen", "left")], "rectus_abdominis")
    assert left is not None and mcburney[0].id not in left.explaining


def test_anterior_gluteus_minimus_trigger_point_is_on_the_front_view() -> None:
    muscle = load_knowledge().muscle("gluteus_minimus")
    anterior = [tp for tp in muscle.trigger_points if tp.label.lower().startswith("anterior")]
    assert anterior and all(tp.view == "anterior" for tp in anterior)
    found = _candidate([Spot("anterior", "lateral_leg", "right")], "gluteus_minimus")
    assert found is not None
    assert {tp.view for tp in found.trigger_points} == {"anterior"}


def test_upper_trapezius_jaw_is_spillover_and_the_neck_shoulder_angle_is_where_it_lies() -> None:
    essential, spillover = _zones("upper_trapezius")
    assert "jaw" in spillover and "jaw" not in essential
    assert "neck_shoulder_angle" not in essential | spillover
    spot = Spot("posterior", "neck_shoulder_angle", "right")
    assert ("upper_trapezius", "right", (0,)) in under_spots([spot])
    found = _candidate([spot], "upper_trapezius")
    assert found is not None and found.zones == ("local",)


def test_quadratus_lumborum_low_back_and_flank_are_local_and_it_spills_to_the_genitals() -> None:
    essential, spillover = _zones("quadratus_lumborum")
    assert not {"lumbar_paraspinal", "flank"} & (essential | spillover)
    assert "genitals" in spillover
    found = _candidate([Spot("anterior", "genitals", "midline")], "quadratus_lumborum")
    assert found is not None and found.zones == ("spillover",)


def test_occipitalis_has_no_temple_or_eyebrow_zone() -> None:
    essential, spillover = _zones("occipitalis")
    assert not {"temple", "eyebrow"} & (essential | spillover)
    names = [c.muscle for c in rank_candidates([Spot("anterior", "temple", "right")])]
    assert "occipitalis" not in names


def test_sternocleidomastoid_does_not_refer_to_the_upper_teeth() -> None:
    essential, spillover = _zones("sternocleidomastoid")
    assert "upper_teeth" not in essential | spillover
    names = [c.muscle for c in rank_candidates([Spot("internal", "upper_teeth", "right")])]
    assert "sternocleidomastoid" not in names


def test_infraspinatus_front_and_outer_arm_is_essential() -> None:
    essential, _ = _zones("infraspinatus")
    # the front of the arm is named by its parts since the outer strip is its own region
    assert {"anterior_shoulder", "medial_anterior_arm", "lateral_arm"} <= essential
    found = _candidate([Spot("anterior", "anterior_arm", "right")], "infraspinatus")
    assert found is not None and found.zones == ("essential",)
    for view in ("anterior", "posterior"):  # the outer strip, marked on either view
        found = _candidate([Spot(view, "lateral_arm", "right")], "infraspinatus")
        assert found is not None and found.zones == ("essential",), view


def test_tensor_fasciae_latae_spills_to_the_front_of_the_thigh() -> None:
    _, spillover = _zones("tensor_fasciae_latae")
    assert "lateral_anterior_thigh" in spillover  # the outer half of the front of the thigh
    found = _candidate([Spot("anterior", "anterior_thigh", "left")], "tensor_fasciae_latae")
    assert found is not None and found.zones == ("spillover",)


def test_flexor_carpi_ulnaris_spills_to_the_palm() -> None:
    _, spillover = _zones("flexor_carpi_ulnaris")
    assert "palm" in spillover
    found = _candidate([Spot("anterior", "palm", "right")], "flexor_carpi_ulnaris")
    assert found is not None and found.zones == ("spillover",)
