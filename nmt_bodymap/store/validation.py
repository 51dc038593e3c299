"""Checking what the UI hands the store, before anything is written: one model per kind
of row.

A row model declares each field a row of its kind may be saved with: the check of its kind
of value (``store/validation_fields.py``) and, as ``title``, the label the therapist knows.
A ``required`` field must be given (and may not be empty); an ``optional`` one may be
left out. ``clean(model, values)`` turns the first refusal, in the model's order, into a
``ChartValidationError`` naming the field, with a message fit for the screen, e.g.
"Intensity must be a whole number from 0 to 10 (got 11)."; ``partial=True`` (an update)
checks only the fields given. Places are checked against the region vocabulary in
``validation_places.py``; the numeric limits are those of ``core/pain.py`` and
``core/limits.py``, which the UI's forms use too.

Plain code (these were pydantic models until issue 18): the store imports no pydantic,
and no data file, to open a chart; the refusals are word for word those they gave.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar

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
    Check,
    Refusal,
    birth_date,
    calendar_date,
    choice,
    choice_of,
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
from nmt_bodymap.store.validation_places import check_observation as check_observation
from nmt_bodymap.store.validation_places import check_place as check_place
from nmt_bodymap.store.validation_places import views as views

TRIGGER_POINT_ACTIVITY = ("active", "latent")


@dataclass(frozen=True, slots=True)
class FieldRule:
    """One field of a row model: its check, its label and whether a row must have it."""

    check: Check
    title: str
    required: bool = False

    def is_required(self) -> bool:
        return self.required


def required(check: Check, title: str) -> FieldRule:
    """A field every new row must be given, not empty (an update may leave it out)."""
    return FieldRule(check, title, True)


def optional(check: Check, title: str) -> FieldRule:
    """A field a row may be saved without (the table's default is stored)."""
    return FieldRule(check, title)


class RowInput:
    """What one kind of row may be saved with (see the module docstring): a subclass
    declares its fields as class attributes (``required``/``optional``), after those of
    the model it extends; ``model_fields`` maps each name to its rule, in that order."""

    model_fields: ClassVar[Mapping[str, FieldRule]] = MappingProxyType({})

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = dict(cls.model_fields)
        fields.update((k, rule) for k, rule in vars(cls).items() if isinstance(rule, FieldRule))
        cls.model_fields = MappingProxyType(fields)


def _refusal(rule: FieldRule, name: str, cause: ValueError) -> ChartValidationError:
    if isinstance(cause, Refusal):
        return ChartValidationError(cause.words(rule.title), name)
    return ChartValidationError(f"{rule.title}: Value error, {cause}.", name)  # as pydantic said


def clean(
    model: type[RowInput], values: Mapping[str, Any], partial: bool = False
) -> dict[str, Any]:
    """The checked values, in the model's order; ``partial`` (an update) checks only the
    fields given. The first refusal (an unknown field first, then in the model's order: a
    required field missing or empty, or a value refused) raises ``ChartValidationError``."""
    fields = model.model_fields
    unknown = sorted(set(values).difference(fields))
    if unknown:
        raise ChartValidationError(
            f"{unknown[0]!r} is not a field that can be saved here.", unknown[0]
        )
    cleaned: dict[str, Any] = {}
    for name, rule in fields.items():
        if name not in values:
            if rule.required and not partial:
                raise ChartValidationError(f"{rule.title} is required.", name)
            continue
        try:
            value = rule.check(values[name])
        except ValueError as exc:
            raise _refusal(rule, name, exc) from None
        if rule.required and value in (None, ""):
            raise ChartValidationError(f"{rule.title} is required.", name)
        cleaned[name] = value
    return cleaned


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


def _observation_kinds() -> tuple[str, ...]:
    from nmt_bodymap.core.assessment import KINDS  # its data file: not at chart open

    return KINDS


# -- the rows ------------------------------------------------------------------------------


class ClientInput(RowInput):
    name = required(text(200), "Client name")
    date_of_birth = optional(birth_date, "Date of birth")
    phone = optional(text(100), "Phone")
    email = optional(text(200), "Email")
    address = optional(text(2000), "Address")
    notes = optional(text(), "Notes")
    is_demo = optional(flag, "Demo flag")


class ComplaintInput(RowInput):
    description = required(text(2000), "Complaint")
    onset_date = optional(calendar_date, "Onset date")
    duration_weeks = optional(decimal(0, COMPLAINT_WEEKS_MAX), "Duration in weeks")


class IntakeInput(RowInput):
    history = optional(text(), "History")
    medications = optional(text(), "Medications")
    conditions = optional(text(), "Conditions")
    occupation = optional(text(), "Occupation")
    habits = optional(text(), "Habits")
    stress = optional(whole(STRESS_MIN, STRESS_MAX), "Stress")
    sleep_hours = optional(decimal(0, SLEEP_HOURS_MAX), "Sleep (hours a night)")
    sleep_notes = optional(text(), "Sleep notes")
    hydration_litres = optional(decimal(0, WATER_LITRES_MAX), "Water (litres a day)")
    nutrition = optional(text(), "Nutrition")
    breathing = optional(text(), "Breathing")
    red_flags = optional(red_flag_answers, "Red-flag screen")
    red_flag_clearance = optional(text(2000), "Red-flag clearance")
    red_flag_cleared_on = optional(calendar_date, "Clearance date")


class VisitInput(RowInput):
    """A visit: its time, the therapist, and the notes (SOAP, posture, gait)."""

    started_at = required(moment, "Visit time")
    therapist = optional(text(200), "Therapist")
    chief_complaint = optional(text(), "Chief complaint")
    subjective = optional(text(), "Subjective (S)")
    objective = optional(text(), "Objective (O)")
    assessment = optional(text(), "Assessment (A)")
    plan = optional(text(), "Plan (P)")
    posture = optional(text(), "Posture")
    gait = optional(text(), "Gait")


class PainMarkInput(RowInput):
    """A pain mark (its place is checked against the vocabulary by ``check_place``)."""

    view = required(text(20), "View")
    x = optional(coordinate, "Position x")
    y = optional(coordinate, "Position y")
    region = required(text(60), "Region")
    side = required(text(10), "Side")
    intensity = required(whole(INTENSITY_MIN, INTENSITY_MAX), "Intensity")
    quality = required(choice(PAIN_QUALITIES), "Pain quality")
    note = optional(text(), "Note")


class MusclePlaceInput(RowInput):
    """Where a finding or a treatment is: the muscle, the side and the trigger point."""

    muscle_id = required(identifier, "Muscle")
    side = required(choice(SIDES), "Side")
    trigger_point_id = optional(identifier, "Trigger point")


class FindingInput(MusclePlaceInput):
    activity = required(choice(TRIGGER_POINT_ACTIVITY), "Active or latent")
    tenderness = optional(whole(SCORE_MIN, SCORE_MAX), "Tenderness")
    jump_sign = optional(flag, "Jump sign")
    local_twitch = optional(flag, "Local twitch response")
    referral_reproduced = optional(flag, "Referral reproduced")
    ischemia = optional(flag, "Ischemia")
    entrapment = optional(flag, "Entrapment")
    note = optional(text(), "Note")


class TreatmentInput(MusclePlaceInput):
    technique = required(text(200), "Technique")
    pressure_tolerance = optional(whole(SCORE_MIN, SCORE_MAX), "Pressure tolerance")
    hold_seconds = optional(whole(0, HOLD_MAX), "Hold (seconds)")
    repetitions = optional(whole(0, MAX_HOLDS), "Repetitions")
    hold_lengths = optional(hold_list, "Holds (seconds each)")
    response = optional(text(), "Response")


class FollowUpInput(RowInput):
    soreness_hours = optional(decimal(0, SORENESS_HOURS_MAX), "Soreness (hours)")
    relief_days = optional(decimal(0, RELIEF_DAYS_MAX), "Relief (days)")
    note = optional(text(), "Note")


class ObservationInput(RowInput):
    """A posture, gait, ischemia or entrapment observation (its item and place are checked
    against the assessment lists by ``check_observation``)."""

    kind = required(choice_of(_observation_kinds), "Kind of observation")
    item = required(identifier, "Observation")
    region = optional(identifier, "Region")
    side = optional(text(10), "Side")
    severity = optional(grade, "Severity")
    note = optional(text(), "Note")


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
