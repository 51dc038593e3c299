"""The rows of the candidates list: one per clinical idea, then the muscles under the spot.

Parts of a group with one referral pattern (the scalenes, the deltoid parts, adductor longus
and brevis, the medial hamstrings) are one row, labelled with the group and opening into
its parts; the row stands for its best-ranked part. The muscles lying under the marks
follow in their own section, open, under a heading row that cannot be chosen.

A click re-ranks the list; the tree is updated in place, by place (``row_sync``). A row's
tooltip (its zone at each place) is made when it is asked for (:func:`row_tooltip`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
)

from nmt_bodymap.core.ranking import Candidate
from nmt_bodymap.ui.candidates.candidate_text import ZONE_WORDS, place_zones
from nmt_bodymap.ui.i18n import tr, tr_noop
from nmt_bodymap.ui.map.labels import knowledge_text, muscle_label, side_label

UNDER_SPOT_HEADING = tr_noop("Also palpate under the spot")
ROW_PADDING = QSize(4, 8)  # extra width and height of a row: easy to hit on a touch screen
ROLE = Qt.ItemDataRole.UserRole
Texts = tuple[str, str, str]  # muscle (or group, or heading), side, explains
Key = tuple[str, ...]  # what a row stands for, kept across updates: ("muscle", id, side)...


@dataclass
class Row:
    """One row as the list should show it (``parts``: a group's members, or the section's
    muscles)."""

    key: Key
    texts: Texts
    data: Candidate | None
    parts: list[Row] = field(default_factory=list)


@dataclass
class Shown:
    """One row as the tree shows it: its item and what was last set on it."""

    key: Key
    item: QTreeWidgetItem
    texts: Texts
    data: Candidate | None
    parts: list[Shown] = field(default_factory=list)


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
    """Taller rows without a style sheet (a sheet re-styles every cell on every paint); a
    row's tooltip made only when the pointer rests on it (``tip``)."""

    tip: Callable[[QModelIndex | QPersistentModelIndex], str] | None = None

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return super().sizeHint(option, index) + ROW_PADDING

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.tip is not None:
            text = self.tip(index)
            if text:
                QToolTip.showText(event.globalPos(), text, view)
                return True
            QToolTip.hideText()
            event.ignore()
            return False
        return super().helpEvent(event, view, option, index)


class CandidateTree(QTreeWidget):
    """The list: arrow keys move (Qt's own), Enter asks for a finding on the current row."""

    enter_pressed = Signal()
    spoken_why: Callable[[QTreeWidgetItem], str] | None = None  # a row's zones, read aloud

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class RowTexts:
    """The row texts in one language, each made once and kept (the panel keeps this while
    the language stays): a click lists mostly the muscles, sides and "n of m spots" of the
    click before, so it makes few texts anew and looks the language up once per fill."""

    def __init__(self, total: int, language: str) -> None:
        self.total = total  # the number of spots of the fill being made
        self.language = language
        self._names: dict[str, str] = {}
        self._sides: dict[str, str] = {}
        self._groups: dict[str, str] = {}
        self._explains: dict[tuple[int, int] | str | None, str] = {}

    def muscle(self, muscle_id: str) -> str:
        name = self._names.get(muscle_id)
        if name is None:
            name = self._names[muscle_id] = muscle_label(muscle_id, self.language)
        return name

    def side(self, side: str) -> str:
        word = self._sides.get(side)
        if word is None:
            word = self._sides[side] = side_label(side, self.language)
        return word

    def group(self, group_id: str) -> str:
        label = self._groups.get(group_id)
        if label is None:
            label = self._groups[group_id] = _group_label(group_id, self.language)
        return label

    def explains(self, candidate: Candidate) -> str:
        """What the Explains cell says: the zone of the one spot, or "n of m spots"."""
        total = self.total
        key: tuple[int, int] | str | None
        if total <= 1:
            key = candidate.zones[0] if candidate.zones else None
        else:
            key = (len(candidate.explains), total)
        text = self._explains.get(key)
        if text is None:
            text = self._explains[key] = explains_text(candidate, total)
        return text

    def row(self, candidate: Candidate, name: str) -> Row:
        texts = (name, self.side(candidate.side), self.explains(candidate))
        return Row(("muscle", candidate.muscle, candidate.side), texts, candidate)


def idea_rows(
    candidates: Sequence[Candidate], under: Sequence[Candidate], texts: RowTexts
) -> list[Row]:
    """Top-level rows in rank order (a group at its best part), then the under-spot section."""
    ideas: list[tuple[Candidate, str | None, list[Candidate]]] = []
    by_idea: dict[tuple[str, str], list[Candidate]] = {}
    for candidate in candidates:
        if candidate.group is None:
            ideas.append((candidate, None, []))
            continue
        idea = (candidate.group, candidate.side)
        if idea not in by_idea:
            by_idea[idea] = []
            ideas.append((candidate, candidate.group, by_idea[idea]))
        by_idea[idea].append(candidate)
    rows: list[Row] = []
    for best, group, parts in ideas:
        if group is None or len(parts) < 2:
            rows.append(texts.row(best, texts.muscle(best.muscle)))
            continue
        row = texts.row(best, texts.group(group))
        row.key = ("group", group, best.side)
        row.parts = [texts.row(p, texts.muscle(p.muscle)) for p in parts]
        rows.append(row)
    if under:
        parts_under = [texts.row(c, texts.muscle(c.muscle)) for c in under]
        rows.append(Row(("under",), (tr(UNDER_SPOT_HEADING), "", ""), None, parts_under))
    return rows


def _group_label(group_id: str, language: str) -> str:
    from nmt_bodymap.core.pain_areas import load_pain_areas

    group = load_pain_areas().groups.get(group_id)
    if group is None:
        return group_id.replace("_", " ").capitalize()
    return knowledge_text("muscle_group", group_id, "label", group.label, language)


def explains_text(candidate: Candidate, total: int) -> str:
    if total <= 1:
        zone = candidate.zones[0] if candidate.zones else None
        return tr(ZONE_WORDS.get(zone, str(zone)))
    return tr("{count} of {total} spots").format(count=len(candidate.explains), total=total)


def zones_text(candidate: Candidate, spot_labels: Sequence[str]) -> str:
    """A row's tooltip: the candidate's zone at each place, each place once."""
    return "\n".join(
        f"{label}: {tr(ZONE_WORDS.get(zone, str(zone)))}"
        for label, zone in place_zones(spot_labels, candidate.zones)
    )


def row_tooltip(item: QTreeWidgetItem | None, column: int, spot_labels: Sequence[str]) -> str:
    """The tooltip of a candidate's name and "explains" cells ("" elsewhere)."""
    if item is None or column not in (0, 2):
        return ""
    candidate = item.data(0, ROLE)
    return zones_text(candidate, spot_labels) if isinstance(candidate, Candidate) else ""
