"""A click left of the client's sternum is charted on the midline region and named "Left
sternum" on the map, in the candidates' spot list and in the SOAP text (issue 17)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from shapely.geometry import LineString

from nmt_bodymap.core.atlas import load_atlas

from .conftest import call_on_worker


def _sternum_point(x: float) -> tuple[float, float]:
    shape = load_atlas().region("anterior", "sternum", "midline").shape
    _, min_y, _, max_y = shape.bounds
    cut = shape.intersection(LineString([(x, min_y), (x, max_y)]))
    middle = cut.interpolate(0.5, normalized=True)
    return (middle.x, middle.y)


def test_left_of_the_sternum_reads_left_sternum(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    point = _sternum_point(512.0)  # the client's left is on the viewer's right (front view)
    body_view = window.body_map.views["anterior"]
    pos = body_view.map_to_widget(point)
    qtbot.mouseClick(body_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    visit_id = seeded["visit"].id
    scene = window.body_map.scenes["anterior"]
    qtbot.waitUntil(lambda: len(scene.mark_items) == 1, timeout=10_000)
    stored = call_on_worker(qtbot, window.worker, lambda s: s.list_pain_marks(visit_id))
    assert [(m.region, m.side) for m in stored] == [("sternum", "midline")], "stored as charted"
    (item,) = scene.mark_items.values()
    assert item.toolTip().startswith("Left sternum:")
    panel = window.candidates
    qtbot.waitUntil(lambda: panel._spot_labels == ["Left sternum"], timeout=10_000)
    tab = window.documents.soap_tab
    window.side_tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.edits["objective"].isEnabled(), timeout=10_000)
    qtbot.mouseClick(tab.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Left sternum" in tab.edits["objective"].toPlainText(), timeout=10_000)
    assert "Pain map: Sternum" not in tab.edits["objective"].toPlainText()


def test_the_history_names_the_side_of_a_midline_mark() -> None:
    from nmt_bodymap.ui.chart.history_view import describe

    x, y = _sternum_point(488.0)  # the client's right (viewer's left on the front view)
    values = {"view": "anterior", "x": x, "y": y, "region": "sternum", "side": "midline",
              "quality": "ache", "intensity": 4}  # fmt: skip
    assert describe("pain_mark", values).startswith("Right sternum")
    assert describe("pain_mark", {**values, "x": None}).startswith("Sternum")
