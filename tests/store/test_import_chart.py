"""Importing the app's own JSON export: the same chart arrives, a bad file writes nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.core.consent import load_consent
from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.demo import seed_demo_client
from nmt_bodymap.store.exports import SCHEMA_VERSION, chart_json, export_chart, read_chart
from nmt_bodymap.store.import_chart import ImportRefused, import_chart

TABLES = (
    "clients",
    "intakes",
    "complaints",
    "visits",
    "pain_marks",
    "findings",
    "treatments",
    "follow_ups",
    "observations",
    "amendments",
    "consents",
)
# What differs between two charts holding the same record: the ids each chart gave its rows,
# the bookkeeping times of the rows, and when the file was written.
IGNORED = {"id", "created_at", "updated_at", "exported_at", "uid", "version"}


def _comparable(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: (v is not None if key == "deleted_at" else _comparable(v))
            for key, v in value.items()
            if key not in IGNORED
        }
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    with ChartStore.open(tmp_path / "source.sqlite3", backup_on_close=False) as source:
        client = seed_demo_client(source)
        visit = source.list_visits(client.id)[0]
        gone = source.add_finding(
            visit.id,
            muscle_id="levator_scapulae",
            side="left",
            activity="latent",
            note="removed later",
        )
        source.delete_finding(gone.id)
        return export_chart(source, client.id, "json", tmp_path / "demo.json")


def _row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_a_reimported_export_is_the_same_chart(exported: Path, tmp_path: Path) -> None:
    with ChartStore.open(tmp_path / "target.sqlite3", backup_on_close=False) as target:
        assert target.recent_clients() == []
        client = import_chart(target, exported)
        again = json.loads(chart_json(read_chart(target, client.id)))
    original = json.loads(exported.read_text(encoding="utf-8"))
    assert _comparable(again) == _comparable(original)
    assert again["client"]["name"] == "Demo Client (sample data)"
    removed = [f for v in again["visits"] for f in v["findings"] if f["deleted_at"]]
    assert [f["muscle_id"] for f in removed] == ["levator_scapulae"]


def _refused(path: Path, target_path: Path) -> str:
    with ChartStore.open(target_path, backup_on_close=False) as target:
        before = _row_counts(target_path)
        with pytest.raises(ImportRefused) as refused:
            import_chart(target, path)
        assert _row_counts(target_path) == before, "a refused file must write nothing"
    message = str(refused.value)
    assert "\n" not in message and "Demo Client" not in message
    return message


def _edited(exported: Path, tmp_path: Path, change: Any) -> Path:
    data = json.loads(exported.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_corrupt_file_is_refused_and_nothing_written(exported: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.json"
    cut.write_bytes(exported.read_bytes()[:900])
    assert "damaged or not JSON" in _refused(cut, tmp_path / "t.sqlite3")
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert "not a text file" in _refused(binary, tmp_path / "t.sqlite3")


def test_a_foreign_or_newer_file_is_refused(exported: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "bundle.json"
    foreign.write_text('{"resourceType": "Bundle", "type": "collection"}', encoding="utf-8")
    assert "not an NMT Body Map chart export" in _refused(foreign, tmp_path / "t.sqlite3")
    newer = _edited(exported, tmp_path, lambda d: d.update(schema_version=SCHEMA_VERSION + 1))
    assert "newer NMT Body Map" in _refused(newer, tmp_path / "t.sqlite3")


def test_a_file_off_the_schema_is_refused_with_where(exported: Path, tmp_path: Path) -> None:
    def bad_intensity_type(data: dict) -> None:
        data["visits"][0]["pain_marks"][0]["intensity"] = "very"

    path = _edited(exported, tmp_path, bad_intensity_type)
    message = _refused(path, tmp_path / "t.sqlite3")
    assert "visits.0.pain_marks.0.intensity" in message


def test_a_row_the_chart_refuses_fails_the_whole_import(exported: Path, tmp_path: Path) -> None:
    """The last visit's mark is wrong: the earlier visits must not be written either."""

    def unknown_region(data: dict) -> None:
        data["visits"][-1]["pain_marks"][-1]["region"] = "wing"

    path = _edited(exported, tmp_path, unknown_region)
    assert "'wing' is not a region" in _refused(path, tmp_path / "t.sqlite3")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    assert "no file" in _refused(tmp_path / "absent.json", tmp_path / "t.sqlite3")


@pytest.fixture
def signed_export(tmp_path: Path) -> Path:
    """The demo chart with its first visit signed and amended twice."""
    with ChartStore.open(tmp_path / "signed.sqlite3", backup_on_close=False) as source:
        client = seed_demo_client(source)
        visit = next(v for v in source.list_visits(client.id) if source.list_findings(v.id))
        source.sign_visit(visit.id, "Sam Lee")
        source.amend(visit.id, "visit", visit.uid, "plan", "Stretch twice a day", "Plan omitted")
        finding = source.list_findings(visit.id)[0]
        source.amend(visit.id, "finding", finding.uid, "note", "Taut band felt", "Left out")
        version = load_consent().current
        source.record_consent(client.id, version, date(2026, 11, 1), "Demo Client", "M 1 2 L 3 4")
        return export_chart(source, client.id, "json", tmp_path / "signed.json")


def test_a_signed_visit_travels_with_its_signature_and_amendments(
    signed_export: Path, tmp_path: Path
) -> None:
    original = json.loads(signed_export.read_text(encoding="utf-8"))
    assert original["schema_version"] == SCHEMA_VERSION == 2
    with ChartStore.open(tmp_path / "target.sqlite3", backup_on_close=False) as target:
        client = import_chart(target, signed_export)
        again = json.loads(chart_json(read_chart(target, client.id)))
        visit = target.list_visits(client.id)
        signed = [v for v in visit if v.signed]
        assert len(signed) == 1 and signed[0].signed_by == "Sam Lee"
        assert target.signature_intact(signed[0].id), "the signature still checks on arrival"
        amendments = target.list_amendments(signed[0].id)
    assert [(a.field, a.after) for a in amendments] == [
        ("plan", "Stretch twice a day"),
        ("note", "Taut band felt"),
    ]
    for chart in (again, original):  # an amendment names its row by the row's uid
        for v in chart["visits"]:
            for a in v["amendments"]:
                assert a.pop("target") in {v["uid"], *(r["uid"] for r in v["findings"])}
    assert _comparable(again) == _comparable(original), (
        "signature, amendments and the signed rows arrive as they left"
    )
    assert [c["drawing"] for c in again["consents"]] == ["M 1 2 L 3 4"]
    signatures = [v["signature"] for v in again["visits"] if v["signature"]]
    assert signatures == [v["signature"] for v in original["visits"] if v["signature"]]


def test_a_signed_visit_edited_in_the_file_is_refused(signed_export: Path, tmp_path: Path) -> None:
    def edit_signed_plan(data: dict) -> None:
        visit = next(v for v in data["visits"] if v["signature"])
        visit["chief_complaint"] = "changed after signing"

    path = _edited(signed_export, tmp_path, edit_signed_plan)
    assert "does not match its signature" in _refused(path, tmp_path / "t.sqlite3")

    def edit_amendment(data: dict) -> None:
        visit = next(v for v in data["visits"] if v["signature"])
        visit["amendments"][0]["reason"] = "another reason"

    path = _edited(signed_export, tmp_path, edit_amendment)
    assert "amendment does not match" in _refused(path, tmp_path / "t.sqlite3")
