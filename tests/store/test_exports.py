"""Chart exports: the JSON document, the zipped CSV tables and the FHIR R4 bundle."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.demo import seed_demo_client
from nmt_bodymap.store.exports import (
    FORMAT,
    SCHEMA_VERSION,
    ChartExport,
    export_chart,
    fhir_bundle,
    read_chart,
)
from nmt_bodymap.store.exports.fhir import validate_bundle


def _demo(store: ChartStore) -> int:
    client = seed_demo_client(store)
    first = store.list_visits(client.id)[-1]
    removed = store.add_pain_mark(
        first.id,
        view="anterior",
        x=549.28,
        y=512.1,
        region="pectoral",
        side="left",
        intensity=2,
        quality="ache",
    )
    store.delete_pain_mark(removed.id)
    return client.id


def test_json_export_holds_the_whole_chart_and_validates(store: ChartStore, tmp_path: Path) -> None:
    client_id = _demo(store)
    path = export_chart(store, client_id, "json", tmp_path / "chart.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["schema_version"] == SCHEMA_VERSION
    assert path.stat().st_mode & 0o077 == 0, "an export holds client data: owner only"
    ChartExport.model_validate(data)
    assert data["client"]["name"] == "Demo Client (sample data)"
    assert [c["description"] for c in data["intake"]["complaints"]] == [
        "Right-sided headache at the temple",
        "Stiff neck turning to the right",
    ]
    visits = data["visits"]
    assert len(visits) == 3 and visits[0]["started_at"] < visits[1]["started_at"]
    first = visits[0]
    regions = [(m["region"], m["side"], m["deleted_at"] is None) for m in first["pain_marks"]]
    assert regions == [
        ("temple", "right", True),
        ("posterior_neck", "right", True),
        ("neck_shoulder_angle", "right", True),
        ("pectoral", "left", False),  # removed rows travel with the chart, marked removed
    ]
    assert [f["muscle_id"] for f in first["findings"]] == ["upper_trapezius", "sternocleidomastoid"]
    assert first["treatments"][0]["technique"] == "Ischemic compression"
    assert len(first["observations"]) == 5 and first["follow_ups"][0]["relief_days"] == 4
    # uid/version appear only when the chart's records carry them
    has_uid = hasattr(store.get_client(client_id), "uid")
    assert ("uid" in data["client"]) == has_uid


def test_csv_export_is_one_table_per_file(store: ChartStore, tmp_path: Path) -> None:
    client_id = _demo(store)
    path = export_chart(store, client_id, "csv", tmp_path / "chart.zip")
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        assert {
            "client.csv",
            "intake.csv",
            "complaints.csv",
            "red_flags.csv",
            "visits.csv",
            "pain_marks.csv",
            "findings.csv",
            "treatments.csv",
            "observations.csv",
            "follow_ups.csv",
        } <= names

        def table(name: str) -> list[dict[str, str]]:
            text = archive.read(name).decode("utf-8-sig")
            return list(csv.DictReader(io.StringIO(text)))

        visits = table("visits.csv")
        marks = table("pain_marks.csv")
    assert len(visits) == 3
    visit_ids = {v["id"] for v in visits}
    assert len(marks) == 7 and {m["visit_id"] for m in marks} == visit_ids
    temple = next(m for m in marks if m["region"] == "temple" and m["intensity"] == "7")
    assert temple["side"] == "right" and temple["quality"] == "throbbing"


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_fhir_bundle_validates_and_says_where_and_which_side(store: ChartStore) -> None:
    client_id = _demo(store)
    bundle = fhir_bundle(read_chart(store, client_id))
    validate_bundle(bundle)  # raises when invalid
    (patient,) = _resources(bundle, "Patient")
    assert patient["name"][0]["text"] == "Demo Client (sample data)"
    assert patient["birthDate"] == "1981-04-17"
    assert len(_resources(bundle, "Encounter")) == 3
    observations = _resources(bundle, "Observation")
    pain = [o for o in observations if o["code"].get("coding", [{}])[0].get("code") == "72514-3"]
    assert len(pain) == 6, "six live pain marks; the removed one is left out"
    temple = next(
        o for o in pain if o["bodySite"]["text"] == "Right temple" and o["valueInteger"] == 7
    )
    laterality = temple["extension"][0]["valueCodeableConcept"]["coding"][0]
    assert (laterality["system"], laterality["code"]) == ("http://snomed.info/sct", "24028007")
    findings = [o for o in observations if o["code"]["text"] == "Myofascial trigger point"]
    assert {o["bodySite"]["text"] for o in findings} == {"Upper trapezius", "Sternocleidomastoid"}
    procedures = _resources(bundle, "Procedure")
    assert len(procedures) == 3 and all(p["status"] == "completed" for p in procedures)
    refs = {e["fullUrl"] for e in bundle["entry"]}
    for resource in [*observations, *procedures]:
        assert resource["subject"]["reference"] in refs
        assert resource["encounter"]["reference"] in refs


def test_an_invalid_bundle_is_refused() -> None:
    import pytest

    from nmt_bodymap.store.exports.fhir import FhirExportError

    bad = {"resourceType": "Bundle", "type": "not-a-bundle-type", "entry": []}
    with pytest.raises(FhirExportError, match="type"):
        validate_bundle(bad)
    bilateral = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": {"resourceType": "Observation", "status": "final"}}],
    }
    with pytest.raises(FhirExportError, match="code"):
        validate_bundle(bilateral)


def _held(store: ChartStore) -> tuple[int, int]:
    """A client with one visit and two treatments: holds of 20 s then 10 s, and one of 30 s."""
    client = store.create_client(name="Ana Ruiz")
    visit = store.create_visit(client.id)
    common = {"muscle_id": "upper_trapezius", "side": "right", "technique": "Pincer compression"}
    store.add_treatment(visit.id, **common, pressure_tolerance=6, hold_lengths=[20, 10])
    store.add_treatment(visit.id, **{**common, "side": "left"}, hold_lengths=[30])
    return client.id, visit.id


def test_every_hold_of_a_treatment_travels_in_each_export(
    store: ChartStore, tmp_path: Path
) -> None:
    """Issue 15/20: 20 s then 10 s is exported as both lengths, in order, in the JSON, the
    CSV table and the FHIR note, never as one length."""
    client_id, _visit = _held(store)
    data = json.loads(export_chart(store, client_id, "json", tmp_path / "c.json").read_text())
    assert [t["hold_lengths"] for t in data["visits"][0]["treatments"]] == [[20, 10], [30]]
    with zipfile.ZipFile(export_chart(store, client_id, "csv", tmp_path / "c.zip")) as archive:
        text = archive.read("treatments.csv").decode("utf-8-sig")
    assert [row["hold_lengths"] for row in csv.DictReader(io.StringIO(text))] == ["20; 10", "30"]
    bundle = fhir_bundle(read_chart(store, client_id))
    validate_bundle(bundle)
    notes = [p["note"][0]["text"] for p in _resources(bundle, "Procedure")]
    assert notes == ["2 holds: 20 s, 10 s, pressure tolerance 6/10", "hold 30 s"]


def test_an_older_export_without_the_list_imports_the_holds_its_count_implies(
    store: ChartStore, tmp_path: Path
) -> None:
    """A file written before revision 0007 has one length and a count, no list."""
    from nmt_bodymap.store.import_chart import import_chart

    client_id, _visit = _held(store)
    data = json.loads(export_chart(store, client_id, "json", tmp_path / "c.json").read_text())
    for treatment in data["visits"][0]["treatments"]:
        del treatment["hold_lengths"]
        treatment.update(hold_seconds=30, repetitions=3)
    older = tmp_path / "older.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    imported = import_chart(store, older)
    (visit,) = store.list_visits(imported.id)
    assert [t.hold_lengths for t in store.list_treatments(visit.id)] == [[30, 30, 30]] * 2
    bundle = fhir_bundle(read_chart(store, imported.id))
    notes = [p["note"][0]["text"] for p in _resources(bundle, "Procedure")]
    assert notes[0].startswith("3 holds: 30 s, 30 s, 30 s")
