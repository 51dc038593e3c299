"""Clinical rules of the intake and the visit: red-flag screen, chronic pain, after-care,
and the regional examination guide.

The questions (``resources/red_flags.yaml``) and the regional guide
(``resources/protocols.yaml``) are data, validated here so a wrong id in a data file stops
the app with a message naming the file and the entry instead of silently skipping a
screening question. Pain extent lives in :mod:`nmt_bodymap.core.pain_extent`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from nmt_bodymap.core import data_cache
from nmt_bodymap.core.pain_extent import pain_extent as pain_extent  # re-exported
from nmt_bodymap.resources import resource_path

CHRONIC_WEEKS = 12
"""Pain lasting 12 weeks (three months) or more is chronic (NICE NG59, IASP)."""

SORENESS_HOURS = (24, 36)
"""Post-treatment soreness after trigger-point pressure usually settles within a day or
a day and a half (Travell & Simons Vol. 1, ch. 3; Chaitow & DeLany Vol. 1)."""

_CODE = ("clinical.py",)


class ClinicalDataError(ValueError):
    """A clinical data file is wrong; the message names the file, the entry and the reason."""


# The records below hold what the models of ``data_models`` (same names) validated.


@dataclass(frozen=True, slots=True, kw_only=True)
class GuidelineSource:
    id: str
    citation: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RedFlagQuestion:
    """One screening question: a "yes" means refer before treating."""

    id: str
    question: str
    why: str
    sources: list[str]


@dataclass(frozen=True, kw_only=True)
class RedFlagScreen:
    """The screening questions, in the order they are asked, and the guidance they cite."""

    sources: dict[str, GuidelineSource]
    questions: tuple[RedFlagQuestion, ...]

    def question(self, question_id: str) -> RedFlagQuestion:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def citations(self, question: RedFlagQuestion) -> list[str]:
        return [self.sources[ref].citation for ref in question.sources]

    def raised(self, answers: Mapping[str, bool | None]) -> list[RedFlagQuestion]:
        """The questions answered "yes", in screen order."""
        return [q for q in self.questions if answers.get(q.id) is True]


@cache
def load_red_flags(path: Path | None = None) -> RedFlagScreen:
    """The red-flag screen from ``resources/red_flags.yaml`` (or ``path``), validated once
    and then read from the pre-validated cache (no pydantic, no YAML)."""
    return _red_flags(path or resource_path("red_flags.yaml"), trust=True)


def validate_red_flags(path: Path | None = None) -> RedFlagScreen:
    """The red-flag screen validated from its YAML now, whatever the cache holds."""
    return _red_flags(path or resource_path("red_flags.yaml"), trust=False)


def _red_flags(path: Path, trust: bool) -> RedFlagScreen:
    return data_cache.load(
        "red_flags", [path], _CODE, lambda: _validated_red_flags(path), _screen, trust=trust
    )


def _screen(data: dict[str, Any]) -> RedFlagScreen:
    sources = [GuidelineSource(**item) for item in data["sources"]]
    return RedFlagScreen(
        sources={source.id: source for source in sources},
        questions=tuple(RedFlagQuestion(**item) for item in data["questions"]),
    )


def _validated_red_flags(path: Path) -> dict[str, Any]:
    from nmt_bodymap.core.data_models import RedFlagFile
    from nmt_bodymap.core.datafiles import read_model

    parsed = read_model(path, RedFlagFile, ClinicalDataError)
    sources: set[str] = set()
    for source in parsed.sources:
        if source.id in sources:
            raise ClinicalDataError(f"{path}: source {source.id!r} is listed twice")
        sources.add(source.id)
    seen: set[str] = set()
    for question in parsed.questions:
        if question.id in seen:
            raise ClinicalDataError(f"{path}: question {question.id!r} is listed twice")
        seen.add(question.id)
        for ref in question.sources:
            if ref not in sources:
                raise ClinicalDataError(
                    f"{path}: question {question.id!r} cites {ref!r}, which is not in sources"
                )
    return parsed.model_dump()


def needs_referral(answers: Mapping[str, bool | None], clearance: str | None) -> bool:
    """True when any screening answer is "yes" and no medical clearance is on record.

    Every "yes" counts, even for a question id no longer in the screen: an answer the
    client once gave is never ignored because the data file changed.
    """
    raised = any(answer is True for answer in answers.values())
    cleared = bool(clearance and clearance.strip())
    return raised and not cleared


def clearance_text(cleared_by: str, note: str = "") -> str:
    """The clearance as stored with the intake: who cleared the client, and what they said."""
    who = cleared_by.strip()
    if not who:
        raise ValueError("Say who gave the clearance (e.g. the client's GP).")
    said = note.strip()
    return f"Cleared by {who}" + (f": {said}" if said else "")


def is_chronic(duration_weeks: float | None) -> bool:
    """Pain of 12 weeks or more is chronic; an unknown duration is not called chronic."""
    if duration_weeks is None:
        return False
    if duration_weeks < 0:
        raise ValueError(f"A duration cannot be negative (got {duration_weeks:g} weeks).")
    return duration_weeks >= CHRONIC_WEEKS


def expected_soreness_window() -> tuple[int, int]:
    """Hours of expected post-treatment soreness, for the visit summary."""
    return SORENESS_HOURS


def soreness_advice() -> str:
    """The after-care line of the visit summary."""
    low, high = SORENESS_HOURS
    return (
        f"Some soreness in the treated muscles is normal for {low} to {high} hours; "
        "warmth, gentle movement and drinking water help. Call if it lasts longer "
        "or gets worse."
    )


# -- regional examination guide ---------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Protocol:
    """Where to look and which muscles to examine for a complaint in one part of the body."""

    id: str
    label: str
    complaint_regions: list[str]
    examine_regions: list[str]
    muscles: list[str]
    sources: list[str]


@cache
def load_protocols(path: Path | None = None) -> tuple[Protocol, ...]:
    """The regional guide, checked against the region vocabulary, the muscle knowledge
    base and the bibliography (once; then from the pre-validated cache)."""
    return _protocols(path or resource_path("protocols.yaml"), trust=True)


def validate_protocols(path: Path | None = None) -> tuple[Protocol, ...]:
    """The regional guide validated from its YAML now, whatever the cache holds."""
    return _protocols(path or resource_path("protocols.yaml"), trust=False)


def _protocols(path: Path, trust: bool) -> tuple[Protocol, ...]:
    return data_cache.load(
        "protocols",
        [path],
        _CODE,
        lambda: _validated_protocols(path),
        lambda data: tuple(Protocol(**item) for item in data),
        knowledge=True,
        trust=trust,
    )


def _validated_protocols(path: Path) -> list[dict[str, Any]]:
    from nmt_bodymap.core.data_models import ProtocolFile
    from nmt_bodymap.core.datafiles import read_model
    from nmt_bodymap.core.knowledge import load_knowledge
    from nmt_bodymap.core.vocabulary import load_vocabulary

    parsed = read_model(path, ProtocolFile, ClinicalDataError)
    vocabulary = load_vocabulary()
    knowledge = load_knowledge()
    seen: set[str] = set()
    for protocol in parsed.protocols:
        where = f"{path}: protocol {protocol.id!r}"
        if protocol.id in seen:
            raise ClinicalDataError(f"{where} is listed twice")
        seen.add(protocol.id)
        for region in (*protocol.complaint_regions, *protocol.examine_regions):
            if region not in vocabulary:
                raise ClinicalDataError(f"{where}: {region!r} is not a region of the body map")
        for muscle_id in protocol.muscles:
            if muscle_id not in knowledge:
                raise ClinicalDataError(f"{where}: {muscle_id!r} is not a muscle id")
        if len(set(protocol.muscles)) != len(protocol.muscles):
            raise ClinicalDataError(f"{where}: a muscle is listed twice")
        for ref in protocol.sources:
            if ref not in knowledge.sources:
                raise ClinicalDataError(f"{where}: source {ref!r} is not in sources.yaml")
    return [protocol.model_dump() for protocol in parsed.protocols]


def protocols_for_region(region: str) -> list[Protocol]:
    """The guides whose complaint regions include ``region`` (usually one)."""
    return [p for p in load_protocols() if region in p.complaint_regions]
