"""The trigger-point knowledge base: which muscles refer pain where, and why.

``load_knowledge()`` reads every ``resources/muscles/*.yaml`` file, validates it
against the models of :mod:`nmt_bodymap.core.knowledge_models` and then against the rest
of the project (region vocabulary, bibliography, condition list, ids across files).
Any problem stops loading with a :class:`KnowledgeError` naming the file, the
entry and the reason, so a data author can fix it without reading Python.

The validated data is kept as the plain records of :mod:`nmt_bodymap.core.knowledge_schema`
and stored in a disk cache (:mod:`nmt_bodymap.core.knowledge_cache`) keyed by the bytes of
every file it came from: while no file changed, loading reads that cache and imports
neither pydantic nor YAML (issue 18). A changed, missing or damaged entry is never
trusted: the files are validated again.

Referral zones name places of the region vocabulary, including internal sites
(teeth, inside the ear, pelvic floor...): referral to an internal site is part
of the muscle that causes it, so there is no separate internal-sites file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from nmt_bodymap.core import knowledge_cache
from nmt_bodymap.core.knowledge_files import (
    KnowledgeError,
    _read_raw_files,
    _validate,
)
from nmt_bodymap.core.knowledge_schema import (
    BODY_GROUPS,
    ConditionDef,
    MuscleDef,
    SourceDef,
    TriggerPointPattern,
    ZoneEntry,
    ZoneKind,
)
from nmt_bodymap.resources import resource_path

__all__ = [
    "KnowledgeBase",
    "KnowledgeError",
    "PatternLink",
    "ZoneLink",
    "_read_raw_files",  # also read by core/pain_areas
    "load_knowledge",
    "validate_knowledge",
]


@dataclass(frozen=True)
class ZoneLink:
    """One referral zone entry of a muscle, indexed by the region it names."""

    muscle: MuscleDef
    kind: ZoneKind
    entry: ZoneEntry


@dataclass(frozen=True)
class PatternLink:
    """One zone entry of one trigger-point pattern of a muscle, indexed by its region."""

    muscle: MuscleDef
    pattern: int  # index in ``muscle.referral_patterns()``
    kind: ZoneKind
    entry: ZoneEntry


@dataclass(frozen=True)
class KnowledgeBase:
    """Every muscle of the knowledge base, with the look-ups the app needs."""

    muscles: tuple[MuscleDef, ...]
    sources: dict[str, SourceDef]
    conditions: dict[str, ConditionDef]
    files: dict[str, Path] = field(default_factory=dict)  # muscle id -> file it came from
    _by_id: dict[str, MuscleDef] = field(init=False, repr=False)
    _by_name: dict[str, tuple[MuscleDef, ...]] = field(init=False, repr=False)
    _by_region: dict[str, tuple[ZoneLink, ...]] = field(init=False, repr=False)
    _patterns_by_region: dict[str, tuple[PatternLink, ...]] = field(init=False, repr=False)
    _patterns: dict[str, tuple[TriggerPointPattern, ...]] = field(init=False, repr=False)
    memo: dict[Any, Any] = field(init=False, repr=False, compare=False)  # look-up caches

    def __post_init__(self) -> None:
        by_name: dict[str, list[MuscleDef]] = {}
        by_region: dict[str, list[ZoneLink]] = {}
        patterns: dict[str, list[PatternLink]] = {}
        per_muscle: dict[str, tuple[TriggerPointPattern, ...]] = {}
        for muscle in self.muscles:
            per_muscle[muscle.id] = tuple(muscle.referral_patterns())
            for index, pattern in enumerate(per_muscle[muscle.id]):
                for kind, entries in (
                    ("essential", pattern.essential),
                    ("spillover", pattern.spillover),
                ):
                    for entry in entries:
                        link = PatternLink(muscle, index, kind, entry)  # type: ignore[arg-type]
                        patterns.setdefault(entry.region, []).append(link)
            for key in (muscle.name.lower(), *muscle.aliases):
                if muscle not in by_name.setdefault(key, []):
                    by_name[key].append(muscle)
            for kind, entry in muscle.all_zones():
                by_region.setdefault(entry.region, []).append(ZoneLink(muscle, kind, entry))
        object.__setattr__(self, "_by_id", {m.id: m for m in self.muscles})
        object.__setattr__(self, "_by_name", {k: tuple(v) for k, v in by_name.items()})
        object.__setattr__(self, "_by_region", {k: tuple(v) for k, v in by_region.items()})
        object.__setattr__(self, "_patterns_by_region", {k: tuple(v) for k, v in patterns.items()})
        object.__setattr__(self, "_patterns", per_muscle)
        object.__setattr__(self, "memo", {})

    def __iter__(self) -> Iterator[MuscleDef]:
        return iter(self.muscles)

    def __len__(self) -> int:
        return len(self.muscles)

    def __contains__(self, muscle_id: object) -> bool:
        return muscle_id in self._by_id

    def muscle(self, muscle_id: str) -> MuscleDef:
        """The muscle with this id (KeyError if there is none)."""
        return self._by_id[muscle_id]

    def find(self, name: str) -> tuple[MuscleDef, ...]:
        """Muscles whose display name or alias is ``name``, ignoring case.

        A group alias ("scalenes", "deltoid") finds every part of the group.
        """
        return self._by_name.get(name.strip().lower(), ())

    def aliases(self) -> dict[str, tuple[str, ...]]:
        """Every name and alias (lower case) -> ids of the muscles it names."""
        return {key: tuple(m.id for m in ms) for key, ms in sorted(self._by_name.items())}

    def zones_naming(self, region: str) -> tuple[ZoneLink, ...]:
        """Every referral zone entry that names ``region``, in file order."""
        return self._by_region.get(region, ())

    def patterns(self, muscle_id: str) -> tuple[TriggerPointPattern, ...]:
        """The referral patterns of a muscle, one per trigger point or shared."""
        return self._patterns[muscle_id]

    def pattern_links(self, region: str) -> tuple[PatternLink, ...]:
        """Every zone entry of every trigger-point pattern that names ``region``."""
        return self._patterns_by_region.get(region, ())

    def muscles_referring_to(self, region: str, kind: ZoneKind | None = None) -> list[MuscleDef]:
        """Muscles with a zone naming ``region`` (of the given kind, or any kind)."""
        found: list[MuscleDef] = []
        for link in self.zones_naming(region):
            if (kind is None or link.kind == kind) and link.muscle not in found:
                found.append(link.muscle)
        return found

    def by_group(self) -> dict[str, list[MuscleDef]]:
        """Muscles per body group, groups in head-to-foot order."""
        groups: dict[str, list[MuscleDef]] = {g: [] for g in BODY_GROUPS}
        for muscle in self.muscles:
            groups[muscle.group].append(muscle)
        return {g: ms for g, ms in groups.items() if ms}


def load_knowledge(
    path: Path | str | None = None,
    sources_path: Path | str | None = None,
    conditions_path: Path | str | None = None,
) -> KnowledgeBase:
    """The knowledge base from ``path`` (default ``resources/muscles``), cached.

    The bibliography and condition list default to the packaged ones, so tests can
    point ``path`` at a folder of handmade (or broken) muscle files.
    """
    return _load(
        Path(path) if path is not None else resource_path("muscles"),
        Path(sources_path) if sources_path is not None else resource_path("sources.yaml"),
        Path(conditions_path) if conditions_path is not None else resource_path("conditions.yaml"),
    )


def validate_knowledge(path: Path | str | None = None) -> KnowledgeBase:
    """The knowledge base validated from its YAML files now, whatever the cache holds
    (the self-test and data authors); the cache is refreshed with the result."""
    folder = Path(path) if path is not None else resource_path("muscles")
    return _read(folder, resource_path("sources.yaml"), resource_path("conditions.yaml"), False)


@cache
def _load(folder: Path, sources_path: Path, conditions_path: Path) -> KnowledgeBase:
    return _read(folder, sources_path, conditions_path, True)


def _read(folder: Path, sources_path: Path, conditions_path: Path, trust: bool) -> KnowledgeBase:
    """From the cache when ``trust`` and it holds these files' validated data, else validated."""
    muscle_files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    paths = [sources_path, conditions_path, *muscle_files]
    key = knowledge_cache.knowledge_key(paths, resource_path("regions.yaml"))
    if key is not None and trust:
        cached = _from_data(knowledge_cache.read(knowledge_cache.KIND, key), folder)
        if cached is not None:
            return cached
    data = _validated(folder, sources_path, conditions_path, muscle_files)
    knowledge = _from_data(data, folder)
    assert knowledge is not None  # made from what validation just gave
    if key is not None and key == knowledge_cache.knowledge_key(
        paths, resource_path("regions.yaml")
    ):  # no file changed while it was validated
        knowledge_cache.write(knowledge_cache.KIND, key, data)
    return knowledge


def _from_data(data: Any, folder: Path) -> KnowledgeBase | None:
    """The knowledge base of validated data (``_validated``'s or the cache's); None when the
    data is not in that shape (a damaged or foreign cache entry: validate again)."""
    try:
        sources = [SourceDef.from_data(item) for item in data["sources"]]
        conditions = [ConditionDef.from_data(item) for item in data["conditions"]]
        muscles: list[MuscleDef] = []
        files: dict[str, Path] = {}
        for file_name, item in data["muscles"]:
            muscle = MuscleDef.from_data(item)
            muscles.append(muscle)
            files[muscle.id] = folder / file_name
        knowledge = KnowledgeBase(
            tuple(muscles), {s.id: s for s in sources}, {c.id: c for c in conditions}, files
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if len(files) != len(muscles):
        return None
    return knowledge


def _validated(
    folder: Path, sources_path: Path, conditions_path: Path, muscle_files: list[Path]
) -> dict[str, Any]:
    """Every file validated (schema, then the cross-file checks), as plain JSON data:
    ``{"sources": [...], "conditions": [...], "muscles": [[file name, muscle], ...]}``."""
    from nmt_bodymap.core.knowledge_models import ConditionsFile, MuscleFile, SourcesFile

    raw = _read_raw_files([sources_path, conditions_path, *muscle_files])
    source_list = _validate(sources_path, raw[0], SourcesFile).model_dump()["sources"]
    condition_list = _validate(conditions_path, raw[1], ConditionsFile).model_dump()["conditions"]
    sources = {s["id"]: SourceDef.from_data(s) for s in source_list}
    conditions = {c["id"]: ConditionDef.from_data(c) for c in condition_list}
    if not folder.is_dir():
        raise KnowledgeError(f"{folder}: knowledge folder is missing")
    muscles: list[list[Any]] = []
    files: dict[str, Path] = {}
    names: dict[str, str] = {}
    for file, file_raw in zip(muscle_files, raw[2:], strict=True):
        for index, item in enumerate(_validate(file, file_raw, MuscleFile).model_dump()["muscles"]):
            muscle = MuscleDef.from_data(item)
            where = f"{file}: muscle #{index} ({muscle.id})"
            if muscle.id in files:
                raise KnowledgeError(f"{where}: duplicate muscle id, also in {files[muscle.id]}")
            other = names.get(muscle.name.lower())
            if other is not None:
                raise KnowledgeError(
                    f"{where}: display name {muscle.name!r} is already used by {other}"
                )
            for problem in _problems(muscle, file, sources, conditions):
                raise KnowledgeError(f"{where}: {problem}")
            muscles.append([file.name, item])
            files[muscle.id] = file
            names[muscle.name.lower()] = muscle.id
    return {"sources": source_list, "conditions": condition_list, "muscles": muscles}


def _problems(
    muscle: MuscleDef,
    file: Path,
    sources: dict[str, SourceDef],
    conditions: dict[str, ConditionDef],
) -> Iterator[str]:
    """Reasons a schema-valid muscle still does not fit the rest of the project."""
    if muscle.group != file.stem:
        yield f"group {muscle.group!r} does not match the file (expected {file.stem!r})"
    seen: set[str] = set()
    for i, tp in enumerate(muscle.trigger_points):
        if tp.id in seen:
            yield f"trigger_points[{i}]: duplicate trigger point id {tp.id!r}"
        seen.add(tp.id)
        if tp.view not in muscle.views:
            yield (
                f"trigger_points[{i}] ({tp.id}): view {tp.view!r} is not one of the "
                f"muscle's views {muscle.views}"
            )
    yield from _pattern_problems(muscle)
    from nmt_bodymap.core.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    for kind, entries in (
        ("essential", muscle.referral.essential),
        ("spillover", muscle.referral.spillover),
    ):
        for i, entry in enumerate(entries):
            if entry.region not in vocabulary:
                yield f"referral.{kind}[{i}]: unknown region {entry.region!r}"
    for condition in muscle.conditions:
        if condition not in conditions:
            yield f"conditions: unknown condition id {condition!r}"
    for i, source in enumerate(muscle.sources):
        if source.ref not in sources:
            yield f"sources[{i}]: unknown source ref {source.ref!r}"


def _pattern_problems(muscle: MuscleDef) -> Iterator[str]:
    """Each per-trigger-point pattern names trigger points of its muscle (each once), and the
    muscle-level referral is exactly their union (the strongest kind per region)."""
    if not muscle.patterns:
        return
    tp_ids = {tp.id for tp in muscle.trigger_points}
    used: set[str] = set()
    union: dict[tuple[str, str], str] = {}
    declared: dict[tuple[str, str], str] = {}
    for i, pattern in enumerate(muscle.patterns):
        for tp_id in pattern.trigger_points:
            if tp_id not in tp_ids:
                yield f"patterns[{i}]: {tp_id!r} is not a trigger point of this muscle"
            elif tp_id in used:
                yield f"patterns[{i}]: trigger point {tp_id!r} has two patterns"
            used.add(tp_id)
        for kind, entries in (("essential", pattern.essential), ("spillover", pattern.spillover)):
            for entry in entries:
                key = (entry.region, entry.side)
                if union.get(key) != "essential":
                    union[key] = kind
    for kind, zone in muscle.all_zones():
        declared[(zone.region, zone.side)] = kind
    if declared != union:
        missing = sorted(f"{r} ({k})" for (r, s), k in union.items() if declared.get((r, s)) != k)
        extra = sorted(f"{r} ({k})" for (r, s), k in declared.items() if union.get((r, s)) != k)
        yield (
            "referral is not the union of its trigger-point patterns"
            f" (patterns give {', '.join(missing) or 'nothing more'};"
            f" referral has {', '.join(extra) or 'nothing more'})"
        )
