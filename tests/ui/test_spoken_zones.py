"""A screen reader hears a candidate row's zones ("why"), as a sighted therapist sees them
in the row's tooltip: "Upper trapezius, Right, explains: 1 of 1 spots. Temple (right):
essential zone". The tooltip became made-on-hover on 2026-12-02 (issue 18) and the spoken
text, which read it from the row, lost the zones; this pins them back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from nmt_bodymap.ui.accessibility import AccessibilityFilter
from nmt_bodymap.ui.accessible_views import DONE
from tests.ui.conftest import click_region

SPEECH = Qt.ItemDataRole.AccessibleTextRole


def test_each_candidate_row_speaks_its_zones(
    reader: AccessibilityFilter, qtbot: Any, window: Any
) -> None:
    window.side_tabs.setCurrentWidget(window.candidates)
    panel = window.candidates
    tree = panel.tree
    for view, region in (
        ("anterior", "temple"),
        ("posterior", "lower_buttock"),
        ("anterior", "pectoral"),
    ):
        click_region(qtbot, window, view, region, "right")
        qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
        # the filter wires the list for a screen reader after the window's first paint
        qtbot.waitUntil(lambda: bool(tree.property(DONE)), timeout=10_000)
        QCoreApplication.sendPostedEvents()
        checked = 0
        for index in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(index)
            why = panel.tooltip(item, 0)
            if not why:
                continue  # a section heading
            spoken = item.data(0, SPEECH)
            assert spoken.startswith(item.text(0) + ", ")
            assert spoken.endswith(". " + why.replace("\n", "; ")), (spoken, why)
            checked += 1
        assert checked >= 3
