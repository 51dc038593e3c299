"""The data files from their pre-validated cache (issue 18): the region vocabulary, red
flags, regional guide, assessment vocabulary, consent texts, pain areas and SOAP templates.

A warm load imports neither pydantic nor YAML (fresh processes); the cache holds exactly
what the pydantic models validated; an edited file, changed knowledge or a damaged entry is
validated again; a bad file is still refused with one line, whatever the cache holds."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.core import (
    assessment,
    atlas_cache,
    clinical,
    consent,
    data_cache,
    datafiles,
    knowledge_cache,
    pain_areas,
    soap_templates,
    vocabulary,
)
from nmt_bodymap.core.knowledge import KnowledgeError
from nmt_bodymap.resources import resource_path

REPO_ROOT = Path(__file__).resolve().parents[2]

# Each public loader that reads a data file, as called by the app (fresh process).
PROBE = """
import json, sys
from pathlib import Path
from nmt_bodymap.core.assessment import load_assessment
from nmt_bodymap.core.clinical import load_protocols, load_red_flags
from nmt_bodymap.core.consent import check_consent, load_consent
from nmt_bodymap.core.examination import examination_guides
from nmt_bodymap.core.pain_areas import load_pain_areas
from nmt_bodymap.core.soap_templates import load_templates
from nmt_bodymap.core.translations import english_texts, load_overlay, place_name
from nmt_bodymap.core.vocabulary import load_vocabulary

loaders = {
    "load_vocabulary": lambda: len(load_vocabulary()),
    "load_red_flags": lambda: len(load_red_flags().questions),
    "load_protocols": lambda: len(load_protocols()),
    "load_assessment": lambda: len(load_assessment().gait),
    "load_consent": lambda: len(load_consent().latest.text),
    "check_consent": lambda: len(check_consent(load_consent().current, "2024-01-02", "A", "")),
    "load_pain_areas": lambda: len(load_pain_areas().areas),
    "load_templates": lambda: len(load_templates(Path(sys.argv[1]))),
    "english_texts": lambda: len(english_texts()),
    "load_overlay": lambda: len(load_overlay("de")),
    "place_name": lambda: len(place_name("temple", "right", "de")),
    "examination_guides": lambda: len(examination_guides([("temple", "right")])),
}
report = {}
for name, load in loaders.items():
    assert load() > 0, name
    report[name] = sorted(m for m in ("pydantic", "yaml") if m in sys.modules)
print(json.dumps(report))
"""


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(atlas_cache.CACHE_DIR_ENV, str(folder))
    return folder


def _templates_file(folder: Path) -> Path:
    path = folder / soap_templates.FILE_NAME
    path.write_text(
        "templates:\n  - name: Neck follow-up\n    plan: Review in one week.\n", encoding="utf-8"
    )
    return path


def test_a_warm_load_of_every_data_file_imports_neither_pydantic_nor_yaml(
    tmp_path: Path,
) -> None:
    """Fresh processes on one cache folder: the first validates, the second reads."""
    templates = _templates_file(tmp_path)
    env = {**os.environ, atlas_cache.CACHE_DIR_ENV: str(tmp_path / "cache")}

    def run() -> dict[str, list[str]]:
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(templates)],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        return json.loads(out.strip().splitlines()[-1])

    cold = run()
    assert cold["load_vocabulary"] == ["pydantic", "yaml"]  # validated from the YAML
    warm = run()
    assert warm == {name: [] for name in warm}, warm  # each loader read its pre-validated entry
    assert len(warm) == 12


def _asdict(records: Any) -> Any:
    """Records as plain data: every field given when made (not a look-up built from them),
    tuples as lists (the models keep tuples where the records do)."""
    if dataclasses.is_dataclass(records) and not isinstance(records, type):
        fields = dataclasses.fields(records)
        return {f.name: _asdict(getattr(records, f.name)) for f in fields if f.init}
    if isinstance(records, dict):
        return {key: _asdict(value) for key, value in records.items()}
    if isinstance(records, tuple | list):
        return [_asdict(value) for value in records]
    return records


def _models() -> dict[str, tuple[Callable[[], Any], Any]]:
    """Each loader with what the pydantic models make of its packaged file."""
    from nmt_bodymap.core import data_models as m

    def model(path: str, cls: Any) -> Any:
        return datafiles.read_model(resource_path(path), cls, ValueError)

    regions = model("regions.yaml", m.VocabularyFile)
    sites = [s.model_copy(update={"internal": True}) for s in regions.internal_sites]
    red = model("red_flags.yaml", m.RedFlagFile)
    checks = model("assessment.yaml", m.AssessmentFile)
    areas = model("pain_areas.yaml", m.PainAreasFile)
    return {
        "vocabulary": (
            vocabulary.load_vocabulary,
            {r.name: r.model_dump() for r in [*regions.regions, *sites]},
        ),
        "red_flags": (
            clinical.load_red_flags,
            {
                "sources": {s.id: s.model_dump() for s in red.sources},
                "questions": [q.model_dump() for q in red.questions],
            },
        ),
        "protocols": (
            clinical.load_protocols,
            [p.model_dump() for p in model("protocols.yaml", m.ProtocolFile).protocols],
        ),
        "assessment": (
            assessment.load_assessment,
            {
                "posture": [a.model_dump() for a in checks.posture],
                "gait": [o.model_dump() for o in checks.gait],
                "ischemia_signs": [s.model_dump() for s in checks.ischemia.signs],
                "ischemia_sources": [s.model_dump() for s in checks.ischemia.sources],
                "sites": [s.model_dump() for s in checks.entrapment.sites],
            },
        ),
        "consent": (consent.load_consent, model("consent.yaml", m.ConsentFile).model_dump()),
        "pain_areas": (
            pain_areas.load_pain_areas,
            {
                "areas": {a.region: a.model_dump() for a in areas.areas},
                "groups": {g.id: g.model_dump() for g in areas.groups},
                "group_of": {x: g.id for g in areas.groups for x in g.muscles},
            },
        ),
    }


def _clear() -> None:
    vocabulary.load_vocabulary.cache_clear()
    clinical.load_red_flags.cache_clear()
    clinical.load_protocols.cache_clear()
    assessment.load_assessment.cache_clear()
    consent.load_consent.cache_clear()
    pain_areas._load.cache_clear()


@pytest.mark.parametrize(
    "kind", ["vocabulary", "red_flags", "protocols", "assessment", "consent", "pain_areas"]
)
def test_the_cache_holds_exactly_what_the_models_validated(cache_folder: Path, kind: str) -> None:
    load, expected = _models()[kind]
    _clear()
    try:
        validated = load()  # cold: validated, then written
        assert len(data_cache.entries(kind)) == 1
        _clear()
        cached = load()  # warm: from the entry
    finally:
        _clear()
    assert cached is not validated
    assert _asdict(cached) == _asdict(validated) == _asdict(expected)


def test_records_keep_their_types_for_callers(cache_folder: Path) -> None:
    regions = vocabulary.validate_vocabulary()
    temple = regions["temple"]
    assert isinstance(temple.views, tuple) and isinstance(temple.parts, tuple)
    assert regions["buttock"].parts and temple.label_for("right") == "Right temple"
    observation = assessment.validate_assessment().observation("posture", "forward_head")
    assert isinstance(observation.muscles, tuple) and isinstance(observation.sources, tuple)
    assert all(isinstance(c.chapter, str | None) for c in observation.sources)
    screen = clinical.validate_red_flags()
    assert screen.citations(screen.questions[0]) and isinstance(screen.questions, tuple)
    assert isinstance(pain_areas.validate_pain_areas().areas["temple"].sources[0].ref, str)


def _copy(name: str, to: Path) -> Path:
    target = to / name
    shutil.copy(resource_path(name), target)
    return target


def test_an_edited_file_is_validated_again(tmp_path: Path, cache_folder: Path) -> None:
    path = _copy("red_flags.yaml", tmp_path)
    first = clinical.validate_red_flags(path)
    text = path.read_text(encoding="utf-8")
    question = first.questions[0].question
    path.write_text(text.replace(question, "Edited question?", 1), encoding="utf-8")

    assert clinical._red_flags(path, trust=True).questions[0].question == "Edited question?"
    assert len(data_cache.entries("red_flags")) == 2


def test_a_changed_knowledge_base_misses_the_entries_checked_against_it(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = resource_path("protocols.yaml")
    clinical._protocols(path, trust=True)
    runs: list[Path] = []
    real = clinical._validated_protocols
    monkeypatch.setattr(clinical, "_validated_protocols", lambda p: runs.append(p) or real(p))

    clinical._protocols(path, trust=True)
    assert runs == []  # same files, same knowledge: the entry
    monkeypatch.setattr(knowledge_cache, "default_knowledge_key", lambda: "other muscles")
    clinical._protocols(path, trust=True)
    assert runs == [path]  # the muscles it was checked against changed: validated again


def test_a_damaged_or_foreign_entry_is_rebuilt_never_trusted(cache_folder: Path) -> None:
    expected = _asdict(assessment.validate_assessment())
    (entry,) = data_cache.entries("assessment")
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte: the checksum no longer matches
    entry.write_bytes(bytes(data))

    assert _asdict(assessment._load(resource_path("assessment.yaml"), trust=True)) == expected
    (entry,) = data_cache.entries("assessment")
    key = entry.read_bytes()[len(b"NMTBODYMAP-CACHE-1\n") :][:64].decode("ascii")
    assert data_cache.read("assessment", key)["gait"]  # written anew, sound

    # A sound entry whose content is not the records' shape (a foreign or older writer).
    atlas_cache.write_entry(data_cache.entry_kind("assessment"), key, b'{"posture": [{"x": 1}]}')
    assert _asdict(assessment._load(resource_path("assessment.yaml"), trust=True)) == expected
    assert data_cache.read("assessment", key)["gait"]


_REGIONS = vocabulary.VocabularyError
BAD_FILES = [
    ("regions.yaml", "label: 'temple'}", "label: [temple}", _REGIONS, "YAML at line 21"),
    ("regions.yaml", "head, sides: bilateral", "head, sides: both", _REGIONS, "sides: Input"),
    (
        "red_flags.yaml",
        "\nquestions:",
        "\nquestionz:",
        clinical.ClinicalDataError,
        "questions: Field",
    ),
    ("consent.yaml", "\ncurrent:", "\ncurent:", consent.ConsentDataError, "current: Field"),
    ("assessment.yaml", "sided: true", "sided: maybe", assessment.AssessmentDataError, "sided"),
    ("pain_areas.yaml", "    ordered: false", "    ordered: 3", KnowledgeError, "ordered"),
]


@pytest.mark.parametrize(("name", "old", "new", "error", "words"), BAD_FILES)
def test_a_bad_file_is_refused_in_one_line_though_the_cache_is_warm(
    tmp_path: Path, cache_folder: Path, name: str, old: str, new: str, error: type, words: str
) -> None:
    validate = {
        "regions.yaml": vocabulary.validate_vocabulary,
        "red_flags.yaml": clinical.validate_red_flags,
        "consent.yaml": consent.validate_consent,
        "assessment.yaml": assessment.validate_assessment,
        "pain_areas.yaml": pain_areas.validate_pain_areas,
    }[name]
    path = _copy(name, tmp_path)
    validate(path)  # the good file: validated and cached
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    entries = len(list(cache_folder.glob("validated-data.*")))

    with pytest.raises(error) as refused:
        validate(path)
    message = str(refused.value)
    assert words in message and "\n" not in message and message.startswith(str(path))
    assert len(list(cache_folder.glob("validated-data.*"))) == entries  # nothing written


def test_the_soap_templates_of_a_clinic_are_cached_by_their_bytes(
    tmp_path: Path, cache_folder: Path
) -> None:
    path = _templates_file(tmp_path)
    first = soap_templates.load_templates(path)
    again = soap_templates.load_templates(path)
    assert first == again and first[0].plan == "Review in one week."
    assert len(data_cache.entries("soap_templates")) == 1
    path.write_text("templates:\n  - name: A\n  - name: A\n", encoding="utf-8")
    with pytest.raises(soap_templates.TemplateError, match="listed twice"):
        soap_templates.load_templates(path)
    assert soap_templates.load_templates(tmp_path / "none.yaml") == ()


def test_validate_reads_the_yaml_even_when_the_cache_is_warm(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vocabulary.validate_vocabulary()
    clinical.validate_protocols()
    reads: list[str] = []
    real = datafiles.read_yaml
    monkeypatch.setattr(datafiles, "read_yaml", lambda p: reads.append(p.name) or real(p))

    assert len(vocabulary.validate_vocabulary()) > 100
    assert clinical.validate_protocols()
    consent.validate_consent()

    assert reads == ["regions.yaml", "protocols.yaml", "consent.yaml"]
