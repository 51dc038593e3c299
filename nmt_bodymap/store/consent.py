"""Consent to treatment, recorded at intake (``core/consent.py`` checks it). Append-only:
recording again adds a row, the newest is the one in force, none is ever changed. Each
consent appends a history entry (kind ``intake``, op ``consent``) in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import RowKind, new_row_id
from nmt_bodymap.store import history
from nmt_bodymap.store.errors import ChartValidationError
from nmt_bodymap.store.models import Client, Consent, utc_now
from nmt_bodymap.store.records import to_record


@dataclass(frozen=True)
class ConsentRecord:
    uid: str
    client_id: int
    text_version: str
    consented_on: date
    typed_name: str
    drawing: str  # SVG path data of the drawn signature ("" when typed only)
    recorded_by: str
    recorded_at: datetime


def _record(row: Consent) -> ConsentRecord:
    return to_record(ConsentRecord, row)


def record_consent(
    session: Session,
    client: Client,
    who: str,
    text_version: Any,
    consented_on: Any,
    typed_name: Any = "",
    drawing: Any = "",
    recorded_at: datetime | None = None,
) -> ConsentRecord:
    """Record a consent (``recorded_at`` given by an import; ``who`` records it)."""
    from nmt_bodymap.core.consent import check_consent  # its data file: not at chart open

    try:
        version, on, name, path = check_consent(text_version, consented_on, typed_name, drawing)
    except ValueError as exc:
        raise ChartValidationError(str(exc)) from None
    row = Consent(
        uid=new_row_id(),
        client_id=client.id,
        text_version=version,
        consented_on=on,
        typed_name=name,
        drawing=path,
        recorded_by=who,
        recorded_at=recorded_at or utc_now(),
    )
    session.add(row)
    session.flush()
    history.append(
        session,
        who=who,
        client_id=client.id,
        client_uid=client.uid,
        visit_uid=None,
        kind=RowKind.INTAKE,
        row_uid=row.uid,
        op="consent",
        version=1,
        before=None,
        after={
            "consent_version": version,
            "consented_on": on.isoformat(),
            "typed_name": name,
            "drawn_signature": bool(path),
        },
    )
    return _record(row)


def latest_consent(session: Session, client_id: int) -> ConsentRecord | None:
    query = select(Consent).where(Consent.client_id == client_id).order_by(Consent.id.desc())
    row = session.scalars(query.limit(1)).first()
    return None if row is None else _record(row)


def consents_of(session: Session, client_id: int) -> list[ConsentRecord]:
    query = select(Consent).where(Consent.client_id == client_id).order_by(Consent.id)
    return [_record(row) for row in session.scalars(query)]
