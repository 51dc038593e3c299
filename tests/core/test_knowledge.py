"""The trigger-point knowledge base: the real data is complete, broken files are refused."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path
from typing import Any

import pytest
import yaml

from nmt_bodymap.core.knowledge import KnowledgeError, load_knowledge
from nmt_bodymap.core.vocabulary import load_vocabulary

# "Muscles: minimum coverage" of ../shared/spec/body-map.md, as the spec names them.
MINIMUM_MUSCLES = """
temporalis, masseter, lateral pterygoid, medial pterygoid, digastric, frontalis, occipitalis,
zygomaticus major, orbicularis oculi, buccinator, platysma,
sternocleidomastoid, upper trapezius, levator scapulae, anterior scalene, middle scalene,
posterior scalene, splenius capitis, splenius cervicis, semispinalis capitis, suboccipitals,
longus colli,
middle trapezius, lower trapezius, rhomboids, supraspinatus, infraspinatus, teres minor,
teres major, subscapularis, anterior deltoid, middle deltoid, posterior deltoid,
latissimus dorsi, serratus anterior, serratus posterior superior, serratus posterior inferior,
pectoralis major, pectoralis minor, subclavius, sternalis, coracobrachialis,
biceps, brachialis, triceps, anconeus, brachioradialis, supinator,
extensor carpi radialis longus, extensor carpi radialis brevis, extensor carpi ulnaris,
extensor digitorum, extensor indicis, flexor carpi radialis, flexor carpi ulnaris,
palmaris longus, flexor digitorum superficialis, flexor digitorum profundus, pronator teres,
adductor pollicis, opponens pollicis, first dorsal interosseous, abductor digiti minimi (hand),
rectus abdominis, external oblique, internal oblique, pyramidalis, diaphragm, intercostals,
iliocostalis thoracis, iliocostalis lumborum, longissimus thoracis, multifidi,
quadratus lumborum, iliopsoas,
gluteus maximus, gluteus medius, gluteus minimus, piriformis, tensor fasciae latae, coccygeus,
levator ani, obturator internus,
rectus femoris, vastus medialis, vastus lateralis, vastus intermedius, sartorius, pectineus,
adductor longus, adductor brevis, adductor magnus, gracilis, biceps femoris, semitendinosus,
semimembranosus,
popliteus, gastrocnemius, soleus, plantaris, tibialis anterior, tibialis posterior,
peroneus longus, peroneus brevis, peroneus tertius, extensor digitorum longus,
extensor hallucis longus, flexor digitorum longus, flexor hallucis longus,
extensor digitorum brevis, extensor hallucis brevis, abductor hallucis, flexor digitorum brevis,
abductor digiti minimi (foot), quadratus plantae, flexor hallucis brevis, adductor hallucis,
interossei (foot)
"""
MINIMUM = [name.strip() for name in MINIMUM_MUSCLES.replace("\n", " ").split(",")]

# Named groups whose parts must answer to the group name (a therapist types "scalenes").
GROUP_ALIASES = {
    "scalenes": ["anterior scalene", "middle scalene", "posterior scalene"],
    "deltoid": ["anterior deltoid", "middle deltoid", "posterior deltoid"],
    "trapezius": ["upper trapezius", "middle trapezius", "lower trapezius"],
    "hamstrings": ["biceps femoris", "semitendinosus", "semimembranosus"],
    "quadriceps": ["rectus femoris", "vastus medialis", "vastus lateralis", "vastus intermedius"],
}


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def test_real_knowledge_loads_with_sources_and_conditions(knowledge) -> None:
    assert len(knowledge) >= len(MINIMUM)
    assert {"ts_v1", "ts_v2", "ts_3e", "chaitow_delany_v1", "chaitow_delany_v2"} <= set(
        knowledge.sources
    )
    assert {"davies", "jarmey"} <= set(knowledge.sources)
    assert "tension_type_headache" in knowledge.conditions


@pytest.mark.parametrize("name", MINIMUM)
def test_minimum_muscle_is_present(knowledge, name: str) -> None:
    found = knowledge.find(name)
    assert found, f"no muscle named or aliased {name!r}"


@pytest.mark.parametrize(
    ("group", "part"), [(g, p) for g, parts in GROUP_ALIASES.items() for p in parts]
)
def test_part_of_a_group_answers_to_the_group_name(knowledge, group: str, part: str) -> None:
    (muscle,) = knowledge.find(part)
    assert group in muscle.aliases, f"{muscle.id} lacks the group alias {group!r}"
    assert muscle in knowledge.find(group)


def test_hand_and_foot_namesakes_are_told_apart(knowledge) -> None:
    hand = knowledge.find("abductor digiti minimi (hand)")
    foot = knowledge.find("abductor digiti minimi (foot)")
    assert len(hand) == 1 and len(foot) == 1 and hand != foot


def test_every_muscle_is_complete(knowledge) -> None:
    vocabulary = load_vocabulary()
    for muscle in knowledge:
        assert muscle.sources, muscle.id
        assert muscle.trigger_points, muscle.id
        assert muscle.referral.essential, muscle.id
        assert len(muscle.client_explanation) >= 40, f"{muscle.id}: explanation too short"
        assert muscle.self_care, muscle.id
        assert muscle.symptoms, f"{muscle.id}: no symptoms"
        assert muscle.perpetuating_factors, f"{muscle.id}: no perpetuating factors"
        for zone in muscle.referral.essential + muscle.referral.spillover:
            assert zone.region in vocabulary


def test_knowledge_muscles_are_drawn_on_their_views(knowledge) -> None:
    from nmt_bodymap.core.atlas import load_atlas

    atlas = load_atlas()
    for muscle in knowledge:
        assert muscle.id in atlas.muscle_ids(), f"{muscle.id} is not drawn"
        for view in muscle.views:
            assert atlas.muscle_shape(view, muscle.id, "left") is not None, (
                f"{muscle.id}: listed on the {view} view but not drawn there"
            )
        for tp in muscle.trigger_points:
            for side in ("left", "right"):
                assert atlas.muscle_shape(tp.view, muscle.id, side) is not None, (
                    f"{muscle.id} {tp.id}: not drawn on the {tp.view} view ({side})"
                )


def test_lookups_by_alias_region_and_id(knowledge) -> None:
    masseter = knowledge.muscle("masseter")
    assert knowledge.find("MASSETER") == (masseter,)
    assert "masseter" in knowledge.aliases()
    assert masseter in knowledge.muscles_referring_to("jaw")
    with pytest.raises(KeyError):
        knowledge.muscle("no_such_muscle")


# --- broken files -------------------------------------------------------------------------

VALID_MUSCLE: dict[str, Any] = {
    "id": "levator_scapulae",
    "name": "Levator scapulae",
    "aliases": ["levator scapulae"],
    "group": "neck",
    "layer": "superficial",
    "views": ["posterior"],
    "trigger_points": [
        {"id": "tp1", "label": "Angle of the neck", "view": "posterior", "along": 0.6}
    ],
    "referral": {"essential": ["neck_shoulder_angle"], "spillover": ["posterior_shoulder"]},
    "symptoms": ["stiff neck"],
    "conditions": ["neck_pain", "torticollis"],
    "perpetuating_factors": ["phone held between ear and shoulder"],
    "client_explanation": "This small muscle lifts the shoulder blade and turns the neck.",
    "self_care": ["gentle chin-to-armpit stretch"],
    "sources": [{"ref": "ts_v1", "chapter": "19"}],
}


def _write(folder: Path, name: str, muscles: list[dict[str, Any]]) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump({"muscles": muscles}, sort_keys=False), encoding="utf-8")
    return path


def _muscle(**changes: Any) -> dict[str, Any]:
    muscle = copy.deepcopy(VALID_MUSCLE)
    muscle.update(changes)
    return muscle


def _error(folder: Path) -> str:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(folder)
    return str(info.value)


def test_valid_handmade_folder_loads(tmp_path: Path) -> None:
    _write(tmp_path / "kb", "neck.yaml", [_muscle()])
    kb = load_knowledge(tmp_path / "kb")
    assert [m.id for m in kb] == ["levator_scapulae"]
    assert kb.muscle("levator_scapulae").referral.essential[0].side == "same"


def test_unknown_region_is_refused_naming_file_entry_and_reason(tmp_path: Path) -> None:
    other = _muscle(id="splenius_cervicis", name="Splenius cervicis")
    bad = _muscle(referral={"essential": ["neck_shoulder_angle", "shoulder_blade_top"]})
    path = _write(tmp_path / "kb", "neck.yaml", [other, bad])
    message = _error(tmp_path / "kb")
    assert str(path) in message
    assert "muscle #1 (levator_scapulae)" in message
    assert "referral.essential[1]" in message and "unknown region 'shoulder_blade_top'" in message


def test_duplicate_muscle_id_across_files_is_refused(tmp_path: Path) -> None:
    first = _write(tmp_path / "kb", "neck.yaml", [_muscle()])
    second = _write(
        tmp_path / "kb", "shoulder_upper_back.yaml", [_muscle(group="shoulder_upper_back")]
    )
    message = _error(tmp_path / "kb")
    assert str(second) in message and str(first) in message
    assert "muscle #0 (levator_scapulae)" in message and "duplicate muscle id" in message


def test_missing_source_is_refused(tmp_path: Path) -> None:
    muscle = _muscle()
    del muscle["sources"]
    path = _write(tmp_path / "kb", "neck.yaml", [muscle])
    message = _error(tmp_path / "kb")
    assert str(path) in message and "muscle #0 (levator_scapulae)" in message
    assert "sources" in message and "required" in message.lower()


def test_empty_source_list_is_refused(tmp_path: Path) -> None:
    _write(tmp_path / "kb", "neck.yaml", [_muscle(sources=[])])
    message = _error(tmp_path / "kb")
    assert "muscle #0 (levator_scapulae): sources" in message


def test_bad_yaml_is_refused_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    path = folder / "neck.yaml"
    path.write_text("muscles:\n  - id: levator_scapulae\n    name: [unclosed\n", encoding="utf-8")
    message = _error(folder)
    assert str(path) in message and "YAML syntax error at line" in message


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"conditions": ["neck_pain", "headache_of_doom"]}, "unknown condition id"),
        ({"sources": [{"ref": "wikipedia"}]}, "unknown source ref 'wikipedia'"),
        (
            {
                "trigger_points": [
                    {"id": "tp1", "label": "a", "view": "posterior", "along": 0.5},
                    {"id": "tp1", "label": "b", "view": "posterior", "along": 0.7},
                ]
            },
            "duplicate trigger point id 'tp1'",
        ),
        (
            {"trigger_points": [{"id": "tp1", "label": "a", "view": "anterior", "along": 0.5}]},
            "view 'anterior' is not one of the muscle's views",
        ),
        ({"colour": "red"}, "Extra inputs are not permitted"),
        ({"referral": {"essential": []}}, "referral.essential"),
        ({"referral": {"essential": [{"region": "jaw", "side": "left"}]}}, "referral"),
        ({"group": "trunk"}, "does not match the file"),
    ],
)
def test_inconsistent_entry_is_refused(tmp_path: Path, changes: dict, reason: str) -> None:
    path = _write(tmp_path / "kb", "neck.yaml", [_muscle(**changes)])
    message = _error(tmp_path / "kb")
    assert str(path) in message
    assert "muscle #0 (levator_scapulae)" in message
    assert reason in message


def test_internal_site_may_be_a_referral_zone(tmp_path: Path) -> None:
    zones = {"essential": ["jaw", {"region": "upper_teeth", "side": "same"}]}
    _write(tmp_path / "kb", "neck.yaml", [_muscle(referral=zones)])
    kb = load_knowledge(tmp_path / "kb")
    assert [m.id for m in kb.muscles_referring_to("upper_teeth")] == ["levator_scapulae"]


def test_knowledge_doc_is_up_to_date(knowledge) -> None:
    """docs/knowledge.md is what clinicians review: it must show the current data."""
    tool = Path(__file__).parents[2] / "tools" / "gen_knowledge_doc.py"
    spec = importlib.util.spec_from_file_location("gen_knowledge_doc", tool)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render(knowledge)
    assert module.DOC_PATH.read_text(encoding="utf-8") == expected, (
        "docs/knowledge.md is stale: run python tools/gen_knowledge_doc.py"
    )
