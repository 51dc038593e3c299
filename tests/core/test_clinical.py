"""Clinical rules: red-flag screen, chronic pain, after-care window, pain extent, regional guide."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from shapely.geometry import Polygon

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.clinical import (
    ClinicalDataError,
    clearance_text,
    expected_soreness_window,
    is_chronic,
    load_protocols,
    load_red_flags,
    needs_referral,
    pain_extent,
    protocols_for_region,
)
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.pain_extent import figure_area, visit_measures
from nmt_bodymap.core.svg_geometry import load_svg_shapes
from nmt_bodymap.core.vocabulary import load_vocabulary
from nmt_bodymap.resources import asset_path

GUIDELINE_TOPICS = {
    "unexplained_weight_loss",
    "fever_chills",
    "night_pain_unrelieved",
    "bowel_bladder_change",
    "saddle_numbness",
    "progressive_weakness",
    "recent_trauma",
    "history_of_cancer",
    "chest_pain_breathless",
    "sudden_severe_headache",
    "calf_swelling_redness",
    "age_over_50_new_pain",
    "long_term_steroids",
    "immunosuppression_or_iv_drugs",
}


@dataclass(frozen=True)
class Mark:
    view: str
    region: str
    side: str
    intensity: int = 5


@dataclass(frozen=True)
class Finding:
    activity: str


# -- red flags -----------------------------------------------------------------------------


def test_red_flag_screen_covers_the_guideline_questions_with_citations() -> None:
    screen = load_red_flags()
    ids = {q.id for q in screen.questions}
    assert ids >= GUIDELINE_TOPICS
    for question in screen.questions:
        assert question.question.endswith("?"), question.id
        assert len(question.why) > 40, question.id
        assert all(screen.citations(question)), question.id
    cited = {ref for q in screen.questions for ref in q.sources}
    assert {"nice_ng59", "ifompt_cervical", "greenhalgh_selfe"} <= cited


def test_a_broken_red_flag_file_names_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "red_flags.yaml"
    bad.write_text(
        "sources: [{id: a, citation: Somebody 2020}]\n"
        "questions:\n  - {id: fever, question: Fever?, why: infection, sources: [nope]}\n"
    )
    with pytest.raises(ClinicalDataError, match=r"fever.*'nope'"):
        load_red_flags(bad)
    bad.write_text("sources: [{id: a, citation: X}]\nquestions: [{id: fever, question: Q?}]\n")
    with pytest.raises(ClinicalDataError, match=r"questions\.0"):
        load_red_flags(bad)


def test_referral_needed_on_any_yes_until_cleared() -> None:
    assert not needs_referral({}, None)
    assert not needs_referral({"fever_chills": False, "saddle_numbness": None}, "")
    assert needs_referral({"fever_chills": False, "saddle_numbness": True}, None)
    assert needs_referral({"saddle_numbness": True}, "   ")
    assert not needs_referral({"saddle_numbness": True}, "Cleared by Dr Lee: no cauda equina")
    # an answer to a question since removed from the screen still counts
    assert needs_referral({"retired_question": True}, None)
    screen = load_red_flags()
    assert [q.id for q in screen.raised({"fever_chills": True, "recent_trauma": False})] == [
        "fever_chills"
    ]


def test_clearance_text_needs_who_cleared() -> None:
    assert clearance_text("Dr Lee (GP)", " scan clear ") == "Cleared by Dr Lee (GP): scan clear"
    assert clearance_text("Dr Lee") == "Cleared by Dr Lee"
    with pytest.raises(ValueError, match="who"):
        clearance_text("  ", "note")


def test_chronic_from_twelve_weeks() -> None:
    assert not is_chronic(None)
    assert not is_chronic(11.9)
    assert is_chronic(12)
    assert is_chronic(52)
    with pytest.raises(ValueError, match="negative"):
        is_chronic(-1)


def test_soreness_window_is_a_day_to_a_day_and_a_half() -> None:
    assert expected_soreness_window() == (24, 36)


# -- pain extent -----------------------------------------------------------------------------


def _shape_from_svg(view: str, region: str, side: str) -> Polygon:
    """The region's shape read straight from the drawing, not through the atlas."""
    return load_svg_shapes(asset_path("body_svgs", f"{view}.svg")).areas[f"region-{region}-{side}"]


def _outline_area_from_svg(view: str) -> float:
    shapes = load_svg_shapes(asset_path("body_svgs", f"{view}.svg"))
    return sum(g.area for key, g in shapes.areas.items() if shapes.layer_of.get(key) == "outline")


def test_pain_extent_is_marked_area_over_figure_area() -> None:
    marks = [
        Mark("anterior", "temple", "right"),
        Mark("anterior", "temple", "right", intensity=8),  # same region again: counts once
        Mark("anterior", "jaw", "right"),
        Mark("posterior", "posterior_neck", "left"),
        Mark("internal", "upper_teeth", "right"),  # internal sites have no area
    ]
    marked = (
        _shape_from_svg("anterior", "temple", "right").area
        + _shape_from_svg("anterior", "jaw", "right").area
        + _shape_from_svg("posterior", "posterior_neck", "left").area
    )
    figure = _outline_area_from_svg("anterior") + _outline_area_from_svg("posterior")
    expected = 100 * marked / figure
    assert pain_extent(marks, load_atlas()) == pytest.approx(expected, rel=1e-6)
    assert 0 < expected < 1  # three small head and neck regions: well under 1 % of the body


def test_pain_extent_whole_figure_is_a_hundred_percent_and_none_is_zero() -> None:
    atlas = load_atlas()
    everything = [Mark(r.view, r.region, r.side) for r in atlas.regions()]
    assert pain_extent(everything, atlas) == pytest.approx(100.0, abs=0.01)
    assert pain_extent([], atlas) == 0.0
    # the plantar insets are part of the figure
    assert figure_area(atlas) == pytest.approx(
        atlas.outline("anterior").area + atlas.outline("posterior").area
    )


def test_visit_measures_for_the_progress_chart() -> None:
    marks = [Mark("anterior", "temple", "right", 7), Mark("anterior", "jaw", "right", 3)]
    findings = [Finding("active"), Finding("latent"), Finding("active")]
    measures = visit_measures(4, marks, findings)
    assert measures.peak_intensity == 7
    assert measures.mean_intensity == pytest.approx(5.0)
    assert measures.active_trigger_points == 2
    assert measures.extent_percent == pytest.approx(pain_extent(marks))
    empty = visit_measures(5, [], [])
    assert empty.peak_intensity is None and empty.mean_intensity is None


# -- regional guide ----------------------------------------------------------------------------


def test_every_protocol_names_real_regions_and_muscles() -> None:
    vocabulary, knowledge = load_vocabulary(), load_knowledge()
    protocols = load_protocols()
    groups = {p.id for p in protocols}
    assert {"head", "neck", "shoulder", "low_back", "hip", "knee", "foot"} <= groups
    assert "elbow_forearm_hand" in groups
    for protocol in protocols:
        assert set(protocol.complaint_regions) <= set(vocabulary)
        assert set(protocol.examine_regions) <= set(vocabulary)
        assert all(m in knowledge for m in protocol.muscles)


def test_shoulder_pain_sends_the_therapist_to_neck_girdle_and_arm() -> None:
    (shoulder,) = protocols_for_region("lateral_shoulder")
    assert shoulder.id == "shoulder"
    assert {"posterior_neck", "anterior_arm", "anterior_forearm", "palm"} <= set(
        shoulder.examine_regions
    )
    assert {"anterior_scalene", "infraspinatus", "supraspinatus", "levator_scapulae"} <= set(
        shoulder.muscles
    )


def test_a_protocol_with_an_unknown_muscle_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "protocols.yaml"
    bad.write_text(
        "protocols:\n  - {id: knee, label: Knee, complaint_regions: [popliteal],"
        " muscles: [quadriceps_blob], sources: [ts_v2]}\n"
    )
    with pytest.raises(ClinicalDataError, match="quadriceps_blob"):
        load_protocols(bad)
    bad.write_text(
        "protocols:\n  - {id: knee, label: Knee, complaint_regions: [kneecap],"
        " muscles: [popliteus], sources: [ts_v2]}\n"
    )
    with pytest.raises(ClinicalDataError, match="kneecap"):
        load_protocols(bad)


def test_compare_regions_finds_new_and_resolved_places() -> None:
    from nmt_bodymap.core.pain_extent import compare_regions

    first = [Mark("anterior", "temple", "right"), Mark("posterior", "posterior_neck", "right")]
    second = [Mark("anterior", "temple", "right"), Mark("anterior", "jaw", "left")]
    changes = compare_regions(first, second)
    assert changes.new == {("anterior", "jaw", "left")}
    assert changes.resolved == {("posterior", "posterior_neck", "right")}
    assert changes.unchanged == {("anterior", "temple", "right")}
