"""What the Assessment tab's pages share: the side and severity pickers, and a form page
with its "Charted this visit" list that removes a line through the undo stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.assessment import Assessment
from nmt_bodymap.ui.chart.visit_observations import RemoveObservation, VisitObservations
from nmt_bodymap.ui.clinic.assessment_text import observation_text
from nmt_bodymap.ui.i18n import tr, tr_noop

NO_CHOICE = "—"
# (label shown through tr, value stored)
SIDE_CHOICES = ((tr_noop("Left"), "left"), (tr_noop("Right"), "right"), (tr_noop("Both"), "both"))
SEVERITY_CHOICES = (
    (tr_noop("Mild"), "mild"),
    (tr_noop("Moderate"), "moderate"),
    (tr_noop("Marked"), "marked"),
)
ROLE = Qt.ItemDataRole.UserRole  # where list and tree items keep their ids


def choice_combo(choices: tuple[tuple[str, str], ...], blank: bool = True) -> QComboBox:
    """A drop-down of (label, value) pairs, led by a blank "—" meaning "not given"."""
    combo = QComboBox()
    if blank:
        combo.addItem(NO_CHOICE, "")
    for label, value in choices:
        combo.addItem(tr(label), value)
    return combo


def select_data(combo: QComboBox, value: Any) -> None:
    """Show the entry holding ``value``; the first entry when none does."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


CHECK_ROOM = 34  # the check box and the margins left of a tree row's text


class WrappingDelegate(QStyledItemDelegate):
    """Rows of a tree as tall as their wrapped text in its column: long labels are read in
    full ("Rounded (protracted) shoulders") instead of being cut with an ellipsis."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._relayout = QTimer(tree)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(tree.doItemsLayout)
        tree.header().sectionResized.connect(lambda *_a: self._relayout.start())

    def text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indent = self.tree.indentation() * (depth + int(self.tree.rootIsDecorated()))
        return max(60, self.tree.columnWidth(index.column()) - indent - CHECK_ROOM)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = QRect(0, 0, self.text_width(index), 100_000)
        needed = option.fontMetrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, text)
        return QSize(base.width(), max(base.height(), needed.height() + 8))


class ChartedPage(QWidget):
    """A form that charts one kind of observation, above the lines of that kind charted."""

    status_message = Signal(str)
    error = Signal(str)

    def __init__(
        self,
        kind: str,
        model: VisitObservations,
        undo_stack: QUndoStack,
        assessment: Assessment,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.model = model
        self.undo_stack = undo_stack
        self.assessment = assessment
        self.charted = QListWidget()
        self.charted.setObjectName(f"{kind}-list")
        self.charted.setWordWrap(True)

    def lay_out(self, form: QFormLayout, add: QPushButton) -> None:
        """The form, its Add and Remove buttons, then the charted lines."""
        remove = QPushButton(tr("&Remove selected"))
        remove.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(tr("Charted this visit:")))
        layout.addWidget(self.charted, 1)

    def refresh(self) -> None:
        """List what the model holds of this page's kind."""
        self.charted.clear()
        for record in self.model.of_kind(self.kind):
            item = QListWidgetItem(observation_text(self.assessment, record))
            item.setData(ROLE, record.id)
            self.charted.addItem(item)

    def remove_selected(self) -> None:
        item = self.charted.currentItem()
        if item is None:
            self.status_message.emit(tr("Choose a charted line to remove"))
            return
        record = self.model.observations.get(item.data(ROLE))
        if record is not None:
            self.undo_stack.push(
                RemoveObservation(
                    self.model,
                    record.id,
                    tr("Remove {split}").format(split=item.text().split(" — ")[0]),
                )
            )
