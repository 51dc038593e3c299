"""Read one client's whole chart through ``ChartStore``'s public read methods.

``read_chart`` builds the :class:`ChartExport` document every export starts from (JSON as
it is; CSV and FHIR are made from it), so all three formats say the same thing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nmt_bodymap import __version__, paths
from nmt_bodymap.store.exports.schema import (
    FORMAT,
    SCHEMA_VERSION,
    AmendmentData,
    ChartExport,
    ClientData,
    ComplaintData,
    ConsentData,
    FindingData,
    FollowUpData,
    IntakeData,
    ObservationData,
    PainMarkData,
    TreatmentData,
    VisitData,
)

_OPTIONAL = ("uid", "version")


def record_values(record: Any, model: type[Any], skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The record's values for the fields ``model`` declares; ``uid`` and ``version`` only
    when the record has them (charts before the history work do not)."""
    values: dict[str, Any] = {}
    for name in model.model_fields:
        if name in skip:
            continue
        if name in _OPTIONAL:
            value = getattr(record, name, None)
            if value is not None:
                values[name] = str(value) if name == "uid" else value
            continue
        values[name] = getattr(record, name)
    return values


def _rows(records: list[Any], model: type[Any]) -> list[Any]:
    return [model(**record_values(r, model)) for r in records]


def read_chart(store: Any, client_id: int) -> ChartExport:
    """The client's chart as an export document (raises ``ChartNotFound`` if absent)."""
    client = store.get_client(client_id)
    intake = store.get_intake(client_id)
    intake_data = None
    if intake is not None:
        values = record_values(intake, IntakeData, skip=("complaints",))
        values["complaints"] = _rows(list(intake.complaints), ComplaintData)
        values["red_flags"] = dict(intake.red_flags)
        intake_data = IntakeData(**values)
    visits = []
    for visit in sorted(store.list_visits(client_id), key=lambda v: (v.started_at, v.id)):
        values = record_values(
            visit,
            VisitData,
            skip=(
                "pain_marks",
                "findings",
                "treatments",
                "observations",
                "follow_ups",
                "amendments",
            ),
        )
        amendments = [
            AmendmentData(**record_values(a, AmendmentData, skip=("version",)))
            for a in store.list_amendments(visit.id)
        ]
        visits.append(
            VisitData(
                **values,
                pain_marks=_rows(store.list_pain_marks(visit.id, True), PainMarkData),
                findings=_rows(store.list_findings(visit.id, True), FindingData),
                treatments=_rows(store.list_treatments(visit.id, True), TreatmentData),
                observations=_rows(store.list_observations(visit.id, True), ObservationData),
                follow_ups=_rows(store.list_follow_ups(visit.id, True), FollowUpData),
                amendments=amendments,
            )
        )
    return ChartExport(
        format=FORMAT,
        schema_version=SCHEMA_VERSION,
        exported_at=datetime.now(UTC),
        app_version=__version__,
        client=ClientData(**record_values(client, ClientData)),
        intake=intake_data,
        visits=visits,
        consents=[
            ConsentData(**record_values(c, ConsentData)) for c in store.list_consents(client_id)
        ],
    )


def chart_json(chart: ChartExport) -> str:
    """The document as JSON text (keys in schema order, two-space indent)."""
    return chart.model_dump_json(indent=2, exclude_unset=True) + "\n"


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, readable by the owner only (client data)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return paths.write_private(path, data, prefix=".export-")


def write_json(chart: ChartExport, path: Path) -> Path:
    return write_private(path, chart_json(chart).encode("utf-8"))
