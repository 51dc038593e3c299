"""Checking what the UI hands the store, before anything is written: one pydantic model
per kind of row.

A row model declares each field a row of its kind may be saved with: its type, the
validator of its kind of value (``store/validation_fields.py``) and, as ``title``, the
label the therapist knows. A field without a default is required (and may not be empty).
``clean(model, values)`` turns the first refusal into a ``ChartValidationError`` naming
the field, with a message fit for the screen, e.g. "Intensity must be a whole number from
0 to 10 (got 11)."; ``partial=True`` (an update) checks only the fields given. Places are
checked against the region vocabulary in ``validation_places.py``; the numeric limits are
those of ``core/pain.py`` and ``core/limits.py``, which the UI's forms use too.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from types import MappingProxyType
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    create_model,
    field_validator,
)
from pydantic_core import ErrorDetails

from nmt_bodymap.core.assessment import KINDS
from nmt_bodymap.core.limits import (
    COMPLAINT_WEEKS_MAX,
    HOLD_MAX,
    MAX_HOLDS,
    RELIEF_DAYS_MAX,
    SLEEP_HOURS_MAX,
    SORENESS_HOURS_MAX,
    WATER_LITRES_MAX,
    implied_holds,
)
from nmt_bodymap.core.operations import RowKind
from nmt_bodymap.core.pain import (
    INTENSITY_MAX,
    INTENSITY_MIN,
    PAIN_QUALITIES,
    SCORE_MAX,
    SCORE_MIN,
    STRESS_MAX,
    STRESS_MIN,
)
from nmt_bodymap.core.sides import SIDES
from nmt_bodymap.store.errors import ChartValidationError
from nmt_bodymap.store.validation_fields import (
    Refusal,
    birth_date,
    calendar_date,
    choice,
    coordinate,
    decimal,
    flag,
    grade,
    hold_list,
    identifier,
    moment,
    red_flag_answers,
    text,
    whole,
)
from nmt_bodymap.store.validation_places import VIEWS as VIEWS
from nmt_bodymap.store.validation_places import check_observation as check_observation
from nmt_bodymap.store.validation_places import check_place as check_place

TRIGGER_POINT_ACTIVITY = ("active", "latent")


class RowInput(BaseModel):
    """What one kind of row may be saved with (see the module docstring)."""

    model_config = ConfigDict(extra="forbid")
    # On an update's model (``update_model``): the row model it checks a part of.
    whole_row: ClassVar[type[RowInput] | None] = None

    @field_validator("*")
    @classmethod
    def _present(cls, value: Any, info: ValidationInfo) -> Any:
        """A required field is given and not empty."""
        if value in (None, "") and info.field_name in _required(cls):
            raise Refusal("{label} is required.")
        return value

    @classmethod
    def update_model(cls) -> type[RowInput]:
        """The same fields, none of them required: an update checks only those it gives."""
        return _update_model(cls)


@cache
def _required(model: type[RowInput]) -> frozenset[str]:
    """The fields a row of ``model`` (or of the row it updates) must have."""
    row = model.whole_row or model
    return frozenset(name for name, info in row.model_fields.items() if info.is_required())


@cache
def _names(model: type[RowInput]) -> tuple[str, ...]:
    """The model's fields in order (read once: pydantic builds ``model_fields`` anew)."""
    return tuple(model.model_fields)


@cache
def _update_model(model: type[RowInput]) -> type[RowInput]:
    fields: dict[str, Any] = {
        name: (Annotated[(info.annotation, *info.metadata)], Field(None, title=info.title))
        for name, info in model.model_fields.items()
    }
    update = create_model(f"{model.__name__}Update", __base__=RowInput, **fields)
    update.whole_row = model
    return update


def refusal(model: type[RowInput], error: ErrorDetails) -> ChartValidationError:
    """The ``ChartValidationError`` for pydantic's ``error`` about a field of ``model``."""
    name = str(error["loc"][0]) if error["loc"] else ""
    if error["type"] == "extra_forbidden" or name not in model.model_fields:
        return ChartValidationError(f"{name!r} is not a field that can be saved here.", name)
    label = model.model_fields[name].title or name
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, Refusal):
        return ChartValidationError(cause.words(label), name)
    if error["type"] == "missing":
        return ChartValidationError(f"{label} is required.", name)
    return ChartValidationError(f"{label}: {error['msg']}.", name)  # not met: all say why


def clean(
    model: type[RowInput], values: Mapping[str, Any], partial: bool = False
) -> dict[str, Any]:
    """The checked values, in the model's order; ``partial`` (an update) checks only the
    fields given. The first refusal (an unknown field first) raises ``ChartValidationError``."""
    names = _names(model)
    unknown = sorted(set(values).difference(names))
    if unknown:
        raise ChartValidationError(
            f"{unknown[0]!r} is not a field that can be saved here.", unknown[0]
        )
    try:
        row = (model.update_model() if partial else model).model_validate(dict(values))
    except ValidationError as exc:
        raise refusal(model, exc.errors()[0]) from None
    return {name: getattr(row, name) for name in names if name in values}


def clean_one(model: type[RowInput], name: str, value: Any) -> Any:
    """One checked value (e.g. a date of birth typed into a search box)."""
    return clean(model, {name: value}, partial=True)[name]


def with_hold_lengths(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A treatment written without ``hold_lengths`` (or with None: an older export, the demo
    chart, a caller that knows one length and a count): ``repetitions`` holds of
    ``hold_seconds``."""
    values = dict(fields)
    if values.get("hold_lengths") is None:
        values["hold_lengths"] = implied_holds(
            values.get("hold_seconds"), values.get("repetitions")
        )
    return values


# -- the rows ------------------------------------------------------------------------------


class ClientInput(RowInput):
    name: Annotated[str, text(200)] = Field(title="Client name")
    date_of_birth: Annotated[date | None, birth_date] = Field(None, title="Date of birth")
    phone: Annotated[str, text(100)] = Field("", title="Phone")
    email: Annotated[str, text(200)] = Field("", title="Email")
    address: Annotated[str, text(2000)] = Field("", title="Address")
    notes: Annotated[str, text()] = Field("", title="Notes")
    is_demo: Annotated[bool, flag] = Field(False, title="Demo flag")


class ComplaintInput(RowInput):
    description: Annotated[str, text(2000)] = Field(title="Complaint")
    onset_date: Annotated[date | None, calendar_date] = Field(None, title="Onset date")
    duration_weeks: Annotated[float | None, decimal(0, COMPLAINT_WEEKS_MAX)] = Field(
        None, title="Duration in weeks"
    )


class IntakeInput(RowInput):
    history: Annotated[str, text()] = Field("", title="History")
    medications: Annotated[str, text()] = Field("", title="Medications")
    conditions: Annotated[str, text()] = Field("", title="Conditions")
    occupation: Annotated[str, text()] = Field("", title="Occupation")
    habits: Annotated[str, text()] = Field("", title="Habits")
    stress: Annotated[int | None, whole(STRESS_MIN, STRESS_MAX)] = Field(None, title="Stress")
    sleep_hours: Annotated[float | None, decimal(0, SLEEP_HOURS_MAX)] = Field(
        None, title="Sleep (hours a night)"
    )
    sleep_notes: Annotated[str, text()] = Field("", title="Sleep notes")
    hydration_litres: Annotated[float | None, decimal(0, WATER_LITRES_MAX)] = Field(
        None, title="Water (litres a day)"
    )
    nutrition: Annotated[str, text()] = Field("", title="Nutrition")
    breathing: Annotated[str, text()] = Field("", title="Breathing")
    red_flags: Annotated[dict[str, bool | None], red_flag_answers] = Field(
        default_factory=dict, title="Red-flag screen"
    )
    red_flag_clearance: Annotated[str, text(2000)] = Field("", title="Red-flag clearance")
    red_flag_cleared_on: Annotated[date | None, calendar_date] = Field(None, title="Clearance date")


class VisitInput(RowInput):
    """A visit: its time, the therapist, and the notes (SOAP, posture, gait)."""

    started_at: Annotated[datetime, moment] = Field(title="Visit time")
    therapist: Annotated[str, text(200)] = Field("", title="Therapist")
    chief_complaint: Annotated[str, text()] = Field("", title="Chief complaint")
    subjective: Annotated[str, text()] = Field("", title="Subjective (S)")
    objective: Annotated[str, text()] = Field("", title="Objective (O)")
    assessment: Annotated[str, text()] = Field("", title="Assessment (A)")
    plan: Annotated[str, text()] = Field("", title="Plan (P)")
    posture: Annotated[str, text()] = Field("", title="Posture")
    gait: Annotated[str, text()] = Field("", title="Gait")


class PainMarkInput(RowInput):
    """A pain mark (its place is checked against the vocabulary by ``check_place``)."""

    view: Annotated[str, text(20)] = Field(title="View")
    x: Annotated[float | None, coordinate] = Field(None, title="Position x")
    y: Annotated[float | None, coordinate] = Field(None, title="Position y")
    region: Annotated[str, text(60)] = Field(title="Region")
    side: Annotated[str, text(10)] = Field(title="Side")
    intensity: Annotated[int, whole(INTENSITY_MIN, INTENSITY_MAX)] = Field(title="Intensity")
    quality: Annotated[str, choice(PAIN_QUALITIES)] = Field(title="Pain quality")
    note: Annotated[str, text()] = Field("", title="Note")


class MusclePlaceInput(RowInput):
    """Where a finding or a treatment is: the muscle, the side and the trigger point."""

    muscle_id: Annotated[str, identifier] = Field(title="Muscle")
    side: Annotated[str, choice(SIDES)] = Field(title="Side")
    trigger_point_id: Annotated[str, identifier] = Field("", title="Trigger point")


class FindingInput(MusclePlaceInput):
    activity: Annotated[str, choice(TRIGGER_POINT_ACTIVITY)] = Field(title="Active or latent")
    tenderness: Annotated[int | None, whole(SCORE_MIN, SCORE_MAX)] = Field(None, title="Tenderness")
    jump_sign: Annotated[bool, flag] = Field(False, title="Jump sign")
    local_twitch: Annotated[bool, flag] = Field(False, title="Local twitch response")
    referral_reproduced: Annotated[bool, flag] = Field(False, title="Referral reproduced")
    ischemia: Annotated[bool, flag] = Field(False, title="Ischemia")
    entrapment: Annotated[bool, flag] = Field(False, title="Entrapment")
    note: Annotated[str, text()] = Field("", title="Note")


class TreatmentInput(MusclePlaceInput):
    technique: Annotated[str, text(200)] = Field(title="Technique")
    pressure_tolerance: Annotated[int | None, whole(SCORE_MIN, SCORE_MAX)] = Field(
        None, title="Pressure tolerance"
    )
    hold_seconds: Annotated[int | None, whole(0, HOLD_MAX)] = Field(None, title="Hold (seconds)")
    repetitions: Annotated[int | None, whole(0, MAX_HOLDS)] = Field(None, title="Repetitions")
    hold_lengths: Annotated[list[int], hold_list] = Field(
        default_factory=list, title="Holds (seconds each)"
    )
    response: Annotated[str, text()] = Field("", title="Response")


class FollowUpInput(RowInput):
    soreness_hours: Annotated[float | None, decimal(0, SORENESS_HOURS_MAX)] = Field(
        None, title="Soreness (hours)"
    )
    relief_days: Annotated[float | None, decimal(0, RELIEF_DAYS_MAX)] = Field(
        None, title="Relief (days)"
    )
    note: Annotated[str, text()] = Field("", title="Note")


class ObservationInput(RowInput):
    """A posture, gait, ischemia or entrapment observation (its item and place are checked
    against the assessment lists by ``check_observation``)."""

    kind: Annotated[str, choice(KINDS)] = Field(title="Kind of observation")
    item: Annotated[str, identifier] = Field(title="Observation")
    region: Annotated[str, identifier] = Field("", title="Region")
    side: Annotated[str, text(10)] = Field("", title="Side")
    severity: Annotated[str | None, grade] = Field(None, title="Severity")
    note: Annotated[str, text()] = Field("", title="Note")


# The model each kind of row is checked with (the apply path and amendments use it).
ROW_INPUTS: Mapping[RowKind, type[RowInput]] = MappingProxyType(
    {
        RowKind.PAIN_MARK: PainMarkInput,
        RowKind.FINDING: FindingInput,
        RowKind.TREATMENT: TreatmentInput,
        RowKind.OBSERVATION: ObservationInput,
        RowKind.FOLLOW_UP: FollowUpInput,
        RowKind.VISIT: VisitInput,
        RowKind.CLIENT: ClientInput,
        RowKind.INTAKE: IntakeInput,
    }
)
