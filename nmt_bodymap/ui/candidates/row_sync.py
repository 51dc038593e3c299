"""The candidate list updated in place on a click (issue 18): items kept by place.

A click re-ranks the list: most rows then show another muscle than before, at the same
places. Moving each kept row's item to its new place (as until 2026-12-02) took every
moved row out and put it back: a relayout and a repaint of the whole list and its
header, and, in the app, a reading of every row's accessible text per moved row. Here
the items stay where they are and only the cells that now read differently are set,
held and told to the view once (:class:`HeldChanges`); rows are added or taken out only
at the end of the candidates, a section only when it comes or goes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from nmt_bodymap.ui.candidates.candidate_rows import ROLE, Key, Row, Shown

SPEECH = Qt.ItemDataRole.AccessibleTextRole


class HeldChanges:
    """Cells set while the list's model keeps quiet, then told once per parent row.

    Each ``dataChanged`` of the list reaches all its listeners: the view (the cell
    repainted) and, in the app, the screen reader's row texts (``speak_tree_rows`` in
    ``ui/accessible_views``, which reads every row once after a burst of changes). A click
    sets a few dozen cells; told one by one they cost as many repaints and, before the reader
    waited for the burst's end, as many readings of the whole list (14 ms a click,
    bench/NOTES.md).
    Held, they are told once per parent: the rows and columns that changed. Rows added or
    taken out are told as they happen (``loud``): the view lays itself out for them.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        self.tree = tree
        self.model = tree.model()
        self.root = tree.invisibleRootItem()  # the parent of the top-level rows
        # per parent (by id: the caller keeps each parent's wrapper for the sync): the
        # parent, its first and last changed row, its first and last changed column
        self._changed: dict[int, list[Any]] = {}

    def __enter__(self) -> HeldChanges:
        self.model.blockSignals(True)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.model.blockSignals(False)
        self.tell()

    @contextmanager
    def loud(self) -> Iterator[None]:
        """Rows added or taken out: told at once."""
        self.model.blockSignals(False)
        try:
            yield
        finally:
            self.model.blockSignals(True)

    def update(self, parent: QTreeWidgetItem, index: int, node: Shown, row: Row) -> None:
        """Set the cells of ``node`` (child ``index`` of ``parent``) that differ from ``row``."""
        first = last = -1
        texts, item = row.texts, node.item
        if texts != node.texts:
            old = node.texts
            for column in (0, 1, 2):
                if texts[column] != old[column]:
                    item.setText(column, texts[column])
                    first = column if first < 0 else first
                    last = column
            node.texts = texts
        data = row.data
        if data is not node.data:
            if data != node.data:
                item.setData(0, ROLE, data)
                first, last = 0, max(last, 0)
            node.data = data
        if first < 0:
            return
        entry = self._changed.get(id(parent))
        if entry is None:
            self._changed[id(parent)] = [parent, index, index, first, last]
            return
        entry[1], entry[2] = min(entry[1], index), max(entry[2], index)
        entry[3], entry[4] = min(entry[3], first), max(entry[4], last)

    def tell(self) -> None:
        """One ``dataChanged`` per parent over the changed rows and columns."""
        changed, self._changed = self._changed, {}
        model = self.model
        for parent, top, bottom, first, last in changed.values():
            at = QModelIndex() if parent is self.root else self.tree.indexFromItem(parent, 0)
            model.dataChanged.emit(model.index(top, first, at), model.index(bottom, last, at), [])


def sync_rows(
    parent: QTreeWidgetItem, shown: list[Shown], wanted: Sequence[Row], held: HeldChanges
) -> None:
    """Make ``parent``'s children show ``wanted``, in place, keeping the items by place
    (call it inside ``with held:``).

    A click re-ranks the list: most rows show another muscle than before, at the same
    places. The items stay where they are and only the cells that now read differently are
    set; rows are added or taken out only at the end of the candidates, a section (a heading
    row) only when it comes or goes. ``shown`` (what the children show, in order) is
    updated to match. Which rows are open follows what they stand for (``reopen_rows``).
    """
    lead_old = _candidates_first(shown)
    lead_new = _candidates_first(wanted)
    _sync_run(parent, shown, 0, lead_old, wanted[:lead_new], held)
    for index in range(lead_new, len(wanted)):  # the section headings (under the spot)
        row = wanted[index]
        if index < len(shown) and shown[index].key == row.key:
            node = shown[index]
            held.update(parent, index, node, row)
            if row.parts or node.parts:
                _sync_run(node.item, node.parts, 0, len(node.parts), row.parts, held)
            continue
        node = _made(row)
        with held.loud():
            while index < len(shown):  # a heading that went (or another one): taken out
                parent.takeChild(index)
                del shown[index]
            parent.insertChild(index, node.item)
        shown.insert(index, node)
    if len(shown) > len(wanted):
        with held.loud():
            while len(shown) > len(wanted):
                parent.takeChild(len(wanted))
                del shown[len(wanted)]


def _candidates_first(rows: Sequence[Row | Shown]) -> int:
    """How many rows come before the first section heading (a row with no candidate)."""
    return next((i for i, row in enumerate(rows) if row.data is None), len(rows))


def _sync_run(
    parent: QTreeWidgetItem,
    shown: list[Shown],
    start: int,
    count: int,
    rows: Sequence[Row],
    held: HeldChanges,
) -> None:
    """``shown[start:start + count]`` made to show ``rows`` by place: the common places
    updated, the rest taken out or added at the run's end (one insert for all)."""
    common = min(count, len(rows))
    for offset in range(common):
        node = shown[start + offset]
        row = rows[offset]
        node.key = row.key
        held.update(parent, start + offset, node, row)
        if row.parts or node.parts:
            _sync_run(node.item, node.parts, 0, len(node.parts), row.parts, held)
    end = start + count
    if end > start + common:
        with held.loud():
            for index in reversed(range(start + common, end)):
                parent.takeChild(index)
                del shown[index]
    if len(rows) > common:
        made = [_made(row) for row in rows[common:]]
        with held.loud():
            parent.insertChildren(start + common, [node.item for node in made])
        shown[start + common : start + common] = made


def open_rows(shown: Sequence[Shown]) -> dict[Key, bool]:
    """Which rows with parts are open, by what they stand for."""
    return {node.key: node.item.isExpanded() for node in shown if node.parts}


def reopen_rows(shown: Sequence[Shown], was_open: dict[Key, bool]) -> None:
    """Rows with parts open as they were (a group moved keeps its state), a new section
    open (it is read open), a new group closed; a row without parts closed."""
    for node in shown:
        wanted = was_open.get(node.key, node.data is None) if node.parts else False
        if node.item.isExpanded() != wanted:
            node.item.setExpanded(wanted)


def _made(row: Row) -> Shown:
    item = QTreeWidgetItem(list(row.texts))
    if row.data is None:  # the section heading: read, not chosen
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
    else:
        item.setData(0, ROLE, row.data)
    node = Shown(row.key, item, row.texts, row.data)
    if row.parts:
        node.parts = [_made(part) for part in row.parts]
        item.addChildren([part.item for part in node.parts])
    return node
