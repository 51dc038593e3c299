"""Issue 18 (click p95/p99): the functions a map click runs import nothing per call.

With PySide6 loaded every ``import`` statement goes through shiboken's import hook
(``feature_import``), 1-2 us even for a module already loaded; these run once or more per
click (a mark's tooltip and place, the knowledge language, the candidate list's fill).
The atlas module no longer imports shapely, so ``labels`` imports its ``mark_side`` once.
"""

from __future__ import annotations

import dis
from collections.abc import Callable
from typing import Any

from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.map import labels
from nmt_bodymap.ui.map.map_items import mark_tooltip

PER_CLICK: list[Callable[..., Any]] = [
    mark_tooltip,
    labels.knowledge_language,
    labels.mark_place_label,
    CandidatesPanel.show_for_marks,
]


def test_per_click_functions_import_nothing() -> None:
    for function in PER_CLICK:
        imports = [i.argval for i in dis.get_instructions(function) if i.opname == "IMPORT_NAME"]
        assert imports == [], function.__qualname__


def test_a_midline_marks_place_is_named_from_its_point() -> None:
    # the same answers as before the import moved: the side of a midline mark's point
    left = MarkState("a", "anterior", 10.0, 20.0, "temple", "left", 5, "ache")
    assert mark_tooltip(left) == "Left temple: ache, 5/10"
    assert labels.mark_side("anterior", "temple", "left", None) == "left"
