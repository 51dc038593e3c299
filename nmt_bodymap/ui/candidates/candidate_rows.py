"""The rows of the candidates list: one per clinical idea, then the muscles under the spot.

Parts of a group with one referral pattern (the scalenes, the deltoid parts, adductor longus
and brevis, the medial hamstrings) are one row, labelled with the group and opening into
its parts; the row stands for its best-ranked part. The muscles lying under the marks
follow in their own section, open, under a heading row that cannot be chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from nmt_bodymap.core.ranking import Candidate
from nmt_bodymap.ui.candidates.candidate_text import ZONE_WORDS, place_zones
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import knowledge_text, muscle_label, side_label

UNDER_SPOT_HEADING = "Also palpate under the spot"
ROW_PADDING = QSize(4, 8)  # extra width and height of a row: easy to hit on a touch screen
Row = tuple[Candidate | None, str, list[Candidate]]  # data, label, parts (a group's members)
RowShape = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]  # the row's texts, its parts'


def top_row(tree: QTreeWidget, index: int) -> QTreeWidgetItem:
    """The top-level row at ``index`` (which exists)."""
    item = tree.topLevelItem(index)
    assert item is not None
    return item


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [c for i in range(item.childCount()) if (c := item.child(i)) is not None]


def tree_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """Every row, parts after their group row, in reading order."""
    found: list[QTreeWidgetItem] = []
    for index in range(tree.topLevelItemCount()):
        item = top_row(tree, index)
        found += [item, *children(item)]
    return found


class PaddedRows(QStyledItemDelegate):
    """Taller rows without a style sheet (a sheet re-styles every cell on every paint)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return super().sizeHint(option, index) + ROW_PADDING


class CandidateTree(QTreeWidget):
    """The list: arrow keys move (Qt's own), Enter asks for a finding on the current row."""

    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def idea_rows(candidates: Sequence[Candidate], under: Sequence[Candidate]) -> list[Row]:
    """Top-level rows in rank order (a group at its best part), then the under-spot section."""
    rows: list[Row] = []
    by_idea: dict[tuple[str, str], list[Candidate]] = {}
    for candidate in candidates:
        if candidate.group is None:
            rows.append((candidate, muscle_label(candidate.muscle), []))
            continue
        idea = (candidate.group, candidate.side)
        if idea not in by_idea:
            by_idea[idea] = []
            rows.append((candidate, _group_label(candidate.group), by_idea[idea]))
        by_idea[idea].append(candidate)
    rows = [
        (c, label, parts) if len(parts) > 1 else (c, muscle_label(c.muscle) if c else label, [])
        for c, label, parts in rows
    ]
    if under:
        rows.append((None, UNDER_SPOT_HEADING, list(under)))
    return rows


def _group_label(group_id: str) -> str:
    from nmt_bodymap.core.pain_areas import load_pain_areas

    group = load_pain_areas().groups.get(group_id)
    if group is None:
        return group_id.replace("_", " ").capitalize()
    return knowledge_text("muscle_group", group_id, "label", group.label)


def explains_text(candidate: Candidate, total: int) -> str:
    if total <= 1:
        zone = candidate.zones[0] if candidate.zones else None
        return ZONE_WORDS.get(zone, str(zone))
    return tr("{count} of {total} spots").format(count=len(candidate.explains), total=total)


def zones_text(candidate: Candidate, spot_labels: Sequence[str]) -> str:
    return "\n".join(
        f"{label}: {ZONE_WORDS.get(zone, str(zone))}"
        for label, zone in place_zones(spot_labels, candidate.zones)
    )


def row_shape(
    data: Candidate | None,
    label: str,
    parts: list[Candidate],
    total: int,
    spot_labels: Sequence[str],
) -> RowShape:
    """Everything a row reads (with its parts): equal shapes need no new items."""

    def texts(c: Candidate | None, name: str) -> tuple[str, ...]:
        if c is None:
            return (name, "", "")
        return (name, side_label(c.side), explains_text(c, total), zones_text(c, spot_labels))

    return (texts(data, label), tuple(texts(p, muscle_label(p.muscle)) for p in parts))


def make_item(
    data: Candidate | None,
    label: str,
    parts: list[Candidate],
    total: int,
    spot_labels: Sequence[str],
    shape: RowShape | None = None,
) -> QTreeWidgetItem:
    """The row and its parts; ``shape`` (``row_shape``'s answer, when the caller has it)
    gives the texts, so a click does not make every name and zone text twice."""
    if shape is None:
        shape = row_shape(data, label, parts, total, spot_labels)
    head, part_texts = shape
    item = _leaf(data, head)
    if data is None:  # the section heading: read, not chosen
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
    item.addChildren([_leaf(part, texts) for part, texts in zip(parts, part_texts, strict=True)])
    return item


def _leaf(candidate: Candidate | None, texts: tuple[str, ...]) -> QTreeWidgetItem:
    if candidate is None:
        return QTreeWidgetItem([texts[0], "", ""])
    name, side, explains, tip = texts
    item = QTreeWidgetItem([name, side, explains])
    item.setToolTip(0, tip)
    item.setToolTip(2, tip)
    item.setData(0, Qt.ItemDataRole.UserRole, candidate)
    return item
