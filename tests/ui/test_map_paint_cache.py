"""Issue 18 (click p95): the map repaints only what changed, and what it keeps drawn from
its caches looks exactly as when it was first painted.

- A mark's save answer ("saving" to "saved") changes nothing the therapist sees: the view
  gets no paint event and the mark keeps its cached pixmap (before, every save answer
  repainted the mark: a second paint per click). A mark that turns "unsaved" is repainted.
- A muscle or a zone's region put out and lit again (the same candidate chosen again, a
  neighbouring click) is drawn from its kept pixmap, not again from its path (before, a
  put-out item was hidden, and Qt drops a hidden item's pixmap). Putting out the highlight
  puts out exactly the muscles lit, however many were lit before.
- Pixel comparison: a view grabbed on its first paint (every cache cold) and grabbed again
  after the same state was reached through changes (caches warm, items reused) is equal.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsPathItem

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.chart.marks import QUALITIES, MarkState
from nmt_bodymap.ui.map import body_scene, scene_marks
from nmt_bodymap.ui.map.body_scene import BodyScene
from nmt_bodymap.ui.map.body_view import BodyView
from nmt_bodymap.ui.map.map_items import PainMarkItem, quality_symbol
from nmt_bodymap.ui.map.palette import MapColors, intensity_color
from tests.ui.test_click_repaints import recording

ARM = ("upper_trapezius", "right")
CHEST = ("pectoralis_major", "right")
ZONES = {("acromion", "right"): "essential", ("antecubital", "right"): "spillover"}


def _view(qtbot: Any) -> BodyView:
    scene = BodyScene("anterior", load_atlas(), MapColors(dark=False))
    view = BodyView(scene, "Front")
    qtbot.addWidget(view)
    view.resize(420, 640)
    view.show()
    qtbot.waitExposed(view)
    return view


def _mark(key: str, n: int, status: str = "saving", **kw: Any) -> MarkState:
    x, y = 70.0 + 22.0 * (n % 6), 120.0 + 95.0 * (n // 6)
    fields: dict[str, Any] = dict(
        key=key, view="anterior", x=x, y=y, region="sternum", side="midline"
    )
    fields.update(intensity=n % 11, quality=QUALITIES[n % len(QUALITIES)], status=status)
    fields.update(kw)
    return MarkState(**fields)


def _settle(qtbot: Any, view: BodyView) -> None:
    """What is dirty is painted (the scene's posted calls, the view's paint)."""
    qtbot.wait(30)
    view.viewport().repaint()
    qtbot.wait(10)


def test_a_marks_save_answer_repaints_nothing(qtbot: Any, monkeypatch: Any) -> None:
    view = _view(qtbot)
    scene = view.body_scene
    mark = _mark("m1", 6)
    scene.put_mark(_mark("m2", 7, status="saved"))
    scene.put_mark(mark)
    _settle(qtbot, view)
    spread: list[int] = []
    real_spread = scene_marks.spread_offsets
    monkeypatch.setattr(
        scene_marks, "spread_offsets", lambda *a: spread.append(1) or real_spread(*a)
    )
    item = scene.mark_items["m1"]
    tip = item.toolTip()
    viewport = view.viewport()
    with recording() as seen:
        scene.put_mark(mark.with_status("saved"))  # the save answer
        qtbot.wait(60)
        assert seen.painted(viewport) == 0  # the view was not repainted
        assert item.toolTip() == tip and item.mark.status == "saved"
        assert spread == []  # no badge moves: the close marks are not spread again
        # a failed save is shown: the mark is repainted with its red badge
        scene.put_mark(mark.with_status("unsaved", "disk full"))
        qtbot.waitUntil(lambda: seen.painted(viewport) > 0)
    assert "NOT SAVED" in item.toolTip() and "disk full" in item.toolTip()


def test_a_changed_score_or_place_is_drawn_again(qtbot: Any) -> None:
    view = _view(qtbot)
    scene = view.body_scene
    mark = _mark("m1", 6, status="saved")
    scene.put_mark(mark)
    _settle(qtbot, view)
    before = view.grab().toImage()
    with recording() as seen:
        scene.put_mark(mark.with_details(9, "sharp"))
        qtbot.waitUntil(lambda: seen.painted(view.viewport()) > 0)
    assert view.grab().toImage() != before
    assert "9/10" in scene.mark_items["m1"].toolTip()
    moved = mark.moved(200.0, 300.0, "sternum", "midline")
    scene.put_mark(moved)
    assert scene.mark_items["m1"].pos().x() == 200.0


def _shown(scene: BodyScene) -> set[tuple[str, str]]:
    """The muscles a therapist sees lit (drawn: visible and not fully transparent)."""
    return {k for k, i in scene.muscle_items.items() if i.isVisible() and i.opacity() > 0}


def test_putting_out_the_highlight_puts_out_every_lit_muscle(qtbot: Any) -> None:
    view = _view(qtbot)
    scene = view.body_scene
    scene.set_highlight(ZONES, [(ARM, False)])
    scene.set_highlight({}, [(CHEST, True)])
    scene.set_highlight(ZONES, [(ARM, False), (CHEST, True)])
    assert _shown(scene) == {ARM, CHEST} == set(scene.visible_muscles())
    scene.set_highlight({}, [(CHEST, True)])
    assert _shown(scene) == {CHEST} == set(scene.visible_muscles())
    scene.clear_highlight()
    assert _shown(scene) == set() and scene.visible_muscles() == []
    # a muscle put out is not found under the pointer either
    chest = scene.muscle_items[CHEST].sceneBoundingRect().center()
    assert not [i for i in scene.items(chest) if i in scene.muscle_items.values()]


class Drawn(QGraphicsPathItem):
    """A muscle's or a region's item that counts how often it is drawn from its path."""

    paints: ClassVar[Counter[int]] = Counter()

    def paint(self, painter: QPainter, option: Any, widget: Any = None) -> None:
        Drawn.paints[id(self)] += 1
        super().paint(painter, option, widget)


def test_a_muscle_or_zone_lit_again_is_drawn_from_its_kept_pixmap(
    qtbot: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(body_scene, "QGraphicsPathItem", Drawn)
    Drawn.paints.clear()
    view = _view(qtbot)
    scene = view.body_scene
    acromion = ("acromion", "right")
    scene.set_highlight({acromion: "essential"}, [(ARM, False)])
    _settle(qtbot, view)
    lit_once = view.grab().toImage()
    arm, zone = id(scene.muscle_items[ARM]), id(scene.region_items[acromion])
    assert Drawn.paints[arm] == 1 and Drawn.paints[zone] == 1
    scene.set_highlight({("temple", "right"): "spillover"}, [(CHEST, True)])  # another one
    _settle(qtbot, view)
    assert _shown(scene) == {CHEST} and scene.zones == {("temple", "right"): "spillover"}
    scene.set_highlight({acromion: "essential"}, [(ARM, False)])  # the first one again
    _settle(qtbot, view)
    assert Drawn.paints[arm] == 1 and Drawn.paints[zone] == 1  # their pixmaps were kept
    assert view.grab().toImage() == lit_once
    # a zone lit with the other kind is drawn again, with the other brush
    scene.set_highlight({acromion: "spillover"}, [(ARM, False)])
    _settle(qtbot, view)
    assert Drawn.paints[zone] == 2 and view.grab().toImage() != lit_once
    # a region put out is not found under the pointer
    scene.clear_highlight()
    spot = scene.region_items[acromion].sceneBoundingRect().center()
    assert scene.region_items[acromion] not in scene.items(spot)


def _draw_state(scene: BodyScene, marks: list[MarkState]) -> None:
    for mark in marks:
        scene.put_mark(mark)
    scene.show_selection({"m3", "m8"})
    scene.set_highlight(ZONES, [(ARM, False), (CHEST, True)])
    scene.add_pin(*ARM, "tp1", "TP1", (150.0, 160.0))


def test_a_view_drawn_from_warm_caches_looks_as_on_its_first_paint(qtbot: Any) -> None:
    marks = [_mark(f"m{n}", n, "unsaved" if n == 5 else "saved") for n in range(12)]
    cold_view = _view(qtbot)
    _draw_state(cold_view.body_scene, marks)
    _settle(qtbot, cold_view)
    cold: QImage = cold_view.grab().toImage()

    view = _view(qtbot)
    scene = view.body_scene
    # the same state reached through changes: every item painted and cached before
    for mark in marks:
        scene.put_mark(mark.with_status("saving"))
    # (a muscle's depth is its own; muscles lit in the same order stack the same way)
    scene.set_highlight({("acromion", "right"): "spillover"}, [(ARM, False), (CHEST, True)])
    scene.add_pin(*CHEST, "tp9", "TP9", (90.0, 300.0))
    scene.show_selection({"m1"})
    _settle(qtbot, view)
    scene.clear_highlight()
    scene.show_selection(set())
    _settle(qtbot, view)
    _draw_state(scene, marks)  # saved again, selected, lit: reused items and pixmaps
    _settle(qtbot, view)
    warm = view.grab().toImage()
    assert warm.size() == cold.size()
    assert warm == cold
    view.viewport().repaint()  # and a repaint straight from the caches
    assert view.grab().toImage() == cold


def test_shared_colours_and_shapes_are_copies() -> None:
    colour = intensity_color(7)
    colour.setAlpha(10)
    assert intensity_color(7).alpha() == 255
    assert intensity_color(7) == QColor(intensity_color(7))
    shape = quality_symbol("sharp", 12.0)
    shape.addEllipse(0, 0, 80, 80)
    assert quality_symbol("sharp", 12.0).boundingRect().width() < 40
    mark = PainMarkItem(_mark("m1", 3), MapColors(dark=False))
    rect = mark.boundingRect()
    rect.adjust(-50, -50, 50, 50)
    assert mark.boundingRect() != rect
