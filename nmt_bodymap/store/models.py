"""The chart schema as SQLAlchemy 2.0 typed ORM models (the head of the Alembic migrations).

One client has one intake, many visits; a visit holds what was charted that day: pain
marks drawn on the body map, trigger-point findings, treatments given, the assessment
observations (posture, gait, ischemia, nerve entrapment), and the follow-up reported at the
next session. Clinical rows are never deleted, only stamped
``deleted_at`` (undo restores them; nothing clinical is lost). Times are UTC. Every change
of a clinical row appends one ``history`` row in the same transaction (revision 0004).
Changing a model means adding a migration under ``migrations/versions`` too; a test
compares the two.
"""

# No ``from __future__ import annotations``: the ``Mapped[...]`` annotations are then objects
# SQLAlchemy reads as they are, not strings it evaluates again for each of the ~170 columns
# (~10 ms of the models' import on the store worker at launch, issue 18).

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from nmt_bodymap.core.operations import new_row_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in UTC: stored naive-UTC (SQLite has no zones), returned timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Stamped:
    """Identity, version, created/updated times and the soft-delete stamp shared by every
    clinical row.

    ``uid`` (revision 0004) is the client-made id (a UUID given when the row is created on
    screen, ``core.operations.new_row_id``); ``version`` is 1 after the add and grows by one
    per operation applied to the row (``store/apply.py`` checks it and bumps it).
    """

    uid: Mapped[str] = mapped_column(String(36), unique=True, index=True, default=new_row_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


POSTGRESQL_OPS = "postgresql_ops"
"""``Index.info`` key: the index's PostgreSQL operator classes (``postgresql_options``)."""


def _prefix_index(table: str, column: str) -> Index:
    # text_pattern_ops lets PostgreSQL answer LIKE 'abc%' from the index in any locale. It is
    # kept in ``info`` and handed to the index only when PostgreSQL is used: passed here as
    # ``postgresql_ops=`` it would make SQLAlchemy load its PostgreSQL dialect (and asyncpg's
    # module) to check the argument, ~0.1 s of every start on SQLite (issue 18).
    return Index(
        f"ix_{table}_{column}", column, info={POSTGRESQL_OPS: {column: "text_pattern_ops"}}
    )


def postgresql_options(metadata: MetaData) -> MetaData:
    """``metadata`` with the PostgreSQL options its indexes keep in ``info`` given to them
    (the migrations' environment calls it on a PostgreSQL connection; loads the dialect)."""
    for table in metadata.tables.values():
        for index in table.indexes:
            ops = index.info.get(POSTGRESQL_OPS)
            if ops is not None:
                index.dialect_kwargs[POSTGRESQL_OPS] = ops
    return metadata


class Client(Stamped, Base):
    __tablename__ = "clients"
    __table_args__ = (
        _prefix_index("clients", "name_key"),
        _prefix_index("clients", "surname_key"),
        Index("ix_clients_updated_at", "updated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Case-folded full name and last word of it: indexed for prefix search on either.
    name_key: Mapped[str] = mapped_column(String(200))
    surname_key: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date | None] = mapped_column(Date, index=True)
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class Intake(Stamped, Base):
    """The intake form: history, lifestyle and the red-flag screen (one per client)."""

    __tablename__ = "intakes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), unique=True)
    history: Mapped[str] = mapped_column(Text, default="")
    medications: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[str] = mapped_column(Text, default="")
    occupation: Mapped[str] = mapped_column(Text, default="")
    habits: Mapped[str] = mapped_column(Text, default="")
    stress: Mapped[int | None] = mapped_column(Integer)
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    sleep_notes: Mapped[str] = mapped_column(Text, default="")
    hydration_litres: Mapped[float | None] = mapped_column(Float)
    nutrition: Mapped[str] = mapped_column(Text, default="")
    breathing: Mapped[str] = mapped_column(Text, default="")
    # Red-flag screen: question id -> answer (True = flag present, None = not asked).
    red_flags: Mapped[dict[str, bool | None]] = mapped_column(JSON, default=dict)
    # Added in revision 0002: who cleared the client for treatment when a flag was raised.
    red_flag_clearance: Mapped[str] = mapped_column(Text, default="")
    red_flag_cleared_on: Mapped[date | None] = mapped_column(Date)


class Complaint(Stamped, Base):
    """One presenting complaint of the intake, with when it began and how long it lasts."""

    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    intake_id: Mapped[int] = mapped_column(ForeignKey("intakes.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text)
    onset_date: Mapped[date | None] = mapped_column(Date)
    duration_weeks: Mapped[float | None] = mapped_column(Float)


class Visit(Stamped, Base):
    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_client_id_started_at", "client_id", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    therapist: Mapped[str] = mapped_column(String(200), default="")
    chief_complaint: Mapped[str] = mapped_column(Text, default="")
    subjective: Mapped[str] = mapped_column(Text, default="")
    objective: Mapped[str] = mapped_column(Text, default="")
    assessment: Mapped[str] = mapped_column(Text, default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    posture: Mapped[str] = mapped_column(Text, default="")
    gait: Mapped[str] = mapped_column(Text, default="")
    # Added in revision 0006: the signature (core/signing.py); empty until signed.
    signed_by: Mapped[str] = mapped_column(String(200), default="")
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    signature: Mapped[str] = mapped_column(String(64), default="")


class PainMark(Stamped, Base):
    """Where it hurts: a point on a view (x, y in view coordinates) or an internal site."""

    __tablename__ = "pain_marks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    view: Mapped[str] = mapped_column(String(20))
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)
    region: Mapped[str] = mapped_column(String(60))
    side: Mapped[str] = mapped_column(String(10))
    intensity: Mapped[int] = mapped_column(Integer)
    quality: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class Finding(Stamped, Base):
    """A palpated trigger point and the signs found at it."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    muscle_id: Mapped[str] = mapped_column(String(60))
    side: Mapped[str] = mapped_column(String(10))
    trigger_point_id: Mapped[str] = mapped_column(String(30), default="")
    activity: Mapped[str] = mapped_column(String(10))
    tenderness: Mapped[int | None] = mapped_column(Integer)
    jump_sign: Mapped[bool] = mapped_column(Boolean, default=False)
    local_twitch: Mapped[bool] = mapped_column(Boolean, default=False)
    referral_reproduced: Mapped[bool] = mapped_column(Boolean, default=False)
    ischemia: Mapped[bool] = mapped_column(Boolean, default=False)
    entrapment: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class Treatment(Stamped, Base):
    """What was done to one muscle / trigger point and how the tissue answered."""

    __tablename__ = "treatments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    muscle_id: Mapped[str] = mapped_column(String(60))
    side: Mapped[str] = mapped_column(String(10))
    trigger_point_id: Mapped[str] = mapped_column(String(30), default="")
    technique: Mapped[str] = mapped_column(String(200))
    pressure_tolerance: Mapped[int | None] = mapped_column(Integer)
    hold_seconds: Mapped[int | None] = mapped_column(Integer)
    repetitions: Mapped[int | None] = mapped_column(Integer)
    # Revision 0007: every hold's length in seconds, in order ([20, 10]); ``hold_seconds``
    # and ``repetitions`` stay as the summary older readers know (equal holds: each length).
    hold_lengths: Mapped[list[int] | None] = mapped_column(JSON, default=list)
    response: Mapped[str] = mapped_column(Text, default="")


class FollowUp(Stamped, Base):
    """Added in revision 0002: how the client fared after the visit."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    soreness_hours: Mapped[float | None] = mapped_column(Float)
    relief_days: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class Observation(Stamped, Base):
    """Added in revision 0003: one assessment observation of the visit.

    ``kind`` is posture, gait, ischemia or entrapment; ``item`` is the id of the observation,
    ischemia sign or entrapment site in ``resources/assessment.yaml``. ``region`` names the
    body-map region of an ischemia sign (or where an entrapment is felt), ``side`` is the
    client's side (left, right, both, midline, or empty for an unsided observation).
    """

    __tablename__ = "observations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    item: Mapped[str] = mapped_column(String(60))
    region: Mapped[str] = mapped_column(String(60), default="")
    side: Mapped[str] = mapped_column(String(10), default="")
    severity: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")


class HistoryEntry(Base):
    """Added in revision 0004: one applied operation, append-only (never updated or deleted).

    ``kind``/``op`` are ``core.operations`` names; ``row_uid`` the row changed, ``version``
    the version the operation left it at; ``before``/``after`` JSON values as in the
    operation (whole rows for add, delete and restore; the changed fields for change and
    move). ``who`` is the therapist the store was opened for (``ChartStore.who``).
    """

    __tablename__ = "history"
    __table_args__ = (
        Index("ix_history_client_id_id", "client_id", "id"),
        Index("ix_history_row_uid", "row_uid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    who: Mapped[str] = mapped_column(String(200), default="")
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    client_uid: Mapped[str] = mapped_column(String(36))
    visit_uid: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20))
    row_uid: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(Integer)
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)


class Amendment(Base):
    """Added in revision 0006: a correction of a signed visit, append-only.

    ``kind``/``row_uid``/``field`` name what is corrected (the visit itself or one of its
    rows), ``before`` the value it had (the original, or the previous amendment's),
    ``after`` the new value (JSON values); the signed row itself keeps its original.
    ``signature`` chains the amendment to the visit's signature (core/signing.py).
    """

    __tablename__ = "amendments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, index=True, default=new_row_id)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    row_uid: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    amended_by: Mapped[str] = mapped_column(String(200))
    amended_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    signature: Mapped[str] = mapped_column(String(64))


class Consent(Base):
    """Added in revision 0006: consent to treatment recorded at intake, append-only (a new
    consent is a new row; the newest is the one in force). ``text_version`` names the text
    of ``resources/consent.yaml`` agreed to; ``typed_name`` and/or ``drawing`` (SVG path
    data of the drawn signature, ``core/consent.py``)."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, index=True, default=new_row_id)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    text_version: Mapped[str] = mapped_column(String(60))
    consented_on: Mapped[date] = mapped_column(Date)
    typed_name: Mapped[str] = mapped_column(String(200), default="")
    drawing: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
