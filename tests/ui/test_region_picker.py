"""Issue 15: a mark placed by typing the place ("/", "r temple", Enter), without a mouse."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.map.region_picker import find_regions, region_choices
from tests.ui.conftest import call_on_worker


def test_short_words_name_the_region() -> None:
    choices = region_choices(load_atlas())
    assert find_regions("r temple", choices)[0].label == "Right temple"
    heels = find_regions("l heel", choices)  # the heel is drawn as its parts (issue 17)
    assert {h.region for h in heels} == {"posterior_heel", "plantar_heel", "medial_heel"}
    assert all(h.label.startswith("Left") and h.side == "left" for h in heels)
    assert find_regions("zz", choices) == []


def test_typing_the_place_marks_it_like_a_click(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    window.activateWindow()
    window.focus_map()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Slash)
    assert window.region_picker.isVisible()
    assert QApplication.focusWidget() is window.region_picker.edit
    qtbot.keyClicks(window.region_picker.edit, "r temple")
    qtbot.keyClick(window.region_picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    [mark] = window.marks.marks()
    point = load_atlas().region("anterior", "temple", "right").point
    assert (mark.view, mark.region, mark.side, mark.intensity) == ("anterior", "temple", "right", 7)
    assert (mark.x, mark.y) == point
    assert not window.region_picker.isVisible()
    visit_id = seeded["visit"].id
    stored = call_on_worker(qtbot, seeded["worker"], lambda s: s.list_pain_marks(visit_id))
    assert [(m.region, m.side) for m in stored] == [("temple", "right")]
    window.actions_by_key["undo"].trigger()  # one undo step, as for a click
    qtbot.waitUntil(lambda: window.marks.marks() == [], timeout=10_000)


def test_an_unknown_place_marks_nothing(qtbot: Any, window: Any) -> None:
    window.actions_by_key["place-by-name"].trigger()
    qtbot.keyClicks(window.region_picker.edit, "qqq")
    qtbot.keyClick(window.region_picker.edit, Qt.Key.Key_Return)
    assert window.marks.marks() == []
    assert "No place" in window.region_picker.hint.text()
