"""The regional examination guide for the places a client hurts."""

from __future__ import annotations

from nmt_bodymap.core.clinical import load_protocols
from nmt_bodymap.core.examination import examination_guides, examined
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.vocabulary import internal_sites


def test_right_shoulder_pain_sends_the_therapist_to_neck_and_arm_on_the_right() -> None:
    guides = examination_guides([("lateral_shoulder", "right")])
    assert [g.protocol.id for g in guides] == ["shoulder"]
    guide = guides[0]
    assert guide.side == "right"
    assert {"posterior_neck", "anterior_forearm", "palm"} <= set(guide.examine_regions)
    assert {"anterior_scalene", "infraspinatus"} <= set(guide.muscles)


def test_pain_on_both_sides_or_midline_is_examined_on_both_sides() -> None:
    both = examination_guides([("temple", "right"), ("temple", "left")])
    assert [(g.protocol.id, g.side) for g in both] == [("head", "bilateral")]
    midline = examination_guides([("sacrum", "midline")])
    assert midline[0].side == "bilateral"
    assert midline[0].sides() == ("right", "left")


def test_places_in_two_parts_of_the_body_give_one_guide_each_in_file_order() -> None:
    guides = examination_guides([("calf", "left"), ("temple", "right"), ("temple", "right")])
    assert [g.protocol.id for g in guides] == ["head", "leg_ankle"]
    assert guides[0].complaint_places == (("temple", "right"),)


def test_a_place_no_guide_covers_gives_no_guide() -> None:
    assert examination_guides([("no_such_region", "left")]) == []
    assert examination_guides([]) == []


def test_every_internal_site_is_covered_by_a_guide_whose_muscles_refer_there() -> None:
    kb = load_knowledge()
    for site in internal_sites():
        guides = examination_guides([(site, "midline")])
        assert guides, f"no guide for {site}"
        referrers = {
            m.id for m in kb.muscles if any(z.region == site for _kind, z in m.all_zones())
        }
        listed = {muscle for g in guides for muscle in g.muscles}
        assert referrers & listed, f"{site}: the guide lists none of {sorted(referrers)}"


def test_examined_reports_the_sides_with_a_finding() -> None:
    guide = examination_guides([("temple", "right")])[0]
    findings = [("upper_trapezius", "right"), ("upper_trapezius", "left"), ("masseter", "right")]
    assert examined(guide, "upper_trapezius", findings) == ("right",)
    assert examined(guide, "temporalis", findings) == ()


def test_guides_cover_every_protocol_complaint_region() -> None:
    for protocol in load_protocols():
        for region in protocol.complaint_regions:
            ids = [g.protocol.id for g in examination_guides([(region, "left")])]
            assert protocol.id in ids


def test_a_guide_muscle_is_shown_with_its_trigger_points_on_the_chosen_sides() -> None:
    from nmt_bodymap.core.ranking import muscle_candidate

    candidate = muscle_candidate("infraspinatus", "bilateral")
    assert candidate.explains == ()
    assert {tp.side for tp in candidate.trigger_points} == {"left", "right"}
    assert all(tp.point is not None for tp in candidate.trigger_points)
    one = muscle_candidate("infraspinatus", "left")
    assert {tp.side for tp in one.trigger_points} == {"left"}
