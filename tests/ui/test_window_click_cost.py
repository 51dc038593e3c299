"""Issue 18 (click p95 8 ms): what a click costs outside the map and the candidates panel.

With the accessibility filter installed, as ``run_app`` installs it, the candidate list's
rows are read for a screen reader once per click: each row's cells once. Until 2026-12-02
every cell set while the list was re-filled (~60 per click) re-read every row (~40): ~10 ms
of each click on the GUI thread in the real app (the click bench has no such filter).
Counted, not timed: the cells read by Python (``QTreeWidgetItem.text``) around one click.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from nmt_bodymap.ui.accessibility import AccessibilityFilter
from tests.ui.conftest import click_region

SPEECH = Qt.ItemDataRole.AccessibleTextRole


def rows(tree: Any) -> list[QTreeWidgetItem]:
    found: list[QTreeWidgetItem] = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        found.append(item)
        stack.extend(item.child(i) for i in range(item.childCount()))
    return found


def expected_speech(item: QTreeWidgetItem, headers: list[str]) -> str:
    """Muscle, side, "explains: …" (the words a screen reader reads for the row)."""
    texts = [item.text(c).strip() for c in range(item.columnCount())]
    parts = [texts[0]] + [
        f"{headers[c].lower()}: {t}" if c > 1 else t for c, t in enumerate(texts) if c and t
    ]
    return ", ".join(p for p in parts if p)


def test_a_click_reads_each_candidate_row_once_for_a_screen_reader(
    reader: AccessibilityFilter, qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.side_tabs.setCurrentWidget(window.candidates)
    tree = window.candidates.tree
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "posterior", "lower_buttock", "right")
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: bool(tree.topLevelItemCount()), timeout=10_000)
    qtbot.waitUntil(lambda: bool(tree.topLevelItem(0).data(0, SPEECH)), timeout=10_000)
    before = {item.text(0) for item in rows(tree)}

    real_text = QTreeWidgetItem.text
    reads = [0]

    def counted(item: QTreeWidgetItem, column: int) -> str:
        reads[0] += 1
        return real_text(item, column)

    monkeypatch.setattr(QTreeWidgetItem, "text", counted)
    click_region(qtbot, window, "anterior", "pectoral", "right")
    # the click's posted events, as the event loop delivers them before its paint: no
    # timer, no wait; the speech is then in place for a screen reader's questions
    QCoreApplication.sendPostedEvents()
    read = reads[0]
    monkeypatch.undo()

    shown = rows(tree)
    assert {item.text(0) for item in shown} != before  # the click changed the list
    assert 0 < read <= 3 * len(shown)  # each row's three cells read once (was ~7,000)
    header = tree.headerItem()
    headers = [header.text(c) for c in range(header.columnCount())]
    for item in shown:
        speech = item.data(0, SPEECH)
        assert speech.startswith(expected_speech(item, headers)), (speech, item.text(0))
    first = tree.topLevelItem(0)
    assert first.text(1) in first.data(0, SPEECH) and first.text(2) in first.data(0, SPEECH)


# -- the status bar: the "Saved: …" message painted once, the save state label alone -------
def test_a_click_paints_the_status_bar_once_and_the_save_state_alone(
    qtbot: Any, window: Any
) -> None:
    """The label's "Saving…" / "All changes saved" repaint the label, not the status bar
    under it (it was see-through: the bar painted 2-3 times per click, issue 18)."""
    from tests.ui.test_click_repaints import recording, settle

    window.side_tabs.setCurrentWidget(window.candidates)
    click_region(qtbot, window, "anterior", "temple", "right")
    settle(qtbot, window)
    for view, region in (("anterior", "pectoral"), ("posterior", "lower_buttock")):
        with recording() as seen:
            click_region(qtbot, window, view, region, "right")
            assert window.save_state.text() == "Saving…"  # at once, before the answer
            settle(qtbot, window)
        assert window.save_state.text() == "All changes saved"
        assert window.statusBar().currentMessage().startswith("Saved: ")
        assert seen.painted(window.save_state) >= 1
        assert seen.painted(window.statusBar()) == 1  # the new message, once


def test_the_save_state_label_looks_as_it_did(qtbot: Any) -> None:
    """Painting its own background, the label looks exactly as the status bar under it."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    from nmt_bodymap.ui.save_state import SaveStateLabel

    window = QMainWindow()
    qtbot.addWidget(window)
    window.statusBar().setAutoFillBackground(True)
    label = QLabel("")
    window.statusBar().addPermanentWidget(label)
    shown = SaveStateLabel(label)
    assert label.autoFillBackground()
    window.resize(500, 200)
    window.show()
    qtbot.waitExposed(window)
    for unsaved, busy in ((0, True), (0, False), (2, False)):
        shown.show(unsaved, busy)
        QApplication.processEvents()
        opaque = window.statusBar().grab().toImage()
        label.setAutoFillBackground(False)
        see_through = window.statusBar().grab().toImage()
        label.setAutoFillBackground(True)
        assert opaque == see_through, label.text()


def test_a_click_describes_only_the_new_mark_for_a_screen_reader(
    reader: AccessibilityFilter, qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The body views' descriptions follow the marks, but a click makes the words of the
    mark it placed, not of every mark of the visit again (a 10,000-mark visit)."""
    from nmt_bodymap.core import atlas

    front = window.body_map.views["anterior"]
    places = ("temple", "jaw", "pectoral", "anterior_knee")
    for region in places:
        click_region(qtbot, window, "anterior", region, "right")
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: "4 pain marks" in front.accessibleDescription(), timeout=10_000)

    real_label = atlas.mark_label
    made: list[str] = []

    def counted(view: str, region: str, *args: Any) -> str:
        made.append(region)
        return real_label(view, region, *args)

    monkeypatch.setattr(atlas, "mark_label", counted)
    click_region(qtbot, window, "anterior", "breast", "right")
    QCoreApplication.sendPostedEvents()  # no wait: in place before the click's paint
    assert front.accessibleDescription().startswith("Anterior body view: 5 pain marks: ")
    assert "right breast" in front.accessibleDescription().lower()
    assert made and set(made) <= {"breast", places[-1]}  # the new mark (the last one's save)
    assert (
        window.body_map.views["posterior"]
        .accessibleDescription()
        .startswith("Posterior body view: no pain marks")
    )
