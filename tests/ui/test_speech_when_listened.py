"""The candidate rows' spoken texts and the body views' descriptions are made only while a
screen reader listens (issue 18: ~0.2 ms of every click read ~30 rows' cells and zones, and
every mark of the visit, for nobody). A reader that comes later hears them as they are (at
the next change, or within ``LISTEN_MS``); one that leaves takes its words along (a reader
coming back never hears an old row's words).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from nmt_bodymap.ui import accessible_views
from nmt_bodymap.ui.accessibility import AccessibilityFilter
from nmt_bodymap.ui.accessible_views import DONE, RowSpeech, row_speech
from tests.ui.conftest import click_region, set_reader
from tests.ui.test_window_click_cost import rows as all_rows

SPEECH = Qt.ItemDataRole.AccessibleTextRole


def wired(qtbot: Any, window: Any) -> RowSpeech:
    """The list's reader, once the filter wired it (after the window's first paint)."""
    window.side_tabs.setCurrentWidget(window.candidates)
    tree = window.candidates.tree
    qtbot.waitUntil(lambda: bool(tree.property(DONE)), timeout=10_000)
    speech = tree.findChild(RowSpeech)
    assert speech is not None
    return speech


def current(panel: Any) -> bool:
    """Every row says what it shows, zones included."""
    tree = panel.tree
    header = tree.headerItem()
    headers = [header.text(c) for c in range(header.columnCount())]
    rows = all_rows(tree)
    return bool(rows) and all(
        item.data(0, SPEECH) == row_speech(item, headers, panel.tooltip(item, 0)) for item in rows
    )


def test_no_reader_listening_no_row_is_read(
    accessible: AccessibilityFilter, qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not accessible_views.reader_listens()
    speech = wired(qtbot, window)
    made: list[str] = []
    real = accessible_views.row_speech

    def counted(*args: Any) -> str:
        made.append("row")
        return real(*args)

    monkeypatch.setattr(accessible_views, "row_speech", counted)
    for view, region in (("anterior", "temple"), ("posterior", "lower_buttock")):
        click_region(qtbot, window, view, region, "right")
        QCoreApplication.sendPostedEvents()
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    tree = window.candidates.tree
    assert tree.topLevelItemCount() > 3
    assert made == [] and speech.refreshes == 0  # on main: every row, every click
    assert all(item.data(0, SPEECH) is None for item in all_rows(tree))


def test_a_reader_that_comes_later_hears_the_rows_and_one_that_leaves_takes_them(
    accessible: AccessibilityFilter, qtbot: Any, window: Any
) -> None:
    wired(qtbot, window)
    panel = window.candidates
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "anterior", "pectoral", "right")
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    set_reader(True)
    try:
        # the list stays as it is: read within LISTEN_MS of the reader's coming
        qtbot.waitUntil(lambda: current(panel), timeout=5_000)
        click_region(qtbot, window, "posterior", "lower_buttock", "right")
        QCoreApplication.sendPostedEvents()  # before the click's paint: current again
        assert current(panel)
        first = panel.tree.topLevelItem(0)
        why = panel.tooltip(first, 0).replace("\n", "; ")
        assert why and first.data(0, SPEECH).endswith(". " + why)  # the zones are heard
    finally:
        set_reader(False)
    click_region(qtbot, window, "anterior", "temple", "left")
    QCoreApplication.sendPostedEvents()
    assert all(item.data(0, SPEECH) is None for item in all_rows(panel.tree))
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)


def test_the_body_views_are_described_only_while_a_reader_listens(
    accessible: AccessibilityFilter, qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    front = window.body_map.views["anterior"]
    qtbot.waitUntil(lambda: bool(window.body_map.property(DONE)), timeout=10_000)
    said: list[str] = []
    real = accessible_views.mark_speech

    def counted(mark: Any) -> str:
        said.append(mark.region)
        return real(mark)

    monkeypatch.setattr(accessible_views, "mark_speech", counted)
    click_region(qtbot, window, "anterior", "temple", "right")
    QCoreApplication.sendPostedEvents()
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    assert said == [] and front.accessibleDescription() == ""  # on main: words made, set
    set_reader(True)
    try:
        qtbot.waitUntil(
            lambda: front.accessibleDescription().startswith("Anterior body view: 1 pain mark: "),
            timeout=5_000,
        )
        assert "Right temple" in front.accessibleDescription()
    finally:
        set_reader(False)
    click_region(qtbot, window, "anterior", "temple", "left")
    QCoreApplication.sendPostedEvents()
    assert front.accessibleDescription() == ""  # the reader left: no stale count of marks
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
