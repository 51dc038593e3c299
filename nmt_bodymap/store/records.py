"""What the store hands the UI: frozen dataclasses, detached from any database session.

Widgets can keep, compare and pass these around freely; changing a chart always goes
back through ``ChartStore``. ``to_record`` copies the like-named attributes of a row.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, TypeVar

R = TypeVar("R")


def to_record(record_type: type[R], row: Any, **extra: Any) -> R:
    values = {f.name: getattr(row, f.name) for f in fields(record_type) if f.name not in extra}  # type: ignore[arg-type]
    return record_type(**values, **extra)


@dataclass(frozen=True)
class ClientRecord:
    id: int
    name: str
    date_of_birth: date | None
    phone: str
    email: str
    address: str
    notes: str
    is_demo: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ComplaintRecord:
    id: int
    description: str
    onset_date: date | None
    duration_weeks: float | None


@dataclass(frozen=True)
class IntakeRecord:
    client_id: int
    history: str
    medications: str
    conditions: str
    occupation: str
    habits: str
    stress: int | None
    sleep_hours: float | None
    sleep_notes: str
    hydration_litres: float | None
    nutrition: str
    breathing: str
    red_flags: dict[str, bool | None]
    red_flag_clearance: str
    red_flag_cleared_on: date | None
    complaints: tuple[ComplaintRecord, ...]
    updated_at: datetime

    @property
    def red_flag_raised(self) -> bool:
        """True when any screening answer is yes: treatment waits for a clearance."""
        return any(answer is True for answer in self.red_flags.values())


@dataclass(frozen=True)
class VisitRecord:
    id: int
    client_id: int
    started_at: datetime
    therapist: str
    chief_complaint: str
    subjective: str
    objective: str
    assessment: str
    plan: str
    posture: str
    gait: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class PainMarkRecord:
    id: int
    visit_id: int
    view: str
    x: float | None
    y: float | None
    region: str
    side: str
    intensity: int
    quality: str
    note: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True)
class FindingRecord:
    id: int
    visit_id: int
    muscle_id: str
    side: str
    trigger_point_id: str
    activity: str
    tenderness: int | None
    jump_sign: bool
    local_twitch: bool
    referral_reproduced: bool
    ischemia: bool
    entrapment: bool
    note: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True)
class TreatmentRecord:
    id: int
    visit_id: int
    muscle_id: str
    side: str
    trigger_point_id: str
    technique: str
    pressure_tolerance: int | None
    hold_seconds: int | None
    repetitions: int | None
    response: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True)
class FollowUpRecord:
    id: int
    visit_id: int
    soreness_hours: float | None
    relief_days: float | None
    note: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True)
class ObservationRecord:
    """One assessment observation: ``kind`` and ``item`` name it in the assessment file."""

    id: int
    visit_id: int
    kind: str
    item: str
    region: str
    side: str
    severity: str | None
    note: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True)
class ChartRecord:
    """What opening a client's chart shows: the client, visits newest first, and the pain
    marks of the latest visit."""

    client: ClientRecord
    visits: tuple[VisitRecord, ...]
    latest_marks: tuple[PainMarkRecord, ...]
