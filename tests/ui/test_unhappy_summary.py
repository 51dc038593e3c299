"""The Summary tab of a 10,000-mark visit is built off the GUI thread and laid out per
place, so the window does not block (issue 13)."""

from __future__ import annotations

import threading
import types
from datetime import UTC, datetime
from typing import Any

from PySide6.QtGui import QUndoStack

from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.ui.chart.visit_follow_ups import VisitFollowUps
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.clinic import visit_summary


def _mark(i: int, region: str = "temple") -> Any:
    return types.SimpleNamespace(region=region, side="right", intensity=i % 11, quality="ache")


def test_a_ten_thousand_mark_summary_is_built_off_the_gui_thread(
    qtbot: Any, monkeypatch: Any
) -> None:
    worker = StoreWorker()
    try:
        panel = visit_summary.VisitSummaryPanel(
            load_knowledge(), VisitFollowUps(worker), QUndoStack()
        )
        qtbot.addWidget(panel)
        visit = types.SimpleNamespace(
            id=1, started_at=datetime(2025, 3, 1, 14, tzinfo=UTC), chief_complaint="Headache"
        )
        panel.visit = visit
        threads: list[str] = []
        original = panel._summary_html

        def spy(*args: Any, **kwargs: Any) -> str:
            threads.append(threading.current_thread().name)
            return original(*args, **kwargs)

        monkeypatch.setattr(panel, "_summary_html", spy)
        marks = [_mark(i) for i in range(9_000)] + [_mark(i, "jaw") for i in range(1_000)]
        panel.set_chart(marks, [], [])
        assert "Preparing the summary" in panel.text.toPlainText()
        qtbot.waitUntil(lambda: "9000 marks" in panel.text.toPlainText(), timeout=20_000)
        text = panel.text.toPlainText()
        assert "Right temple: 9000 marks, 0–10/10, ache" in text
        assert "1000 marks" in text
        assert threads and all(name.startswith("visit-summary") for name in threads)
        assert panel.text.document().blockCount() < 60  # laid out per place, not per mark
    finally:
        worker.shutdown()


def test_a_stale_summary_is_dropped_when_the_visit_changes(qtbot: Any) -> None:
    worker = StoreWorker()
    try:
        panel = visit_summary.VisitSummaryPanel(
            load_knowledge(), VisitFollowUps(worker), QUndoStack()
        )
        qtbot.addWidget(panel)
        visit = types.SimpleNamespace(
            id=1, started_at=datetime(2025, 3, 1, 14, tzinfo=UTC), chief_complaint=""
        )
        panel.visit = visit
        with qtbot.waitSignal(panel._built, timeout=20_000):  # the big one arrives late
            panel.set_chart([_mark(i) for i in range(5_000)], [], [])
            panel.set_chart([_mark(1)], [], [])  # a small chart replaces it at once
        assert "Right temple: 1/10, ache" in panel.text.toPlainText()
        assert "5000 marks" not in panel.text.toPlainText()
    finally:
        worker.shutdown()
