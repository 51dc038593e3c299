"""The trigger-point knowledge as the app reads it: plain, frozen records (issue 18).

These mirror the pydantic models of :mod:`nmt_bodymap.core.knowledge_models` field for field
(docs/architecture.md key for key). The models validate the YAML files; the records hold
the validated data, so the app loads the knowledge from its pre-validated cache without
importing pydantic or YAML, and keeps it in compact slotted objects. A record is made only
from data the models accepted (``from_data`` trusts its input: never hand it a data file).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

View = Literal["anterior", "posterior"]
ZoneSide = Literal["same", "opposite", "both"]
ZoneKind = Literal["essential", "spillover"]
BODY_GROUPS: tuple[str, ...] = (
    "head_face",
    "neck",
    "shoulder_upper_back",
    "arm_forearm",
    "hand",
    "trunk",
    "pelvis_hip",
    "thigh",
    "leg",
    "foot",
)
"""The body groups in head-to-foot order (one knowledge file each)."""


@dataclass(frozen=True, slots=True)
class ZoneEntry:
    """One region of a referral zone, relative to the side of the trigger point.

    ``same``: the zone is on the trigger point's side (the usual case);
    ``opposite``: it crosses the midline; ``both``: felt on either side.
    """

    region: str
    side: ZoneSide = "same"

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ZoneEntry:
        return cls(data["region"], data.get("side", "same"))


def _zones(items: list[dict[str, Any]]) -> list[ZoneEntry]:
    return [ZoneEntry.from_data(item) for item in items]


@dataclass(frozen=True, slots=True)
class Referral:
    """Where the muscle's trigger points send pain."""

    essential: list[ZoneEntry]
    spillover: list[ZoneEntry]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Referral:
        return cls(_zones(data["essential"]), _zones(data.get("spillover", [])))


@dataclass(frozen=True, slots=True)
class TriggerPointDef:
    """A trigger point, placed along the muscle's drawn axis (origin 0 -> insertion 1)."""

    id: str
    label: str
    view: View
    along: float
    across: float = 0.0
    palpation: str | None = None
    only_side: Literal["left", "right"] | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> TriggerPointDef:
        return cls(
            data["id"],
            data["label"],
            data["view"],
            float(data["along"]),
            float(data.get("across", 0.0)),
            data.get("palpation"),
            data.get("only_side"),
        )


@dataclass(frozen=True, slots=True)
class TriggerPointPattern:
    """The referral pattern of one trigger point (or of several that share it)."""

    trigger_points: list[str]
    essential: list[ZoneEntry]
    spillover: list[ZoneEntry]
    note: str | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> TriggerPointPattern:
        return cls(
            list(data["trigger_points"]),
            _zones(data["essential"]),
            _zones(data.get("spillover", [])),
            data.get("note"),
        )


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where the facts of a muscle come from: a bibliography id and the chapter."""

    ref: str
    chapter: str | None = None
    note: str | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> SourceRef:
        return cls(data["ref"], data.get("chapter"), data.get("note"))


@dataclass(frozen=True, slots=True)
class MuscleDef:
    """One muscle, present on both sides of the body."""

    id: str
    name: str
    aliases: list[str]
    group: str
    layer: Literal["superficial", "deep"]
    views: list[View]
    trigger_points: list[TriggerPointDef]
    referral: Referral
    patterns: list[TriggerPointPattern]
    symptoms: list[str]
    conditions: list[str]
    perpetuating_factors: list[str]
    client_explanation: str
    self_care: list[str]
    sources: list[SourceRef]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> MuscleDef:
        return cls(
            id=data["id"],
            name=data["name"],
            aliases=list(data.get("aliases", [])),
            group=data["group"],
            layer=data["layer"],
            views=list(data["views"]),
            trigger_points=[TriggerPointDef.from_data(tp) for tp in data["trigger_points"]],
            referral=Referral.from_data(data["referral"]),
            patterns=[TriggerPointPattern.from_data(p) for p in data.get("patterns", [])],
            symptoms=list(data.get("symptoms", [])),
            conditions=list(data.get("conditions", [])),
            perpetuating_factors=list(data.get("perpetuating_factors", [])),
            client_explanation=data["client_explanation"],
            self_care=list(data["self_care"]),
            sources=[SourceRef.from_data(s) for s in data["sources"]],
        )

    def referral_patterns(self) -> list[TriggerPointPattern]:
        """The patterns per trigger point; one shared pattern when the data gives none."""
        if self.patterns:
            return list(self.patterns)
        return [
            TriggerPointPattern(
                trigger_points=[tp.id for tp in self.trigger_points],
                essential=list(self.referral.essential),
                spillover=list(self.referral.spillover),
            )
        ]

    def all_zones(self) -> list[tuple[ZoneKind, ZoneEntry]]:
        """Every zone entry with its kind ("essential" or "spillover")."""
        essential: list[tuple[ZoneKind, ZoneEntry]] = [
            ("essential", z) for z in self.referral.essential
        ]
        return essential + [("spillover", z) for z in self.referral.spillover]


@dataclass(frozen=True, slots=True)
class SourceDef:
    """A published reference of ``resources/sources.yaml``."""

    id: str
    authors: str
    title: str
    edition: str
    year: int
    publisher: str

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> SourceDef:
        return cls(
            data["id"],
            data["authors"],
            data["title"],
            data["edition"],
            int(data["year"]),
            data["publisher"],
        )

    def citation(self) -> str:
        return f"{self.authors}. {self.title}, {self.edition} ed. {self.publisher}, {self.year}."


@dataclass(frozen=True, slots=True)
class ConditionDef:
    """A condition a muscle is known for (``resources/conditions.yaml``)."""

    id: str
    label: str

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ConditionDef:
        return cls(data["id"], data["label"])
