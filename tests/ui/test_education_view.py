"""Issue 15: education mode opens on the chosen muscle, in the map's colours, head included."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsPathItem

from nmt_bodymap.ui.clinic.workflow_actions import open_education
from nmt_bodymap.ui.education.education_mode import EducationWindow
from nmt_bodymap.ui.map.palette import MapColors
from tests.ui.conftest import click_region


def _rgb(color: Any) -> tuple[int, int, int]:
    return (color.red(), color.green(), color.blue())


def test_opens_on_the_muscle_the_therapist_selected(qtbot: Any, window: Any) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: window.candidates.choose("sternocleidomastoid", "right"))
    opened: list[EducationWindow] = []
    open_education(
        window.worker.submit,
        window.marks.visit_id,
        on_open=opened.append,
        full_screen=False,
        selected=window.candidates.current_candidate().muscle,
    )
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    qtbot.addWidget(opened[0])
    assert opened[0].current.id == "sternocleidomastoid"


def test_f11_passes_the_selected_candidate(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: window.candidates.choose("sternocleidomastoid", "right"))
    seen: list[Any] = []
    monkeypatch.setattr(
        "nmt_bodymap.ui.clinic.workflow_actions.EducationWindow",
        lambda ids, parent=None, selected=None: seen.append(selected) or _Silent(),
    )
    window.actions_by_key["education"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == ["sternocleidomastoid"]


class _Silent:
    def showFullScreen(self) -> None:
        pass

    def show(self) -> None:
        pass

    def isVisible(self) -> bool:
        return False


def test_same_colours_as_the_charting_view(qtbot: Any) -> None:
    window = EducationWindow(["upper_trapezius"])
    qtbot.addWidget(window)
    colors = MapColors(dark=False)
    zones = {
        item.data(0): item
        for layer in window.layers
        for item in layer.childItems()
        if item.data(0) in ("essential", "spillover")
    }
    assert _rgb(zones["essential"].brush().color()) == _rgb(colors.essential)
    assert _rgb(zones["spillover"].brush().color()) == _rgb(colors.spillover)
    muscles = [
        i
        for layer in window.layers
        for i in layer.childItems()
        if isinstance(i, QGraphicsPathItem) and i.data(0) is None
    ]
    assert muscles and _rgb(muscles[0].brush().color()) == _rgb(colors.muscle)
    pins = [
        i for lay in window.layers for i in lay.childItems() if isinstance(i, QGraphicsEllipseItem)
    ]
    assert pins and _rgb(pins[0].brush().color()) == _rgb(colors.pin)


def test_the_whole_figure_is_shown_head_included(qtbot: Any) -> None:
    window = EducationWindow(["gluteus_medius"])
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    figure = window.scene.itemsBoundingRect()
    assert shown.top() <= figure.top() + 1 and shown.bottom() >= figure.bottom() - 1
