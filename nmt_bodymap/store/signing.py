"""Signing a visit and amending a signed one, inside the caller's transaction (the rule is
``core/signing.py``; ``store/apply.py`` sends ``SignVisit`` and ``Amend`` here and asks
``refuse_if_signed`` before every ordinary operation on a visit's rows).

- ``apply_sign``: locks the visit, checks its version (``ChartConflict`` when it moved on
  since the screen read it), hashes what it charts, stores signed_by, signed_at and the
  signature, and appends a history entry ``op="sign"``. The visit's version is not bumped:
  its charted values did not change (an open document elsewhere stays valid; it is refused
  on its next edit).
- ``apply_amend``: the visit must be signed; the target row must be the visit or one of its
  rows; the new value is validated like an edit. The amendment row keeps the value before
  (the original, or the previous amendment's) and after, the reason, who, when, and its
  signature; the signed row is not changed. History: ``op="amend"`` on the target row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import Operation, RowKind
from nmt_bodymap.core.signing import (
    LOCKED_KINDS,
    SIGNED_REFUSAL,
    Amend,
    SignVisit,
    allows,
    amendment_signature,
    content_hash,
    effective,
    signature_of,
)
from nmt_bodymap.store import history
from nmt_bodymap.store import validation as v
from nmt_bodymap.store.conflicts import ChartConflict, kind_words
from nmt_bodymap.store.errors import ChartNotFound, ChartValidationError
from nmt_bodymap.store.models import Amendment, Client, Visit, utc_now
from nmt_bodymap.store.reading import MODELS, record_of, visit_document
from nmt_bodymap.store.records import Applied


class VisitSigned(ChartValidationError):
    """Refused: the operation would change a signed visit (record an amendment instead)."""

    def __init__(self) -> None:
        super().__init__(SIGNED_REFUSAL)


@dataclass(frozen=True)
class AmendmentRecord:
    """One stored amendment (oldest first when listed)."""

    uid: str
    visit: str  # the visit's uid
    kind: str
    target: str  # the uid of the row amended (the visit's own uid for a visit field)
    field: str
    before: Any
    after: Any
    reason: str
    amended_by: str
    amended_at: datetime
    signature: str


def _record(amendment: Amendment, visit_uid: str) -> AmendmentRecord:
    return AmendmentRecord(
        uid=amendment.uid,
        visit=visit_uid,
        kind=amendment.kind,
        target=amendment.row_uid,
        field=amendment.field,
        before=amendment.before,
        after=amendment.after,
        reason=amendment.reason,
        amended_by=amendment.amended_by,
        amended_at=amendment.amended_at,
        signature=amendment.signature,
    )


def _visit(session: Session, uid: str | None, lock: bool, read: bool = False) -> Visit | None:
    query = select(Visit).where(Visit.uid == uid)
    if lock:
        query = query.with_for_update(read=read)
    return session.scalars(query).first()


def refuse_if_signed(session: Session, op: Operation, row: Any | None) -> None:
    """Raise ``VisitSigned`` when ``op`` would change a signed visit or one of its rows
    (``row`` is the locked row, None for an add). Locks the visit for share, so a signing
    running at the same time waits for this operation or refuses it."""
    if op.kind not in LOCKED_KINDS:
        return
    if op.kind is RowKind.VISIT:
        visit = row
    elif row is not None:
        visit = session.scalars(
            select(Visit).where(Visit.id == row.visit_id).with_for_update(read=True)
        ).first()
    else:
        visit = _visit(session, op.visit, lock=True, read=True)
    if visit is not None and not allows(op.kind, visit.signed_at is not None):
        raise VisitSigned()


def conflict(session: Session, kind: RowKind, row: Any, expected: int | None) -> ChartConflict:
    """The conflict of an operation that read ``row`` at version ``expected``: what is
    stored now, and who changed it last, and when."""
    last = history.last_change(session, row.uid)
    return ChartConflict(
        kind=kind.value,
        row=row.uid,
        current=history.row_values(session, kind, row),
        version=row.version,
        deleted=row.deleted_at is not None,
        expected=expected,
        changed_by=None if last is None else last.who,
        changed_at=None if last is None else last.at,
    )


def _locked_visit(session: Session, uid: str) -> Visit:
    visit = _visit(session, uid, lock=True)
    if visit is None or visit.deleted_at is not None:
        raise ChartNotFound(f"Visit {uid} does not exist.")
    return visit


def apply_sign(session: Session, op: SignVisit, who: str) -> Applied:
    visit = _locked_visit(session, op.visit)
    if visit.signed_at is not None:
        raise ChartValidationError(f"This visit is already signed by {visit.signed_by}.")
    if visit.version != op.base_version:
        raise conflict(session, RowKind.VISIT, visit, op.base_version)
    content = content_hash(visit_document(session, visit.uid).shown())
    signed_at = datetime.fromisoformat(op.signed_at) if op.signed_at else utc_now()
    signature = signature_of(content, op.signed_by, signed_at.isoformat())
    if op.signature and op.signature != signature:
        raise ChartValidationError("A signed visit does not match its signature.")
    visit.signed_by = op.signed_by
    visit.signed_at = signed_at
    visit.signature = signature
    session.flush()
    entry = _history(session, who, visit, RowKind.VISIT, visit.uid, "sign", visit.version)(
        None,
        {"signed_by": visit.signed_by, "signed_at": signed_at.isoformat()},
    )
    return Applied(op, record_of(session, RowKind.VISIT, visit), visit.id, visit.version, entry)


def signature_intact(session: Session, visit: Visit) -> bool:
    """Does the signed visit still chart exactly what was signed? (False when unsigned.)"""
    if visit.signed_at is None:
        return False
    content = content_hash(visit_document(session, visit.uid).shown())
    return signature_of(content, visit.signed_by, visit.signed_at.isoformat()) == visit.signature


def _history(
    session: Session, who: str, visit: Visit, kind: RowKind, row: str, op: str, version: int
) -> Any:
    client = session.get(Client, visit.client_id)
    assert client is not None

    def append(before: dict[str, Any] | None, after: dict[str, Any] | None) -> Any:
        return history.append(
            session,
            who=who,
            client_id=client.id,
            client_uid=client.uid,
            visit_uid=visit.uid,
            kind=kind,
            row_uid=row,
            op=op,
            version=version,
            before=before,
            after=after,
        )

    return append


def amendments_of(session: Session, visit: Visit) -> list[AmendmentRecord]:
    query = select(Amendment).where(Amendment.visit_id == visit.id).order_by(Amendment.id)
    return [_record(a, visit.uid) for a in session.scalars(query)]


def apply_amend(session: Session, op: Amend, who: str) -> Applied:
    stored = session.scalars(select(Amendment).where(Amendment.uid == op.row)).first()
    visit = _locked_visit(session, op.visit)
    if stored is not None:
        same = (stored.row_uid, stored.field, stored.reason) == (op.target, op.field, op.reason)
        if not same or stored.visit_id != visit.id:
            raise ChartValidationError("This amendment was already saved with other values.")
        return Applied(op, _record(stored, visit.uid), stored.id, 1, None, True)
    if visit.signed_at is None:
        raise ChartValidationError("This visit is not signed; change it directly.")
    what = kind_words(op.kind.value)
    if op.kind is RowKind.VISIT:
        target: Any = visit if op.target == visit.uid else None
    else:
        model = MODELS[op.kind]
        target = session.scalars(select(model).where(model.uid == op.target)).first()
        if target is not None and target.visit_id != visit.id:
            raise ChartValidationError(f"This {what} belongs to another visit; nothing changed.")
    if target is None:
        raise ChartNotFound(f"The {what} to amend does not exist.")
    cleaned = v.clean(v.ROW_INPUTS[op.kind], {op.field: op.after}, partial=True)
    after = history.json_value(cleaned.get(op.field))
    original = history.row_values(session, op.kind, target, [op.field])[op.field]
    before = effective(original, amendments_of(session, visit), op.target, op.field)
    if after == before:
        raise ChartValidationError("The amendment does not change anything.", op.field)
    amended_at = datetime.fromisoformat(op.amended_at) if op.amended_at else utc_now()
    values = {
        "kind": op.kind.value,
        "field": op.field,
        "before": before,
        "after": after,
        "reason": op.reason,
        "amended_by": op.amended_by or who,
        "amended_at": amended_at.isoformat(),
    }
    signature = amendment_signature(visit.signature, values)
    if op.signature and op.signature != signature:
        raise ChartValidationError("An amendment does not match its signature.")
    amendment = Amendment(
        **{**values, "amended_at": amended_at},
        uid=op.row,
        row_uid=op.target,
        visit_id=visit.id,
        signature=signature,
    )
    session.add(amendment)
    session.flush()
    entry = _history(session, who, visit, op.kind, op.target, "amend", target.version)(
        {op.field: before}, {op.field: after, "reason": op.reason}
    )
    return Applied(op, _record(amendment, visit.uid), amendment.id, target.version, entry)
