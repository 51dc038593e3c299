"""``ChartStore``'s calls for signed visits (sign, amend, list amendments, check the
signature: each one transaction through ``store/apply.py``, history included) and for the
consent to treatment recorded at intake (``store/consent.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from nmt_bodymap.core.operations import RowKind
from nmt_bodymap.core.signing import Amend, SignVisit
from nmt_bodymap.store import consent
from nmt_bodymap.store.base import ChartStoreBase
from nmt_bodymap.store.consent import ConsentRecord
from nmt_bodymap.store.models import Client, Visit
from nmt_bodymap.store.reading import get_row
from nmt_bodymap.store.records import VisitRecord
from nmt_bodymap.store.signing import AmendmentRecord, amendments_of, signature_intact


class SigningCalls(ChartStoreBase):
    def sign_visit(
        self, visit: int | str, signed_by: str | None = None, base_version: int | None = None
    ) -> VisitRecord:
        """Sign the visit (id or uid) as ``signed_by`` (default: the store's ``who``), at
        ``base_version`` (default: as stored now). Not undoable."""
        with self._write() as session:
            row = get_row(session, Visit, visit, "Visit")
            op = SignVisit(
                row.uid,
                signed_by or self.who,
                row.version if base_version is None else base_version,
            )
            record: Any = self._apply(session, op).record  # type: ignore[arg-type]
            return record  # type: ignore[no-any-return]

    def amend(
        self,
        visit: int | str,
        kind: RowKind | str,
        target: str,
        field: str,
        after: Any,
        reason: str,
    ) -> AmendmentRecord:
        """Record an amendment of ``field`` of row ``target`` (uid) in the signed visit."""
        with self._write() as session:
            row = get_row(session, Visit, visit, "Visit")
            op = Amend(row.uid, RowKind(kind), target, field, after, reason)
            record: Any = self._apply(session, op).record  # type: ignore[arg-type]
            return record  # type: ignore[no-any-return]

    def list_amendments(self, visit: int | str) -> list[AmendmentRecord]:
        """The visit's amendments, oldest first."""
        with self._sessions() as session:
            return amendments_of(session, get_row(session, Visit, visit, "Visit", True))

    def signature_intact(self, visit: int | str) -> bool:
        """True when the signed visit still charts exactly what was signed."""
        with self._sessions() as session:
            return signature_intact(session, get_row(session, Visit, visit, "Visit", True))

    def record_consent(
        self,
        client: int | str,
        text_version: str,
        consented_on: Any,
        typed_name: str = "",
        drawing: str = "",
        recorded_by: str | None = None,
        recorded_at: datetime | None = None,
    ) -> ConsentRecord:
        """Record the client's consent to treatment (the text version agreed to, the date,
        a typed name and/or a drawn signature as SVG path data). An import passes who
        recorded it and when."""
        with self._write() as session:
            row = get_row(session, Client, client, "Client")
            return consent.record_consent(
                session,
                row,
                recorded_by or self.who,
                text_version,
                consented_on,
                typed_name,
                drawing,
                recorded_at,
            )

    def list_consents(self, client: int | str) -> list[ConsentRecord]:
        """Every consent recorded for the client, oldest first."""
        with self._sessions() as session:
            row = get_row(session, Client, client, "Client", True)
            return consent.consents_of(session, row.id)

    def latest_consent(self, client: int | str) -> ConsentRecord | None:
        """The consent in force (the newest recorded), or None."""
        with self._sessions() as session:
            row = get_row(session, Client, client, "Client", True)
            return consent.latest_consent(session, row.id)
