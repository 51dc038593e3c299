"""What a mark's save costs the window once the click is answered (issue 18): the save's
answer reads no marks while none is unsaved, and the visit summary is laid out again only
when what it shows changed."""

from __future__ import annotations

from typing import Any

import pytest

from nmt_bodymap.ui.chart.commands import push_operations
from nmt_bodymap.ui.chart.visit_marks import VisitMarks
from tests.ui.conftest import click_region


def _count_calls(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    calls = [0]
    real = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_saves_answer_reads_no_marks_while_none_is_unsaved(
    qtbot: Any, window: Any, seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = seeded["worker"]
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    click_region(qtbot, window, "anterior", "jaw", "left")  # its save answers below
    reads = _count_calls(monkeypatch, VisitMarks, "marks")
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.save_state.text() == "All changes saved", timeout=5000)
    assert reads[0] == 0
    assert window.marks.unsaved() == [] and len(window.marks.marks()) == 2


def test_the_summary_is_set_again_only_when_what_it_shows_changed(
    qtbot: Any, window: Any, seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    worker, summary = seeded["worker"], window.summary
    window.side_tabs.setCurrentWidget(summary)
    before = summary.text.toPlainText()
    sets = _count_calls(monkeypatch, summary.text, "setHtml")
    click_region(qtbot, window, "anterior", "temple", "right")
    assert sets[0] == 1  # the new mark's line: one layout
    text = summary.text.toPlainText()
    assert "Right temple: 5/10" in text and "No pain marked yet" in before
    assert text.split("Pain marked")[0] == before.split("Pain marked")[0]  # the heading
    assert "Expected soreness: 24 to 36 hours" in text
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    assert sets[0] == 1  # the save's answer changed nothing the summary shows

    # A note is not in the summary: the change is stored, the summary is not laid out.
    key = window.marks.marks()[0].key
    op = window.marks.change_op(key, note="eases with heat")
    push_operations(window.undo_stack, window.open_visit, [op], "Note")
    assert window.open_visit.doc.row(op.kind, key).values["note"] == "eases with heat"
    assert sets[0] == 1 and summary.text.toPlainText() == text
    window.undo_stack.undo()  # the mark's line is unchanged by the undo as well
    window.undo_stack.undo()  # the mark removed: its line goes
    assert sets[0] == 2 and "Right temple: 5/10" not in summary.text.toPlainText()

    # Another visit (here: its complaint changed) gets its own heading at once.
    visit = summary.visit
    changed = type(visit)(**{**vars(visit), "chief_complaint": "Jaw ache"})
    summary.show_visit(changed, None)
    assert "Chief complaint: Jaw ache" in summary.text.toPlainText()
    summary.show_visit(visit, None)
    assert summary.text.toPlainText() == before
