"""The progress view's timeline is a list view over a model (issue 18): its rows are the
stored visits, a row can be selected, and a visit changed after the view opened shows its
change (read again, the chosen visits kept)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel

from nmt_bodymap.core.operations import RowKind
from nmt_bodymap.ui.progress.progress_view import ProgressView
from nmt_bodymap.ui.progress.trend_chart import LABEL_WIDTH, TrendChart, label_indices
from tests.conftest import body_point
from tests.ui.conftest import call_on_worker

TEMPLE = body_point("anterior", "temple", "right")


def _mark(store: Any, visit_id: int, intensity: int) -> Any:
    return store.add_pain_mark(
        visit_id,
        view="anterior",
        x=TEMPLE[0],
        y=TEMPLE[1],
        region="temple",
        side="right",
        intensity=intensity,
        quality="ache",
    )


def _client(store: Any) -> tuple[int, list[int]]:
    client = store.create_client(name="Ana Ruiz")
    visits = []
    for month in range(1, 7):
        visit = store.create_visit(
            client.id, started_at=f"2025-{month:02d}-03T10:00", chief_complaint=f"Neck {month}"
        )
        _mark(store, visit.id, month)
        visits.append(visit.id)
    store._set_deleted(RowKind.VISIT, visits[2], True)  # a removed visit is not listed
    return client.id, visits


def _shown(qtbot: Any, worker: Any, client_id: int) -> ProgressView:
    view = ProgressView(worker.submit, client_id)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitUntil(lambda: view.loaded, timeout=20_000)
    return view


def test_the_timeline_rows_are_the_stored_visits_and_can_be_selected(
    qtbot: Any, chart_path: Path, open_worker: Any
) -> None:
    worker = open_worker(chart_path)
    client_id, _visits = call_on_worker(qtbot, worker, _client)
    stored = call_on_worker(qtbot, worker, lambda s: s.list_visits(client_id))[::-1]
    view = _shown(qtbot, worker, client_id)
    model = view.timeline.model()
    assert model.rowCount() == view.timeline.count() == len(stored) == 5
    for row, visit in enumerate(stored):  # oldest first, each row its own visit
        text = view.timeline.text(row)
        assert text.startswith(visit.started_at.astimezone().strftime("%d %b %Y"))
        assert visit.chief_complaint in text
        assert f"peak {int(visit.chief_complaint.split()[-1])} " in text  # its mark
    assert "Neck 3" not in "".join(view.timeline.text(r) for r in range(5))

    view.timeline.selectionModel().setCurrentIndex(
        model.index(3, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert [i.row() for i in view.timeline.selectedIndexes()] == [3]
    assert view.grab().save(str(chart_path.parent / "timeline.png"))


def test_a_visit_changed_after_the_view_opened_shows_its_change(
    qtbot: Any, chart_path: Path, open_worker: Any
) -> None:
    worker = open_worker(chart_path)
    client_id, visits = call_on_worker(qtbot, worker, _client)
    view = _shown(qtbot, worker, client_id)
    assert view.intensity_chart.values("Peak") == (1, 2, 4, 5, 6)
    view.earlier_combo.setCurrentIndex(1)  # the February visit against the May one
    view.later_combo.setCurrentIndex(3)
    view.timeline.setCurrentIndex(view.timeline.model().index(1, 0))
    assert view.later_view.shown == {("anterior", "temple", "right"): "unchanged"}

    call_on_worker(qtbot, worker, lambda s: _mark(s, visits[1], 9))  # February: 2 -> 9
    call_on_worker(
        qtbot,
        worker,
        lambda s: s.create_visit(client_id, started_at="2024-12-01T10:00", chief_complaint="Jaw"),
    )
    view.schedule_reload()
    qtbot.waitUntil(lambda: view.timeline.count() == 6, timeout=20_000)
    assert view.intensity_chart.values("Peak") == (None, 1, 9, 4, 5, 6)
    assert "Jaw" in view.timeline.text(0) and "peak 9" in view.timeline.text(2)
    # The same visits stay chosen, though each moved down a row.
    assert view.earlier_combo.currentIndex() == 2 and view.later_combo.currentIndex() == 4
    assert view.timeline.currentIndex().row() == 2

    # Hidden, the view reads nothing on a change; shown again, it reads what is stored.
    view.hide()
    call_on_worker(qtbot, worker, lambda s: _mark(s, visits[3], 10))  # April: 4 -> 10
    view.schedule_reload()
    assert not view._reload_timer.isActive()
    assert view.intensity_chart.values("Peak")[3] == 4
    view.show()
    qtbot.waitUntil(lambda: view.intensity_chart.values("Peak")[3] == 10, timeout=20_000)


def test_a_change_stored_while_the_window_shows_progress_is_shown(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    from nmt_bodymap.ui.clinic.workflow_actions import install_workflow_actions

    install_workflow_actions(window)
    window.actions_by_key["progress"].trigger()
    qtbot.waitUntil(lambda: bool(window.workflow_windows), timeout=10_000)
    progress = window.workflow_windows[-1]
    qtbot.addWidget(progress)
    qtbot.waitUntil(lambda: progress.loaded, timeout=10_000)
    before = progress.timeline.count()
    client_id = seeded["client"].id
    call_on_worker(
        qtbot, seeded["worker"], lambda s: s.create_visit(client_id, chief_complaint="Later")
    )
    # The change watcher finds the stored change; the view reads the visits again.
    qtbot.waitUntil(lambda: progress.timeline.count() == before + 1, timeout=15_000)
    assert "Later" in progress.timeline.text(before)


def test_dates_under_a_chart_of_many_visits_never_overlap() -> None:
    for count in (1, 2, 3, 6, 7, 40, 2_000):
        for width in (200.0, 333.0, 640.0):
            shown = label_indices(count, width)
            assert shown[0] == 0 and shown[-1] == count - 1
            assert shown == sorted(set(shown))
            if count > 2:
                gaps = [(b - a) * width / (count - 1) for a, b in itertools.pairwise(shown)]
                assert min(gaps) >= LABEL_WIDTH or len(shown) == 2
    assert len(label_indices(2_000, 400.0)) == 5


def test_a_chart_of_2000_visits_draws_its_series(qtbot: Any) -> None:
    from PySide6.QtGui import QColor

    from nmt_bodymap.ui.progress.trend_chart import Series

    chart = TrendChart("Peak", y_max=10)
    qtbot.addWidget(chart)
    chart.resize(500, 240)
    values = tuple(float(3 + (i % 5)) for i in range(2_000))
    chart.set_data([f"{i}" for i in range(2_000)], [Series("Peak", values, QColor("#b3261e"))])
    image = chart.grab().toImage()
    red = sum(
        image.pixelColor(x, y).name() == "#b3261e"
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )
    assert red > 200  # the band of the series, not an empty plot


def test_a_dense_chart_puts_each_visit_where_its_date_and_value_are(qtbot: Any) -> None:
    """A peak at one visit among 2,001 is drawn at that visit's place along the axis and at
    the top of the plot (the points' sums read the rectangles once, issue 18)."""
    from PySide6.QtGui import QColor

    from nmt_bodymap.ui.progress.trend_chart import Series

    chart = TrendChart("Peak", y_max=10)
    qtbot.addWidget(chart)
    chart.resize(600, 260)
    count, peak = 2_001, 1_500
    values = tuple(10.0 if i == peak else 0.0 for i in range(count))
    chart.set_data([f"{i}" for i in range(count)], [Series("Peak", values, QColor("#b3261e"))])
    image = chart.grab().toImage()
    red = [
        (x, y)
        for x in range(image.width())
        for y in range(image.height() - 30)  # above the legend's swatch
        if image.pixelColor(x, y).name() == "#b3261e"
    ]
    top_x, top_y = min(red, key=lambda p: p[1])
    plot_left, plot_top, plot_width = 44, 34, chart.width() - 60
    inner_left, inner_width = plot_left + 40, plot_width - 80
    assert abs(top_x - (inner_left + inner_width * peak / (count - 1))) <= 1
    assert abs(top_y - plot_top) <= 1
