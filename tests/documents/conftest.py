"""Fixtures of the document tests: the demo chart in a throw-away SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.settings import Settings
from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.demo import seed_demo_client

NOTE = "ZEBRA-7731 private remark"  # a distinctive note no document for the client may show


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[ChartStore]:
    store = ChartStore.open(tmp_path / "charts.sqlite3", backup_on_close=False)
    seed_demo_client(store)
    yield store
    store.close()


@pytest.fixture
def demo_visit(demo_store: ChartStore) -> Any:
    """The demo's first visit (marks, findings, treatments, assessment, follow-up, SOAP),
    with a private note on a mark, a finding and its follow-up."""
    client = demo_store.demo_client()
    assert client is not None
    visit = demo_store.list_visits(client.id)[-1]
    mark = demo_store.list_pain_marks(visit.id)[0]
    demo_store.update_pain_mark(mark.id, note=f"mark {NOTE}")
    finding = demo_store.list_findings(visit.id)[0]
    demo_store.update_finding(finding.id, note=f"finding {NOTE}")
    return visit


@pytest.fixture
def clinic() -> Settings:
    return Settings(
        clinic_name="Harbour Street Clinic",
        clinic_address="12 Harbour Street\nPortsmouth PO1 2AB",
        therapist_name="Sam Lee",
    )


def pdf_text(path: Path) -> str:
    """The PDF's text as pypdf reads it, with runs of white space made single spaces."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
