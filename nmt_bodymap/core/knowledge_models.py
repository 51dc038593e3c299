"""The schema of the trigger-point knowledge files (``resources/muscles/*.yaml``), as the
pydantic models that validate them.

Models that mirror docs/architecture.md key for key; unknown keys are rejected so a typo in
a data file fails loudly instead of silently dropping a referral zone. Checks that need the
other files (region vocabulary, sources, conditions, ids across files) live in
:mod:`nmt_bodymap.core.knowledge`. Only validation imports this module (``nmt-bodymap
validate``, a knowledge cache that is missing or stale): the app reads the validated data
as the plain records of :mod:`nmt_bodymap.core.knowledge_schema` (issue 18).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

View = Literal["anterior", "posterior"]
ZoneSide = Literal["same", "opposite", "both"]
BodyGroup = Literal[
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
]

SnakeId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


def _zone_entry(value: object) -> object:
    """A bare region name is shorthand for ``{region: name, side: same}``."""
    return {"region": value} if isinstance(value, str) else value


class ZoneEntry(_Strict):
    """One region of a referral zone, relative to the side of the trigger point.

    ``same``: the zone is on the trigger point's side (the usual case);
    ``opposite``: it crosses the midline; ``both``: felt on either side.
    A midline region (sternum, sacrum...) is reached from either side anyway.
    """

    region: SnakeId
    side: ZoneSide = "same"


Zone = Annotated[ZoneEntry, BeforeValidator(_zone_entry)]


class Referral(_Strict):
    """Where the muscle's trigger points send pain."""

    essential: list[Zone] = Field(min_length=1)
    spillover: list[Zone] = Field(default_factory=list)


class TriggerPointDef(_Strict):
    """A trigger point, placed along the muscle's drawn axis (origin 0 -> insertion 1).

    ``only_side``: the point is described on one side of the body only (the right-sided
    pectoralis major "arrhythmia" point, the rectus abdominis McBurney point).
    """

    id: SnakeId
    label: Text
    view: View
    along: float = Field(ge=0.0, le=1.0)
    across: float = Field(default=0.0, ge=-1.0, le=1.0)
    palpation: str | None = None
    only_side: Literal["left", "right"] | None = None


class TriggerPointPattern(_Strict):
    """The referral pattern of one trigger point (or of several that share it).

    A muscle whose trigger points refer differently (SCM sternal vs clavicular division,
    soleus TP1-3...) lists one pattern per trigger point; its muscle-level ``referral``
    must then be exactly the union of these patterns (checked on loading).
    """

    trigger_points: list[SnakeId] = Field(min_length=1)
    essential: list[Zone] = Field(min_length=1)
    spillover: list[Zone] = Field(default_factory=list)
    note: str | None = None


class SourceRef(_Strict):
    """Where the facts of a muscle come from: a bibliography id and the chapter."""

    ref: SnakeId
    chapter: str | None = None
    note: str | None = None


class MuscleDef(_Strict):
    """One muscle, present on both sides of the body."""

    id: SnakeId
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    group: BodyGroup
    layer: Literal["superficial", "deep"]
    views: list[View] = Field(min_length=1)
    trigger_points: list[TriggerPointDef] = Field(min_length=1)
    referral: Referral
    patterns: list[TriggerPointPattern] = Field(default_factory=list)
    symptoms: list[Text] = Field(default_factory=list)
    conditions: list[SnakeId] = Field(default_factory=list)
    perpetuating_factors: list[Text] = Field(default_factory=list)
    client_explanation: Text
    self_care: list[Text] = Field(min_length=1)
    sources: list[SourceRef] = Field(min_length=1)

    @field_validator("aliases")
    @classmethod
    def _lower_case_aliases(cls, aliases: list[str]) -> list[str]:
        """Aliases are matched case-insensitively; store them lower case, once each."""
        cleaned: list[str] = []
        for alias in aliases:
            key = alias.strip().lower()
            if key not in cleaned:
                cleaned.append(key)
        return cleaned

    @field_validator("views")
    @classmethod
    def _views_once(cls, views: list[str]) -> list[str]:
        if len(set(views)) != len(views):
            raise ValueError("a view is listed twice")
        return views


class MuscleFile(_Strict):
    """The top level of one ``resources/muscles/<group>.yaml`` file."""

    muscles: list[MuscleDef]


class SourceDef(_Strict):
    """A published reference of ``resources/sources.yaml``."""

    id: SnakeId
    authors: Text
    title: Text
    edition: Text
    year: int
    publisher: Text


class SourcesFile(_Strict):
    sources: list[SourceDef]


class ConditionDef(_Strict):
    """A condition a muscle is known for (``resources/conditions.yaml``)."""

    id: SnakeId
    label: Text


class ConditionsFile(_Strict):
    conditions: list[ConditionDef]
