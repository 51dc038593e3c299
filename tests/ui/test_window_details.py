"""Issue 15: guide counts, assessment boxes and labels, legend, F1 list, title and status."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt

from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.clinic.examination_guide import ExaminationGuidePanel
from nmt_bodymap.ui.map.legend import MapLegend
from nmt_bodymap.ui.map.palette import MapColors


def test_the_guide_counts_a_muscle_with_one_finding_once(qtbot: Any, window: Any) -> None:
    guide = ExaminationGuidePanel(window.knowledge)
    qtbot.addWidget(guide)
    # vertex and mastoid: two regional guides that both list the upper trapezius
    guide.show_for([("vertex", "right"), ("mastoid", "right")], [("upper_trapezius", "right")])
    listed = {m for g in guide.guides for m in g.muscles}
    assert sum("upper_trapezius" in g.muscles for g in guide.guides) == 2
    assert f"1 of {len(listed)} muscles have a finding" in guide.heading.text()


def test_severity_boxes_stay_after_the_first_tick(qtbot: Any, window: Any) -> None:
    from nmt_bodymap.ui.clinic.posture_gait_tab import PostureGaitTree

    window.assessment_panel.ensure_built()
    tree = window.assessment_panel.tree
    assert isinstance(tree, PostureGaitTree)
    rows = list(tree._rows.values())
    first = next(r for r in rows if r.side is None)
    first.item.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: tree.observations.find(first.kind, first.observation.id) is not None)
    tree.refresh()
    others = [r for r in rows if r is not first]
    assert all(not r.severity.isHidden() for r in others), "severity boxes vanished"
    assert first.severity.isEnabled()
    assert not others[0].severity.isEnabled()


def test_assessment_labels_are_read_in_full(qtbot: Any, window: Any) -> None:
    from nmt_bodymap.ui.clinic.posture_gait_tab import PostureGaitTree

    window.assessment_panel.ensure_built()
    tree = window.assessment_panel.tree
    assert isinstance(tree, PostureGaitTree)
    tree.setParent(None)
    qtbot.addWidget(tree)
    tree.resize(420, 600)
    tree.show()
    qtbot.waitExposed(tree)
    tree.doItemsLayout()
    delegate = tree.itemDelegateForColumn(0)
    metrics = tree.fontMetrics()
    longest = max(tree._rows.values(), key=lambda r: metrics.horizontalAdvance(r.observation.label))
    width = delegate.text_width(tree.indexFromItem(longest.item))
    assert metrics.horizontalAdvance(longest.observation.label) > width, "pick a narrower tree"
    needed = metrics.boundingRect(
        QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, longest.observation.label
    )
    assert tree.visualItemRect(longest.item).height() >= needed.height()
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone and tree.wordWrap()


def test_legend_labels_never_collide(qtbot: Any) -> None:
    legend = MapLegend(MapColors(dark=False))
    qtbot.addWidget(legend)
    for width in (600, 630, 760, 940, 1200):
        legend.resize(width, 58)
        _font, placed = legend.layout_keys()
        rects = [rect for _kind, _x, _y, rect in placed]
        for a, b in itertools.combinations(rects, 2):
            assert not a.intersects(b), f"labels overlap at width {width}"
        assert all(rect.right() <= width for rect in rects), f"a label is cut at {width}"


def test_f1_lists_each_shortcut_once(window: Any, no_dialogs: list[str]) -> None:
    window.show_shortcuts()
    text = no_dialogs[-1]
    assert "Ctrl+Q, Ctrl+Q" not in text and "F14" not in text
    assert "<td>Quit</td><td>&nbsp;&nbsp;<b>Ctrl+Q</b></td>" in text
    assert "<td>Undo</td><td>&nbsp;&nbsp;<b>Ctrl+Z</b></td>" in text


def test_title_is_a_friendly_chart_name_and_the_status_moves_on(
    qtbot: Any, tmp_path: Path, no_dialogs: list[str]
) -> None:
    from nmt_bodymap.ui.window_state import chart_title

    worker = StoreWorker()
    try:
        path = tmp_path / "charts.sqlite3"
        window = app_module.show_main_window(None, worker, str(path))  # type: ignore[arg-type]
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: "—" in window.windowTitle(), timeout=15_000)
        assert window.windowTitle() == "NMT Body Map — charts (this computer)"
        assert "sqlite" not in window.windowTitle() and str(tmp_path) not in window.windowTitle()
        assert "Opening the chart" not in window.statusBar().currentMessage()
    finally:
        worker.shutdown()
    assert (
        chart_title("postgresql+psycopg://nmt:***@db.clinic.local:5432/clinic")
        == "clinic on db.clinic.local"
    )
