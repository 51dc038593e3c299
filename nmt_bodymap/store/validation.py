"""Checking what the UI hands the store, before anything is written.

Each kind of row has a schema: field name -> ``Field`` (a label the therapist knows and a
checker that returns the cleaned value or raises ``ChartValidationError`` with a message
fit for the screen, e.g. "Intensity must be a whole number from 0 to 10 (got 11).").
Places are checked against the region vocabulary in ``validation_places.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from nmt_bodymap.core.assessment import KINDS, SEVERITIES
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
from nmt_bodymap.store.input_limits import storable
from nmt_bodymap.store.validation_places import VIEWS as VIEWS
from nmt_bodymap.store.validation_places import check_observation as check_observation
from nmt_bodymap.store.validation_places import check_place as check_place

TRIGGER_POINT_ACTIVITY = ("active", "latent")
EARLIEST_BIRTH = date(1900, 1, 1)
EARLIEST_MOMENT = date(1900, 1, 1)
LATEST_MOMENT = date(2200, 12, 31)
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")

Check = Callable[[Any, str], Any]


@dataclass(frozen=True)
class Field:
    label: str
    check: Check
    required: bool = False


def _fail(field: str, message: str) -> ChartValidationError:
    return ChartValidationError(message, field=field)


def text(max_length: int = 10_000) -> Check:
    def check(value: Any, label: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValueError(f"{label} must be text.")
        storable(value, label)
        cleaned = value.strip()
        if len(cleaned) > max_length:
            raise ValueError(
                f"{label} is too long ({len(cleaned)} characters, at most {max_length})."
            )
        return cleaned

    return check


def whole(low: int, high: int) -> Check:
    def check(value: Any, label: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(
                f"{label} must be a whole number from {low} to {high} (got {value!r})."
            )
        if not low <= value <= high:
            raise ValueError(f"{label} must be a whole number from {low} to {high} (got {value}).")
        return value

    return check


MAX_HOLDS = 100  # holds in one treatment
HOLD_RANGE = (1, 600)  # seconds of one hold


def hold_list(value: Any, label: str) -> list[int]:
    """Every hold's length in seconds, in the order given (``[20, 10]``); None is none."""
    if value is None:
        return []
    low, high = HOLD_RANGE
    if not isinstance(value, list | tuple) or len(value) > MAX_HOLDS:
        raise ValueError(
            f"{label} must be a list of up to {MAX_HOLDS} lengths in seconds (got {value!r})."
        )
    each = whole(low, high)
    lengths = [each(item, label) for item in value]
    if any(length is None for length in lengths):
        raise ValueError(f"{label} must be whole numbers from {low} to {high} (got None).")
    return [int(length) for length in lengths if length is not None]


def with_hold_lengths(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A treatment written without ``hold_lengths`` (an older export, the demo chart, a
    caller that knows one length and a count): ``repetitions`` holds of ``hold_seconds``."""
    values = dict(fields)
    if "hold_lengths" not in values:
        seconds, count = values.get("hold_seconds"), values.get("repetitions")
        equal = isinstance(seconds, int) and seconds > 0 and not isinstance(seconds, bool)
        times = count if isinstance(count, int) and 0 < count <= MAX_HOLDS else 1
        values["hold_lengths"] = [seconds] * times if equal else []
    return values


def decimal(low: float, high: float) -> Check:
    def check(value: Any, label: str) -> float | None:
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValueError(f"{label} must be a number from {low:g} to {high:g} (got {value!r}).")
        if not low <= value <= high:
            raise ValueError(f"{label} must be a number from {low:g} to {high:g} (got {value:g}).")
        return float(value)

    return check


def coordinate(value: Any, label: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{label} must be a number (got {value!r}).")
    return float(value)


def flag(value: Any, label: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{label} must be yes or no (got {value!r}).")
    return value


def choice(options: tuple[str, ...]) -> Check:
    def check(value: Any, label: str) -> str:
        if value not in options:
            raise ValueError(f"{label} must be one of {', '.join(options)} (got {value!r}).")
        return str(value)

    return check


def identifier(value: Any, label: str) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or not _IDENTIFIER.match(value):
        raise ValueError(f"{label} must be an id such as upper_trapezius (got {value!r}).")
    return value


def _from_text(value: Any, parse: Callable[[str], Any], wanted: str) -> Any:
    """``value`` parsed when it is text (ValueError "<wanted> (got '...')." when it cannot
    be); any other value as it is."""
    if not isinstance(value, str):
        return value
    try:
        return parse(value.strip())
    except ValueError:
        raise ValueError(f"{wanted} (got {value!r}).") from None


def calendar_date(value: Any, label: str) -> date | None:
    """A date, or a "YYYY-MM-DD" string; never in the future (these are all past events)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    value = _from_text(value, date.fromisoformat, f"{label} must be a date written YYYY-MM-DD")
    if not isinstance(value, date):
        raise ValueError(f"{label} must be a date (got {value!r}).")
    if value > date.today():
        raise ValueError(f"{label} cannot be in the future ({value.isoformat()}).")
    return value


def birth_date(value: Any, label: str) -> date | None:
    born = calendar_date(value, label)
    if born is not None and born < EARLIEST_BIRTH:
        raise ValueError(f"{label} {born.isoformat()} is not possible; check the year.")
    return born


def moment(value: Any, label: str) -> datetime:
    """A point in time; naive values are taken as local time. Stored in UTC."""
    wanted = f"{label} must be a date and time such as 2025-03-01T14:30"
    value = _from_text(value, datetime.fromisoformat, wanted)
    if not isinstance(value, datetime):
        raise ValueError(f"{label} must be a date and time (got {value!r}).")
    if not EARLIEST_MOMENT.year <= value.year <= LATEST_MOMENT.year:
        raise ValueError(f"{label} {value.date().isoformat()} is not possible; check the year.")
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError(f"{label} is out of range; check the date.") from None


def red_flag_answers(value: Any, label: str) -> dict[str, bool | None]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{label} must map each screening question to yes, no or not asked.")
    answers: dict[str, bool | None] = {}
    for key, answer in value.items():
        if not isinstance(key, str) or not _IDENTIFIER.match(key):
            raise ValueError(f"{label}: {key!r} is not a screening question id.")
        if answer is not None and not isinstance(answer, bool):
            raise ValueError(f"{label}: the answer to {key} must be yes, no or not asked.")
        answers[key] = answer
    return answers


def clean(
    schema: Mapping[str, Field], values: Mapping[str, Any], partial: bool = False
) -> dict[str, Any]:
    """The checked values; ``partial`` (an update) checks only the fields given."""
    unknown = sorted(set(values) - set(schema))
    if unknown:
        raise _fail(unknown[0], f"{unknown[0]!r} is not a field that can be saved here.")
    cleaned: dict[str, Any] = {}
    for name, spec in schema.items():
        if name not in values:
            if spec.required and not partial:
                raise _fail(name, f"{spec.label} is required.")
            continue
        try:
            value = spec.check(values[name], spec.label)
        except ValueError as exc:
            raise _fail(name, str(exc)) from None
        if spec.required and value in (None, ""):
            raise _fail(name, f"{spec.label} is required.")
        cleaned[name] = value
    return cleaned


def clean_one(schema: Mapping[str, Field], name: str, value: Any) -> Any:
    """One checked value (e.g. a date of birth typed into a search box)."""
    return clean({name: schema[name]}, {name: value})[name]


def severity(value: Any, label: str) -> str | None:
    """Mild, moderate or marked; nothing (None or "") when the therapist did not grade it."""
    if value is None or value == "":
        return None
    return str(choice(SEVERITIES)(value, label))


CLIENT = {
    "name": Field("Client name", text(200), required=True),
    "date_of_birth": Field("Date of birth", birth_date),
    "phone": Field("Phone", text(100)),
    "email": Field("Email", text(200)),
    "address": Field("Address", text(2000)),
    "notes": Field("Notes", text()),
    "is_demo": Field("Demo flag", flag),
}

COMPLAINT = {
    "description": Field("Complaint", text(2000), required=True),
    "onset_date": Field("Onset date", calendar_date),
    "duration_weeks": Field("Duration in weeks", decimal(0, 5200)),
}

INTAKE = {
    "history": Field("History", text()),
    "medications": Field("Medications", text()),
    "conditions": Field("Conditions", text()),
    "occupation": Field("Occupation", text()),
    "habits": Field("Habits", text()),
    "stress": Field("Stress", whole(STRESS_MIN, STRESS_MAX)),
    "sleep_hours": Field("Sleep (hours a night)", decimal(0, 24)),
    "sleep_notes": Field("Sleep notes", text()),
    "hydration_litres": Field("Water (litres a day)", decimal(0, 20)),
    "nutrition": Field("Nutrition", text()),
    "breathing": Field("Breathing", text()),
    "red_flags": Field("Red-flag screen", red_flag_answers),
    "red_flag_clearance": Field("Red-flag clearance", text(2000)),
    "red_flag_cleared_on": Field("Clearance date", calendar_date),
}

VISIT = {
    "started_at": Field("Visit time", moment, required=True),
    "therapist": Field("Therapist", text(200)),
    "chief_complaint": Field("Chief complaint", text()),
    "subjective": Field("Subjective (S)", text()),
    "objective": Field("Objective (O)", text()),
    "assessment": Field("Assessment (A)", text()),
    "plan": Field("Plan (P)", text()),
    "posture": Field("Posture", text()),
    "gait": Field("Gait", text()),
}

PAIN_MARK = {
    "view": Field("View", text(20), required=True),
    "x": Field("Position x", coordinate),
    "y": Field("Position y", coordinate),
    "region": Field("Region", text(60), required=True),
    "side": Field("Side", text(10), required=True),
    "intensity": Field("Intensity", whole(INTENSITY_MIN, INTENSITY_MAX), required=True),
    "quality": Field("Pain quality", choice(PAIN_QUALITIES), required=True),
    "note": Field("Note", text()),
}

_SIDE = Field("Side", choice(SIDES), required=True)

FINDING = {
    "muscle_id": Field("Muscle", identifier, required=True),
    "side": _SIDE,
    "trigger_point_id": Field("Trigger point", identifier),
    "activity": Field("Active or latent", choice(TRIGGER_POINT_ACTIVITY), required=True),
    "tenderness": Field("Tenderness", whole(SCORE_MIN, SCORE_MAX)),
    "jump_sign": Field("Jump sign", flag),
    "local_twitch": Field("Local twitch response", flag),
    "referral_reproduced": Field("Referral reproduced", flag),
    "ischemia": Field("Ischemia", flag),
    "entrapment": Field("Entrapment", flag),
    "note": Field("Note", text()),
}

TREATMENT = {
    "muscle_id": Field("Muscle", identifier, required=True),
    "side": _SIDE,
    "trigger_point_id": Field("Trigger point", identifier),
    "technique": Field("Technique", text(200), required=True),
    "pressure_tolerance": Field("Pressure tolerance", whole(SCORE_MIN, SCORE_MAX)),
    "hold_seconds": Field("Hold (seconds)", whole(0, 600)),
    "repetitions": Field("Repetitions", whole(0, 100)),
    "hold_lengths": Field("Holds (seconds each)", hold_list),
    "response": Field("Response", text()),
}

FOLLOW_UP = {
    "soreness_hours": Field("Soreness (hours)", decimal(0, 24 * 14)),
    "relief_days": Field("Relief (days)", decimal(0, 365)),
    "note": Field("Note", text()),
}

OBSERVATION = {
    "kind": Field("Kind of observation", choice(KINDS), required=True),
    "item": Field("Observation", identifier, required=True),
    "region": Field("Region", identifier),
    "side": Field("Side", text(10)),
    "severity": Field("Severity", severity),
    "note": Field("Note", text()),
}
