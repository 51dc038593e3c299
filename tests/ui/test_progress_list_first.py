"""The progress view shows its list and charts before the thumbnails are drawn (issue 18):
the pictures of the first screen come from a second worker job (``paint_thumbnails``, the
visit list's Qt drawer), and each row gets its own visit's picture once they arrive."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from nmt_bodymap.ui.chart import thumbnail_painter
from nmt_bodymap.ui.chart.thumbnail_painter import paint_thumbnail
from nmt_bodymap.ui.chart.visit_panel import PIXEL_RATIO
from nmt_bodymap.ui.progress import progress_view
from nmt_bodymap.ui.progress.progress_view import THUMB_HEIGHT, ProgressView
from tests.conftest import body_point
from tests.ui.conftest import call_on_worker

PLACES = (("anterior", "temple"), ("posterior", "calf"), ("anterior", "shin"))


def _chart(store: Any) -> tuple[int, list[Any]]:
    client = store.create_client(name="Ana Ruiz")
    marks = []
    for day, (view, region) in enumerate(PLACES):
        visit = store.create_visit(
            client.id, started_at=f"2025-01-{day + 1:02d}T09:00+00:00", chief_complaint="Neck"
        )
        x, y = body_point(view, region, "right")
        marks.append(
            store.add_pain_mark(
                visit.id,
                view=view,
                x=x,
                y=y,
                region=region,
                side="right",
                intensity=3 + 2 * day,
                quality="ache",
            )
        )
    return client.id, marks


def test_the_list_is_shown_before_the_thumbnails_are_made(
    qtbot: Any, chart_path: Path, open_worker: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = open_worker(chart_path)
    client_id, marks = call_on_worker(qtbot, worker, _chart)
    asked = threading.Event()
    release = threading.Event()
    made = thumbnail_painter.paint_thumbnails

    def held(wanted: Any, height: int, atlas: Any) -> dict[int, QImage]:
        asked.set()
        assert release.wait(20), "the test never let the thumbnails be made"
        return made(wanted, height, atlas)

    monkeypatch.setattr(progress_view, "paint_thumbnails", held)
    view = ProgressView(worker.submit, client_id)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    try:
        qtbot.waitUntil(lambda: view.loaded, timeout=20_000)
        qtbot.waitUntil(asked.is_set, timeout=20_000)
        # the list and the charts are there while the pictures are still being made
        assert view.timeline.count() == len(PLACES)
        assert all("Neck" in view.timeline.text(row) for row in range(len(PLACES)))
        assert view.intensity_chart.values("Peak") == (3.0, 5.0, 7.0)
        assert not view.thumbnails_shown
        assert not any(view.timeline.timeline_model.has_icon(r) for r in range(len(PLACES)))
    finally:
        release.set()
    qtbot.waitUntil(lambda: view.thumbnails_shown, timeout=20_000)
    height = THUMB_HEIGHT * PIXEL_RATIO
    for row, mark in enumerate(marks):  # each row its own visit's picture
        expected = progress_view.thumbnail_icon(paint_thumbnail([mark], height, view.atlas))
        shown = view.timeline.icon(row).pixmap(72, 72).toImage()
        assert shown == expected.pixmap(72, 72).toImage()
    shown_images = [view.timeline.icon(row).pixmap(72, 72).toImage() for row in range(3)]
    assert shown_images[0] != shown_images[1] != shown_images[2] != shown_images[0]


def test_a_failed_thumbnail_job_draws_them_on_the_gui_thread(
    qtbot: Any, chart_path: Path, open_worker: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = open_worker(chart_path)
    client_id, marks = call_on_worker(qtbot, worker, _chart)

    def broken(*_args: Any) -> dict[int, QImage]:
        raise OSError("no pictures today")

    monkeypatch.setattr(progress_view, "paint_thumbnails", broken)
    view = ProgressView(worker.submit, client_id)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitUntil(lambda: view.thumbnails_shown, timeout=20_000)
    assert all(view.timeline.timeline_model.has_icon(r) for r in range(len(PLACES)))
    height = THUMB_HEIGHT * PIXEL_RATIO
    for row, mark in enumerate(marks):  # each row its own visit's picture, drawn here
        expected = progress_view.thumbnail_icon(paint_thumbnail([mark], height, view.atlas))
        shown = view.timeline.icon(row).pixmap(72, 72).toImage()
        assert shown == expected.pixmap(72, 72).toImage()


def test_read_again_unchanged_visits_keep_their_pictures_and_a_changed_one_is_redrawn(
    qtbot: Any, chart_path: Path, open_worker: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = open_worker(chart_path)
    client_id, marks = call_on_worker(qtbot, worker, _chart)
    view = ProgressView(worker.submit, client_id)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitUntil(lambda: view.thumbnails_shown, timeout=20_000)

    def image(row: int) -> Any:
        return view.timeline.icon(row).pixmap(72, 72).toImage()

    before = [image(row) for row in range(len(PLACES))]
    release = threading.Event()
    made = thumbnail_painter.paint_thumbnails

    def held(wanted: Any, height: int, atlas: Any) -> dict[int, QImage]:
        assert release.wait(20), "the test never let the thumbnails be made"
        return made(wanted, height, atlas)

    monkeypatch.setattr(progress_view, "paint_thumbnails", held)
    x, y = body_point("posterior", "calf", "left")
    call_on_worker(  # the second visit gains a mark on the other calf
        qtbot,
        worker,
        lambda s: s.add_pain_mark(
            marks[1].visit_id,
            view="posterior",
            x=x,
            y=y,
            region="calf",
            side="left",
            intensity=9,
            quality="ache",
        ),
    )
    view.reload()
    try:
        qtbot.waitUntil(lambda: view.intensity_chart.values("Peak")[1] == 9.0, timeout=20_000)
        model = view.timeline.timeline_model
        assert model.has_icon(0) and model.has_icon(2) and not model.has_icon(1)
        assert image(0) == before[0] and image(2) == before[2]
    finally:
        release.set()
    qtbot.waitUntil(lambda: view.thumbnails_shown, timeout=20_000)
    assert image(1) != before[1]  # the new mark is in its picture
    assert image(0) == before[0] and image(2) == before[2]
