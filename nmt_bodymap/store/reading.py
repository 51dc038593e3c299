"""Reading charts inside a session: frozen records of rows, and the open visit as a
``core.visit_document.VisitDocument`` (every row of the visit with its uid and version,
removed rows included, so undo and redo find them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
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
    (``records.records_of_rows``), not per field through ``getattr``."""
    client = get_row(session, Client, client_id, "Client")
    live_visits = (
        _record_columns(Visit, VisitRecord)
        .where(Visit.client_id == client.id, Visit.deleted_at.is_(None))
        .order_by(Visit.started_at.desc(), Visit.id.desc())
    )
    visits = records_of_rows(VisitRecord, session.connection().execute(live_visits).all())
    visit_ids = select(Visit.id).where(Visit.client_id == client.id, Visit.deleted_at.is_(None))
    rows: dict[RowKind, dict[int, list[Any]]] = {}
    for kind in kinds:
        if kind not in VISIT_ROW_KINDS:
            raise ValueError(f"{kind.value} rows do not belong to a visit")
        model, record = MODELS[kind], RECORDS[kind]
        query = (
            _record_columns(model, record)
            .where(model.visit_id.in_(visit_ids), model.deleted_at.is_(None))
            .order_by(model.visit_id, model.id)
        )
        per_visit: dict[int, list[Any]] = {}
        for made in records_of_rows(record, session.connection().execute(query).all()):
            per_visit.setdefault(made.visit_id, []).append(made)
        rows[kind] = per_visit
    return ClientVisits(visits, rows)


def _record_columns(model: Any, record: type[Any]) -> Any:
    """``SELECT`` of the table's columns named as the record's fields, in their order."""
    table = model.__table__
    return select(*(table.c[name] for name in record_names(record)))
