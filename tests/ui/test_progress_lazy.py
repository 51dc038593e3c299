"""The progress view over many visits (issue 18): thumbnails are drawn for the rows on
screen, and a row scrolled into view gets its own thumbnail, never another visit's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.progress import progress_view
from nmt_bodymap.ui.progress.progress_view import ProgressView
from tests.ui.conftest import call_on_worker

VISITS = 30


def _image(view: ProgressView, row: int) -> QImage:
    return view.timeline.icon(row).pixmap(72, 72).toImage()


def _is_blank(image: QImage) -> bool:
    return all(
        image.pixelColor(x, y).alpha() == 0 for x in range(0, 72, 6) for y in range(0, 72, 6)
    )


def test_thumbnails_are_drawn_for_the_rows_on_screen_and_when_scrolled_to(
    qtbot: Any, chart_path: Path, open_worker: Any
) -> None:
    worker = open_worker(chart_path)
    atlas = load_atlas()
    temple = atlas.region("anterior", "temple", "right")
    calf = atlas.region("posterior", "calf", "right")

    def chart(store: Any) -> int:
        client = store.create_client(name="Ana Ruiz")
        for day in range(VISITS):
            visit = store.create_visit(
                client.id, started_at="2025-01-01T09:00+00:00", chief_complaint=f"visit {day}"
            )
            place = temple if day % 2 == 0 else calf  # rows alternate between two pictures
            store.add_pain_mark(
                visit.id,
                view=place.view,
                x=place.point[0],
                y=place.point[1],
                region=place.region,
                side="right",
                intensity=5,
                quality="ache",
            )
        return client.id

    client_id = call_on_worker(qtbot, worker, chart)
    view = ProgressView(worker.submit, client_id, atlas)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitUntil(lambda: view.loaded, timeout=20_000)
    assert view.timeline.count() == VISITS
    # the list is shown first; the first screen's pictures follow from the worker
    qtbot.waitUntil(lambda: view.thumbnails_shown, timeout=20_000)
    first_screen = [row for row in range(VISITS) if not _is_blank(_image(view, row))]
    assert 0 < len(first_screen) < VISITS  # not every row was drawn up front
    last = VISITS - 1
    assert _is_blank(_image(view, last))

    view.timeline.scrollToBottom()
    qtbot.waitUntil(lambda: not _is_blank(_image(view, last)), timeout=10_000)
    # The row scrolled to shows its own visit's marks: the same picture as a row drawn up
    # front for a visit marked at the same place, not the other place's picture.
    same = next(r for r in first_screen if r % 2 == last % 2)
    other = next(r for r in first_screen if r % 2 != last % 2)
    assert _image(view, last) == _image(view, same)
    assert _image(view, last) != _image(view, other)
    assert progress_view.FIRST_SCREEN < VISITS
