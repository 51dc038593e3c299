"""How often each muscle causes pain in each painful area (``resources/pain_areas.yaml``).

Travell & Simons open each part of their manual with a pain guide: for a painful area, the
muscles that refer pain there, essential referrers and spillover referrers, the more
frequent first. The ranking uses this order right after coverage and zone strength.

The file also names the groups of muscles whose parts share one pattern (the scalenes, the
deltoid parts, adductor longus and brevis, the medial hamstrings): they are one clinical
idea, shown as one row that opens into its parts.

Every problem stops loading with a :class:`KnowledgeError` naming the file, the entry and
the reason: an unknown muscle or region, a region of the vocabulary without a list, a muscle
listed as essential for an area its data calls spillover (or the reverse), or a muscle that
refers to an area without being listed there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nmt_bodymap.core import data_cache
from nmt_bodymap.core.knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from nmt_bodymap.core.knowledge_schema import SourceRef
from nmt_bodymap.core.vocabulary import load_vocabulary, overlapping
from nmt_bodymap.resources import resource_path

if TYPE_CHECKING:
    from nmt_bodymap.core.data_models import PainAreasFile
    from nmt_bodymap.core.knowledge_models import SourceRef as SourceRefModel

_CODE = ("pain_areas.py", "knowledge_files.py")


def _refs(items: list[dict[str, Any]]) -> list[SourceRef]:
    return [SourceRef.from_data(item) for item in items]


@dataclass(frozen=True, slots=True, kw_only=True)
class PainArea:
    """The muscles that refer pain to one region, the more frequent first.

    ``ordered`` is false where no published frequency order exists: the muscles are then
    all of equal rank (listed for completeness, in the knowledge base's order).
    Validated by ``data_models.PainArea``.
    """

    region: str
    essential: list[str]
    spillover: list[str]
    ordered: bool = True
    sources: list[SourceRef]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> PainArea:
        return cls(**data | {"sources": _refs(data["sources"])})


@dataclass(frozen=True, slots=True, kw_only=True)
class MuscleGroupDef:
    """Parts of one muscle (or sister muscles) with the same referral pattern."""

    id: str
    label: str
    muscles: list[str]
    sources: list[SourceRef]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> MuscleGroupDef:
        return cls(**data | {"sources": _refs(data["sources"])})


@dataclass(frozen=True)
class PainAreas:
    """The frequency order per region and the muscle groups, with their look-ups."""

    areas: dict[str, PainArea]
    groups: dict[str, MuscleGroupDef]
    group_of: dict[str, str]  # muscle id -> group id
    _ranks: dict[tuple[str, str], int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ranks: dict[tuple[str, str], int] = {}
        for area in self.areas.values():
            if area.ordered:
                for order in (area.essential, area.spillover):
                    for index, muscle_id in enumerate(order):
                        ranks[(area.region, muscle_id)] = index
        object.__setattr__(self, "_ranks", ranks)

    def rank(self, region: str, muscle_id: str) -> int:
        """0 for the most frequent referrer of ``region`` (essential and spillover lists
        each count from 0); unlisted or unordered: 99."""
        return self._ranks.get((region, muscle_id), 99)


def load_pain_areas(path: Path | str | None = None) -> PainAreas:
    """The pain-area file (default ``resources/pain_areas.yaml``), validated once, then
    read from the pre-validated cache (no pydantic, no YAML); kept for the process."""
    return _load(Path(path) if path is not None else resource_path("pain_areas.yaml"))


def validate_pain_areas(path: Path | str | None = None) -> PainAreas:
    """The pain-area file validated from its YAML now, whatever the cache holds."""
    folder = Path(path) if path is not None else resource_path("pain_areas.yaml")
    return _read(folder, trust=False)


@cache
def _load(path: Path) -> PainAreas:
    return _read(path, trust=True)


def _read(path: Path, trust: bool) -> PainAreas:
    return data_cache.load(
        "pain_areas",
        [path],
        _CODE,
        lambda: _validated(path),
        _decode,
        knowledge=True,
        trust=trust,
    )


def _decode(data: dict[str, Any]) -> PainAreas:
    areas = [PainArea.from_data(item) for item in data["areas"]]
    groups = [MuscleGroupDef.from_data(item) for item in data["groups"]]
    group_of = {m: g.id for g in groups for m in g.muscles}
    return PainAreas({a.region: a for a in areas}, {g.id: g for g in groups}, group_of)


def _validated(path: Path) -> dict[str, Any]:
    from pydantic import ValidationError

    from nmt_bodymap.core.data_models import PainAreasFile
    from nmt_bodymap.core.knowledge_files import _read_raw_files

    try:
        parsed = PainAreasFile.model_validate(_read_raw_files([path])[0])
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise KnowledgeError(f"{path}: {where}: {first['msg']}") from exc
    kb = load_knowledge()
    for problem in _problems(parsed, kb):
        raise KnowledgeError(f"{path}: {problem}")
    return parsed.model_dump()


def _problems(parsed: PainAreasFile, kb: KnowledgeBase) -> Iterator[str]:
    vocabulary = load_vocabulary()
    seen_groups: set[str] = set()
    for group in parsed.groups:
        where = f"group {group.id}"
        for muscle_id in group.muscles:
            if muscle_id not in kb:
                yield f"{where}: unknown muscle {muscle_id!r}"
            if muscle_id in seen_groups:
                yield f"{where}: muscle {muscle_id!r} is in two groups"
            seen_groups.add(muscle_id)
        yield from _sources(where, group.sources, kb)
    seen: set[str] = set()
    for area in parsed.areas:
        where = f"area {area.region}"
        if area.region not in vocabulary:
            yield f"{where}: unknown region {area.region!r}"
        if area.region in seen:
            yield f"{where}: the region is listed twice"
        seen.add(area.region)
        yield from _sources(where, area.sources, kb)
        kinds = _referrers(kb, area.region)
        for kind, order in (("essential", area.essential), ("spillover", area.spillover)):
            for muscle_id in order:
                if muscle_id not in kb:
                    yield f"{where}: unknown muscle {muscle_id!r}"
                elif muscle_id not in kinds:
                    yield f"{where}: {muscle_id} does not refer to {area.region}"
                elif kinds[muscle_id] != kind:
                    yield (
                        f"{where}: {muscle_id} is listed as {kind} but its data says "
                        f"{kinds[muscle_id]}"
                    )
            if len(set(order)) != len(order):
                yield f"{where}: a muscle is listed twice under {kind}"
        listed = set(area.essential) | set(area.spillover)
        for muscle_id in kinds:
            if muscle_id not in listed:
                yield f"{where}: {muscle_id} refers to {area.region} but is not listed"
    for region in vocabulary:
        if region not in seen:
            yield f"region {region!r} of the vocabulary has no area entry"


def _referrers(kb: KnowledgeBase, region: str) -> dict[str, str]:
    """Muscle id -> its strongest zone kind for ``region`` (or a part of it, or the whole
    it is a part of: a region split into parts keeps the order of all their referrers)."""
    kinds: dict[str, str] = {}
    links = [link for name in overlapping(region) for link in kb.zones_naming(name)]
    for link in links:
        if kinds.get(link.muscle.id) != "essential":
            kinds[link.muscle.id] = link.kind
    return kinds


def _sources(where: str, sources: list[SourceRefModel], kb: KnowledgeBase) -> Iterator[str]:
    for source in sources:
        if source.ref not in kb.sources:
            yield f"{where}: unknown source ref {source.ref!r}"
