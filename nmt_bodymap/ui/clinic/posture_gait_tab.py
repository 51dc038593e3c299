"""The Posture & gait page of the Assessment tab: a tree of observations to tick.

Each row is an observation grouped by body area (gait last), with a side picker where the
side matters and a severity picker (enabled once charted). Labels wrap, never cut. A tick
is stored at once through the undo stack; a sided observation is charted only when its
side is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from nmt_bodymap.core.assessment import Assessment, Observation
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.ui.chart.visit_observations import (
    AddObservation,
    ChangeObservation,
    RemoveObservation,
    VisitObservations,
)
from nmt_bodymap.ui.clinic.assessment_forms import (
    ROLE,
    SEVERITY_CHOICES,
    SIDE_CHOICES,
    WrappingDelegate,
    choice_combo,
    select_data,
)
from nmt_bodymap.ui.clinic.assessment_text import muscle_names, side_words
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import knowledge_text


def _text(observation: Observation, field: str) -> str:
    """An observation's text on screen (the therapist's language)."""
    return knowledge_text("observation", observation.id, field, getattr(observation, field))


@dataclass
class ObservationRow:
    """One posture or gait observation in the tree, with its side and severity pickers."""

    kind: str
    observation: Observation
    item: QTreeWidgetItem
    side: QComboBox | None
    severity: QComboBox


class PostureGaitTree(QTreeWidget):
    """Posture observations by body area, then gait: tick, side and severity per row."""

    status_message = Signal(str)

    def __init__(
        self,
        observations: VisitObservations,
        undo_stack: QUndoStack,
        assessment: Assessment,
        knowledge: KnowledgeBase,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.observations = observations  # not ``model``: that is the tree's own item model
        self.undo_stack = undo_stack
        self.assessment = assessment
        self.knowledge = knowledge
        self._rows: dict[tuple[str, str], ObservationRow] = {}
        self._syncing = False
        self.setObjectName("posture-gait-tree")
        self.setColumnCount(3)
        self.setHeaderLabels([tr("Observation"), tr("Side"), tr("Severity")])
        self.setItemDelegateForColumn(0, WrappingDelegate(self))  # labels wrap, never cut
        self.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        groups: list[tuple[str, str, tuple[Observation, ...]]] = [
            (
                "posture",
                knowledge_text("posture_area", area.id, "label", area.label),
                area.observations,
            )
            for area in assessment.posture
        ]
        groups.append(("gait", "Gait", assessment.gait))
        for kind, label, listed in groups:
            group = QTreeWidgetItem(self, [label])
            group.setFirstColumnSpanned(False)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for observation in listed:
                self._add_row(group, kind, observation)
            group.setExpanded(True)
        self.itemChanged.connect(self._on_item_changed)

    def _add_row(self, group: QTreeWidgetItem, kind: str, observation: Observation) -> None:
        item = QTreeWidgetItem(group, [_text(observation, "label")])
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(0, Qt.CheckState.Unchecked)
        item.setData(0, ROLE, (kind, observation.id))
        item.setToolTip(0, self._observation_tip(observation))
        side = None
        if observation.sided:
            side = choice_combo(SIDE_CHOICES)
            side.setToolTip(tr("Side: {text}").format(text=_text(observation, "side_hint")))
            side.setAccessibleName(tr("{text} side").format(text=_text(observation, "label")))
            side.currentIndexChanged.connect(lambda _i, k=(kind, observation.id): self._side(k))
            self.setItemWidget(item, 1, side)
        severity = choice_combo(SEVERITY_CHOICES)
        severity.setToolTip(tr("How marked it is (optional; once the row is ticked)"))
        severity.setEnabled(False)
        severity.setAccessibleName(tr("{text} severity").format(text=_text(observation, "label")))
        severity.currentIndexChanged.connect(lambda _i, k=(kind, observation.id): self._severity(k))
        self.setItemWidget(item, 2, severity)
        self._rows[(kind, observation.id)] = ObservationRow(kind, observation, item, side, severity)

    def _observation_tip(self, observation: Observation) -> str:
        parts = [
            f"<b>{escape(_text(observation, 'label'))}</b>: {escape(_text(observation, 'about'))}"
        ]
        if observation.sided:
            parts.append(f"Side: {escape(_text(observation, 'side_hint'))}.")
        if observation.muscles:
            names = muscle_names(self.knowledge, observation.muscles)
            parts.append("Check: " + escape(", ".join(names)) + ".")
        if _text(observation, "caution"):
            parts.append(f"<i>{escape(_text(observation, 'caution'))}</i>")
        return "<br>".join(parts)

    def row(self, kind: str, item: str) -> ObservationRow:
        return self._rows[(kind, item)]

    def refresh(self) -> None:
        """Show what the model holds: a tick for each charted (or saving) row, its pickers."""
        self._syncing = True
        try:
            for key, row in self._rows.items():
                record = self.observations.find(*key)
                charted = record is not None or key in self.observations.pending
                row.item.setCheckState(
                    0, Qt.CheckState.Checked if charted else Qt.CheckState.Unchecked
                )
                if row.side is not None:
                    row.side.blockSignals(True)
                    select_data(row.side, record.side if record else "")
                    row.side.blockSignals(False)
                row.severity.blockSignals(True)
                select_data(row.severity, (record.severity or "") if record else "")
                # Always shown (a box that vanished after the first tick looked lost),
                # graded once charted.
                row.severity.setEnabled(record is not None)
                row.severity.blockSignals(False)
        finally:
            self._syncing = False

    # -- the therapist's picks ---------------------------------------------------------------

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(0, ROLE)
        if self._syncing or column != 0 or key is None:
            return
        row = self._rows[tuple(key)]
        if item.checkState(0) == Qt.CheckState.Checked:
            self._tick(row)
        else:
            self._untick(row)

    def _tick(self, row: ObservationRow) -> None:
        key = (row.kind, row.observation.id)
        if self.observations.find(*key) is not None or key in self.observations.pending:
            return
        side = row.side.currentData() if row.side is not None else ""
        if row.side is not None and not side:
            self.refresh()  # not charted until a side is chosen
            self.status_message.emit(
                tr("Choose the side: {text}").format(text=_text(row.observation, "side_hint"))
            )
            row.side.setFocus()
            row.side.showPopup()
            return
        self._chart(row, side)

    def _chart(self, row: ObservationRow, side: str) -> None:
        fields: dict[str, Any] = {"kind": row.kind, "item": row.observation.id}
        if side:
            fields["side"] = side
        severity = row.severity.currentData()
        if severity:
            fields["severity"] = severity
        text = _text(row.observation, "label") + (f" ({side_words(side)})" if side else "")
        self.undo_stack.push(
            AddObservation(self.observations, fields, tr("Chart {text}").format(text=text))
        )
        self.refresh()

    def _untick(self, row: ObservationRow) -> None:
        record = self.observations.find(row.kind, row.observation.id)
        if record is None:
            self.refresh()
            if (row.kind, row.observation.id) in self.observations.pending:
                self.status_message.emit(tr("Still saving that tick; try again in a moment"))
            return
        self.undo_stack.push(
            RemoveObservation(
                self.observations,
                record.id,
                tr("Remove {text}").format(text=_text(row.observation, "label")),
            )
        )

    def _side(self, key: tuple[str, str]) -> None:
        row = self._rows[key]
        assert row.side is not None
        side = row.side.currentData()
        record = self.observations.find(*key)
        if record is None:
            if side and key not in self.observations.pending:
                self._chart(row, side)  # choosing a side charts the observation
            return
        if not side:
            self.undo_stack.push(
                RemoveObservation(
                    self.observations,
                    record.id,
                    tr("Remove {text}").format(text=_text(row.observation, "label")),
                )
            )
        elif side != record.side:
            self.undo_stack.push(
                ChangeObservation(
                    self.observations,
                    record.id,
                    {"side": record.side},
                    {"side": side},
                    f"{_text(row.observation, 'label')}: {side_words(side)}",
                )
            )

    def _severity(self, key: tuple[str, str]) -> None:
        row = self._rows[key]
        record = self.observations.find(*key)
        if record is None:
            return
        severity = row.severity.currentData() or None
        if severity != record.severity:
            self.undo_stack.push(
                ChangeObservation(
                    self.observations,
                    record.id,
                    {"severity": record.severity},
                    {"severity": severity},
                    f"{_text(row.observation, 'label')}: {severity or 'no severity'}",
                )
            )
