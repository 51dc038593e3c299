"""The demo client: a small, realistic chart the GUI creates on first start.

``seed_demo_client(store)`` creates it once (``is_demo=True``, name "Demo Client (sample
data)") from ``demo_chart.yaml`` through the ordinary service calls, so it passes the same
validation as real charts; a second call returns the existing demo client. Pain marks get
the representative point of their region from the atlas when it is available.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from nmt_bodymap.core.datafiles import read_yaml
from nmt_bodymap.store.records import ClientRecord
from nmt_bodymap.store.service import ChartStore

DEMO_FILE = Path(__file__).with_name("demo_chart.yaml")


def _region_point(view: str, region: str, side: str) -> tuple[float | None, float | None]:
    try:
        from nmt_bodymap.core.atlas import load_atlas

        point = load_atlas().region(view, region, side).point  # type: ignore[arg-type]
    except Exception:  # atlas not built or region absent: a region-only mark is still valid
        return None, None
    return float(point[0]), float(point[1])


def seed_demo_client(store: ChartStore, today: datetime | None = None) -> ClientRecord:
    existing = store.demo_client()
    if existing is not None:
        return existing
    demo: dict[str, Any] = read_yaml(DEMO_FILE)
    client = store.create_client(**demo["client"], is_demo=True)
    store.save_intake(client.id, **demo["intake"])
    day = (today or datetime.now(UTC)).date()
    for visit in demo["visits"]:
        visit = dict(visit)
        when = datetime.combine(day - timedelta(days=visit.pop("days_ago")), time(14, 0), UTC)
        marks = visit.pop("pain_marks", [])
        findings = visit.pop("findings", [])
        treatments = visit.pop("treatments", [])
        observations = visit.pop("observations", [])
        follow_up = visit.pop("follow_up", None)
        visit_id = store.create_visit(client.id, started_at=when, **visit).id
        for mark in marks:
            x, y = _region_point(mark["view"], mark["region"], mark["side"])
            store.add_pain_mark(visit_id, x=x, y=y, **mark)
        for finding in findings:
            store.add_finding(visit_id, **finding)
        for treatment in treatments:
            store.add_treatment(visit_id, **treatment)
        for observation in observations:
            store.add_observation(visit_id, **observation)
        if follow_up:
            store.add_follow_up(visit_id, **follow_up)
    return store.get_client(client.id)
