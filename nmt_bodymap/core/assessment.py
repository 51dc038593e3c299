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
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from nmt_bodymap.core.datafiles import read_model
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.vocabulary import load_vocabulary
from nmt_bodymap.resources import resource_path

ObservationKind = Literal["posture", "gait", "ischemia", "entrapment"]
KINDS: tuple[ObservationKind, ...] = ("posture", "gait", "ischemia", "entrapment")
OBSERVATION_SIDES = ("left", "right", "both")
"""Sides of a sided posture, gait or entrapment observation (the client's side)."""
SEVERITIES = ("mild", "moderate", "marked")

SnakeId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, Field(min_length=1)]


class AssessmentDataError(ValueError):
    """The assessment file is wrong; the message names the file, the entry and the reason."""


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class Citation(_Strict):
    ref: SnakeId
    chapter: str | None = None


class Observation(_Strict):
    """One posture or gait observation; ``muscles`` are the ones worth palpating for it."""

    id: SnakeId
    label: Text
    sided: bool
    side_hint: str = ""
    about: Text
    muscles: tuple[SnakeId, ...] = ()
    caution: str = ""
    sources: tuple[Citation, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _sided_needs_hint(self) -> Observation:
        if self.sided and not self.side_hint.strip():
            raise ValueError("a sided observation needs a side_hint (which side is meant)")
        if not self.sided and self.side_hint:
            raise ValueError("side_hint is only for sided observations")
        return self


class PostureArea(_Strict):
    id: SnakeId
    label: Text
    observations: tuple[Observation, ...] = Field(min_length=1)


class IschemiaSign(_Strict):
    id: SnakeId
    label: Text
    about: Text


class _Ischemia(_Strict):
    signs: tuple[IschemiaSign, ...] = Field(min_length=1)
    sources: tuple[Citation, ...] = Field(min_length=1)


class EntrapmentSite(_Strict):
    """Where a nerve can be squeezed by a muscle, and what the client then feels."""

    id: SnakeId
    label: Text
    nerve: Text
    regions: tuple[SnakeId, ...] = Field(min_length=1)
    muscles: tuple[SnakeId, ...] = Field(min_length=1)
    symptoms: tuple[Text, ...] = Field(min_length=1)
    caution: str = ""
    sources: tuple[Citation, ...] = Field(min_length=1)


class _Entrapment(_Strict):
    sites: tuple[EntrapmentSite, ...] = Field(min_length=1)


class _AssessmentFile(_Strict):
    posture: tuple[PostureArea, ...] = Field(min_length=1)
    gait: tuple[Observation, ...] = Field(min_length=1)
    ischemia: _Ischemia
    entrapment: _Entrapment


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
    """The assessment vocabulary from ``resources/assessment.yaml`` (or ``path``), checked."""
    path = path or resource_path("assessment.yaml")
    parsed = _read(path)
    for problem in _problems(parsed):
        raise AssessmentDataError(f"{path}: {problem}")
    return Assessment(
        posture=parsed.posture,
        gait=parsed.gait,
        ischemia_signs=parsed.ischemia.signs,
        ischemia_sources=parsed.ischemia.sources,
        sites=parsed.entrapment.sites,
    )


def _problems(parsed: _AssessmentFile) -> Iterator[str]:
    """Reasons a schema-valid file still does not fit the rest of the project."""
    vocabulary = load_vocabulary()
    knowledge = load_knowledge()
    seen: dict[str, str] = {}

    def unique(kind: str, entry_id: str) -> Iterator[str]:
        if entry_id in seen:
            yield f"{kind} {entry_id!r} is listed twice (also under {seen[entry_id]})"
        seen[entry_id] = kind

    def checked(
        where: str, muscles: tuple[str, ...], sources: tuple[Citation, ...]
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


def _read(path: Path) -> _AssessmentFile:
    return read_model(path, _AssessmentFile, AssessmentDataError, place=_place)


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
