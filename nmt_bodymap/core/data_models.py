"""The pydantic models that validate the project's data files (issue 18: only on a miss).

One model per file, field for field the records the app reads (``vocabulary.RegionDef``,
``clinical.RedFlagQuestion``, ``assessment.Observation``...). These models run only when a
file is validated (:mod:`nmt_bodymap.core.data_cache` missed, the self-test, a data author's
check); the app reads the records from the pre-validated cache and never imports this module,
pydantic or YAML. The knowledge's own models are in :mod:`nmt_bodymap.core.knowledge_models`
(a source reference of the pain areas is checked by its ``SourceRef``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from nmt_bodymap.core.knowledge_models import SourceRef

SnakeId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, Field(min_length=1)]
INTERNAL_VIEW = "internal"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# -- resources/regions.yaml --------------------------------------------------------------------


class RegionModel(_Strict):
    name: str
    group: str
    sides: Literal["bilateral", "midline"]
    views: tuple[str, ...] = (INTERNAL_VIEW,)
    label: str
    plantar: bool = False
    internal: bool = False
    sided: bool = False
    parts: tuple[str, ...] = ()


class VocabularyFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    regions: list[RegionModel]
    internal_sites: list[RegionModel]


# -- resources/red_flags.yaml and resources/protocols.yaml -------------------------------------


class GuidelineSource(_Strict):
    id: SnakeId
    citation: Text


class RedFlagQuestion(_Strict):
    id: SnakeId
    question: Text
    why: Text
    sources: list[SnakeId] = Field(min_length=1)


class RedFlagFile(_Strict):
    sources: list[GuidelineSource] = Field(min_length=1)
    questions: list[RedFlagQuestion] = Field(min_length=1)


class Protocol(_Strict):
    id: SnakeId
    label: Text
    complaint_regions: list[SnakeId] = Field(min_length=1)
    examine_regions: list[SnakeId] = Field(default_factory=list)
    muscles: list[SnakeId] = Field(min_length=1)
    sources: list[SnakeId] = Field(min_length=1)


class ProtocolFile(_Strict):
    protocols: list[Protocol] = Field(min_length=1)


# -- resources/consent.yaml --------------------------------------------------------------------


class ConsentText(_Strict):
    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)


class ConsentFile(_Strict):
    current: str
    versions: tuple[ConsentText, ...] = Field(min_length=1)


# -- resources/pain_areas.yaml -----------------------------------------------------------------


class PainArea(_Strict):
    region: SnakeId
    essential: list[SnakeId] = Field(default_factory=list)
    spillover: list[SnakeId] = Field(default_factory=list)
    ordered: bool = True
    sources: list[SourceRef] = Field(min_length=1)


class MuscleGroupDef(_Strict):
    id: SnakeId
    label: str = Field(min_length=1)
    muscles: list[SnakeId] = Field(min_length=2)
    sources: list[SourceRef] = Field(min_length=1)


class PainAreasFile(_Strict):
    groups: list[MuscleGroupDef]
    areas: list[PainArea]


# -- a clinic's soap_templates.yaml ------------------------------------------------------------


class SoapTemplate(_Strict):
    name: str = Field(min_length=1, max_length=80)
    subjective: str = Field("", max_length=5000)
    objective: str = Field("", max_length=5000)
    assessment: str = Field("", max_length=5000)
    plan: str = Field("", max_length=5000)


class SoapTemplatesFile(_Strict):
    templates: tuple[SoapTemplate, ...] = ()


# -- resources/assessment.yaml -----------------------------------------------------------------


class _Coercing(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class Citation(_Coercing):
    ref: SnakeId
    chapter: str | None = None


class Observation(_Coercing):
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


class PostureArea(_Coercing):
    id: SnakeId
    label: Text
    observations: tuple[Observation, ...] = Field(min_length=1)


class IschemiaSign(_Coercing):
    id: SnakeId
    label: Text
    about: Text


class Ischemia(_Coercing):
    signs: tuple[IschemiaSign, ...] = Field(min_length=1)
    sources: tuple[Citation, ...] = Field(min_length=1)


class EntrapmentSite(_Coercing):
    id: SnakeId
    label: Text
    nerve: Text
    regions: tuple[SnakeId, ...] = Field(min_length=1)
    muscles: tuple[SnakeId, ...] = Field(min_length=1)
    symptoms: tuple[Text, ...] = Field(min_length=1)
    caution: str = ""
    sources: tuple[Citation, ...] = Field(min_length=1)


class Entrapment(_Coercing):
    sites: tuple[EntrapmentSite, ...] = Field(min_length=1)


class AssessmentFile(_Coercing):
    posture: tuple[PostureArea, ...] = Field(min_length=1)
    gait: tuple[Observation, ...] = Field(min_length=1)
    ischemia: Ischemia
    entrapment: Entrapment
