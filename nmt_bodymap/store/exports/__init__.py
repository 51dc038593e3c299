"""Exports of one client's whole chart: the app's JSON, zipped CSV tables, a FHIR R4 Bundle.

    chart = read_chart(store, client_id)        # the document every format starts from
    export_chart(store, client_id, "json", Path("ana.json"))

Files are written atomically and readable by the owner only: they hold client data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from nmt_bodymap.store.exports.chart import chart_json, read_chart, write_json
from nmt_bodymap.store.exports.csv_zip import write_csv_zip
from nmt_bodymap.store.exports.fhir import fhir_bundle, write_fhir
from nmt_bodymap.store.exports.schema import FORMAT, SCHEMA_VERSION, ChartExport

ExportFormat = Literal["json", "csv", "fhir"]
EXPORT_FORMATS: tuple[str, ...] = ("json", "csv", "fhir")

__all__ = [
    "EXPORT_FORMATS",
    "FORMAT",
    "SCHEMA_VERSION",
    "ChartExport",
    "ExportFormat",
    "chart_json",
    "export_chart",
    "fhir_bundle",
    "read_chart",
]


def export_chart(store: Any, client_id: int, fmt: str, path: Path) -> Path:
    """Write the client's chart as ``fmt`` (json, csv or fhir) to ``path``."""
    chart = read_chart(store, client_id)
    writer = {"json": write_json, "csv": write_csv_zip, "fhir": write_fhir}.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r} (json, csv or fhir)")
    return writer(chart, Path(path))
