"""Reading charts inside a session: frozen records of rows, and the open visit as a
``core.visit_document.VisitDocument`` (every row of the visit with its uid and version,
removed rows included, so undo and redo find them)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import VISIT_ROW_KINDS, RowKind
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
    """The visit (by id or uid) with all its rows, versions and removed flags."""
    visit = get_row(session, Visit, ref, "Visit")
    client = session.get(Client, visit.client_id)
    document = VisitDocument(
        visit.uid,
        history.row_values(session, RowKind.VISIT, visit),
        visit.version,
        client=None if client is None else client.uid,
    )
    for kind in VISIT_ROW_KINDS:
        for row in visit_rows(session, MODELS[kind], visit.id, include_deleted=True):
            document.set_row(
                kind,
                row.uid,
                history.row_values(session, kind, row),
                row.version,
                deleted=row.deleted_at is not None,
            )
    return document
