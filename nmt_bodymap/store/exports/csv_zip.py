"""The chart as CSV: one file per table, zipped (for a spreadsheet or another system).

Every table has the columns of its JSON rows (``docs/export-format.md``); a visit's rows
carry ``visit_id``, visits, the intake and its complaints ``client_id`` (ids of the chart
that wrote the file), so the tables join. Red-flag answers are one row per question.
A ``README.txt`` in the zip names the format and its version.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from nmt_bodymap.store.exports import schema
from nmt_bodymap.store.exports.chart import write_private

VISIT_TABLES: dict[str, type[BaseModel]] = {
    "pain_marks": schema.PainMarkData,
    "findings": schema.FindingData,
    "treatments": schema.TreatmentData,
    "observations": schema.ObservationData,
    "follow_ups": schema.FollowUpData,
    "amendments": schema.AmendmentData,  # of signed visits (schema 2)
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):  # a treatment's holds: "20; 10"
        return "; ".join(_text(item) for item in value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_text(row.get(c)) for c in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: spreadsheets read UTF-8


def _columns(
    model: type[BaseModel], rows: list[dict[str, Any]], skip: tuple[str, ...] = ()
) -> list[str]:
    """The model's columns (uid and version only when some row carries them)."""
    present = {key for row in rows for key in row}
    return [
        name
        for name in model.model_fields
        if name not in skip and (name not in ("uid", "version") or name in present)
    ]


def chart_tables(chart: schema.ChartExport) -> dict[str, tuple[list[str], list[dict[str, Any]]]]:
    """Table name -> (columns, rows)."""
    data = chart.model_dump(exclude_unset=True)
    client = data["client"]
    tables = {"client": (_columns(schema.ClientData, [client]), [client])}
    intake = data["intake"]
    if intake is not None:
        complaints = [{"client_id": client["id"], **c} for c in intake.pop("complaints")]
        flags = intake.pop("red_flags")
        tables["intake"] = (
            ["client_id", *_columns(schema.IntakeData, [intake], ("complaints", "red_flags"))],
            [{"client_id": client["id"], **intake}],
        )
        tables["complaints"] = (
            ["client_id", *_columns(schema.ComplaintData, complaints)],
            complaints,
        )
        tables["red_flags"] = (
            ["client_id", "question", "answer"],
            [{"client_id": client["id"], "question": q, "answer": a} for q, a in flags.items()],
        )
    visits = [{"client_id": client["id"], **v} for v in data["visits"]]
    for name, model in VISIT_TABLES.items():
        rows = [{"visit_id": v["id"], **row} for v in visits for row in v.pop(name, [])]
        tables[name] = (["visit_id", *_columns(model, rows)], rows)
    consents = [{"client_id": client["id"], **c} for c in data.get("consents", [])]
    tables["consents"] = (["client_id", *_columns(schema.ConsentData, consents)], consents)
    tables["visits"] = (
        ["client_id", *_columns(schema.VisitData, visits, tuple(VISIT_TABLES))],
        visits,
    )
    return tables


def write_csv_zip(chart: schema.ChartExport, path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "README.txt",
            f"{schema.FORMAT} CSV tables, schema version {schema.SCHEMA_VERSION}. "
            "One file per table; visit_id joins a visit's rows to visits.csv.\n",
        )
        for name, (columns, rows) in chart_tables(chart).items():
            archive.writestr(f"{name}.csv", _table(rows, columns))
    return write_private(path, buffer.getvalue())
