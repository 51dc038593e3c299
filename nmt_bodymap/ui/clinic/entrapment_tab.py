"""The Entrapment page of the Assessment tab: a nerve entrapment site picked from the list.

Picking a site shows what the client feels, where, and which muscles to check, so the
therapist can confirm the site before charting it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from nmt_bodymap.core.assessment import Assessment
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.ui.chart.visit_observations import AddObservation, VisitObservations
from nmt_bodymap.ui.clinic.assessment_forms import (
    SEVERITY_CHOICES,
    SIDE_CHOICES,
    ChartedPage,
    choice_combo,
)
from nmt_bodymap.ui.clinic.assessment_text import capital, muscle_names
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import knowledge_lines, knowledge_text, surface_label


def _text(site: Any, field: str) -> str:
    """An entrapment site's text on screen (the therapist's language)."""
    return knowledge_text("entrapment_site", site.id, field, getattr(site, field))


def _symptoms(site: Any) -> tuple[str, ...]:
    return knowledge_lines("entrapment_site", site.id, "symptoms") or tuple(site.symptoms)


class EntrapmentTab(ChartedPage):
    """Site, side, where it is felt, severity and note, with the chosen site explained."""

    def __init__(
        self,
        model: VisitObservations,
        undo_stack: QUndoStack,
        assessment: Assessment,
        knowledge: KnowledgeBase,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("entrapment", model, undo_stack, assessment, parent)
        self.knowledge = knowledge
        self.site = QComboBox()
        self.site.setObjectName("entrapment-site")
        # Site names are long: the box shows ~24 characters (the list opens full width)
        # so the side panel does not squeeze the body map.
        self.site.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.site.setMinimumContentsLength(24)
        self.site.view().setMinimumWidth(420)
        for site in self.assessment.sites:
            self.site.addItem(_text(site, "label"), site.id)
        self.site.currentIndexChanged.connect(self._site_changed)
        self.side = choice_combo(SIDE_CHOICES)
        self.side.setObjectName("entrapment-side")
        self.region = QComboBox()
        self.region.setObjectName("entrapment-region")
        self.severity = choice_combo(SEVERITY_CHOICES)
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("optional"))
        self.site_info = QLabel()
        self.site_info.setObjectName("entrapment-info")
        self.site_info.setWordWrap(True)
        self.site_info.setTextFormat(Qt.TextFormat.RichText)
        self.site_info.setStyleSheet("padding: 4px;")
        self.add_button = QPushButton(tr("Add entrapment"))
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow(tr("&Site"), self.site)
        form.addRow(tr("Si&de"), self.side)
        form.addRow(tr("Felt at"), self.region)
        form.addRow(tr("Severity"), self.severity)
        form.addRow(tr("Note"), self.note)
        form.addRow(self.site_info)
        self._site_changed()
        self.lay_out(form, self.add_button)

    def _site_changed(self) -> None:
        """Offer the places the chosen site is felt, and explain the site."""
        site = self.assessment.site(self.site.currentData())
        self.region.clear()
        self.region.addItem(tr("(not given)"), "")
        for region in site.regions:
            self.region.addItem(capital(surface_label(region)), region)
        muscles = ", ".join(muscle_names(self.knowledge, site.muscles))
        felt = ", ".join(surface_label(r) for r in site.regions)
        html = (
            f"<b>{escape(_text(site, 'nerve'))}</b><br>"
            f"<b>Client feels:</b> {escape('; '.join(_symptoms(site)))}<br>"
            f"<b>Where:</b> {escape(felt)}<br>"
            f"<b>Muscles to check:</b> {escape(muscles)}"
        )
        if site.caution:
            html += f"<br><span style='color:#c0392b'>⚠ {escape(_text(site, 'caution'))}</span>"
        self.site_info.setText(html)

    def add(self) -> None:
        """Chart the chosen site with its side, place, severity and note."""
        site = self.assessment.site(self.site.currentData())
        fields: dict[str, Any] = {
            "kind": "entrapment",
            "item": site.id,
            "side": self.side.currentData() or "",
            "region": self.region.currentData() or "",
        }
        if self.severity.currentData():
            fields["severity"] = self.severity.currentData()
        if self.note.text().strip():
            fields["note"] = self.note.text().strip()
        self.undo_stack.push(
            AddObservation(
                self.model, fields, tr("Entrapment: {text}").format(text=_text(site, "label"))
            )
        )
        self.note.clear()
