"""The Ischemia page of the Assessment tab: a region of the body map and the signs found there.

The region picker accepts typing (matched against the map's labels) and is preset to the
place of the pain mark the therapist last added or selected.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from nmt_bodymap.core.assessment import Assessment
from nmt_bodymap.core.vocabulary import RegionDef, surface_regions
from nmt_bodymap.ui.chart.visit_observations import AddObservation, VisitObservations
from nmt_bodymap.ui.clinic.assessment_forms import (
    ROLE,
    SEVERITY_CHOICES,
    SIDE_CHOICES,
    ChartedPage,
    choice_combo,
    select_data,
)
from nmt_bodymap.ui.clinic.assessment_text import capital, place_text
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import knowledge_text, surface_label


class IschemiaTab(ChartedPage):
    """Region, side, signs, severity and note; "Add ischemia" charts one line per sign."""

    def __init__(
        self,
        model: VisitObservations,
        undo_stack: QUndoStack,
        assessment: Assessment,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("ischemia", model, undo_stack, assessment, parent)
        self.region = QComboBox()
        self.region.setObjectName("ischemia-region")
        self.region.setEditable(True)
        self.region.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for name in surface_regions():
            self.region.addItem(capital(surface_label(name)), name)
        completer = QCompleter(self.region.model(), self.region)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.region.setCompleter(completer)
        self.region.currentIndexChanged.connect(self._region_changed)
        self.side = QComboBox()
        self.side.setObjectName("ischemia-side")
        self.signs = self._signs_list()
        self.severity = choice_combo(SEVERITY_CHOICES)
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("optional"))
        self.add_button = QPushButton(tr("Add ischemia"))
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow(tr("&Region"), self.region)
        form.addRow(tr("Si&de"), self.side)
        form.addRow(tr("Signs"), self.signs)
        form.addRow(tr("Severity"), self.severity)
        form.addRow(tr("Note"), self.note)
        self._region_changed()
        self.lay_out(form, self.add_button)

    def _signs_list(self) -> QListWidget:
        signs = QListWidget()
        signs.setObjectName("ischemia-signs")
        for sign in self.assessment.ischemia_signs:
            item = QListWidgetItem(knowledge_text("ischemia_sign", sign.id, "label", sign.label))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(ROLE, sign.id)
            item.setToolTip(knowledge_text("ischemia_sign", sign.id, "about", sign.about))
            signs.addItem(item)
        signs.setFixedHeight(signs.sizeHintForRow(0) * signs.count() + 6)  # all shown, no scroll
        return signs

    def _chosen_region(self) -> RegionDef | None:
        """The region the picker names (typed text must match a label)."""
        text = self.region.currentText().strip().casefold()
        for name, entry in surface_regions().items():
            if text in (entry.label.casefold(), surface_label(name).casefold(), name):
                return entry
        return None

    def _region_changed(self) -> None:
        """Offer the sides the region has: left, right or both; or midline alone."""
        entry = self._chosen_region()
        current = self.side.currentData()
        self.side.clear()
        if entry is None:
            return
        if entry.sides == "bilateral":
            for label, value in SIDE_CHOICES:
                self.side.addItem(label, value)
        else:
            self.side.addItem(tr("Midline"), "midline")
        if current is not None:
            select_data(self.side, current)

    def suggest_place(self, region: str, side: str) -> None:
        """Preset the picker to a pain mark's place (a surface region only)."""
        index = self.region.findData(region)
        if index < 0:
            return
        self.region.setCurrentIndex(index)
        self._region_changed()
        select_data(self.side, side)

    def add(self) -> None:
        """Chart each ticked sign at the chosen region and side (one undo step)."""
        entry = self._chosen_region()
        if entry is None:
            typed = self.region.currentText().strip()
            self.error.emit(
                tr("“{typed}” is not a region of the body map; pick one from the list.").format(
                    typed=typed
                )
            )
            return
        signs = [
            self.signs.item(i)
            for i in range(self.signs.count())
            if self.signs.item(i).checkState() == Qt.CheckState.Checked
        ]
        if not signs:
            self.error.emit(tr("Tick at least one sign of ischemia to chart."))
            return
        side = self.side.currentData() or ""
        base: dict[str, Any] = {"kind": "ischemia", "region": entry.name, "side": side}
        if self.severity.currentData():
            base["severity"] = self.severity.currentData()
        if self.note.text().strip():
            base["note"] = self.note.text().strip()
        where = place_text(entry.name, side)
        self.undo_stack.beginMacro(tr("Ischemia at {where}").format(where=where))
        for sign in signs:
            fields = {**base, "item": sign.data(ROLE)}
            self.undo_stack.push(
                AddObservation(
                    self.model,
                    fields,
                    tr("{sign} at {where}").format(sign=sign.text(), where=where),
                )
            )
        self.undo_stack.endMacro()
        for sign in signs:
            sign.setCheckState(Qt.CheckState.Unchecked)
        self.note.clear()
