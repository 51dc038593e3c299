"""The Assessment tab: posture, gait, ischemia and nerve entrapment of the open visit.

Charting is picking, not typing: posture and gait observations are ticks (with the side
where it matters), ischemia is a region of the body map plus the signs found there, an
entrapment is a site from the list. Each pick is stored at once through the worker and
goes on the window's undo stack. Below, "Muscles to check" gathers the muscles the ticked
observations point at (Travell & Simons' perpetuating factors), most often named first.

This module holds the container and its "Muscles to check" list; each inner page has its
own module (``posture_gait_tab``, ``ischemia_tab``, ``entrapment_tab``) and the wording of
observations is in ``assessment_text``.

``install_assessment(window)`` adds the tab to the main window and follows its visit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.assessment import Assessment, load_assessment
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.ui.chart.visit_observations import VisitObservations
from nmt_bodymap.ui.clinic.assessment_forms import ROLE
from nmt_bodymap.ui.clinic.assessment_text import (
    assessment_lines,
    muscle_names,
    observation_text,
    place_text,
    side_words,
)
from nmt_bodymap.ui.clinic.entrapment_tab import EntrapmentTab
from nmt_bodymap.ui.clinic.ischemia_tab import IschemiaTab
from nmt_bodymap.ui.clinic.posture_gait_tab import ObservationRow, PostureGaitTree
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import observation_label, surface_label

__all__ = [
    "AssessmentPanel",
    "assessment_lines",
    "install_assessment",
    "observation_text",
    "place_text",
    "surface_label",
]

HINT = "Tick what you see; each tick is saved at once (Ctrl+Z undoes)."


class AssessmentPanel(QWidget):
    """Posture & gait ticks, ischemia and entrapment forms, and the muscles they point at.

    The pages are built the first time the tab is shown: they hold ~70 pickers, and the
    window should not pay for them at start-up or on every click of the map.
    """

    status_message = Signal(str)
    error = Signal(str)
    muscle_chosen = Signal(object)  # muscle id chosen in "Muscles to check", or None

    def __init__(
        self,
        model: VisitObservations,
        undo_stack: QUndoStack,
        knowledge: KnowledgeBase,
        assessment: Assessment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
        self.knowledge = knowledge
        self._assessment = assessment
        self._built = False
        self._suggested: tuple[str, str] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        model.changed.connect(self.refresh)

    @property
    def assessment(self) -> Assessment:
        if self._assessment is None:
            self._assessment = load_assessment()
        return self._assessment

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)

    def ensure_built(self) -> None:
        """Build the pages (once) and show the chart on them."""
        if self._built:
            return
        self._built = True
        model, undo_stack, knowledge = self.model, self.undo_stack, self.knowledge
        self.hint = QLabel(HINT)
        self.hint.setWordWrap(True)
        self.tree = PostureGaitTree(model, undo_stack, self.assessment, knowledge)
        self.ischemia = IschemiaTab(model, undo_stack, self.assessment)
        self.entrapment = EntrapmentTab(model, undo_stack, self.assessment, knowledge)
        self._name_inner_widgets()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("assessment-tabs")
        self.tabs.addTab(self.tree, tr("Posture && &gait"))
        self.tabs.addTab(self.ischemia, tr("&Ischemia"))
        self.tabs.addTab(self.entrapment, tr("&Entrapment"))
        for page in (self.tree, self.ischemia, self.entrapment):
            page.status_message.connect(self.status_message)
        for page in (self.ischemia, self.entrapment):
            page.error.connect(self.error)

        self.muscles_list = QListWidget()
        self.muscles_list.setObjectName("assessment-muscles")
        self.muscles_list.setWordWrap(True)
        self.muscles_list.setAlternatingRowColors(True)
        self.muscles_list.currentItemChanged.connect(
            lambda item, _previous: self.muscle_chosen.emit(
                None if item is None else item.data(ROLE)
            )
        )
        muscles_box = QWidget()
        muscles_layout = QVBoxLayout(muscles_box)
        muscles_layout.setContentsMargins(0, 4, 0, 0)
        title = QLabel(tr("<b>Muscles to check</b> (named by what is charted)"))
        muscles_layout.addWidget(title)
        muscles_layout.addWidget(self.muscles_list, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(muscles_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self._layout.addWidget(self.hint)
        self._layout.addWidget(splitter, 1)
        if self._suggested is not None:
            self.ischemia.suggest_place(*self._suggested)
        self.refresh()

    def _name_inner_widgets(self) -> None:
        """The pages' pickers under the panel's own names (as tests and callers know them)."""
        self.ischemia_region = self.ischemia.region
        self.ischemia_side = self.ischemia.side
        self.ischemia_signs = self.ischemia.signs
        self.ischemia_severity = self.ischemia.severity
        self.ischemia_note = self.ischemia.note
        self.add_ischemia_button = self.ischemia.add_button
        self.ischemia_list = self.ischemia.charted
        self.entrapment_site = self.entrapment.site
        self.entrapment_side = self.entrapment.side
        self.entrapment_region = self.entrapment.region
        self.entrapment_severity = self.entrapment.severity
        self.entrapment_note = self.entrapment.note
        self.site_info = self.entrapment.site_info
        self.add_entrapment_button = self.entrapment.add_button
        self.entrapment_list = self.entrapment.charted

    # -- showing the chart -------------------------------------------------------------------

    def refresh(self) -> None:
        """Show what the model holds: ticks, pickers, the charted lists and the muscles."""
        if not self._built:
            return  # built, and filled, when first shown
        self.tree.refresh()
        self.ischemia.refresh()
        self.entrapment.refresh()
        self._fill_muscles()
        enabled = self.model.visit_id is not None
        self.tabs.setEnabled(enabled)
        self.hint.setText(HINT if enabled else tr("Open a visit to chart its assessment."))

    def _fill_muscles(self) -> None:
        reasons: dict[str, list[str]] = {}
        for record in sorted(self.model.observations.values(), key=lambda r: r.id):
            muscles = self.assessment.muscles_to_check(record.kind, record.item)
            label = observation_label(
                record.kind, record.item, self.assessment.label(record.kind, record.item)
            )
            if record.side:
                label += f" ({side_words(record.side)})"
            for muscle_id in muscles:
                if label not in reasons.setdefault(muscle_id, []):
                    reasons[muscle_id].append(label)
        self.muscles_list.clear()
        order = sorted(reasons, key=lambda m: -len(reasons[m]))  # stable: charting order
        for muscle_id in order:
            name = muscle_names(self.knowledge, (muscle_id,))[0]
            item = QListWidgetItem(f"{name} — {', '.join(reasons[muscle_id])}")
            item.setData(ROLE, muscle_id)
            self.muscles_list.addItem(item)

    def muscles_to_check(self) -> list[str]:
        """Ids in the order the list shows them."""
        self.ensure_built()
        return [self.muscles_list.item(i).data(ROLE) for i in range(self.muscles_list.count())]

    # -- the pages, for callers --------------------------------------------------------------

    def row(self, kind: str, item: str) -> ObservationRow:
        """The posture or gait row of observation ``item``."""
        self.ensure_built()
        return self.tree.row(kind, item)

    def suggest_place(self, region: str, side: str) -> None:
        """Preset the ischemia picker to a pain mark's place (a surface region only)."""
        if self._built:
            self.ischemia.suggest_place(region, side)
        else:
            self._suggested = (region, side)

    def add_ischemia(self) -> None:
        self.ensure_built()
        self.ischemia.add()

    def add_entrapment(self) -> None:
        self.ensure_built()
        self.entrapment.add()


def install_assessment(window: QMainWindow) -> AssessmentPanel:
    """Add the "Assessment" tab to ``window.side_tabs``, following the open visit.

    Needs of the window: ``worker``, ``undo_stack``, ``knowledge``, ``side_tabs``,
    ``visits.visit_chosen``, ``marks`` (visit id and marks, for the ischemia region),
    ``body_map.selection_changed``, ``show_status`` and ``show_error``.
    """
    w: Any = window
    model = VisitObservations(w.open_visit, window)
    panel = AssessmentPanel(model, w.undo_stack, w.knowledge)
    panel.setObjectName("assessment-panel")
    w.side_tabs.addTab(panel, tr("&Assessment"))

    def follow(visit: Any | None) -> None:
        visit_id = None if visit is None else visit.id
        if visit_id != model.visit_id:
            model.load_visit(visit_id)

    def suggest(key: str) -> None:
        mark = w.marks.get(key)
        if mark is not None:
            panel.suggest_place(mark.region, mark.side)

    w.visits.visit_chosen.connect(follow)
    w.marks.mark_added.connect(suggest)
    w.body_map.selection_changed.connect(lambda keys: suggest(keys[-1]) if keys else None)
    model.saved.connect(w.show_status)
    model.failed.connect(w.show_error)
    panel.status_message.connect(w.show_status)
    panel.error.connect(w.show_error)
    if w.marks.visit_id is not None:
        model.load_visit(w.marks.visit_id)
        marks = w.marks.marks()
        if marks:
            suggest(marks[-1].key)
    return panel
