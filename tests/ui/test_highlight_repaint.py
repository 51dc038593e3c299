"""Issue 18 (click to highlight): a new candidate's highlight touches only what changes.

A zone or muscle lit for the last candidate and for this one keeps its item as it is
(not put out and lit again), so the scene reports no repaint of its area; what changes is
lit or put out exactly. The static figure (outline, region borders, landmarks) is the
views' cached background, not items repainted with the highlight.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import QGraphicsView

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.map.body_scene import BodyScene
from nmt_bodymap.ui.map.palette import MapColors

ARM = ("upper_trapezius", "right")


def _scene(qtbot) -> tuple[BodyScene, list[list[QRectF]]]:  # type: ignore[no-untyped-def]
    scene = BodyScene("anterior", load_atlas(), MapColors())
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    view.resize(400, 600)
    view.show()
    qtbot.waitExposed(view)
    changes: list[list[QRectF]] = []
    scene.changed.connect(changes.append)
    return scene, changes


def _lit(scene: BodyScene) -> set[tuple[str, str]]:
    """The regions drawn lit (a region put out is made transparent: branch mappaint)."""
    return {k for k, item in scene.region_items.items() if item.isVisible() and item.opacity()}


def _area(rects: list[list[QRectF]]) -> float:
    return sum(r.width() * r.height() for batch in rects for r in batch)


def test_the_same_highlight_again_repaints_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    scene, changes = _scene(qtbot)
    zones = {("acromion", "right"): "essential", ("antecubital", "right"): "spillover"}
    scene.set_highlight(zones, [(ARM, False)])
    qtbot.waitUntil(lambda: bool(changes))
    assert _lit(scene) == set(zones)
    assert scene.visible_muscles() == [ARM]
    changes.clear()
    scene.set_highlight(dict(zones), [(ARM, False)])
    # a later change shows the scene is processing updates: nothing came before it
    scene.region_items[("anterior_hip", "left")].setVisible(True)
    qtbot.waitUntil(lambda: bool(changes))
    hip = scene.region_items[("anterior_hip", "left")].sceneBoundingRect()
    assert all(hip.contains(r) or r.isEmpty() for batch in changes for r in batch)


def test_a_new_candidate_lights_exactly_its_zones(qtbot) -> None:  # type: ignore[no-untyped-def]
    scene, _ = _scene(qtbot)
    first = {("acromion", "right"): "essential", ("antecubital", "right"): "spillover"}
    scene.set_highlight(first, [(ARM, False)])
    second = {("acromion", "right"): "essential", ("anterior_hip", "left"): "spillover"}
    scene.set_highlight(second, [])
    assert _lit(scene) == set(second)
    assert scene.zones == second
    assert scene.visible_muscles() == []
    # a zone that turns from spillover to essential takes the solid brush
    scene.set_highlight({("anterior_hip", "left"): "essential"}, [])
    item = scene.region_items[("anterior_hip", "left")]
    assert _lit(scene) == {("anterior_hip", "left")}
    assert item.brush().color() == MapColors().essential
    scene.clear_highlight()
    assert _lit(scene) == set() and scene.zones == {}


def test_changing_candidates_repaints_less_than_putting_out_and_relighting(qtbot) -> None:  # type: ignore[no-untyped-def]
    scene, changes = _scene(qtbot)
    zones = {("acromion", "right"): "essential", ("antecubital", "right"): "spillover"}
    scene.set_highlight(zones, [(ARM, False)])
    qtbot.waitUntil(lambda: bool(changes))
    changes.clear()
    scene.set_highlight({**zones, ("anterior_hip", "left"): "spillover"}, [(ARM, False)])
    qtbot.waitUntil(lambda: bool(changes))
    kept = _area(changes)
    changes.clear()
    scene.clear_highlight()  # the old way: everything put out, then lit again
    scene.set_highlight(zones, [(ARM, False)])
    qtbot.waitUntil(lambda: bool(changes))
    assert kept < _area(changes)


def test_landmarks_are_background_not_an_item(qtbot) -> None:  # type: ignore[no-untyped-def]
    scene, _ = _scene(qtbot)
    assert not [i for i in scene.items() if isinstance(i, QGraphicsSvgItem)]

    def drawn() -> QImage:
        image = QImage(300, 600, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        return image

    with_landmarks = drawn()
    scene._landmarks = False
    assert drawn() != with_landmarks  # the drawing's landmarks are in the background
