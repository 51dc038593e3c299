"""Issue 18: a change of one mark is announced from the rows it names (looked up one by
one), not from a copy of every mark of the visit; added, changed and removed marks are
still told apart exactly."""

from __future__ import annotations

from typing import Any

import pytest

from nmt_bodymap.core.operations import Change
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.ui.chart.open_visit import DocChange
from tests.ui.conftest import click_region


def test_a_mark_change_copies_no_mark_list(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    marks = window.marks
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "anterior", "pectoral", "left")
    qtbot.waitUntil(lambda: len(marks.marks()) == 2 and not window.open_visit.busy())
    temple, pectoral = (m.key for m in marks.marks())
    told: list[tuple[str, str]] = []
    marks.mark_added.connect(lambda uid: told.append(("added", uid)))
    marks.mark_changed.connect(lambda uid: told.append(("changed", uid)))
    marks.mark_removed.connect(lambda uid: told.append(("removed", uid)))
    copies: list[int] = []
    real = VisitDocument.rows

    def counted(self: VisitDocument, *args: Any, **kwargs: Any) -> Any:
        copies.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(VisitDocument, "rows", counted)
    marks._on_changed(DocChange(Change.MARKS, frozenset({temple, "not-a-mark"})))
    assert told == [("changed", temple)]
    assert copies == []  # the old code copied every live mark for each change

    told.clear()
    window.undo_stack.undo()  # the pectoral mark's placing: it goes
    assert told == [("removed", pectoral)]
    told.clear()
    window.undo_stack.redo()
    assert told == [("added", pectoral)]
