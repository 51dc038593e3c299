"""The app's own chart export: a pydantic model of the versioned JSON document.

One document holds one client's whole chart: the client, the intake with its complaints,
and every visit with what was charted in it (pain marks, findings, treatments, assessment
observations, follow-ups), rows removed by undo/delete included (``deleted_at`` set).
``docs/export-format.md`` describes every field. ``format`` names the kind of file and
``schema_version`` its version: a reader refuses a file of another format or of a newer
version than it knows. Unknown keys are refused too, so a typo or a foreign file never
passes silently. ``id`` fields are the ids in the chart that wrote the file (they tie the
CSV tables together); an import gives every row a new id. ``uid`` and ``version`` are
written only when the chart's records carry them. The chart's own fields are declared once,
in ``store/records.py`` (``PainMarkFields``...): a model adds only its ids and stamps.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from nmt_bodymap.store.records import (
    ClientFields,
    ComplaintFields,
    FindingFields,
    FollowUpFields,
    IntakeFields,
    ObservationFields,
    PainMarkFields,
    TreatmentFields,
    VisitFields,
)

FORMAT: Final = "nmt-bodymap-chart"
# 2 (issue 16): a visit carries its signature (signed_by, signed_at, signature) and its
# amendments, the chart its consents; a version 1 file reads as unsigned visits without
# amendments and no consent.
SCHEMA_VERSION = 2


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")

    uid: str | None = None
    version: int | None = None


class _IdRow(_Row):
    id: int


class _VisitRow(_IdRow):
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class ClientData(ClientFields, _IdRow):
    name: str = Field(min_length=1)
    created_at: datetime
    updated_at: datetime


class ComplaintData(ComplaintFields, _IdRow):
    description: str = Field(min_length=1)


class IntakeData(IntakeFields, _Row):
    complaints: list[ComplaintData]
    updated_at: datetime


class PainMarkData(PainMarkFields, _VisitRow):
    pass


class FindingData(FindingFields, _VisitRow):
    pass


class TreatmentData(TreatmentFields, _VisitRow):
    pass


class ObservationData(ObservationFields, _VisitRow):
    pass


class FollowUpData(FollowUpFields, _VisitRow):
    pass


class AmendmentData(_Row):
    """A correction of a signed visit: ``target`` is the uid of the row (or of the visit)
    in the file; ``before`` is the original (or the previous amendment's value)."""

    kind: str
    target: str
    field: str
    before: Any
    after: Any
    reason: str = Field(min_length=1)
    amended_by: str
    amended_at: datetime
    signature: str


class VisitData(VisitFields, _IdRow):
    created_at: datetime
    updated_at: datetime
    pain_marks: list[PainMarkData]
    findings: list[FindingData]
    treatments: list[TreatmentData]
    observations: list[ObservationData]
    follow_ups: list[FollowUpData]
    signed_by: str = ""
    signed_at: datetime | None = None
    signature: str = ""
    amendments: list[AmendmentData] = []


class ConsentData(_Row):
    """A consent to treatment (schema 2): the text version agreed to, the date, the typed
    name and/or the drawn signature (SVG path data), who recorded it and when."""

    text_version: str
    consented_on: date
    typed_name: str
    drawing: str
    recorded_by: str
    recorded_at: datetime


class ChartExport(BaseModel):
    """The whole file. ``visits`` are oldest first."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["nmt-bodymap-chart"]
    schema_version: int = Field(ge=1)
    exported_at: datetime
    app_version: str
    client: ClientData
    intake: IntakeData | None
    visits: list[VisitData]
    consents: list[ConsentData] = []  # oldest first; the newest is in force (schema 2)
