"""Compose the charting window: build its panels, lay them out, plug in the rooms' actions
and wire the signals between them.

``MainWindow`` keeps the routing (what a chosen client, visit, mark or muscle does to the
other panels); this module only puts the parts together, once, after the first paint.
What a click needs is built first (the map, the candidate list, the client and visit lists,
the menus, the signed state); the other rooms follow in ``ROOMS`` order: at once, or after
the first visit is on screen on a deferred start (``ui/late_rooms``, issue 18). The first
room finishes the map itself: its captions and its folded strip of internal sites.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.late_rooms import ActionRegistry, LateRooms, Room, existing

if TYPE_CHECKING:
    from nmt_bodymap.core.atlas import Atlas
    from nmt_bodymap.core.knowledge import KnowledgeBase
    from nmt_bodymap.store.records import VisitRecord
    from nmt_bodymap.ui.main_window import MainWindow


def build_panels(
    window: MainWindow,
    atlas: Atlas | None = None,
    knowledge: KnowledgeBase | None = None,
    rooms_later: bool = False,
) -> None:
    """Load the atlas and the knowledge, build the panels and actions of ``window``: every
    room now, or (``rooms_later``) the rooms of ``ROOMS`` once the first visit shows."""
    # Imported here, not at module level: the empty frame paints without them (issue 18).
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.core.knowledge import load_knowledge
    from nmt_bodymap.ui.chart.open_visit import OpenVisit
    from nmt_bodymap.ui.chart.visit_findings import VisitFindings
    from nmt_bodymap.ui.chart.visit_follow_ups import VisitFollowUps
    from nmt_bodymap.ui.chart.visit_marks import VisitMarks
    from nmt_bodymap.ui.map.palette import MapColors

    w = window
    w.atlas = atlas or load_atlas()
    w.knowledge = knowledge or load_knowledge()
    w.colors = MapColors()
    w.undo_stack = QUndoStack(w)
    w.open_visit = OpenVisit(w.worker, "", w)  # who: the store's (sign-in, else settings)
    w.marks = VisitMarks(w.open_visit, w)
    w.findings = VisitFindings(w.open_visit, w)
    w.follow_ups = VisitFollowUps(w.worker, w, who=w.open_visit.who)
    registry = ActionRegistry()
    w.actions_by_key = registry
    _build_layout(w)
    w.visits.hold_thumbnails = rooms_later  # drawn once the first visit is on screen
    _install_first_rooms(w)
    w.late_rooms = registry.rooms = LateRooms(w, ROOMS, after_each=_apply_signed_state)
    if rooms_later:
        from nmt_bodymap.ui.window_state import window_settings

        tab = window_settings().value("side-tab")
        w.late_rooms.wanted_tab = int(tab) if tab is not None and str(tab).isdigit() else None
        w.late_rooms.start()
    else:
        w.late_rooms.finish()


def _build_layout(w: MainWindow) -> None:
    """Clients and visits on the left, the body map in the middle, the visit's tabs right
    (the candidates first; the other tabs are rooms)."""
    from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
    from nmt_bodymap.ui.chart.client_panel import ClientPanel
    from nmt_bodymap.ui.chart.visit_panel import VisitPanel
    from nmt_bodymap.ui.map.body_map_panel import BodyMapPanel

    w.clients = ClientPanel(w.worker)
    w.visits = VisitPanel(w.worker)
    w.body_map = BodyMapPanel(w.atlas, w.marks, w.undo_stack, w.colors)
    w.candidates = CandidatesPanel(w.knowledge)
    w.side_tabs = QTabWidget()
    w.side_tabs.addTab(w.candidates, tr("&Candidates"))
    w.visit_label = QLabel("")
    w.visit_label.setObjectName("visit-label")
    w.visit_label.setStyleSheet("font-size: 15px; font-weight: 600; padding: 2px 4px;")

    left = QSplitter(Qt.Orientation.Vertical)
    left.addWidget(w.clients)
    left.addWidget(w.visits)
    centre = QWidget()
    centre_layout = QVBoxLayout(centre)
    centre_layout.setContentsMargins(0, 0, 0, 0)
    centre_layout.addWidget(w.visit_label)
    centre_layout.addWidget(w.body_map, 1)
    w.splitter = QSplitter(Qt.Orientation.Horizontal)
    for column, stretch in ((left, 0), (centre, 1), (w.side_tabs, 0)):
        w.splitter.addWidget(column)
        w.splitter.setStretchFactor(w.splitter.count() - 1, stretch)
    w.splitter.setSizes([250, 850, 440])
    w.setCentralWidget(w.splitter)
    w.save_state = QLabel("")
    w.save_state.setObjectName("save-state")
    w.statusBar().addPermanentWidget(w.save_state)


def _install_first_rooms(w: MainWindow) -> None:
    """Menus first (the rooms add to them), then what must be in place before a click is
    answered: the change watcher (conflicts), the history view and the signed state (a
    signed visit is read-only from its first paint)."""
    from nmt_bodymap.ui.about_dialog import install_help_actions
    from nmt_bodymap.ui.actions import build_main_menus
    from nmt_bodymap.ui.chart.change_watcher import install_change_watcher
    from nmt_bodymap.ui.chart.history_view import install_history_view
    from nmt_bodymap.ui.chart.sign_dialog import install_signing
    from nmt_bodymap.ui.chart.visit_dialog import install_visit_admin
    from nmt_bodymap.ui.settings_dialog import install_settings_action
    from nmt_bodymap.ui.theme import follow_system_theme

    build_main_menus(w)
    install_help_actions(w)  # Help > Open data folder, About
    install_settings_action(w)  # Edit > Settings… (Ctrl+,)
    follow_system_theme(w)
    w.visits.follow_marks(w.marks)
    install_visit_admin(w)  # issue 15: edit/backdate/delete visits, delete clients
    connect_panels(w)
    w.change_watcher = install_change_watcher(w)
    w.history_view = install_history_view(w)  # File > Client history (Ctrl+H)
    w.signing = install_signing(w)  # issue 16: File > Sign visit…, Amend…


# -- the rooms installed after the first click on a deferred start -----------------------


def _findings_tab(w: MainWindow) -> None:
    from nmt_bodymap.ui.clinic.findings_panel import FindingsPanel

    w.findings_panel = FindingsPanel(w.findings, w.knowledge)
    index = w.side_tabs.addTab(w.findings_panel, tr("F&indings"))
    w.side_tabs.setTabToolTip(index, tr("Trigger-point findings and treatments of this visit"))
    w.findings_panel.remove_requested.connect(w.remove_row)


def _guide_tab(w: MainWindow) -> None:
    from nmt_bodymap.ui.clinic.examination_guide import ExaminationGuidePanel

    w.guide = ExaminationGuidePanel(w.knowledge)
    w.side_tabs.addTab(w.guide, tr("&Guide"))
    w.guide.muscle_chosen.connect(w._show_muscle_on_map)
    w.guide.record_finding.connect(w.record_finding)


def _summary_tab(w: MainWindow) -> None:
    from nmt_bodymap.ui.clinic.visit_summary import VisitSummaryPanel

    w.summary = VisitSummaryPanel(w.knowledge, w.follow_ups, w.undo_stack)
    w.side_tabs.addTab(w.summary, tr("Su&mmary"))
    visit = w.visits.current_visit()
    if visit is not None and visit.id == w.marks.visit_id:  # the visit on screen
        show_summary(w, visit)


def _clinic(w: MainWindow) -> None:
    from nmt_bodymap.ui.clinic.workflow_actions import install_workflow_actions

    w.red_flag_banner = install_workflow_actions(w)  # loads the client shown


def _assessment_tab(w: MainWindow) -> None:
    from nmt_bodymap.ui.clinic.assessment_panel import install_assessment

    w.assessment_panel = install_assessment(w)  # loads the visit shown
    w.assessment_panel.model.changed.connect(w._refresh_visit_tabs)
    w.assessment_panel.muscle_chosen.connect(
        lambda muscle_id: w._show_muscle_on_map(
            None if muscle_id is None else (muscle_id, "bilateral")
        )
    )


def _documents(w: MainWindow) -> None:
    from nmt_bodymap.ui.documents.menu import install_document_actions

    w.documents = install_document_actions(w)  # the SOAP tab loads the visit shown


def _region_picker(w: MainWindow) -> None:
    from nmt_bodymap.ui.map.region_picker import install_region_picker

    w.region_picker = install_region_picker(w)  # issue 15: "/" r temple Enter


# In this order: the side tabs keep their places (Candidates, Findings, Guide, Summary,
# Assessment, SOAP) and each room needs only what is built before it.
ROOMS = [
    Room("map-extras", (), lambda w: w.body_map.finish_building()),  # nothing moves
    Room("thumbnails", (), lambda w: w.visits.release_thumbnails()),  # a worker job
    Room("findings", ("findings_panel",), _findings_tab),
    Room("guide", ("guide",), _guide_tab),
    Room("summary", ("summary",), _summary_tab),
    Room("clinic", ("red_flag_banner", "workflow_windows"), _clinic),
    Room("assessment", ("assessment_panel",), _assessment_tab),
    Room("documents", ("documents",), _documents),
    Room("region-picker", ("region_picker",), _region_picker),
]


def _apply_signed_state(w: MainWindow) -> None:
    """A room installed after the visit was chosen is read-only too when it is signed."""
    signing = existing(w, "signing")
    if signing is not None:
        signing.show_visit(signing.visit)  # type: ignore[attr-defined]


def show_summary(w: MainWindow, visit: VisitRecord | None) -> None:
    """The summary tab shows ``visit`` (beside the one before it), once the tab is built."""
    summary: Any = existing(w, "summary")
    if summary is not None:
        summary.show_visit(visit, w.visits.visit_before(visit) if visit is not None else None)


def refresh_visit_tabs(w: MainWindow) -> None:
    """Bring the guide or the summary up to date, whichever is showing (the hidden one is
    brought up to date when its tab is chosen, so a click pays for neither)."""
    shown = w.side_tabs.currentWidget()
    if shown is None or shown is w.candidates:
        return
    marks = w.marks.marks()
    if shown is existing(w, "guide"):
        w.guide.show_for(
            [(m.region, m.side) for m in marks],
            [(f.muscle_id, f.side) for f in w.findings.findings.values()],
        )
    elif shown is existing(w, "summary"):
        from nmt_bodymap.ui.clinic.assessment_panel import assessment_lines

        assessment: Any = existing(w, "assessment_panel")
        w.summary.set_chart(
            marks,
            list(w.findings.findings.values()),
            list(w.findings.treatments.values()),
            assessment_lines(assessment.model) if assessment is not None else [],
        )


def connect_panels(w: MainWindow) -> None:
    """Every signal between the panels, the open visit and the window, in one place."""
    w.clients.client_chosen.connect(w._on_client)
    w.clients.new_client_requested.connect(w.new_client)
    w.clients.edit_client_requested.connect(w.edit_client)
    w.clients.failed.connect(w.show_error)
    w.clients.client_opened.connect(w.focus_map)  # issue 15: charting starts on the map
    w.visits.visit_chosen.connect(w._on_visit)
    w.visits.failed.connect(w.show_error)
    w.visits.status_message.connect(w.show_status)
    w.body_map.status_message.connect(w.show_status)
    w.body_map.selection_changed.connect(w._on_selection)
    w.body_map.pin_clicked.connect(w._on_pin)
    # One change signal per gesture: each panel redraws only what its flags name.
    w.open_visit.changed.connect(w._on_visit_changed)
    w.open_visit.status_changed.connect(w._on_pending)  # a row's save status: the label
    w.open_visit.saved.connect(w.show_status)
    w.open_visit.failed.connect(w.show_error)
    w.side_tabs.currentChanged.connect(w._refresh_visit_tabs)
    w.follow_ups.saved.connect(w.show_status)
    w.follow_ups.failed.connect(w.show_error)
    w.candidates.candidate_chosen.connect(w._on_candidate)
    w.candidates.record_finding.connect(lambda c: w.record_finding(c.muscle, c.side))
    w.candidates.record_treatment.connect(lambda c: w.record_treatment(c.muscle, c.side))
    w.candidates.record_finding_requested.connect(w.record_finding)  # Enter
    w.findings.changed.connect(w._show_findings_on_map)
    w.worker.job_failed.connect(w.show_error)
