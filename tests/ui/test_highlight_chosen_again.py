"""Issue 18 (click p95): the candidate lit, lit again, is not drawn again.

The candidate list keeps the chosen muscle when a click refills it, and lights it again:
mostly the same muscle, zones and trigger points as before the click. The map then put out
every trigger-point pin and showed it again (Qt drops a hidden item's pixmap: each pin was
drawn again) and the views repainted their areas. Now the map compares what it draws
(muscle, sides, zones, pins) and touches nothing when it is the same. Counted with an event
filter on the views' viewports and a counter on the pins' paint. Another candidate is
still drawn.
"""

from __future__ import annotations

from typing import Any

from nmt_bodymap.ui.map.map_items import TriggerPointPin
from tests.ui.conftest import click_region
from tests.ui.test_click_repaints import recording, settle


def test_the_lit_candidate_lit_again_repaints_nothing_on_the_map(
    qtbot: Any, window: Any, monkeypatch: Any
) -> None:
    pin_paints: list[str] = []
    real_paint = TriggerPointPin.paint

    def counted(pin: TriggerPointPin, *args: Any) -> None:
        pin_paints.append(pin.tp_id)
        real_paint(pin, *args)

    monkeypatch.setattr(TriggerPointPin, "paint", counted)
    window.side_tabs.setCurrentWidget(window.candidates)
    click_region(qtbot, window, "anterior", "pectoral", "right")
    settle(qtbot, window)
    listed = window.candidates.candidates()
    assert len(listed) > 1
    body_map = window.body_map
    assert window.candidates.choose(listed[0].muscle, listed[0].side)
    settle(qtbot, window)
    lit = body_map.highlight
    assert lit is not None and (lit.muscle_id, lit.candidate.side) == (
        listed[0].muscle,
        listed[0].side,
    )
    pins = [p for s in body_map.scenes.values() for p in s.pins]
    assert pins and len(pin_paints) >= len(pins)  # drawn once when lit
    viewports = [v.viewport() for v in body_map.views.values()]
    with recording() as seen:
        drawn_before = len(pin_paints)
        window._on_candidate(listed[0])  # what the list's refill does with the chosen one
        settle(qtbot, window)
        assert sum(map(seen.painted, viewports)) == 0  # the map was not repainted
        assert len(pin_paints) == drawn_before  # no pin drawn again
        assert body_map.highlight is not None
        assert [p for s in body_map.scenes.values() for p in s.pins] == pins
        # another candidate is drawn as before
        other = listed[1]
        assert window.candidates.choose(other.muscle, other.side)
        settle(qtbot, window)
        assert body_map.highlight.muscle_id == other.muscle
        assert sum(map(seen.painted, viewports)) > 0
