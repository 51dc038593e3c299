"""The id-based calls for clients, intakes and visits: reads, and writes as thin wrappers
over operations (see ``store/base.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import Operation, OpKind, RowKind, new_row_id
from nmt_bodymap.store import history
from nmt_bodymap.store import validation as v
from nmt_bodymap.store.apply import name_keys
from nmt_bodymap.store.base import ChartStoreBase
from nmt_bodymap.store.errors import ChartValidationError
from nmt_bodymap.store.models import Client, Intake, PainMark, Visit
from nmt_bodymap.store.reading import get_row, intake_record, visit_rows
from nmt_bodymap.store.records import (
    ChartRecord,
    ClientRecord,
    IntakeRecord,
    PainMarkRecord,
    VisitRecord,
    as_record,
    to_record,
)

_LAST_CHARACTER = "\U0010ffff"


def _birth_year(year: int | None) -> int | None:
    """``born_in`` checked: a year a client can be born in (1800-9998), else a clear error."""
    if year is None:
        return None
    if isinstance(year, bool) or not isinstance(year, int) or not 1800 <= year < 9999:
        raise ChartValidationError(
            f"Birth year must be a year such as 1975 (got {year!r}).", field="born_in"
        )
    return year


class ClientCalls(ChartStoreBase):
    # -- clients ---------------------------------------------------------------------------

    def create_client(self, **fields: Any) -> ClientRecord:
        return as_record(
            ClientRecord, self._add_row(RowKind.CLIENT, None, v.clean(v.ClientInput, fields))
        )

    def update_client(self, client_id: int, **changes: Any) -> ClientRecord:
        values = v.clean(v.ClientInput, changes, partial=True)
        return as_record(ClientRecord, self._edit_row(RowKind.CLIENT, client_id, values))

    def get_client(self, client_id: int | str) -> ClientRecord:
        """A client by integer id or uid."""
        with self._sessions() as session:
            return to_record(ClientRecord, get_row(session, Client, client_id, "Client"))

    def search_clients(
        self,
        name_prefix: str = "",
        date_of_birth: Any = None,
        limit: int = 20,
        born_in: int | None = None,
    ) -> list[ClientRecord]:
        """Clients whose full name or surname starts with ``name_prefix`` (any case),
        born on ``date_of_birth`` and in the year ``born_in`` if given; by name.
        All empty: the recent clients.

        The birth year is a range on the indexed ``date_of_birth`` column, so it runs in
        SQL whatever the number of clients."""
        born = v.clean_one(v.ClientInput, "date_of_birth", date_of_birth)
        prefix = name_keys(name_prefix)[0] if name_prefix.strip() else ""
        year = _birth_year(born_in)
        if not prefix and born is None and year is None:
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
        if year is not None:
            query = query.where(
                Client.date_of_birth >= date(year, 1, 1),
                Client.date_of_birth < date(year + 1, 1, 1),
            )
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
        starts: ColumnElement[bool] = column.like(escaped + "%", escape="\\")
        return starts

    # -- intake ----------------------------------------------------------------------------

    def get_intake(self, client_id: int | str) -> IntakeRecord | None:
        with self._sessions() as session:
            client = get_row(session, Client, client_id, "Client")
            intake = self._intake_of(session, client.id)
            return None if intake is None else intake_record(session, intake)

    def save_intake(
        self, client_id: int, complaints: list[Mapping[str, Any]] | None = None, **fields: Any
    ) -> IntakeRecord:
        """Save the intake form; ``complaints`` (when given) replaces the list of complaints
        (the replaced ones are kept, stamped deleted)."""
        values = v.clean(v.IntakeInput, fields, partial=True)
        if complaints is not None:
            cleaned = [v.clean(v.ComplaintInput, c) for c in complaints]
            values["complaints"] = [history.json_value(c) for c in cleaned]
        with self._write() as session:
            client = get_row(session, Client, client_id, "Client")
            intake = self._intake_of(session, client.id, lock=True)
            if intake is None:
                op = Operation(
                    OpKind.ADD, RowKind.INTAKE, new_row_id(), None, None, values, None, client.uid
                )
            else:
                op = self._change_ops(session, RowKind.INTAKE, intake, values, OpKind.CHANGE)
            return as_record(IntakeRecord, self._apply(session, op).record)

    @staticmethod
    def _intake_of(session: Session, client_id: int, lock: bool = False) -> Intake | None:
        query = select(Intake).where(Intake.client_id == client_id)
        return session.scalars(query.with_for_update() if lock else query).first()

    # -- visits ----------------------------------------------------------------------------

    def create_visit(self, client_id: int, **fields: Any) -> VisitRecord:
        fields.setdefault("started_at", datetime.now(UTC))
        return as_record(
            VisitRecord, self._add_row(RowKind.VISIT, client_id, v.clean(v.VisitInput, fields))
        )

    def get_visit(self, visit_id: int | str) -> VisitRecord:
        """A visit by integer id or uid."""
        with self._sessions() as session:
            return to_record(VisitRecord, get_row(session, Visit, visit_id, "Visit"))

    def list_visits(self, client_id: int) -> list[VisitRecord]:
        """The client's visits, newest first."""
        with self._sessions() as session:
            client = get_row(session, Client, client_id, "Client")
            return [to_record(VisitRecord, row) for row in self._visits(session, client.id)]

    def update_visit(self, visit_id: int, **changes: Any) -> VisitRecord:
        """Change the visit's time, therapist, chief complaint, SOAP notes, posture, gait."""
        values = v.clean(v.VisitInput, changes, partial=True)
        return as_record(VisitRecord, self._edit_row(RowKind.VISIT, visit_id, values))

    def open_chart(self, client_id: int) -> ChartRecord:
        with self._sessions() as session:
            client = get_row(session, Client, client_id, "Client")
            visits = tuple(to_record(VisitRecord, row) for row in self._visits(session, client.id))
            marks: tuple[PainMarkRecord, ...] = ()
            if visits:
                marks = tuple(
                    to_record(PainMarkRecord, row)
                    for row in visit_rows(session, PainMark, visits[0].id, False)
                )
            return ChartRecord(to_record(ClientRecord, client), visits, marks)

    @staticmethod
    def _visits(session: Session, client_id: int) -> list[Visit]:
        query = (
            select(Visit)
            .where(Visit.client_id == client_id, Visit.deleted_at.is_(None))
            .order_by(Visit.started_at.desc(), Visit.id.desc())
        )
        return list(session.scalars(query))
