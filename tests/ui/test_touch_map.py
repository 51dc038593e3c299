"""Issue 15: touch on the body map (9 mm targets, pinch zoom, two-finger pan, long press
for a mark's menu, a tap places exactly one mark), driven with a fake touchscreen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QContextMenuEvent, QInputDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.map import mark_menu, touch
from tests.ui.conftest import call_on_worker, click_region


@pytest.fixture
def screen_device() -> Any:
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


@pytest.fixture
def window(window: Any, qtbot: Any) -> Any:
    """The front view alone, the window at the screen's corner: a touch point is a point
    on the glass (the offscreen screen is 800 x 800), so what is touched must be on it."""
    window.body_map.set_layout_mode("anterior")
    window.move(0, 0)
    qtbot.waitUntil(
        lambda: window.body_map.views["anterior"].viewport().mapToGlobal(QPoint()).x() < 400
    )
    return window


def _glass_centre(view: Any) -> QPoint:
    """The middle of the part of the view's viewport that is on the screen."""
    viewport = view.viewport()
    glass = view.screen().geometry()
    shown = QRect(viewport.mapToGlobal(QPoint()), viewport.size()).intersected(glass)
    return viewport.mapFromGlobal(shown.center())


def _on_glass(view: Any, *points: QPoint) -> None:
    glass = view.screen().geometry()
    assert all(glass.contains(view.viewport().mapToGlobal(p)) for p in points), "off the screen"


@pytest.fixture
def menus(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every mark menu opened, as its entries' texts (its exec patched: nothing modal)."""
    opened: list[list[str]] = []

    def record(menu: QMenu, *args: Any, **kwargs: Any) -> None:
        opened.append([a.text() for a in menu.actions()])

    monkeypatch.setattr(mark_menu, "open_menu", record)
    return opened


def _region_pos(window: Any, view: str, region: str, side: str) -> QPoint:
    point = load_atlas().region(view, region, side).point  # type: ignore[arg-type]
    return window.body_map.views[view].map_to_widget(point)


def _touch(device: Any, view: Any, *steps: tuple[str, int, QPoint]) -> None:
    """One touch event: (press | move | release, finger, point in the viewport) each."""
    viewport = view.viewport()
    _on_glass(view, *(point for _kind, _finger, point in steps))
    sequence = QTest.touchEvent(viewport, device)
    for kind, finger, point in steps:
        getattr(sequence, kind)(finger, point, viewport)
    sequence.commit()


def _tap(device: Any, view: Any, pos: QPoint) -> None:
    _touch(device, view, ("press", 0, pos))
    _touch(device, view, ("release", 0, pos))


def _two_fingers(device: Any, view: Any, steps: list[tuple[QPoint, QPoint]]) -> None:
    """Two fingers down at the first pair, through each pair, lifted at the last."""
    first, last = steps[0], steps[-1]
    _touch(device, view, ("press", 0, first[0]), ("press", 1, first[1]))
    for a, b in steps[1:]:
        _touch(device, view, ("move", 0, a), ("move", 1, b))
    _touch(device, view, ("release", 0, last[0]), ("release", 1, last[1]))


def _stored_marks(qtbot: Any, seeded: dict[str, Any]) -> list[Any]:
    visit_id = seeded["visit"].id
    return call_on_worker(qtbot, seeded["worker"], lambda s: s.list_pain_marks(visit_id))


def test_targets_are_at_least_9_mm_on_the_screen_they_are_shown_on(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = window.body_map.views["anterior"]
    scene = window.body_map.scenes["anterior"]
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: len(scene.mark_items) == 1)
    [mark] = scene.mark_items.values()
    nine_mm = 9 / 25.4 * touch.screen_dpi(view.screen())
    assert mark.hit_radius * 2 >= nine_mm - 0.01
    # A dense screen (a 200 dpi tablet): the same 9 mm is more pixels.
    monkeypatch.setattr(touch, "screen_dpi", lambda _screen: 200.0)
    view.update_touch_targets()
    assert mark.hit_radius == pytest.approx(9 / 25.4 * 200 / 2)
    # A press 4 mm off the mark's centre (inside its 9 mm) still lands on the mark.
    centre = view.mapFromScene(mark.pos())
    assert view.itemAt(centre + QPoint(round(4 / 25.4 * 200), 0)) is mark
    assert view.itemAt(centre + QPoint(round(5 / 25.4 * 200), 0)) is not mark
    qtbot.waitUntil(lambda: window.candidates.choose("temporalis", "right"))
    pins = [p for p in scene.pins if p.isVisible()]
    assert pins and all(p.hit_radius == pytest.approx(9 / 25.4 * 200 / 2) for p in pins)


def test_a_one_finger_tap_places_exactly_one_mark(
    qtbot: Any, window: Any, seeded: dict[str, Any], screen_device: Any
) -> None:
    view = window.body_map.views["anterior"]
    _tap(screen_device, view, _region_pos(window, "anterior", "temple", "right"))
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1)
    qtbot.waitUntil(lambda: seeded["worker"].pending() == 0)
    stored = _stored_marks(qtbot, seeded)
    assert [(m.region, m.side) for m in stored] == [("temple", "right")]
    assert len(window.marks.marks()) == 1
    # A tap on the mark selects it (no second mark on top of it).
    [key] = [m.key for m in window.marks.marks()]
    _tap(screen_device, view, _region_pos(window, "anterior", "temple", "right"))
    qtbot.waitUntil(lambda: window.body_map.selected_mark_keys() == [key])
    assert len(window.marks.marks()) == 1 and len(_stored_marks(qtbot, seeded)) == 1


def test_pinch_zooms_around_the_fingers_centre(qtbot: Any, window: Any, screen_device: Any) -> None:
    view = window.body_map.views["anterior"]
    view.zoom_by(2)  # the figure overflows the view both ways: it can move under the fingers
    before = view.transform().m11()
    centre = _glass_centre(view)
    anchor = view.mapToScene(centre)
    steps = [
        (centre - QPoint(d, 0), centre + QPoint(d, 0)) for d in (30, 40, 50, 60)
    ]  # the fingers spread from 60 px apart to 120 px
    _two_fingers(screen_device, view, steps)
    assert view.transform().m11() == pytest.approx(before * 2, rel=0.02)
    now = view.mapFromScene(anchor)
    assert abs(now.x() - centre.x()) <= 3 and abs(now.y() - centre.y()) <= 3
    assert window.marks.marks() == []  # two fingers never place a mark


def test_two_fingers_moving_together_pan_the_figure(
    qtbot: Any, window: Any, screen_device: Any
) -> None:
    view = window.body_map.views["anterior"]
    view.zoom_by(3)
    scale = view.transform().m11()
    centre = _glass_centre(view)
    anchor = view.mapToScene(centre)
    a, b = centre - QPoint(40, 0), centre + QPoint(40, 0)
    shift = [QPoint(-10 * i, -6 * i) for i in range(5)]  # ends 40 px left, 24 px up
    _two_fingers(screen_device, view, [(a + s, b + s) for s in shift])
    assert view.transform().m11() == pytest.approx(scale)
    now = view.mapFromScene(anchor)
    # Within a few pixels: each step's scroll is a whole pixel.
    assert abs(now.x() - (centre.x() - 40)) <= 4 and abs(now.y() - (centre.y() - 24)) <= 4
    assert window.marks.marks() == []


def test_a_long_press_on_a_mark_opens_its_menu_like_a_right_click(
    qtbot: Any, window: Any, screen_device: Any, menus: list[list[str]]
) -> None:
    view = window.body_map.views["anterior"]
    pos = click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1)
    [key] = [m.key for m in window.marks.marks()]
    window.body_map.clear_selection()
    # Right click: the mark's menu.
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)),
    )
    assert len(menus) == 1 and "Remove mark" in menus[0]
    assert window.body_map.selected_mark_keys() == [key]
    window.body_map.clear_selection()
    # Long press: the same menu, and lifting the finger then places nothing.
    _touch(screen_device, view, ("press", 0, pos))
    qtbot.waitUntil(lambda: len(menus) == 2, timeout=3_000)
    _touch(screen_device, view, ("release", 0, pos))
    assert menus[1] == menus[0]
    assert window.body_map.selected_mark_keys() == [key]
    assert len(window.marks.marks()) == 1


def test_a_press_that_moves_is_neither_a_tap_nor_a_long_press(
    qtbot: Any, window: Any, screen_device: Any, menus: list[list[str]]
) -> None:
    view = window.body_map.views["anterior"]
    start = _region_pos(window, "anterior", "temple", "right")
    _touch(screen_device, view, ("press", 0, start))
    moved = start + QPoint(40, 0)
    assert view.touch.long_press_pending
    _touch(screen_device, view, ("move", 0, moved))
    assert not view.touch.long_press_pending  # the finger moved: no menu will come
    _touch(screen_device, view, ("release", 0, moved))
    assert menus == [] and window.marks.marks() == []


def test_a_right_click_off_the_marks_opens_no_mark_menu(
    qtbot: Any, window: Any, menus: list[list[str]]
) -> None:
    view = window.body_map.views["anterior"]
    pos = _region_pos(window, "anterior", "temple", "right")
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)),
    )
    assert menus == []
