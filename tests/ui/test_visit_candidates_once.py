"""Issue 18: opening a visit of many marks fills the candidate list once, read by place."""

from __future__ import annotations

import random
from typing import Any

import pytest

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
from tests.ui.conftest import call_on_worker, open_window


def test_a_visit_of_many_marks_fills_the_list_once_with_each_place_once(
    qtbot: Any, seeded: dict[str, Any], no_dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    atlas = load_atlas()
    rng = random.Random(5)
    places: list[tuple[float, float, str, str]] = []
    for name in ("temple", "lateral_neck", "anterior_shoulder"):
        point = atlas.region("anterior", name, "right").point
        places.append((float(point[0]), float(point[1]), name, "right"))
    visit_id = seeded["visit"].id

    def add_marks(store: Any) -> None:
        for _ in range(120):
            x, y, region, side = rng.choice(places)
            store.add_pain_mark(
                visit_id, view="anterior", x=x, y=y, region=region, side=side,
                intensity=5, quality="ache",
            )  # fmt: skip

    call_on_worker(qtbot, seeded["worker"], add_marks)
    calls: list[int] = []
    real = CandidatesPanel.show_for_marks

    def counting(self: CandidatesPanel, marks: Any, selected: bool) -> None:
        calls.append(len(marks))
        real(self, marks, selected)

    monkeypatch.setattr(CandidatesPanel, "show_for_marks", counting)
    window = open_window(qtbot, seeded["worker"], visit_id)
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 120, timeout=10_000)
    assert [n for n in calls if n] == [120]  # one fill for the opened visit, not per mark
    top = window.candidates.tree.topLevelItem(0)
    assert top is not None and top.text(2) != ""
    tip = window.candidates.tooltip(top, 0).splitlines()  # made when asked for
    assert 1 <= len(tip) <= 3 and len(set(tip)) == len(tip)  # each place once, not 120 lines
