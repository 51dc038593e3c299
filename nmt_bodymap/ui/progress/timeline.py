"""The progress view's list of visits: a ``QListView`` over a small model (issue 18).

A ``QListWidget`` made a ``QListWidgetItem`` (text, icon, colour) per visit up front: 2,000
items on the GUI thread before the view showed. The model keeps the rows as given and makes
a row's text only when the view asks for it (the rows on screen), once; its thumbnail is
set when it is drawn (``ProgressView._fill_thumbnails``), a blank icon until then so the
row keeps its height.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListView, QWidget

Index = QModelIndex | QPersistentModelIndex
LONG_SORENESS = QColor("#b3261e")


@dataclass(frozen=True)
class TimelineRow:
    """What a visit's row shows: its text (made on demand), and when soreness lasted
    longer than expected, the warning told as its tooltip (the row is drawn in red)."""

    text: Callable[[], str]
    warning: str = ""


class TimelineModel(QAbstractListModel):
    """The visits, oldest first: one row per visit, nothing made for rows never shown."""

    def __init__(self, icon_size: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon_size = icon_size
        self._rows: list[TimelineRow] = []
        self._texts: dict[int, str] = {}
        self._icons: dict[int, QIcon] = {}
        self._blank: QIcon | None = None

    def set_rows(self, rows: Sequence[TimelineRow], icons: dict[int, QIcon]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {}
        self._icons = dict(icons)
        self.endResetModel()

    def set_icon(self, row: int, icon: QIcon) -> None:
        self._icons[row] = icon
        index = self.index(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def has_icon(self, row: int) -> bool:
        return row in self._icons

    def icons(self) -> dict[int, QIcon]:
        """The thumbnails drawn so far: row -> icon."""
        return dict(self._icons)

    def text(self, row: int) -> str:
        made = self._texts.get(row)
        if made is None:
            made = self._texts[row] = self._rows[row].text()
        return made

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(row) or self._blank_icon()
        warning = self._rows[row].warning
        if role == Qt.ItemDataRole.ToolTipRole:
            return warning or None
        if role == Qt.ItemDataRole.ForegroundRole and warning:
            return LONG_SORENESS
        return None

    def _blank_icon(self) -> QIcon:
        if self._blank is None:
            pixmap = QPixmap(self._icon_size, self._icon_size)
            pixmap.fill(Qt.GlobalColor.transparent)
            self._blank = QIcon(pixmap)
        return self._blank


class Timeline(QListView):
    """The list of visits (``model`` is its :class:`TimelineModel`)."""

    def __init__(self, icon_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline_model = TimelineModel(icon_size, self)
        self.setModel(self.timeline_model)
        self.setIconSize(QSize(icon_size, icon_size))
        self.setUniformItemSizes(True)  # 2,000 rows laid out without measuring each
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)

    # What a row shows, read through the model as the view reads it.
    def count(self) -> int:
        return self.timeline_model.rowCount()

    def text(self, row: int) -> str:
        return str(self._data(row, Qt.ItemDataRole.DisplayRole))

    def tooltip(self, row: int) -> str:
        return str(self._data(row, Qt.ItemDataRole.ToolTipRole) or "")

    def icon(self, row: int) -> QIcon:
        icon = self._data(row, Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon)
        return icon

    def _data(self, row: int, role: Qt.ItemDataRole) -> Any:
        return self.timeline_model.data(self.timeline_model.index(row), role)
