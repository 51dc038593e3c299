"""The layout the therapist leaves is the layout the next start shows (issue 15), on the
real start: the window painted first, its panels built after, the late rooms last.

The splitters are kept by position. A late room (the assessment tab) has a splitter of its
own; counted by a search of the window it moved the map's and the left column's positions
once it was shown, so a start restored the assessment's vertical splitter onto the map:
the front and back views came back stacked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from nmt_bodymap.store import ChartStore
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import ExitRecorder


@pytest.fixture
def worker() -> Any:
    made = StoreWorker()
    yield made
    made.shutdown()


def _chart(tmp_path: Path) -> Path:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        store.create_visit(client.id, chief_complaint="Headache")
    return path


def _start(qtbot: Any, worker: StoreWorker, chart: Path) -> Any:
    """The app's own start, waited for until every late room is in."""
    window = app_module.show_main_window(ExitRecorder(), worker, str(chart))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(
        lambda: bool(
            window.__dict__.get("chart_started")
            and window.open_visit.doc is not None
            and "assessment_panel" in window.__dict__
            and "region_picker" in window.__dict__
            and worker.pending() == 0
        ),
        timeout=60_000,
    )
    return window


def test_a_second_start_shows_the_splitters_as_they_were_left(
    qtbot: Any, tmp_path: Path, worker: StoreWorker
) -> None:
    chart = _chart(tmp_path)
    first = _start(qtbot, worker, chart)
    for index in range(first.side_tabs.count()):  # the therapist looks at every tab
        first.side_tabs.setCurrentIndex(index)
    first.body_map._splitter.setSizes([300, 500])
    left = first.splitter.widget(0)
    left.setSizes([200, 400])
    kept_map, kept_left = first.body_map._splitter.sizes(), left.sizes()
    first.close()
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)

    again = _start(qtbot, worker, chart)
    assert again.body_map._splitter.orientation() == Qt.Orientation.Horizontal
    assert again.splitter.widget(0).orientation() == Qt.Orientation.Vertical
    assert again.body_map._splitter.sizes() == kept_map
    assert again.splitter.widget(0).sizes() == kept_left
    again.close()


def test_splitters_kept_by_place_before_are_not_put_on_the_map(
    qtbot: Any, tmp_path: Path, worker: StoreWorker
) -> None:
    """A layout saved by the old code (by place, after the assessment tab was shown) holds
    a vertical splitter's state where the map's used to be: it is ignored, then dropped."""
    from PySide6.QtWidgets import QSplitter

    from nmt_bodymap.ui.window_state import window_settings

    vertical = QSplitter(Qt.Orientation.Vertical)
    settings = window_settings()
    for index in range(5):
        settings.setValue(f"splitter-{index}", vertical.saveState())
    settings.sync()
    window = _start(qtbot, worker, _chart(tmp_path))
    assert window.body_map._splitter.orientation() == Qt.Orientation.Horizontal
    assert window.splitter.orientation() == Qt.Orientation.Horizontal
    window.close()
    settings = window_settings()
    assert not [key for key in settings.childKeys() if key.startswith("splitter-")]
    assert sorted(settings.childGroups()) == ["splitter"]
