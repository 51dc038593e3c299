"""The pre-validated knowledge cache (issue 18): it holds exactly what validation accepted,
an edited file or a damaged entry is validated again, and a warm load imports neither
pydantic nor YAML."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nmt_bodymap.core import atlas_cache, knowledge_cache, translations
from nmt_bodymap.core.knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from nmt_bodymap.core.knowledge_files import _read_raw_files
from nmt_bodymap.core.knowledge_models import BodyGroup, MuscleFile
from nmt_bodymap.core.knowledge_schema import BODY_GROUPS
from nmt_bodymap.resources import resource_path

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(atlas_cache.CACHE_DIR_ENV, str(folder))
    return folder


def _copy_muscles(to: Path) -> Path:
    shutil.copytree(resource_path("muscles"), to)
    return to


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{knowledge_cache.KIND}-*.bin"))


def _key(folder: Path) -> str:
    files = [resource_path("sources.yaml"), resource_path("conditions.yaml")]
    key = knowledge_cache.knowledge_key(
        [*files, *sorted(folder.glob("*.yaml"))], resource_path("regions.yaml")
    )
    assert key is not None
    return key


def _everything(kb: KnowledgeBase) -> dict[str, object]:
    """Every fact of the knowledge base a user could meet, as plain data."""
    return {
        "muscles": [dataclasses.asdict(m) for m in kb.muscles],
        "patterns": {m.id: [dataclasses.asdict(p) for p in kb.patterns(m.id)] for m in kb},
        "sources": {k: dataclasses.asdict(s) for k, s in kb.sources.items()},
        "conditions": {k: dataclasses.asdict(c) for k, c in kb.conditions.items()},
        "files": {k: p.name for k, p in kb.files.items()},
        "aliases": kb.aliases(),
    }


def test_the_cache_holds_exactly_what_the_pydantic_models_validated(
    tmp_path: Path, cache_folder: Path
) -> None:
    folder = _copy_muscles(tmp_path / "muscles")
    validated = load_knowledge(folder)  # cold: validated, then written
    assert len(_entries(cache_folder)) == 1
    from_cache = load_knowledge(_copy_muscles(tmp_path / "again"))  # same bytes: the cache

    assert _everything(from_cache) == _everything(validated)
    assert len(from_cache) == len(validated) > 100
    # Each record carries every field of its model, value for value (lists, defaults, None).
    files = sorted(folder.glob("*.yaml"))
    models = [m for raw in _read_raw_files(files) for m in MuscleFile.model_validate(raw).muscles]
    assert [dataclasses.asdict(m) for m in from_cache.muscles] == [m.model_dump() for m in models]
    masseter = from_cache.muscle("masseter")
    assert masseter.trigger_points and masseter.referral.essential
    assert from_cache.zones_naming("temple") == validated.zones_naming("temple")
    assert BodyGroup.__args__ == BODY_GROUPS  # type: ignore[attr-defined]


def test_the_german_overlay_from_the_cache_equals_the_validated_one(cache_folder: Path) -> None:
    translations.load_overlay.cache_clear()
    try:
        validated = translations.load_overlay("de")
        entries = list(cache_folder.glob(f"{knowledge_cache.OVERLAY_KIND}-*.bin"))
        assert len(entries) == 1
        translations.load_overlay.cache_clear()
        cached = translations.load_overlay("de")
    finally:
        translations.load_overlay.cache_clear()
    assert cached == validated
    assert len(cached) > 100 and cached[("region", "temple", "label")] == "Schläfe"
    assert any(isinstance(v, tuple) for v in cached.values())  # lists stay lists of lines


def test_an_edited_file_is_validated_again_not_answered_from_the_cache(
    tmp_path: Path, cache_folder: Path
) -> None:
    load_knowledge(_copy_muscles(tmp_path / "first"))
    edited = _copy_muscles(tmp_path / "second")
    head = edited / "head_face.yaml"
    text = head.read_text(encoding="utf-8")
    head.write_text(text.replace("name: Masseter", "name: Masseter muscle", 1), encoding="utf-8")

    assert load_knowledge(edited).muscle("masseter").name == "Masseter muscle"
    assert len(_entries(cache_folder)) == 2

    broken = _copy_muscles(tmp_path / "third")
    neck = broken / "neck.yaml"
    neck.write_text(
        neck.read_text(encoding="utf-8").replace("layer: superficial", "layer: shallow", 1),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"neck\.yaml: muscle #0 .*layer"):
        load_knowledge(broken)
    assert len(_entries(cache_folder)) == 2  # nothing written for a refused file


def test_a_new_muscle_file_misses_the_cache(tmp_path: Path, cache_folder: Path) -> None:
    first = load_knowledge(_copy_muscles(tmp_path / "first"))
    fewer = _copy_muscles(tmp_path / "second")
    (fewer / "foot.yaml").unlink()

    without_foot = load_knowledge(fewer)

    assert len(without_foot) < len(first)
    assert not any(m.group == "foot" for m in without_foot)


def test_a_damaged_cache_entry_is_rebuilt_never_trusted(tmp_path: Path, cache_folder: Path) -> None:
    expected = _everything(load_knowledge(_copy_muscles(tmp_path / "first")))
    key = _key(tmp_path / "first")
    (entry,) = _entries(cache_folder)
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte: the checksum no longer matches
    entry.write_bytes(bytes(data))

    assert _everything(load_knowledge(_copy_muscles(tmp_path / "second"))) == expected
    assert knowledge_cache.read(knowledge_cache.KIND, key) is not None  # written anew

    # A sound entry whose content is not the knowledge's shape (a foreign or older writer).
    knowledge_cache.write(knowledge_cache.KIND, key, {"muscles": [["neck.yaml", {"id": 1}]]})
    assert _everything(load_knowledge(_copy_muscles(tmp_path / "third"))) == expected
    assert knowledge_cache.read(knowledge_cache.KIND, key)["muscles"][0][1]["id"] != 1


def test_a_warm_load_imports_neither_pydantic_nor_yaml(cache_folder: Path) -> None:
    """Fresh processes: the first validates (pydantic, YAML), the next reads the cache."""
    probe = (
        "import sys\n"
        "from nmt_bodymap.core.knowledge import load_knowledge\n"
        "from nmt_bodymap.core.translations import load_overlay\n"
        "kb = load_knowledge()\n"
        "de = load_overlay('de')\n"
        "assert len(kb) > 100 and kb.muscle('masseter').trigger_points and len(de) > 100\n"
        "print(sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))\n"
    )

    def run() -> str:
        return subprocess.run(
            [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()

    assert run() == "['pydantic', 'yaml']"  # cold: validated from the YAML files
    assert run() == "[]"  # warm: from the pre-validated cache


def test_source_references_of_the_pain_areas_are_still_checked_by_the_knowledge_model() -> None:
    from pydantic import ValidationError

    from nmt_bodymap.core.data_models import PainArea
    from nmt_bodymap.core.knowledge_schema import SourceRef
    from nmt_bodymap.core.pain_areas import PainArea as PainAreaRecord

    area = PainArea.model_validate(
        {"region": "temple", "sources": [{"ref": "travell_simons", "chapter": 5}]}
    )
    record = PainAreaRecord.from_data(area.model_dump())
    assert record.sources == [SourceRef("travell_simons", "5")]
    for bad in ({"ref": "Not An Id"}, {"ref": "travell_simons", "page": 3}):
        with pytest.raises(ValidationError):
            PainArea.model_validate({"region": "temple", "sources": [bad]})


def test_validate_knowledge_checks_the_yaml_even_when_the_cache_is_warm(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nmt_bodymap.core import datafiles
    from nmt_bodymap.core.knowledge import validate_knowledge

    folder = _copy_muscles(tmp_path / "muscles")
    warm = load_knowledge(folder)
    reads: list[Path] = []
    real = datafiles.read_yaml
    monkeypatch.setattr(datafiles, "read_yaml", lambda p: reads.append(p) or real(p))
    monkeypatch.setattr(atlas_cache, "read_entry", lambda kind, key: None)  # no parse cache

    checked = validate_knowledge(folder)

    assert {p.name for p in reads} >= {"neck.yaml", "sources.yaml", "conditions.yaml"}
    assert _everything(checked) == _everything(warm)


def test_pruning_the_parsed_yaml_entries_keeps_the_validated_one(
    tmp_path: Path, cache_folder: Path
) -> None:
    load_knowledge(_copy_muscles(tmp_path / "muscles"))
    (validated,) = _entries(cache_folder)
    for n in range(atlas_cache.KEEP_ENTRIES + 2):  # other parsed-YAML entries come and go
        atlas_cache.write_entry("knowledge", atlas_cache.content_key(str(n)), b"[]")
    assert _entries(cache_folder) == [validated]
