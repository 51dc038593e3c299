"""``ChartStore``: the one object the UI calls to read and change client charts.

No widget juggles sessions: every method is one transaction that commits before it
returns (durable: SQLite runs with ``synchronous=FULL``), or changes nothing and raises.
Input is checked first (``ChartValidationError``, message fit for the screen); rows that
do not exist raise ``ChartNotFound``. Results are frozen records (``store/records.py``).

    store = ChartStore.open()                    # default chart; or a path / SQLAlchemy URL
    client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
    visit = store.create_visit(client.id, chief_complaint="Right temple headache")
    mark = store.add_pain_mark(visit.id, view="anterior", x=120.0, y=80.0,
                               region="temple", side="right", intensity=6, quality="ache")
    store.delete_pain_mark(mark.id); store.restore_pain_mark(mark.id)   # undo
    chart = store.open_chart(client.id)          # client, visits, marks of the latest visit
    store.close()                                # backs up a changed SQLite chart

Clients: create_client, update_client, get_client, search_clients (name prefix of the
full name or the surname, case-insensitive, and/or date of birth), recent_clients,
demo_client. Intake: get_intake, save_intake (with its complaints). Visits: create_visit,
get_visit, list_visits, update_visit. Pain marks: add_pain_mark, move_pain_mark,
update_pain_mark, delete_pain_mark, restore_pain_mark, list_pain_marks. Findings,
treatments, follow-ups, assessment observations (``*_observation(s)``: posture, gait,
ischemia and entrapment, checked against ``resources/assessment.yaml``): add_*, update_*,
delete_*, restore_*, list_*. Backups: backup,
backup_if_due (and automatically on close).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Engine, and_, or_, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from nmt_bodymap import paths
from nmt_bodymap.store import validation as v
from nmt_bodymap.store.backups import (
    POSTGRES_BACKUP_HINT,
    backup_is_due,
    latest_backup,
    take_backup,
)
from nmt_bodymap.store.database import (
    database_url,
    make_engine,
    open_sqlite_chart,
    sqlite_path,
)
from nmt_bodymap.store.errors import (
    ChartDatabaseCorrupt,
    ChartNotFound,
    ChartStoreError,
    ChartValidationError,
)
from nmt_bodymap.store.migrate import upgrade_database
from nmt_bodymap.store.models import (
    Client,
    Complaint,
    Finding,
    FollowUp,
    Intake,
    Observation,
    PainMark,
    Treatment,
    Visit,
    utc_now,
)
from nmt_bodymap.store.records import (
    ChartRecord,
    ClientRecord,
    ComplaintRecord,
    FindingRecord,
    FollowUpRecord,
    IntakeRecord,
    ObservationRecord,
    PainMarkRecord,
    TreatmentRecord,
    VisitRecord,
    to_record,
)

R = TypeVar("R")
_LAST_CHARACTER = "\U0010ffff"


def name_keys(name: str) -> tuple[str, str]:
    """Case-folded full name and last word: what a prefix search matches."""
    key = " ".join(name.casefold().split())
    return key, key.rsplit(" ", 1)[-1]


class ChartStore:
    """Client charts in one database. Create with ``ChartStore.open(...)``."""

    def __init__(self, engine: Engine, backup_on_close: bool = True) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.path: Path | None = sqlite_path(engine.url)
        self.backup_on_close = backup_on_close
        self._changed = False

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls, target: str | os.PathLike[str] | None = None, *, backup_on_close: bool = True
    ) -> ChartStore:
        """Open (creating or upgrading as needed) a SQLite file or a SQLAlchemy URL.

        Raises ``ChartDatabaseCorrupt`` for a damaged file, ``ChartMigrationError`` when the
        schema cannot be brought up to date, ``ChartStoreError`` when a server is unreachable.
        """
        url = database_url(target if target is not None else paths.default_database_path())
        path = sqlite_path(url)
        lock = open_sqlite_chart(path) if path is not None else None  # lock + diagnosis
        engine = make_engine(url)
        try:
            try:
                upgrade_database(engine)
            except BaseException:
                if lock is not None:
                    lock.release()
                raise
        except OperationalError as exc:
            engine.dispose()
            where = path or url.render_as_string(hide_password=True)
            raise ChartStoreError(f"Cannot open the chart database {where}: {exc.orig}") from exc
        except DatabaseError as exc:
            engine.dispose()
            if path is None:
                raise ChartStoreError(f"The chart database failed: {exc.orig}") from exc
            raise ChartDatabaseCorrupt(path, str(exc.orig), latest_backup(path)) from exc
        except BaseException:
            engine.dispose()
            raise
        store = cls(engine, backup_on_close=backup_on_close)
        store._lock = lock
        return store

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Back up a SQLite chart changed since it was opened, then release the database."""
        try:
            if self.backup_on_close and self._changed and self.path is not None:
                take_backup(self.path)
        finally:
            self._engine.dispose()
            if getattr(self, "_lock", None) is not None:
                self._lock.release()

    def __enter__(self) -> ChartStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- backups ---------------------------------------------------------------------------

    def backup(self, destination: Path | None = None) -> Path:
        """Take an online backup now; returns its path (SQLite only)."""
        return take_backup(self._require_file(), destination)

    def backup_if_due(self) -> Path | None:
        """The daily backup: taken when the newest is a day old or there is none."""
        if self.path is None or not backup_is_due(self.path):
            return None
        return take_backup(self.path)

    def _require_file(self) -> Path:
        if self.path is None:
            raise ChartStoreError(POSTGRES_BACKUP_HINT)
        return self.path

    # -- clients ---------------------------------------------------------------------------

    def create_client(self, **fields: Any) -> ClientRecord:
        values = v.clean(v.CLIENT, fields)
        with self._write() as session:
            client = Client(**values)
            client.name_key, client.surname_key = name_keys(client.name)
            session.add(client)
            session.flush()
            return to_record(ClientRecord, client)

    def update_client(self, client_id: int, **changes: Any) -> ClientRecord:
        values = v.clean(v.CLIENT, changes, partial=True)
        with self._write() as session:
            client = self._get(session, Client, client_id, "Client")
            for name, value in values.items():
                setattr(client, name, value)
            client.name_key, client.surname_key = name_keys(client.name)
            session.flush()
            return to_record(ClientRecord, client)

    def get_client(self, client_id: int) -> ClientRecord:
        with self._sessions() as session:
            return to_record(ClientRecord, self._get(session, Client, client_id, "Client"))

    def search_clients(
        self, name_prefix: str = "", date_of_birth: Any = None, limit: int = 20
    ) -> list[ClientRecord]:
        """Clients whose full name or surname starts with ``name_prefix`` (any case),
        born on ``date_of_birth`` if given; by name. Both empty: the recent clients."""
        born = v.clean_one(v.CLIENT, "date_of_birth", date_of_birth)
        prefix = name_keys(name_prefix)[0] if name_prefix.strip() else ""
        if not prefix and born is None:
            return self.recent_clients(limit)
        query = select(Client).where(Client.deleted_at.is_(None))
        if prefix:
            query = query.where(
                or_(
                    self._starts_with(Client.name_key, prefix),
                    self._starts_with(Client.surname_key, prefix),
                )
            )
        if born is not None:
            query = query.where(Client.date_of_birth == born)
        query = query.order_by(Client.name_key, Client.id).limit(limit)
        with self._sessions() as session:
            return [to_record(ClientRecord, c) for c in session.scalars(query)]

    def recent_clients(self, limit: int = 20) -> list[ClientRecord]:
        """Clients most recently added, edited or seen (a visit touches its client)."""
        query = (
            select(Client)
            .where(Client.deleted_at.is_(None))
            .order_by(Client.updated_at.desc(), Client.id.desc())
            .limit(limit)
        )
        with self._sessions() as session:
            return [to_record(ClientRecord, c) for c in session.scalars(query)]

    def demo_client(self) -> ClientRecord | None:
        query = select(Client).where(Client.is_demo.is_(True)).order_by(Client.id).limit(1)
        with self._sessions() as session:
            client = session.scalars(query).first()
            return None if client is None else to_record(ClientRecord, client)

    def _starts_with(self, column: Any, prefix: str) -> ColumnElement[bool]:
        if self._engine.dialect.name == "sqlite":
            # A range on the binary-ordered index: exact for prefixes, index-only.
            return and_(column >= prefix, column < prefix + _LAST_CHARACTER)
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return column.like(escaped + "%", escape="\\")

    # -- intake ----------------------------------------------------------------------------

    def get_intake(self, client_id: int) -> IntakeRecord | None:
        with self._sessions() as session:
            self._get(session, Client, client_id, "Client")
            intake = session.scalars(select(Intake).where(Intake.client_id == client_id)).first()
            return None if intake is None else self._intake_record(session, intake)

    def save_intake(
        self, client_id: int, complaints: list[Mapping[str, Any]] | None = None, **fields: Any
    ) -> IntakeRecord:
        """Save the intake form; ``complaints`` (when given) replaces the list of complaints
        (the replaced ones are kept, stamped deleted)."""
        values = v.clean(v.INTAKE, fields, partial=True)
        cleaned = None if complaints is None else [v.clean(v.COMPLAINT, c) for c in complaints]
        with self._write() as session:
            self._get(session, Client, client_id, "Client")
            intake = session.scalars(select(Intake).where(Intake.client_id == client_id)).first()
            if intake is None:
                intake = Intake(client_id=client_id, red_flags={})
                session.add(intake)
            for name, value in values.items():
                setattr(intake, name, value)
            intake.updated_at = utc_now()
            session.flush()
            if cleaned is not None:
                now = utc_now()
                for old in self._complaints(session, intake.id):
                    old.deleted_at = now
                for position, complaint in enumerate(cleaned):
                    session.add(Complaint(intake_id=intake.id, position=position, **complaint))
                session.flush()
            return self._intake_record(session, intake)

    def _complaints(self, session: Session, intake_id: int) -> list[Complaint]:
        query = (
            select(Complaint)
            .where(Complaint.intake_id == intake_id, Complaint.deleted_at.is_(None))
            .order_by(Complaint.position)
        )
        return list(session.scalars(query))

    def _intake_record(self, session: Session, intake: Intake) -> IntakeRecord:
        complaints = tuple(
            to_record(ComplaintRecord, c) for c in self._complaints(session, intake.id)
        )
        return to_record(
            IntakeRecord, intake, complaints=complaints, red_flags=dict(intake.red_flags or {})
        )

    # -- visits ----------------------------------------------------------------------------

    def create_visit(self, client_id: int, **fields: Any) -> VisitRecord:
        fields.setdefault("started_at", datetime.now(UTC))
        values = v.clean(v.VISIT, fields)
        with self._write() as session:
            client = self._get(session, Client, client_id, "Client")
            client.updated_at = utc_now()
            visit = Visit(client_id=client_id, **values)
            session.add(visit)
            session.flush()
            return to_record(VisitRecord, visit)

    def get_visit(self, visit_id: int) -> VisitRecord:
        with self._sessions() as session:
            return to_record(VisitRecord, self._get(session, Visit, visit_id, "Visit"))

    def list_visits(self, client_id: int) -> list[VisitRecord]:
        """The client's visits, newest first."""
        with self._sessions() as session:
            self._get(session, Client, client_id, "Client")
            return [to_record(VisitRecord, row) for row in self._visits(session, client_id)]

    def update_visit(self, visit_id: int, **changes: Any) -> VisitRecord:
        """Change the visit's time, therapist, chief complaint, SOAP notes, posture, gait."""
        values = v.clean(v.VISIT, changes, partial=True)
        with self._write() as session:
            visit = self._get(session, Visit, visit_id, "Visit")
            for name, value in values.items():
                setattr(visit, name, value)
            session.flush()
            return to_record(VisitRecord, visit)

    def open_chart(self, client_id: int) -> ChartRecord:
        with self._sessions() as session:
            client = self._get(session, Client, client_id, "Client")
            visits = tuple(to_record(VisitRecord, row) for row in self._visits(session, client_id))
            marks: tuple[PainMarkRecord, ...] = ()
            if visits:
                marks = tuple(
                    to_record(PainMarkRecord, row)
                    for row in self._rows(session, PainMark, visits[0].id, False)
                )
            return ChartRecord(to_record(ClientRecord, client), visits, marks)

    def _visits(self, session: Session, client_id: int) -> list[Visit]:
        query = (
            select(Visit)
            .where(Visit.client_id == client_id, Visit.deleted_at.is_(None))
            .order_by(Visit.started_at.desc(), Visit.id.desc())
        )
        return list(session.scalars(query))

    # -- pain marks ------------------------------------------------------------------------

    def add_pain_mark(self, visit_id: int, **fields: Any) -> PainMarkRecord:
        values = v.clean(v.PAIN_MARK, fields)
        v.check_place(
            values["view"], values["region"], values["side"], values.get("x"), values.get("y")
        )
        return self._add(PainMark, PainMarkRecord, visit_id, values)

    def move_pain_mark(
        self,
        mark_id: int,
        x: float | None,
        y: float | None,
        region: str,
        side: str,
        view: str | None = None,
    ) -> PainMarkRecord:
        """Put the mark at a new place (a drag on the diagram, or a new region/side)."""
        changes: dict[str, Any] = {"x": x, "y": y, "region": region, "side": side}
        if view is not None:
            changes["view"] = view
        values = v.clean(v.PAIN_MARK, changes, partial=True)
        with self._write() as session:
            mark = self._get(session, PainMark, mark_id, "Pain mark")
            place = {"view": mark.view, **values}
            v.check_place(place["view"], place["region"], place["side"], place["x"], place["y"])
            for name, value in values.items():
                setattr(mark, name, value)
            session.flush()
            return to_record(PainMarkRecord, mark)

    def update_pain_mark(self, mark_id: int, **changes: Any) -> PainMarkRecord:
        """Change intensity, quality or note (use ``move_pain_mark`` to move it)."""
        place = sorted(set(changes) & {"view", "x", "y", "region", "side"})
        if place:
            raise ChartValidationError(f"Use move_pain_mark to change {place[0]}.", place[0])
        return self._update(PainMark, PainMarkRecord, v.PAIN_MARK, mark_id, changes, "Pain mark")

    def delete_pain_mark(self, mark_id: int) -> PainMarkRecord:
        return self._set_deleted(PainMark, PainMarkRecord, mark_id, True, "Pain mark")

    def restore_pain_mark(self, mark_id: int) -> PainMarkRecord:
        return self._set_deleted(PainMark, PainMarkRecord, mark_id, False, "Pain mark")

    def list_pain_marks(self, visit_id: int, include_deleted: bool = False) -> list[PainMarkRecord]:
        return self._list(PainMark, PainMarkRecord, visit_id, include_deleted)

    # -- findings, treatments, follow-ups ---------------------------------------------------

    def add_finding(self, visit_id: int, **fields: Any) -> FindingRecord:
        return self._add(Finding, FindingRecord, visit_id, v.clean(v.FINDING, fields))

    def update_finding(self, finding_id: int, **changes: Any) -> FindingRecord:
        return self._update(Finding, FindingRecord, v.FINDING, finding_id, changes, "Finding")

    def delete_finding(self, finding_id: int) -> FindingRecord:
        return self._set_deleted(Finding, FindingRecord, finding_id, True, "Finding")

    def restore_finding(self, finding_id: int) -> FindingRecord:
        return self._set_deleted(Finding, FindingRecord, finding_id, False, "Finding")

    def list_findings(self, visit_id: int, include_deleted: bool = False) -> list[FindingRecord]:
        return self._list(Finding, FindingRecord, visit_id, include_deleted)

    def add_treatment(self, visit_id: int, **fields: Any) -> TreatmentRecord:
        return self._add(Treatment, TreatmentRecord, visit_id, v.clean(v.TREATMENT, fields))

    def update_treatment(self, treatment_id: int, **changes: Any) -> TreatmentRecord:
        return self._update(
            Treatment, TreatmentRecord, v.TREATMENT, treatment_id, changes, "Treatment"
        )

    def delete_treatment(self, treatment_id: int) -> TreatmentRecord:
        return self._set_deleted(Treatment, TreatmentRecord, treatment_id, True, "Treatment")

    def restore_treatment(self, treatment_id: int) -> TreatmentRecord:
        return self._set_deleted(Treatment, TreatmentRecord, treatment_id, False, "Treatment")

    def list_treatments(
        self, visit_id: int, include_deleted: bool = False
    ) -> list[TreatmentRecord]:
        return self._list(Treatment, TreatmentRecord, visit_id, include_deleted)

    def add_follow_up(self, visit_id: int, **fields: Any) -> FollowUpRecord:
        return self._add(FollowUp, FollowUpRecord, visit_id, v.clean(v.FOLLOW_UP, fields))

    def update_follow_up(self, follow_up_id: int, **changes: Any) -> FollowUpRecord:
        return self._update(
            FollowUp, FollowUpRecord, v.FOLLOW_UP, follow_up_id, changes, "Follow-up"
        )

    def delete_follow_up(self, follow_up_id: int) -> FollowUpRecord:
        return self._set_deleted(FollowUp, FollowUpRecord, follow_up_id, True, "Follow-up")

    def restore_follow_up(self, follow_up_id: int) -> FollowUpRecord:
        return self._set_deleted(FollowUp, FollowUpRecord, follow_up_id, False, "Follow-up")

    def list_follow_ups(self, visit_id: int, include_deleted: bool = False) -> list[FollowUpRecord]:
        return self._list(FollowUp, FollowUpRecord, visit_id, include_deleted)

    # -- assessment observations -----------------------------------------------------------

    def add_observation(self, visit_id: int, **fields: Any) -> ObservationRecord:
        """Chart one posture, gait, ischemia or entrapment observation of the visit."""
        values = v.clean(v.OBSERVATION, fields)
        values.setdefault("region", "")
        values.setdefault("side", "")
        v.check_observation(values["kind"], values["item"], values["region"], values["side"])
        return self._add(Observation, ObservationRecord, visit_id, values)

    def update_observation(self, observation_id: int, **changes: Any) -> ObservationRecord:
        """Change the region, side, severity or note; what was observed stays (remove the
        observation and add another to change it)."""
        fixed = sorted(set(changes) & {"kind", "item"})
        if fixed:
            raise ChartValidationError(
                "What was observed cannot be changed; remove the observation and add "
                "the right one.",
                fixed[0],
            )
        values = v.clean(v.OBSERVATION, changes, partial=True)
        with self._write() as session:
            row = self._get(session, Observation, observation_id, "Observation")
            place = {"region": row.region, "side": row.side, **values}
            v.check_observation(row.kind, row.item, place["region"], place["side"])
            for name, value in values.items():
                setattr(row, name, value)
            session.flush()
            return to_record(ObservationRecord, row)

    def delete_observation(self, observation_id: int) -> ObservationRecord:
        return self._set_deleted(
            Observation, ObservationRecord, observation_id, True, "Observation"
        )

    def restore_observation(self, observation_id: int) -> ObservationRecord:
        return self._set_deleted(
            Observation, ObservationRecord, observation_id, False, "Observation"
        )

    def list_observations(
        self, visit_id: int, include_deleted: bool = False
    ) -> list[ObservationRecord]:
        """The visit's observations in the order they were charted."""
        return self._list(Observation, ObservationRecord, visit_id, include_deleted)

    # -- the shared mechanics of visit rows -------------------------------------------------

    def _write(self) -> Any:
        self._changed = True
        return self._sessions.begin()

    @staticmethod
    def _get(
        session: Session, model: type[Any], row_id: int, what: str, deleted_ok: bool = False
    ) -> Any:
        row = session.get(model, row_id)
        if row is None or (row.deleted_at is not None and not deleted_ok):
            raise ChartNotFound(f"{what} {row_id} does not exist.")
        return row

    def _add(self, model: type[Any], record: type[R], visit_id: int, values: dict) -> R:
        with self._write() as session:
            self._get(session, Visit, visit_id, "Visit")
            row = model(visit_id=visit_id, **values)
            session.add(row)
            session.flush()
            return to_record(record, row)

    def _update(
        self,
        model: type[Any],
        record: type[R],
        schema: Mapping[str, v.Field],
        row_id: int,
        changes: Mapping[str, Any],
        what: str,
    ) -> R:
        values = v.clean(schema, changes, partial=True)
        with self._write() as session:
            row = self._get(session, model, row_id, what)
            for name, value in values.items():
                setattr(row, name, value)
            session.flush()
            return to_record(record, row)

    def _set_deleted(
        self, model: type[Any], record: type[R], row_id: int, deleted: bool, what: str
    ) -> R:
        """Soft delete (``deleted=True``) or undo it: the row itself is never removed."""
        with self._write() as session:
            row = self._get(session, model, row_id, what, deleted_ok=True)
            row.deleted_at = utc_now() if deleted else None
            session.flush()
            return to_record(record, row)

    def _rows(self, session: Session, model: Any, visit_id: int, include_deleted: bool) -> list:
        query = select(model).where(model.visit_id == visit_id)
        if not include_deleted:
            query = query.where(model.deleted_at.is_(None))
        return list(session.scalars(query.order_by(model.id)))

    def _list(
        self, model: type[Any], record: type[R], visit_id: int, include_deleted: bool
    ) -> list[R]:
        with self._sessions() as session:
            self._get(session, Visit, visit_id, "Visit")
            return [
                to_record(record, row)
                for row in self._rows(session, model, visit_id, include_deleted)
            ]
