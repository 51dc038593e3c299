"""Another station's change made after this screen read the visit but before the change
watcher's first look at the chart is shown too (probe29: the watcher took its starting point
at its first poll, so such a change stayed off this screen until the row changed again; a
stale save from here was still refused, but the screen did not show what is stored)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nmt_bodymap.store.service import ChartStore
from nmt_bodymap.ui.chart.change_watcher import ChangeWatcher
from nmt_bodymap.ui.chart.open_visit import OpenVisit
from tests.conftest import body_point
from tests.ui.conftest import call_on_worker

TEMPLE = body_point("anterior", "temple", "right")


def _intensity(visit: OpenVisit) -> list[int]:
    assert visit.doc is not None
    return [int(s.values["intensity"]) for kind, _uid, s in visit.doc if kind == "pain_mark"]


def test_a_change_between_the_read_and_the_first_poll_reaches_the_screen(
    qtbot: Any, seeded: dict[str, Any], chart_path: Path
) -> None:
    worker, visit_id = seeded["worker"], seeded["visit"].id
    mark = call_on_worker(
        qtbot,
        worker,
        lambda s: s.add_pain_mark(
            visit_id, view="anterior", x=TEMPLE[0], y=TEMPLE[1], region="temple",
            side="right", intensity=3, quality="ache",
        ),
    )  # fmt: skip
    shown = OpenVisit(worker, who="Ana")
    shown.load_visit(visit_id)
    qtbot.waitUntil(lambda: shown.doc is not None, timeout=10_000)
    assert _intensity(shown) == [3]
    # the other station, after this screen's read, before its watcher first looks
    with ChartStore.open(chart_path, backup_on_close=False, exclusive=False, who="Bo") as other:
        other.update_pain_mark(mark.id, intensity=8)
    watcher = ChangeWatcher(worker, shown)
    try:
        watcher.start()
        qtbot.waitUntil(lambda: _intensity(shown) == [8], timeout=5_000)
    finally:
        watcher.stop()
