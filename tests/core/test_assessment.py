"""The assessment vocabulary: posture, gait, ischemia signs and entrapment sites."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nmt_bodymap.core.assessment import AssessmentDataError, load_assessment
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.vocabulary import load_vocabulary
from nmt_bodymap.resources import resource_path

AREAS = ["head", "shoulders", "pelvis", "spine", "legs", "feet"]


def test_the_shipped_file_covers_every_posture_area_gait_ischemia_and_entrapment() -> None:
    assessment = load_assessment()
    assert [area.id for area in assessment.posture] == AREAS
    for area in assessment.posture:
        assert len(area.observations) >= 3, area.id
    gait = {o.id for o in assessment.gait}
    assert {"antalgic", "trendelenburg", "short_stride", "foot_slap", "circumduction"} <= gait
    assert len(assessment.ischemia_signs) >= 4
    sites = {s.id for s in assessment.sites}
    assert {
        "brachial_plexus_scalenes",
        "brachial_plexus_pec_minor",
        "median_pronator_teres",
        "sciatic_piriformis",
        "greater_occipital_semispinalis",
        "radial_deep_supinator",
        "ulnar_flexor_carpi_ulnaris",
        "common_fibular_peroneus_longus",
        "tibial_soleus",
        "lateral_femoral_cutaneous",
    } <= sites


def test_every_muscle_region_and_source_named_exists() -> None:
    assessment = load_assessment()
    knowledge = load_knowledge()
    vocabulary = load_vocabulary()
    observations = [o for _a, o in assessment.posture_observations()] + list(assessment.gait)
    for observation in observations:
        assert all(m in knowledge for m in observation.muscles), observation.id
        assert all(s.ref in knowledge.sources for s in observation.sources), observation.id
    for site in assessment.sites:
        assert all(r in vocabulary for r in site.regions), site.id
        assert all(m in knowledge for m in site.muscles), site.id


def test_lookups_answer_what_the_chart_and_the_panel_ask() -> None:
    assessment = load_assessment()
    forward = assessment.observation("posture", "forward_head")
    assert forward.label == "Forward head carriage"
    assert not forward.sided
    assert {"suboccipitals", "sternocleidomastoid"} <= set(forward.muscles)
    short_leg = assessment.observation("posture", "short_leg")
    assert short_leg.sided and "short" in short_leg.side_hint
    assert "quadratus_lumborum" in assessment.muscles_to_check("posture", "short_leg")
    assert assessment.is_sided("gait", "trendelenburg")
    assert assessment.is_sided("entrapment", "sciatic_piriformis")
    assert not assessment.is_sided("ischemia", "pale_cool")
    assert assessment.muscles_to_check("entrapment", "sciatic_piriformis")[0] == "piriformis"
    assert assessment.label("ischemia", "taut_ropy") == "Taut, ropy or dense tissue"
    assert assessment.label("posture", "gone_from_the_file") == "gone from the file"
    assert "forward_head" in assessment.items("posture")
    assert "forward_head" not in assessment.items("gait")
    assert assessment.items("mood") == ()
    with pytest.raises(KeyError):
        assessment.observation("gait", "forward_head")


def _broken(tmp_path: Path, change: object) -> Path:
    """The shipped file with one change applied (``change(data)`` edits it in place)."""
    data = yaml.safe_load(resource_path("assessment.yaml").read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path = tmp_path / "assessment.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _set(path: list[object], value: object) -> object:
    def change(data: dict) -> None:
        node: object = data
        for key in path[:-1]:
            node = node[key]  # type: ignore[index]
        node[path[-1]] = value  # type: ignore[index]

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            _set(["posture", 0, "observations", 0, "muscles"], ["suboccipitals", "neck_thing"]),
            r"posture head observation 'forward_head': 'neck_thing' is not a muscle id",
        ),
        (
            _set(["entrapment", "sites", 0, "regions"], ["armpit_zone"]),
            r"entrapment site 'brachial_plexus_scalenes': 'armpit_zone' is not a region",
        ),
        (
            _set(["gait", 0, "sources"], [{"ref": "my_notes"}]),
            r"gait observation 'antalgic': source 'my_notes' is not in sources.yaml",
        ),
        (
            _set(["gait", 1, "id"], "antalgic"),
            r"gait observation 'antalgic' is listed twice",
        ),
        (
            _set(["posture", 0, "observations", 1, "side_hint"], ""),
            r"posture\[0\] \(head\)\.observations\[1\] \(head_tilt\): .*side_hint",
        ),
        (
            _set(["posture", 1, "observations", 0, "colour"], "red"),
            r"posture\[1\] \(shoulders\)\.observations\[0\] \(elevated_shoulder\)\.colour: "
            r"Extra inputs are not permitted",
        ),
        (
            _set(["ischemia", "signs"], []),
            r"ischemia\.signs: .*at least 1",
        ),
    ],
    ids=["muscle", "region", "source", "duplicate", "side-hint", "unknown-key", "no-signs"],
)
def test_a_broken_file_is_refused_with_file_entry_and_reason(
    tmp_path: Path, change: object, message: str
) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(AssessmentDataError, match=message) as caught:
        load_assessment(path)
    assert str(caught.value).startswith(str(path))


def test_unreadable_and_malformed_files_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(AssessmentDataError, match=r"nowhere\.yaml: cannot read"):
        load_assessment(missing)
    bad = tmp_path / "bad.yaml"
    bad.write_text("posture: [unclosed\n", encoding="utf-8")
    with pytest.raises(AssessmentDataError, match=r"bad\.yaml: not valid YAML"):
        load_assessment(bad)
