"""The assessment vocabulary of a visit: posture, gait, ischemia signs, entrapment sites.

Observations are charted as ids from ``resources/assessment.yaml`` so a visit's assessment
can be compared across visits and its "muscles to check" looked up, instead of free text
that says the same thing ten ways. The file is validated here against the region
vocabulary, the muscle knowledge base and the bibliography: a wrong id stops the app with
a message naming the file, the entry and the reason rather than dropping an observation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from nmt_bodymap.core import data_cache
from nmt_bodymap.resources import resource_path

if TYPE_CHECKING:
    from nmt_bodymap.core.data_models import AssessmentFile
    from nmt_bodymap.core.data_models import Citation as CitationModel

ObservationKind = Literal["posture", "gait", "ischemia", "entrapment"]
KINDS: tuple[ObservationKind, ...] = ("posture", "gait", "ischemia", "entrapment")
OBSERVATION_SIDES = ("left", "right", "both")
"""Sides of a sided posture, gait or entrapment observation (the client's side)."""
SEVERITIES = ("mild", "moderate", "marked")
_CODE = ("assessment.py",)


class AssessmentDataError(ValueError):
    """The assessment file is wrong; the message names the file, the entry and the reason."""


# The records hold what the models of ``data_models`` (same names) validated.


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    ref: str
    chapter: str | None = None


def _citations(items: list[dict[str, Any]]) -> tuple[Citation, ...]:
    return tuple(Citation(**item) for item in items)


@dataclass(frozen=True, slots=True, kw_only=True)
class Observation:
    """One posture or gait observation; ``muscles`` are the ones worth palpating for it."""

    id: str
    label: str
    sided: bool
    side_hint: str = ""
    about: str
    muscles: tuple[str, ...] = ()
    caution: str = ""
    sources: tuple[Citation, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Observation:
        muscles, sources = tuple(data["muscles"]), _citations(data["sources"])
        return cls(**data | {"muscles": muscles, "sources": sources})


@dataclass(frozen=True, slots=True, kw_only=True)
class PostureArea:
    id: str
    label: str
    observations: tuple[Observation, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> PostureArea:
        observations = tuple(Observation.from_data(item) for item in data["observations"])
        return cls(**data | {"observations": observations})


@dataclass(frozen=True, slots=True, kw_only=True)
class IschemiaSign:
    id: str
    label: str
    about: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EntrapmentSite:
    """Where a nerve can be squeezed by a muscle, and what the client then feels."""

    id: str
    label: str
    nerve: str
    regions: tuple[str, ...]
    muscles: tuple[str, ...]
    symptoms: tuple[str, ...]
    caution: str = ""
    sources: tuple[Citation, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> EntrapmentSite:
        lists = {name: tuple(data[name]) for name in ("regions", "muscles", "symptoms")}
        return cls(**data | lists | {"sources": _citations(data["sources"])})


@dataclass(frozen=True)
class Assessment:
    """The validated vocabulary, with the look-ups the chart and the panel need."""

    posture: tuple[PostureArea, ...]
    gait: tuple[Observation, ...]
    ischemia_signs: tuple[IschemiaSign, ...]
    ischemia_sources: tuple[Citation, ...]
    sites: tuple[EntrapmentSite, ...]

    def posture_observations(self) -> Iterator[tuple[PostureArea, Observation]]:
        for area in self.posture:
            for observation in area.observations:
                yield area, observation

    def observation(self, kind: str, item: str) -> Observation:
        """The posture or gait observation ``item`` (KeyError if there is none)."""
        if kind == "posture":
            for _area, observation in self.posture_observations():
                if observation.id == item:
                    return observation
        elif kind == "gait":
            for observation in self.gait:
                if observation.id == item:
                    return observation
        raise KeyError(f"{kind}:{item}")

    def sign(self, item: str) -> IschemiaSign:
        for sign in self.ischemia_signs:
            if sign.id == item:
                return sign
        raise KeyError(item)

    def site(self, item: str) -> EntrapmentSite:
        for site in self.sites:
            if site.id == item:
                return site
        raise KeyError(item)

    def items(self, kind: str) -> tuple[str, ...]:
        """Every id that can be charted under ``kind`` (empty for an unknown kind)."""
        if kind == "posture":
            return tuple(o.id for _a, o in self.posture_observations())
        if kind == "gait":
            return tuple(o.id for o in self.gait)
        if kind == "ischemia":
            return tuple(s.id for s in self.ischemia_signs)
        if kind == "entrapment":
            return tuple(s.id for s in self.sites)
        return ()

    def label(self, kind: str, item: str) -> str:
        """The label of any charted item; the raw id for one the file no longer has."""
        try:
            if kind in ("posture", "gait"):
                return self.observation(kind, item).label
            if kind == "ischemia":
                return self.sign(item).label
            if kind == "entrapment":
                return self.site(item).label
        except KeyError:
            pass
        return item.replace("_", " ")

    def is_sided(self, kind: str, item: str) -> bool:
        """Whether the item is charted with a side (entrapment sites always are)."""
        if kind in ("posture", "gait"):
            return self.observation(kind, item).sided
        return kind == "entrapment"

    def muscles_to_check(self, kind: str, item: str) -> tuple[str, ...]:
        try:
            if kind in ("posture", "gait"):
                return self.observation(kind, item).muscles
            if kind == "entrapment":
                return self.site(item).muscles
        except KeyError:
            pass
        return ()


@cache
def load_assessment(path: Path | None = None) -> Assessment:
    """The assessment vocabulary from ``resources/assessment.yaml`` (or ``path``), checked
    once and then read from the pre-validated cache (no pydantic, no YAML)."""
    return _load(path or resource_path("assessment.yaml"), trust=True)


def validate_assessment(path: Path | None = None) -> Assessment:
    """The assessment vocabulary validated from its YAML now, whatever the cache holds."""
    return _load(path or resource_path("assessment.yaml"), trust=False)


def _load(path: Path, trust: bool) -> Assessment:
    return data_cache.load(
        "assessment",
        [path],
        _CODE,
        lambda: _validated(path),
        _decode,
        knowledge=True,
        trust=trust,
    )


def _decode(data: dict[str, Any]) -> Assessment:
    ischemia = data["ischemia"]
    return Assessment(
        posture=tuple(PostureArea.from_data(item) for item in data["posture"]),
        gait=tuple(Observation.from_data(item) for item in data["gait"]),
        ischemia_signs=tuple(IschemiaSign(**item) for item in ischemia["signs"]),
        ischemia_sources=_citations(ischemia["sources"]),
        sites=tuple(EntrapmentSite.from_data(item) for item in data["entrapment"]["sites"]),
    )


def _validated(path: Path) -> dict[str, Any]:
    from nmt_bodymap.core.data_models import AssessmentFile
    from nmt_bodymap.core.datafiles import read_model

    parsed = read_model(path, AssessmentFile, AssessmentDataError, place=_place)
    for problem in _problems(parsed):
        raise AssessmentDataError(f"{path}: {problem}")
    return parsed.model_dump()


def _problems(parsed: AssessmentFile) -> Iterator[str]:
    """Reasons a schema-valid file still does not fit the rest of the project."""
    from nmt_bodymap.core.knowledge import load_knowledge
    from nmt_bodymap.core.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    knowledge = load_knowledge()
    seen: dict[str, str] = {}

    def unique(kind: str, entry_id: str) -> Iterator[str]:
        if entry_id in seen:
            yield f"{kind} {entry_id!r} is listed twice (also under {seen[entry_id]})"
        seen[entry_id] = kind

    def checked(
        where: str, muscles: tuple[str, ...], sources: tuple[CitationModel, ...]
    ) -> Iterator[str]:
        for muscle_id in muscles:
            if muscle_id not in knowledge:
                yield f"{where}: {muscle_id!r} is not a muscle id"
        if len(set(muscles)) != len(muscles):
            yield f"{where}: a muscle is listed twice"
        for source in sources:
            if source.ref not in knowledge.sources:
                yield f"{where}: source {source.ref!r} is not in sources.yaml"

    areas: set[str] = set()
    for area in parsed.posture:
        if area.id in areas:
            yield f"posture area {area.id!r} is listed twice"
        areas.add(area.id)
        for observation in area.observations:
            where = f"posture {area.id} observation {observation.id!r}"
            yield from unique("posture observation", observation.id)
            yield from checked(where, observation.muscles, observation.sources)
    for observation in parsed.gait:
        yield from unique("gait observation", observation.id)
        where = f"gait observation {observation.id!r}"
        yield from checked(where, observation.muscles, observation.sources)
    signs: set[str] = set()
    for sign in parsed.ischemia.signs:
        if sign.id in signs:
            yield f"ischemia sign {sign.id!r} is listed twice"
        signs.add(sign.id)
    yield from checked("ischemia", (), parsed.ischemia.sources)
    sites: set[str] = set()
    for site in parsed.entrapment.sites:
        where = f"entrapment site {site.id!r}"
        if site.id in sites:
            yield f"{where} is listed twice"
        sites.add(site.id)
        for region in site.regions:
            if region not in vocabulary:
                yield f"{where}: {region!r} is not a region of the body map"
        yield from checked(where, site.muscles, site.sources)


def _place(raw: Any, loc: tuple[int | str, ...]) -> str:
    """ "posture[0] (head).observations[1] (head_tilt).side_hint": ids where the file has them."""
    text = ""
    node = raw
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                text += f" ({node['id']})"
        else:
            text += f".{part}" if text else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return text or "file"
