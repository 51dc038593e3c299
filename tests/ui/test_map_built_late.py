"""The map's parts a click's answer does not need (issue 18): on a deferred start the
captions and the folded strip of internal sites are built after the first visit is on
screen (the first room), not before the first click is answered. Built then, they show
what the map shows (the lit zones, the marks inside, the selection) and nothing on screen
moves; a visit with marks inside still opens with the strip unfolded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QWidget

from nmt_bodymap.store import ChartStore
from nmt_bodymap.ui import after_start, late_rooms
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.map.captions import CAPTION_KEY
from tests.ui.conftest import ExitRecorder


@pytest.fixture
def worker() -> Any:
    made = StoreWorker()
    yield made
    made.shutdown()


@pytest.fixture
def rooms_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first visit never counts as shown: the rooms wait until the test lets them in."""
    monkeypatch.setattr(after_start, "first_visit_shown", lambda _window: False)
    monkeypatch.setattr(late_rooms, "LATEST_MS", 600_000)


def _chart(tmp_path: Path, inside: bool) -> Path:
    """One client with one visit; with a mark on the right upper teeth (``inside``)."""
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        visit = store.create_visit(client.id, chief_complaint="Headache")
        if inside:
            store.add_pain_mark(
                visit.id,
                view="internal",
                region="upper_teeth",
                side="right",
                intensity=5,
                quality="ache",
            )
    return path


def _open(qtbot: Any, worker: StoreWorker, chart: Path) -> Any:
    window = app_module.show_main_window(ExitRecorder(), worker, str(chart))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(
        lambda: bool(
            window.__dict__.get("built")
            and window.__dict__.get("chart_started")
            and window.open_visit.doc is not None
            and worker.pending() == 0
        ),
        timeout=60_000,
    )
    return window


def _captions(scene: Any) -> list[str]:
    return sorted(
        item.data(CAPTION_KEY)
        for item in scene.items()
        if isinstance(item, QGraphicsSimpleTextItem) and item.data(CAPTION_KEY)
    )


def _region_items(scene: Any) -> int:
    """The items that light a region (hidden at rest) on ``scene``."""
    return sum(1 for item in scene.items() if item.zValue() == 2)


def _places(window: Any) -> dict[str, tuple[QPoint, QRect]]:
    """Where each body view is in the window, and its size."""
    return {
        name: (view.mapTo(window, QPoint(0, 0)), view.geometry())
        for name, view in window.body_map.views.items()
    }


def _settle(qtbot: Any) -> None:
    qtbot.wait(50)  # layout requests and paints posted by the last change


def test_the_strip_and_captions_come_after_the_answer_lit_and_nothing_moves(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, rooms_held: None
) -> None:
    window = _open(qtbot, worker, _chart(tmp_path, inside=False))
    body_map = window.body_map
    # Built before the first answer: the views; not the strip, the captions nor the items
    # that light a region (the borders at rest are the views' background).
    assert body_map.findChild(QWidget, "internal-sites") is None
    assert all(_captions(scene) == [] for scene in body_map.scenes.values())
    assert all(_region_items(scene) == 0 for scene in body_map.scenes.values())
    # The first click is answered and a candidate whose zone reaches the teeth is lit.
    x, y = window.atlas.region("anterior", "temple", "right").point
    body_map._on_point_clicked("anterior", QPointF(x, y))
    qtbot.waitUntil(lambda: bool(window.candidates.candidates()), timeout=10_000)
    assert window.candidates.choose("temporalis", "right")
    front = body_map.scenes["anterior"]
    assert front.zones  # its region items made for it, the zone lit
    assert all(front.region_items[key].isVisible() for key in front.zones)
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    assert body_map.findChild(QWidget, "internal-sites") is None
    _settle(qtbot)
    before = _places(window)

    window.late_rooms.finish()  # the rooms, the map's extras first
    _settle(qtbot)

    sites = body_map.findChild(QWidget, "internal-sites")
    assert sites is body_map.internal_sites
    assert not sites.isVisible()  # folded away, as at a start that built it at once
    assert sites.zone_at("upper_teeth", "right") == "essential"  # the candidate lit
    assert sites.zone_at("upper_teeth", "left") is None
    assert _captions(body_map.scenes["anterior"]) == [
        "Anterior (front) view",
        "Client's left",
        "Client's right",
    ]
    assert _captions(body_map.scenes["posterior"])
    assert _region_items(body_map.scenes["posterior"]) == len(window.atlas.regions("posterior"))
    assert _places(window) == before  # the body views did not move nor change size
    assert [(m.region, m.side) for m in window.marks.marks()] == [("temple", "right")]

    # The strip built late takes marks like one built at once, and unfolds beside the views.
    body_map.show_internal_sites(True)
    body_map._on_site_clicked("upper_teeth", "right", False)
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    assert [m.region for m in sites.marks_at("upper_teeth", "right")] == ["upper_teeth"]
    assert sites.selected_sites() == [("upper_teeth", "right")]
    assert len(window.marks.marks()) == 2
    window.close()


def test_a_visit_with_marks_inside_opens_with_the_strip_unfolded_before_the_rooms(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, rooms_held: None
) -> None:
    window = _open(qtbot, worker, _chart(tmp_path, inside=True))
    assert window.late_rooms.pending()  # no room yet: the visit built the strip itself
    sites = window.body_map.internal_sites
    qtbot.waitUntil(lambda: sites.isVisible(), timeout=10_000)
    assert [m.intensity for m in sites.marks_at("upper_teeth", "right")] == [5]
    assert not sites.buttons[("upper_teeth", "right")].icon().isNull()
    assert window.body_map.inside_button.isChecked()
    window.late_rooms.finish()
    assert window.body_map.internal_sites is sites  # built once
    assert [m.intensity for m in sites.marks_at("upper_teeth", "right")] == [5]
    window.close()
