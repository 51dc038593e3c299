"""Issue 15: a pain badge never hides a trigger-point pin or the zone where the client hurts."""

from __future__ import annotations

from typing import Any

from nmt_bodymap.ui.map.map_items import PainMarkItem, TriggerPointPin
from tests.ui.conftest import click_region


def test_pins_stay_clickable_on_top_of_pain_marks(qtbot: Any, window: Any) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: window.candidates.choose("temporalis", "right"))
    candidate = window.candidates.current_candidate()
    scene = window.body_map.scenes["anterior"]
    [mark] = [i for i in scene.items() if isinstance(i, PainMarkItem)]
    pins = [i for i in scene.items() if isinstance(i, TriggerPointPin) and i.isVisible()]
    assert pins, "the temporalis shows no pin on the front view"
    # Put the mark right on a pin, as a therapist marking the spot that hurts does.
    mark.setPos(pins[0].pos())
    view = window.body_map.views["anterior"]
    on_top = view.itemAt(view.mapFromScene(pins[0].pos()))
    assert isinstance(on_top, TriggerPointPin), "the pain badge covers the trigger point"
    assert candidate.muscle == "temporalis"


def test_a_pain_mark_lets_the_referral_zone_show_through(qtbot: Any, window: Any) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: window.candidates.choose("temporalis", "right"))
    scene = window.body_map.scenes["anterior"]
    [mark] = [i for i in scene.items() if isinstance(i, PainMarkItem)]
    assert mark.effectiveOpacity() < 1.0
