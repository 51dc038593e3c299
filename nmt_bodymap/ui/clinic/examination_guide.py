"""The regional examination guide of the open visit: where else to look, which muscles to
examine, and which of them already have a finding.

The guides come from the core (:func:`nmt_bodymap.core.examination.examination_guides`) for
the places marked this visit; choosing a muscle shows it on the map, double-clicking it (or
the button) records a finding. The panel only lists: it holds no chart data of its own.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.examination import ExaminationGuide, examination_guides, examined
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.sides import Side
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import (
    knowledge_text,
    muscle_label,
    place_label,
    side_label,
    surface_label,
)

MUSCLE_ROLE = Qt.ItemDataRole.UserRole
WRAP_CHARACTERS = 52  # tree rows do not wrap: long region lists are split into rows
DONE = QColor("#2e7d32")


class ExaminationGuidePanel(QWidget):
    """One block per regional guide that applies to the visit's marks."""

    muscle_chosen = Signal(object)  # (muscle id, side) or None
    record_finding = Signal(str, str)  # muscle id, side ("left" | "right" | "bilateral")

    def __init__(self, knowledge: KnowledgeBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.knowledge = knowledge
        self.guides: list[ExaminationGuide] = []
        self._shown_for: tuple[object, ...] | None = None

        self.heading = QLabel("")
        self.heading.setObjectName("guide-heading")
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("guide-tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Examine"), tr("Finding")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._record(item))
        self.finding_button = QPushButton(tr("Record &finding for this muscle…"))
        self.finding_button.setMinimumHeight(34)
        self.finding_button.setEnabled(False)
        self.finding_button.clicked.connect(lambda: self._record(self.tree.currentItem()))
        self.note = QLabel(
            tr(
                "A starting point, not a limit: referred pain is felt away from its source, so "
                "look beyond the sore spot. Sources: Travell & Simons; Chaitow & DeLany."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666; font-size: 11px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.finding_button)
        layout.addWidget(self.note)
        self.show_for([], [])

    def show_for(
        self, places: Iterable[tuple[str, Side]], findings: Iterable[tuple[str, str]]
    ) -> None:
        """Show the guides for the marked ``places``, ticking muscles with ``findings``."""
        places = list(dict.fromkeys(places))
        findings = sorted(set(findings))
        key = (tuple(places), tuple(findings))
        if key == self._shown_for:
            return
        self._shown_for = key
        current = self.current_muscle()
        self.guides = examination_guides(places)
        self.tree.blockSignals(True)
        self.tree.clear()
        reselect: QTreeWidgetItem | None = None
        for guide in self.guides:
            top = self._guide_item(guide)
            for muscle_id in guide.muscles:
                item = self._muscle_item(guide, muscle_id, findings)
                top.addChild(item)
                if current == item.data(0, MUSCLE_ROLE):
                    reselect = item
            top.setExpanded(True)
        self.tree.blockSignals(False)
        if not places:
            self.heading.setText(tr("Mark where it hurts to see where else to look."))
        elif not self.guides:
            self.heading.setText(tr("No regional guide covers the marked places."))
        else:
            # A muscle listed by two guides is one muscle to examine (issue 15: it was twice).
            done = len({m for g in self.guides for m in g.muscles if examined(g, m, findings)})
            total = len({m for g in self.guides for m in g.muscles})
            self.heading.setText(
                tr(
                    "<b>{guides} regional guide(s)</b> for the marked places — {done} of "
                    "{total} muscles have a finding"
                ).format(guides=len(self.guides), done=done, total=total)
            )
        if reselect is not None:
            self.tree.setCurrentItem(reselect)
        else:
            self.finding_button.setEnabled(False)

    def _guide_item(self, guide: ExaminationGuide) -> QTreeWidgetItem:
        where = ", ".join(place_label(r, s) for r, s in guide.complaint_places)
        label = knowledge_text("protocol", guide.protocol.id, "label", guide.protocol.label)
        top = QTreeWidgetItem([label, side_label(guide.side).lower()])
        font = QFont(self.tree.font())
        font.setBold(True)
        top.setFont(0, font)
        top.setFont(1, font)
        top.setToolTip(0, f"{label}. Marked: {where}")
        top.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(top)
        if guide.examine_regions:
            text = f"Also look at: {', '.join(surface_label(r) for r in guide.examine_regions)}"
            for line in textwrap.wrap(text, WRAP_CHARACTERS, subsequent_indent="   "):
                look = QTreeWidgetItem([line])
                look.setFlags(Qt.ItemFlag.ItemIsEnabled)
                look.setForeground(0, QBrush(QColor("#555")))
                top.addChild(look)
                look.setFirstColumnSpanned(True)
        return top

    def _muscle_item(
        self, guide: ExaminationGuide, muscle_id: str, findings: list[tuple[str, str]]
    ) -> QTreeWidgetItem:
        name = muscle_label(muscle_id) if muscle_id in self.knowledge else muscle_id
        sides = examined(guide, muscle_id, findings)
        done = ", ".join(side_label(s).lower() for s in sides)
        item = QTreeWidgetItem([name, f"✓ {done}" if sides else ""])
        item.setData(0, MUSCLE_ROLE, (muscle_id, guide.side))
        if sides:
            item.setForeground(1, QBrush(DONE))
        item.setToolTip(0, "Click to show it on the map; double-click to record a finding")
        return item

    def current_muscle(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, MUSCLE_ROLE)

    def _muscle_items(self) -> Iterator[tuple[QTreeWidgetItem, QTreeWidgetItem]]:
        """(guide row, muscle row) of every muscle row, in order."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.data(0, MUSCLE_ROLE) is not None:
                    yield top, child

    def muscle_rows(self) -> list[tuple[str, str, str]]:
        """(guide label, muscle name, finding column) of every muscle row, in order."""
        return [
            (f"{top.text(0)} ({top.text(1)})", child.text(0), child.text(1))
            for top, child in self._muscle_items()
        ]

    def select_muscle(self, muscle_id: str) -> bool:
        for _top, child in self._muscle_items():
            if child.data(0, MUSCLE_ROLE)[0] == muscle_id:
                self.tree.setCurrentItem(child)
                return True
        return False

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        data = None if current is None else current.data(0, MUSCLE_ROLE)
        self.finding_button.setEnabled(data is not None)
        self.muscle_chosen.emit(data)

    def _record(self, item: QTreeWidgetItem | None) -> None:
        data = None if item is None else item.data(0, MUSCLE_ROLE)
        if data is not None:
            self.record_finding.emit(data[0], data[1])
