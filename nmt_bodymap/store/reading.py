"""Reading charts inside a session: frozen records of rows, and the open visit as a
``core.visit_document.VisitDocument`` (every row of the visit with its uid and version,
removed rows included, so undo and redo find them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, null, select, type_coerce
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import ROW_FIELDS, VISIT_ROW_KINDS, RowKind
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.store import history
from nmt_bodymap.store.errors import ChartNotFound
from nmt_bodymap.store.models import (
    Client,
    Complaint,
    Finding,
    FollowUp,
    Intake,
    Observation,
    PainMark,
    Treatment,
    UtcDateTime,
    Visit,
)
from nmt_bodymap.store.records import (
    ClientRecord,
    ComplaintRecord,
    FindingRecord,
    FollowUpRecord,
    IntakeRecord,
    ObservationRecord,
    PainMarkRecord,
    TreatmentRecord,
    VisitRecord,
    record_names,
    records_of_rows,
    to_record,
)

MODELS: dict[RowKind, type[Any]] = {
    RowKind.PAIN_MARK: PainMark,
    RowKind.FINDING: Finding,
    RowKind.TREATMENT: Treatment,
    RowKind.OBSERVATION: Observation,
    RowKind.FOLLOW_UP: FollowUp,
    RowKind.VISIT: Visit,
    RowKind.CLIENT: Client,
    RowKind.INTAKE: Intake,
}
RECORDS: dict[RowKind, type[Any]] = {
    RowKind.PAIN_MARK: PainMarkRecord,
    RowKind.FINDING: FindingRecord,
    RowKind.TREATMENT: TreatmentRecord,
    RowKind.OBSERVATION: ObservationRecord,
    RowKind.FOLLOW_UP: FollowUpRecord,
    RowKind.VISIT: VisitRecord,
    RowKind.CLIENT: ClientRecord,
}


def get_row(
    session: Session, model: type[Any], ref: int | str, what: str, deleted_ok: bool = False
) -> Any:
    """A row by integer id or uid; ``ChartNotFound`` when absent (or removed)."""
    if isinstance(ref, str) and not ref.isdigit():
        row = session.scalars(select(model).where(model.uid == ref)).first()
    else:
        row = session.get(model, int(ref))
    if row is None or (row.deleted_at is not None and not deleted_ok):
        raise ChartNotFound(f"{what} {ref} does not exist.")
    return row


def complaints(session: Session, intake_id: int) -> list[Complaint]:
    query = (
        select(Complaint)
        .where(Complaint.intake_id == intake_id, Complaint.deleted_at.is_(None))
        .order_by(Complaint.position)
    )
    return list(session.scalars(query))


def intake_record(session: Session, intake: Intake) -> IntakeRecord:
    listed = tuple(to_record(ComplaintRecord, c) for c in complaints(session, intake.id))
    return to_record(
        IntakeRecord, intake, complaints=listed, red_flags=dict(intake.red_flags or {})
    )


def record_of(session: Session, kind: RowKind, row: Any) -> Any:
    """The frozen record of one row of ``kind``."""
    if kind is RowKind.INTAKE:
        return intake_record(session, row)
    return to_record(RECORDS[kind], row)


def visit_rows(session: Session, model: Any, visit_id: int, include_deleted: bool) -> list[Any]:
    query = select(model).where(model.visit_id == visit_id)
    if not include_deleted:
        query = query.where(model.deleted_at.is_(None))
    return list(session.scalars(query.order_by(model.id)))


def visit_document(session: Session, ref: int | str) -> VisitDocument:
    """The visit (by id or uid) with all its rows, versions and removed flags.

    The rows are read as plain columns, one query per kind, not as ORM objects: a visit
    with 10,000 marks opens in a fraction of the time (issue 18)."""
    visit = get_row(session, Visit, ref, "Visit")
    client = session.get(Client, visit.client_id)
    document = VisitDocument(
        visit.uid,
        history.row_values(session, RowKind.VISIT, visit),
        visit.version,
        client=None if client is None else client.uid,
    )
    for kind in VISIT_ROW_KINDS:
        for uid, values, version, deleted in visit_row_values(session, kind, visit.id):
            document.set_row(kind, uid, values, version, deleted=deleted)
    return document


def visit_row_values(
    session: Session, kind: RowKind, visit_id: int
) -> list[tuple[str, dict[str, Any], int, bool]]:
    """Every row of ``kind`` in the visit, removed ones included, in the order they were
    made: (uid, the values ``history.row_values`` gives, version, removed)."""
    model = MODELS[kind]
    names = sorted(ROW_FIELDS[kind])
    columns = [getattr(model, name) for name in names]
    query = (
        select(model.uid, model.version, model.deleted_at, *columns)
        .where(model.visit_id == visit_id)
        .order_by(model.id)
    )
    rows = session.execute(query).all()
    dated = [i for i, column in enumerate(columns) if _may_hold_dates(column)]
    convert = history.json_value
    out = []
    for uid, version, deleted_at, *values in rows:
        for i in dated:  # only dates and times need turning into JSON values
            values[i] = convert(values[i])
        out.append((uid, dict(zip(names, values, strict=True)), version, deleted_at is not None))
    return out


def _may_hold_dates(column: Any) -> bool:
    try:
        python_type = column.type.python_type
    except NotImplementedError:  # a custom type without one: convert to be safe
        return True
    return not issubclass(python_type, str | int | float | bool | bytes)


@dataclass(frozen=True)
class ClientVisits:
    """A client's visits (newest first, as ``list_visits`` gives them) and the rows of the
    kinds asked for, per visit, as the per-visit list calls give them (removed rows left out).
    """

    visits: list[VisitRecord]
    rows: dict[RowKind, dict[int, list[Any]]]

    def of(self, kind: RowKind, visit_id: int) -> list[Any]:
        return self.rows.get(kind, {}).get(visit_id, [])


def client_visits(session: Session, client_id: int, kinds: Iterable[RowKind]) -> ClientVisits:
    """Every visit of the client with its rows of ``kinds``: one query per kind for all the
    visits, instead of one session and query per visit and kind (issue 18: the progress view
    over 2,000 visits). The records are made from plain columns in their fields' order
    (``records.records_of_rows``), not per field through ``getattr``; the moments are read
    as :class:`_LiveRecords` reads them."""
    client = get_row(session, Client, client_id, "Client")
    live = _LiveRecords(session)
    visits = live.read(
        Visit,
        VisitRecord,
        (Visit.client_id == client.id,),
        (Visit.started_at.desc(), Visit.id.desc()),
    )
    visit_ids = select(Visit.id).where(Visit.client_id == client.id, Visit.deleted_at.is_(None))
    rows: dict[RowKind, dict[int, list[Any]]] = {}
    for kind in kinds:
        if kind not in VISIT_ROW_KINDS:
            raise ValueError(f"{kind.value} rows do not belong to a visit")
        model = MODELS[kind]
        per_visit: dict[int, list[Any]] = {}
        for made in live.read(
            model, RECORDS[kind], (model.visit_id.in_(visit_ids),), (model.visit_id, model.id)
        ):
            per_visit.setdefault(made.visit_id, []).append(made)
        rows[kind] = per_visit
    return ClientVisits(visits, rows)


class _LiveRecords:
    """Records of a table's live rows (``deleted_at`` empty), read as plain columns.

    Issue 18: converting each stored moment through the column type (SQLAlchemy's text to
    ``datetime``, then ``UtcDateTime`` making it aware with ``replace``) was a third of the
    progress view's read (26,000 values over 2,000 visits). So ``deleted_at`` is not read
    (it is empty: that is what the query asks) and, on SQLite, the moments are read as the
    stored text and made aware in one C call each (``datetime.fromisoformat`` of the text
    with ``+00:00``); a text that call does not read as a UTC moment goes through the
    column type as before, and so does every moment on PostgreSQL (no text there)."""

    def __init__(self, session: Session) -> None:
        self.connection = session.connection()
        self.as_text = self.connection.dialect.name == "sqlite"

    def read(self, model: Any, record: type[Any], where: Any, order: Any) -> list[Any]:
        table = model.__table__
        names = record_names(record)
        columns: list[Any] = []
        moments: dict[int, Callable[[Any], Any]] = {}
        for i, name in enumerate(names):
            column = table.c[name]
            if name == "deleted_at":
                columns.append(null().label(name))
            elif self.as_text and isinstance(column.type, UtcDateTime):
                columns.append(type_coerce(column, String).label(name))
                dialect = self.connection.dialect  # the type as this database reads it
                processor = column.type.dialect_impl(dialect).result_processor(dialect, None)
                moments[i] = processor or (lambda text: text)
            else:
                columns.append(column)
        query = select(*columns).where(*where, table.c.deleted_at.is_(None)).order_by(*order)
        rows: Sequence[Sequence[Any]] = self.connection.execute(query).all()
        if moments and rows:
            by_column: list[Sequence[Any]] = list(zip(*rows, strict=True))
            for i, typed in moments.items():
                by_column[i] = [None if v is None else _utc_moment(v, typed) for v in by_column[i]]
            rows = list(zip(*by_column, strict=True))
        return records_of_rows(record, rows)


_FROM_ISO = datetime.fromisoformat


def _utc_moment(text: str, typed: Callable[[Any], Any]) -> Any:
    """The aware UTC moment of a stored text (``typed``: the column type's own reading, for
    a text ``fromisoformat`` does not read as a UTC moment)."""
    try:
        moment = _FROM_ISO(text + "+00:00")
    except (ValueError, TypeError):  # not a moment's text: the column type says what it is
        return typed(text)
    return moment if moment.tzinfo is UTC else typed(text)
