"""What the store hands the UI: frozen dataclasses, detached from any database session.

Widgets can keep, compare and pass these around freely; changing a chart always goes
back through ``ChartStore``. ``to_record`` copies the like-named attributes of a row.
Every clinical record carries its row's ``uid`` and ``version`` (revision 0004);
``HistoryRecord`` is one entry of the change history, ``Applied`` what ``ChartStore.apply``
did.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from typing import Any, TypeVar, dataclass_transform

R = TypeVar("R")


_NAMES: dict[type[Any], tuple[str, ...]] = {}
_PLAIN: set[type[Any]] = set()


def record_names(record_type: type[Any]) -> tuple[str, ...]:
    """The field names of a record type, in declaration order (looked up once per type:
    ``dataclasses.fields`` per row was a fifth of the progress view's store read)."""
    names = _NAMES.get(record_type)
    if names is None:
        names = _NAMES[record_type] = tuple(f.name for f in fields(record_type))
    return names


def to_record(record_type: type[R], row: Any, **extra: Any) -> R:
    values = {name: getattr(row, name) for name in record_names(record_type) if name not in extra}
    return record_type(**values, **extra)


def records_of_rows(record_type: type[R], rows: Iterable[Sequence[Any]]) -> list[R]:
    """Records of plain value rows, each in ``record_names(record_type)`` order (issue 18:
    2,000 visits' rows read as columns, not through ``getattr`` per field and the frozen
    ``__init__``'s ``object.__setattr__`` per field). The records equal ``to_record``'s:
    they are frozen dataclasses without ``__post_init__``, so filling ``__dict__`` is what
    ``__init__`` does (``_check_plain`` refuses a type where it would not be)."""
    names = _check_plain(record_type)
    new = object.__new__
    made: list[R] = []
    for row in rows:
        record = new(record_type)
        record.__dict__.update(zip(names, row, strict=True))
        made.append(record)
    return made


def _check_plain(record_type: type[Any]) -> tuple[str, ...]:
    if record_type not in _PLAIN:
        if hasattr(record_type, "__post_init__") or hasattr(record_type, "__slots__"):
            raise TypeError(f"{record_type.__name__} is not a plain record")
        _PLAIN.add(record_type)
    return record_names(record_type)


def as_record(record_type: type[R], record: object) -> R:
    """``record``, checked to be of the kind a call names (what an operation applied)."""
    if not isinstance(record, record_type):
        raise TypeError(f"expected a {record_type.__name__}, got {type(record).__name__}")
    return record


# -- the chart's fields, declared once -----------------------------------------------------
# Plain annotated classes: the records below and the export models
# (``store/exports/schema.py``) both take their fields from them, so a column is named and
# typed in one place. A record adds its ids and stamps; an export model its own.


class ClientFields:
    name: str
    date_of_birth: date | None
    phone: str
    email: str
    address: str
    notes: str
    is_demo: bool


class ComplaintFields:
    description: str
    onset_date: date | None
    duration_weeks: float | None


class IntakeFields:
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


class VisitFields:
    started_at: datetime
    therapist: str
    chief_complaint: str
    subjective: str
    objective: str
    assessment: str
    plan: str
    posture: str
    gait: str


class PainMarkFields:
    view: str
    x: float | None
    y: float | None
    region: str
    side: str
    intensity: int
    quality: str
    note: str


class MusclePlaceFields:
    """Where a finding or a treatment is: the muscle, the side and the trigger point."""

    muscle_id: str
    side: str
    trigger_point_id: str


class FindingFields(MusclePlaceFields):
    activity: str
    tenderness: int | None
    jump_sign: bool
    local_twitch: bool
    referral_reproduced: bool
    ischemia: bool
    entrapment: bool
    note: str


class TreatmentFields(MusclePlaceFields):
    technique: str
    pressure_tolerance: int | None
    hold_seconds: int | None
    repetitions: int | None
    hold_lengths: list[int] | None = None  # every hold in seconds, in order (revision 0007)
    response: str


class ObservationFields:
    kind: str
    item: str
    region: str
    side: str
    severity: str | None
    note: str


class FollowUpFields:
    soreness_hours: float | None
    relief_days: float | None
    note: str


def json_value(value: Any) -> Any:
    """A stored value as JSON: dates and times as ISO text, the rest as they are (the
    history's before/after, the visit document's values; ``store/history``, the first look)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return value


@dataclass_transform(frozen_default=True, kw_only_default=True)
def record(cls: type[R]) -> type[R]:
    """A frozen, keyword-only dataclass whose fields include those its field classes
    declare (``dataclass`` alone reads only the class's own annotations)."""
    merged: dict[str, Any] = {}
    for base in reversed(cls.__mro__[1:]):
        if not is_dataclass(base):
            merged.update(inspect.get_annotations(base))
    merged.update(inspect.get_annotations(cls))
    cls.__annotations__ = merged
    return dataclass(frozen=True, kw_only=True)(cls)


@record
class _Revised:
    uid: str = ""  # the row's client-made id (revision 0004)
    version: int = 0  # 1 after the add, +1 per applied operation


@record
class _Stamped(_Revised):
    created_at: datetime
    updated_at: datetime


@record
class _VisitRowRecord(_Stamped):
    id: int
    visit_id: int
    deleted_at: datetime | None


@record
class ClientRecord(ClientFields, _Stamped):
    id: int


@record
class ComplaintRecord(ComplaintFields, _Revised):
    id: int


@record
class IntakeRecord(IntakeFields, _Revised):
    client_id: int
    complaints: tuple[ComplaintRecord, ...]
    updated_at: datetime

    @property
    def red_flag_raised(self) -> bool:
        """True when any screening answer is yes: treatment waits for a clearance."""
        return any(answer is True for answer in self.red_flags.values())


@record
class VisitRecord(VisitFields, _Stamped):
    id: int
    client_id: int
    signed_by: str = ""  # revision 0006: who signed the visit ("" until signed)
    signed_at: datetime | None = None
    signature: str = ""

    @property
    def signed(self) -> bool:
        """A signed visit is read-only; corrections are amendments (core/signing.py)."""
        return self.signed_at is not None


@record
class PainMarkRecord(PainMarkFields, _VisitRowRecord):
    pass


@record
class FindingRecord(FindingFields, _VisitRowRecord):
    pass


@record
class TreatmentRecord(TreatmentFields, _VisitRowRecord):
    pass


@record
class FollowUpRecord(FollowUpFields, _VisitRowRecord):
    pass


@record
class ObservationRecord(ObservationFields, _VisitRowRecord):
    """One assessment observation: ``kind`` and ``item`` name it in the assessment file."""


@dataclass(frozen=True)
class ChartRecord:
    """What opening a client's chart shows: the client, visits newest first, and the pain
    marks of the latest visit."""

    client: ClientRecord
    visits: tuple[VisitRecord, ...]
    latest_marks: tuple[PainMarkRecord, ...]


@dataclass(frozen=True)
class HistoryRecord:
    """One applied operation as the history table keeps it (``id`` grows in commit order)."""

    id: int
    at: datetime
    who: str
    client_id: int
    client: str  # the client's uid
    visit: str | None  # the visit's uid (None for client and intake rows)
    kind: str
    row: str
    op: str
    version: int  # the row's version after the operation
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        """The entry as ``nmt-bodymap history --json`` prints it (docs/cli.md)."""
        return {
            "at": self.at.isoformat(),
            "who": self.who,
            "kind": self.kind,
            "row": self.row,
            "op": self.op,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class Applied:
    """What ``ChartStore.apply`` did with one operation.

    ``record`` is the row afterwards (a ``PainMarkRecord``, ``FindingRecord``...; for an
    intake the ``IntakeRecord``), ``id`` its integer id, ``version`` its version now,
    ``history`` the history entry written (None when ``replayed``: an add retried with the
    same id and values was already stored, nothing was written again).
    """

    op: Any  # core.operations.Operation
    record: Any
    id: int
    version: int
    history: HistoryRecord | None
    replayed: bool = False
