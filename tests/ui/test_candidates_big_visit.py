"""Issue 18: the candidate list of a big visit (places made once, only the shown candidates
spelled out mark by mark) reads exactly as the list of a mark-by-mark ranking."""

from __future__ import annotations

from typing import Any

import pytest

from nmt_bodymap.core import ranking
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.ui.candidates.candidates_panel import MAX_SHOWN, CandidatesPanel
from nmt_bodymap.ui.chart.marks import MarkState
from tests.core.random_visits import per_spot
from tests.core.test_rank_big_visit import big_visit
from tests.ui.test_candidates_panel import what_it_shows


def _marks() -> list[MarkState]:
    return [
        MarkState(f"m{i}", s.view, *(s.point or (None, None)), s.region, s.side, 5, "ache")
        for i, s in enumerate(big_visit(1500, 150, 21))
        if s.point is not None or s.view == "internal"
    ]


def test_big_visit_list_reads_as_mark_by_mark(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    marks = _marks()
    panel = CandidatesPanel(load_knowledge())
    qtbot.addWidget(panel)
    panel.show_for_marks(marks, selected=False)
    shown = what_it_shows(panel)
    monkeypatch.setattr(ranking, "distinct_places", per_spot)
    by_mark = CandidatesPanel(load_knowledge())
    qtbot.addWidget(by_mark)
    by_mark.show_for_marks(marks, selected=False)
    assert what_it_shows(by_mark) == shown  # heading, rows, "n of m spots", zones, tooltips
    counts = [row[0][2] for row in shown["rows"]]
    assert f"of {len(marks)} spots" in counts[0]
    assert len(shown["rows"]) >= MAX_SHOWN // 2  # groups fold parts; the under-spot rows


@pytest.mark.parametrize("language", ["en", "de"])
def test_place_labels_per_mark_as_each_mark_names_itself(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The labels are made once per (region, side named), yet every mark reads as it names
    itself: a midline sternum mark left or right of the midline is the "Left/Right
    sternum", a midline mark on a region without sides keeps "midline" (issue 18)."""
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.ui.map import labels

    monkeypatch.setattr(labels, "_chosen", [language])
    atlas = load_atlas()
    sx, sy = atlas.region("anterior", "sternum", "midline").point
    midline = [r for r in atlas.regions("anterior") if r.side == "midline"]
    extra = [
        MarkState("l", "anterior", sx + 10.0, sy, "sternum", "midline", 5, "ache"),
        MarkState("r", "anterior", sx - 10.0, sy, "sternum", "midline", 5, "ache"),
        *(
            MarkState(f"c{i}", "anterior", *r.point, r.region, "midline", 5, "ache")
            for i, r in enumerate(midline)
        ),
    ]
    marks = _marks() + extra
    panel = CandidatesPanel(load_knowledge())
    qtbot.addWidget(panel)
    panel.show_for_marks(marks, selected=False)
    want = [labels.mark_place_label(m, labels.knowledge_language()) for m in marks]
    assert panel._spot_labels == want
    assert len({want[-len(extra)], want[-len(extra) + 1]}) == 2  # left and right differ
