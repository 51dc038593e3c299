"""Issue 18: the window ranks the candidates again after every change of the open visit's
document (or of the marks picked), and never without one: the key is the document's
revision, not a tuple built from every mark (0.6 s on a 10,000-mark visit)."""

from __future__ import annotations

from typing import Any

import pytest

from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
from tests.ui.conftest import click_region


def test_ranking_follows_every_document_change_and_nothing_else(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranked: list[list[str]] = []
    real = CandidatesPanel.show_for_marks

    def counting(self: CandidatesPanel, marks: Any, selected: bool) -> None:
        ranked.append(sorted(m.region for m in marks))
        real(self, marks, selected)

    monkeypatch.setattr(CandidatesPanel, "show_for_marks", counting)
    worker = window.worker

    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1 and worker.pending() == 0)
    assert ranked == [["temple"]]  # one ranking for the gesture, its save answer adds none

    # Asked again without a change (a repeated announcement, a selection that stayed the
    # same, the save status redrawn): nothing is ranked.
    window._refresh_candidates()
    window._on_selection([])
    window.open_visit._announce_status(frozenset())
    window._refresh_candidates()
    assert len(ranked) == 1

    click_region(qtbot, window, "posterior", "calf", "left")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 2 and worker.pending() == 0)
    both = sorted(m.region for m in window.marks.marks())  # the calf's part and the temple
    assert ranked[-1] == both and len(ranked) == 2

    window.undo_stack.undo()  # the calf mark removed: a change, ranked again
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1 and worker.pending() == 0)
    assert ranked[-1] == ["temple"] and len(ranked) == 3
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 2 and worker.pending() == 0)
    assert ranked[-1] == both and len(ranked) == 4
    window._refresh_candidates()
    assert len(ranked) == 4
    # The rows' values unchanged but the document changed (the visit read again): ranked.
    revision = window.open_visit.doc_revision
    window.marks.load_visit(window.marks.visit_id)
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 2 and worker.pending() == 0)
    assert window.open_visit.doc_revision > revision
    assert ranked[-1] == both and len(ranked) >= 5
    assert window.candidates.tree.topLevelItemCount() > 0
