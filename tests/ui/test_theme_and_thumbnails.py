"""The theme follows the system while running; visit lists show thumbnails of the marks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.map.palette import is_dark_theme
from tests.ui.conftest import call_on_worker, click_region


@pytest.fixture
def restore_palette(qapp: QApplication) -> Any:
    saved = QApplication.palette()
    yield
    qapp.setPalette(saved)


def test_colour_scheme_change_while_running_repaints_widgets_and_map(
    window: Any, qtbot: Any, restore_palette: None
) -> None:
    assert not is_dark_theme() and not window.colors.dark
    scene = window.body_map.views["anterior"].scene()
    light_background = scene.backgroundBrush().color()
    hints = QGuiApplication.styleHints()

    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert is_dark_theme()  # the widget palette went dark
    assert window.colors.dark
    assert scene.backgroundBrush().color() == window.colors.background != light_background
    qtbot.waitUntil(
        lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 128,
        timeout=2_000,
    )

    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not is_dark_theme() and not window.colors.dark
    assert scene.backgroundBrush().color() == light_background


def _icon_image(item: Any) -> QImage:
    return item.icon().pixmap(56, 56).toImage()


def test_visit_list_thumbnail_follows_the_marks(window: Any, qtbot: Any) -> None:
    item = window.visits.list.currentItem()
    qtbot.waitUntil(lambda: not item.icon().isNull(), timeout=10_000)
    before = _icon_image(item)
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: _icon_image(item) != before, timeout=5_000)
    after_first = _icon_image(item)
    click_region(qtbot, window, "posterior", "calf", "left")
    qtbot.waitUntil(lambda: _icon_image(item) != after_first, timeout=5_000)


def test_progress_timeline_thumbnails_differ_between_visits(
    qtbot: Any, chart_path: Path, open_worker: Any
) -> None:
    from nmt_bodymap.ui.progress.progress_view import ProgressView

    worker = open_worker(chart_path)
    client = call_on_worker(qtbot, worker, lambda s: s.create_client(name="Ana Ruiz"))
    visits = [
        call_on_worker(
            qtbot,
            worker,
            lambda s, when=when: s.create_visit(client.id, started_at=when, chief_complaint="Neck"),
        )
        for when in ("2025-01-10T10:00", "2025-02-07T10:00", "2025-03-07T10:00")
    ]
    for visit, region in ((visits[0], "temple"), (visits[1], "calf")):
        view_name = "anterior" if region == "temple" else "posterior"
        x, y = load_atlas().region(view_name, region, "right").point  # a mark needs its place
        call_on_worker(
            qtbot,
            worker,
            lambda s, v=visit, r=region, w=view_name, x=x, y=y: s.add_pain_mark(
                v.id,
                view=w,
                x=x,
                y=y,
                region=r,
                side="right",
                intensity=7,
                quality="ache",
            ),
        )
    view = ProgressView(worker.submit, client.id)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.loaded, timeout=10_000)
    qtbot.waitUntil(lambda: view.thumbnails_shown, timeout=10_000)  # made after the list
    images = [view.timeline.icon(row).pixmap(56, 56).toImage() for row in range(3)]
    assert all(not image.isNull() for image in images)
    assert images[0] != images[1] != images[2] != images[0]
