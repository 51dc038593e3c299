"""The charting window: a thin shell that composes the panels and the menus.

Clients and visits on the left, the body map in the middle, candidate muscles
on the right. The window routes selections between panels and reports to the
status bar; the panels do the work, the store worker does all database calls.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.atlas import Atlas, load_atlas
from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.core.ranking import muscle_candidate
from nmt_bodymap.ui import store_calls
from nmt_bodymap.ui.about_dialog import install_help_actions
from nmt_bodymap.ui.actions import ActionSpec, add_menu, shortcut_table
from nmt_bodymap.ui.assessment_panel import assessment_lines, install_assessment
from nmt_bodymap.ui.body_map_panel import BodyMapPanel
from nmt_bodymap.ui.candidates_panel import CandidatesPanel
from nmt_bodymap.ui.client_dialog import ClientDialog
from nmt_bodymap.ui.client_panel import ClientPanel
from nmt_bodymap.ui.examination_guide import ExaminationGuidePanel
from nmt_bodymap.ui.finding_dialogs import FindingDialog, TreatmentDialog
from nmt_bodymap.ui.findings_panel import FindingsPanel, finding_marks
from nmt_bodymap.ui.highlight import highlight_for
from nmt_bodymap.ui.palette import MapColors
from nmt_bodymap.ui.settings_dialog import install_settings_action
from nmt_bodymap.ui.theme import follow_system_theme
from nmt_bodymap.ui.visit_findings import AddRecord, RemoveRecord, VisitFindings
from nmt_bodymap.ui.visit_follow_ups import VisitFollowUps
from nmt_bodymap.ui.visit_marks import VisitMarks
from nmt_bodymap.ui.visit_panel import VisitPanel
from nmt_bodymap.ui.visit_summary import VisitSummaryPanel
from nmt_bodymap.ui.worker import StoreWorker
from nmt_bodymap.ui.workflow_actions import install_workflow_actions

STATUS_TIMEOUT_MS = 6000


class MainWindow(QMainWindow):
    """Composes client list, visit list, body map and candidates; owns the undo stack."""

    def __init__(
        self,
        worker: StoreWorker,
        atlas: Atlas | None = None,
        knowledge: KnowledgeBase | None = None,
        title_suffix: str = "",
    ) -> None:
        super().__init__()
        self.setWindowTitle("NMT Body Map" + (f" — {title_suffix}" if title_suffix else ""))
        self.worker = worker
        self.atlas = atlas or load_atlas()
        self.knowledge = knowledge or load_knowledge()
        self.colors = MapColors()
        self.undo_stack = QUndoStack(self)
        self.marks = VisitMarks(worker, self)
        self.findings = VisitFindings(worker, self)
        self.follow_ups = VisitFollowUps(worker, self)
        self.actions_by_key: dict[str, QAction] = {}
        self._ranked_for: tuple[object, ...] | None = None

        self.clients = ClientPanel(worker)
        self.visits = VisitPanel(worker)
        self.body_map = BodyMapPanel(self.atlas, self.marks, self.undo_stack, self.colors)
        self.candidates = CandidatesPanel(self.knowledge)
        self.findings_panel = FindingsPanel(self.findings, self.knowledge)
        self.guide = ExaminationGuidePanel(self.knowledge)
        self.summary = VisitSummaryPanel(self.knowledge, self.follow_ups, self.undo_stack)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.candidates, "&Candidates")
        self.side_tabs.addTab(self.findings_panel, "F&indings")
        self.side_tabs.setTabToolTip(1, "Trigger-point findings and treatments of this visit")
        self.side_tabs.addTab(self.guide, "&Guide")
        self.side_tabs.addTab(self.summary, "Su&mmary")
        self.visit_label = QLabel("")
        self.visit_label.setObjectName("visit-label")
        self.visit_label.setStyleSheet("font-size: 15px; font-weight: 600; padding: 2px 4px;")

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.clients)
        left.addWidget(self.visits)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.visit_label)
        centre_layout.addWidget(self.body_map, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([250, 850, 440])
        self.setCentralWidget(self.splitter)

        self.save_state = QLabel("")
        self.save_state.setObjectName("save-state")
        self.statusBar().addPermanentWidget(self.save_state)
        self._build_menus()
        install_help_actions(self)  # Help > Open data folder, About
        install_settings_action(self)  # Edit > Settings… (Ctrl+,)
        follow_system_theme(self)
        self.visits.follow_marks(self.marks)
        self._connect()
        self.red_flag_banner = install_workflow_actions(self)
        self.assessment_panel = install_assessment(self)
        self.assessment_panel.model.changed.connect(self._refresh_visit_tabs)
        self.assessment_panel.muscle_chosen.connect(
            lambda muscle_id: self._show_muscle_on_map(
                None if muscle_id is None else (muscle_id, "bilateral")
            )
        )
        self.resize(1500, 920)
        self._update_save_state()

    # -- wiring ----------------------------------------------------------------------------
    def _connect(self) -> None:
        self.clients.client_chosen.connect(self._on_client)
        self.clients.new_client_requested.connect(self.new_client)
        self.clients.edit_client_requested.connect(self.edit_client)
        self.clients.failed.connect(self.show_error)
        self.visits.visit_chosen.connect(self._on_visit)
        self.visits.failed.connect(self.show_error)
        self.visits.status_message.connect(self.show_status)
        self.body_map.status_message.connect(self.show_status)
        self.body_map.selection_changed.connect(lambda _keys: self._refresh_candidates())
        self.marks.marks_reset.connect(self._refresh_candidates)
        self.marks.mark_added.connect(lambda _k: self._refresh_candidates())
        self.marks.mark_removed.connect(lambda _k: self._refresh_candidates())
        for signal in (
            self.marks.marks_reset,
            self.marks.mark_added,
            self.marks.mark_removed,
            self.marks.mark_changed,
            self.findings.changed,
            self.side_tabs.currentChanged,
        ):
            signal.connect(self._refresh_visit_tabs)
        self.guide.muscle_chosen.connect(self._show_muscle_on_map)
        self.guide.record_finding.connect(self.record_finding)
        self.follow_ups.saved.connect(self.show_status)
        self.follow_ups.failed.connect(self.show_error)
        self.marks.mark_changed.connect(self._on_mark_changed)
        self.marks.saved.connect(self.show_status)
        self.marks.failed.connect(self.show_error)
        self.candidates.candidate_chosen.connect(self._on_candidate)
        self.candidates.record_finding.connect(lambda c: self.record_finding(c.muscle, c.side))
        self.candidates.record_treatment.connect(lambda c: self.record_treatment(c.muscle, c.side))
        self.body_map.pin_clicked.connect(self._on_pin)
        self.findings.changed.connect(self._show_findings_on_map)
        self.findings.saved.connect(self.show_status)
        self.findings.failed.connect(self.show_error)
        self.findings_panel.remove_requested.connect(
            lambda kind, rid: self.undo_stack.push(RemoveRecord(self.findings, kind, rid))
        )
        self.worker.pending_changed.connect(lambda _n: self._update_save_state())
        self.worker.job_failed.connect(self.show_error)

    def _build_menus(self) -> None:
        bm = self.body_map
        reg = self.actions_by_key
        add_menu(
            self,
            "&File",
            [
                ActionSpec("new-client", "&New client…", ("Ctrl+N",), self.new_client),
                ActionSpec("edit-client", "&Edit client…", ("Ctrl+E",), self.edit_client),
                ActionSpec("find-client", "&Find client", ("Ctrl+K",), self.focus_search),
                None,
                ActionSpec("new-visit", "New &visit…", ("Ctrl+Shift+N",), self.visits.new_visit),
                None,
                ActionSpec("quit", "&Quit", (QKeySequence.StandardKey.Quit, "Ctrl+Q"), self.close),
            ],
            reg,
        )
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(
            [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
        )
        edit = add_menu(
            self,
            "&Edit",
            [
                ActionSpec(
                    "delete-mark",
                    "&Delete selected marks",
                    (QKeySequence.StandardKey.Delete, "Backspace"),
                    bm.remove_selected,
                ),
                ActionSpec(
                    "select-all-marks", "Select &all marks", ("Ctrl+A",), bm.select_all_marks
                ),
                None,
                ActionSpec(
                    "retry",
                    "&Retry saving",
                    ("Ctrl+R",),
                    self.retry_unsaved,
                    "Store again the marks whose save failed",
                ),
            ],
            reg,
        )
        edit.insertActions(edit.actions()[0], [undo, redo])
        edit.insertSeparator(edit.actions()[2])
        for action in (undo, redo):
            self.addAction(action)
        reg["undo"], reg["redo"] = undo, redo
        intensity_specs: list[ActionSpec | None] = [
            ActionSpec(
                f"intensity-{n}", f"Intensity {n}", (str(n),), lambda n=n: bm.set_intensity(n)
            )
            for n in range(10)
        ]
        add_menu(
            self,
            "&Mark",
            [
                *intensity_specs,
                ActionSpec(
                    "intensity-up", "Intensity up (to 10)", ("+", "="), lambda: bm.step_intensity(1)
                ),
                ActionSpec(
                    "intensity-down", "Intensity down", ("-",), lambda: bm.step_intensity(-1)
                ),
                None,
                ActionSpec("quality", "Next &quality", ("Q",), bm.cycle_quality),
            ],
            reg,
        )
        add_menu(
            self,
            "&View",
            [
                ActionSpec(
                    "zoom-in", "Zoom &in", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), bm.zoom_in
                ),
                ActionSpec(
                    "zoom-out", "Zoom &out", (QKeySequence.StandardKey.ZoomOut,), bm.zoom_out
                ),
                ActionSpec("fit", "&Fit to window", ("Ctrl+0",), bm.fit),
                None,
                ActionSpec(
                    "both-views", "&Both views", ("Ctrl+1",), lambda: bm.set_layout_mode("both")
                ),
                ActionSpec(
                    "front-view", "Fr&ont only", ("Ctrl+2",), lambda: bm.set_layout_mode("anterior")
                ),
                ActionSpec(
                    "back-view", "B&ack only", ("Ctrl+3",), lambda: bm.set_layout_mode("posterior")
                ),
                ActionSpec(
                    "inside-sites",
                    "&Inside the body",
                    ("Ctrl+4",),
                    lambda: bm.show_internal_sites(not bm.inside_button.isChecked()),
                    "Teeth, ear, eye, sinus, throat and pelvic sites beside the views",
                ),
            ],
            reg,
        )
        add_menu(
            self,
            "&Muscle",
            [
                ActionSpec(
                    "focus-candidates",
                    "Go to &candidates",
                    ("Ctrl+L",),
                    self.focus_candidates,
                ),
                ActionSpec(
                    "record-finding",
                    "Record &finding…",
                    ("Ctrl+Shift+F",),
                    self._finding_for_current,
                ),
                ActionSpec(
                    "record-treatment",
                    "Record &treatment…",
                    ("Ctrl+Shift+T",),
                    self._treatment_for_current,
                ),
                ActionSpec(
                    "show-findings",
                    "Show findings && treatment",
                    ("Ctrl+Shift+L",),
                    lambda: self.side_tabs.setCurrentWidget(self.findings_panel),
                ),
                ActionSpec(
                    "clear-highlight",
                    "&Clear highlight",
                    ("Escape",),
                    lambda: self.candidates.tree.setCurrentItem(None),
                ),
            ],
            reg,
        )
        add_menu(
            self,
            "&Help",
            [
                ActionSpec("shortcuts", "&Keyboard shortcuts", ("F1",), self.show_shortcuts),
            ],
            reg,
        )

    # -- clients and visits ----------------------------------------------------------------
    def start(self) -> None:
        """Fill the client list (the most recent client is opened)."""
        self.clients.refresh(select_first=True)

    def focus_search(self) -> None:
        self.clients.search_edit.setFocus()
        self.clients.search_edit.selectAll()

    def ask_client(self, client: Any | None) -> dict[str, Any] | None:
        """Run the client form (patched in tests); None when cancelled."""
        dialog = ClientDialog(client, self)
        return dialog.fields() if dialog.exec() else None

    def new_client(self) -> None:
        fields = self.ask_client(None)
        if fields is None:
            return
        self.worker.submit(
            lambda store: store_calls.create_client(store, fields),
            self._client_saved,
            self.show_error,
        )

    def edit_client(self) -> None:
        client = self.clients.current_client()
        if client is None:
            self.show_status("Choose a client to edit")
            return
        fields = self.ask_client(client)
        if fields is None:
            return
        self.worker.submit(
            lambda store: store_calls.update_client(store, client.id, fields),
            self._client_saved,
            self.show_error,
        )

    def _client_saved(self, client: Any) -> None:
        self.show_status(f"Saved client {client.name}")
        self.clients.search_edit.clear()
        self.clients.refresh(select_id=client.id)

    def _on_client(self, client: Any | None) -> None:
        self.visits.show_client(client)

    def _on_visit(self, visit: Any | None) -> None:
        if visit is not None and visit.id == self.marks.visit_id:
            return
        self.undo_stack.clear()
        self.candidates.tree.setCurrentItem(None)
        self.marks.load_visit(visit.id if visit is not None else None)
        self.findings.load_visit(visit.id if visit is not None else None)
        client = self.visits.client
        if visit is None:
            self.visit_label.setText(
                f"{client.name}: no visit yet — start one with Ctrl+Shift+N"
                if client
                else "Choose a client"
            )
        else:
            when = visit.started_at.astimezone().strftime("%A %d %B %Y, %H:%M")
            self.visit_label.setText(f"{client.name if client else ''} — visit of {when}")
        previous = self.visits.visit_before(visit) if visit is not None else None
        self.summary.show_visit(visit, previous)

    def _refresh_visit_tabs(self, *_args: object) -> None:
        """Bring the guide or the summary up to date, whichever is showing (the hidden one
        is brought up to date when its tab is chosen, so a click pays for neither)."""
        shown = self.side_tabs.currentWidget()
        marks = self.marks.marks()
        if shown is self.guide:
            self.guide.show_for(
                [(m.region, m.side) for m in marks],
                [(f.muscle_id, f.side) for f in self.findings.findings.values()],
            )
        elif shown is self.summary:
            self.summary.set_chart(
                marks,
                list(self.findings.findings.values()),
                list(self.findings.treatments.values()),
                assessment_lines(self.assessment_panel.model),
            )

    # -- marks and candidates --------------------------------------------------------------
    def _on_mark_changed(self, key: str) -> None:
        mark = self.marks.get(key)
        if mark is not None and mark.status != "saving":
            self._update_save_state()
        self._refresh_candidates()

    def _refresh_candidates(self) -> None:
        selected = self.body_map.selected_mark_keys()
        if selected:
            marks = [m for k in selected if (m := self.marks.get(k)) is not None]
        else:
            marks = self.marks.marks()
        # One gesture can announce itself several times (mark added, selection changed):
        # rank again only when the places or the scope really changed.
        key = (bool(selected), tuple((m.view, m.region, m.side, m.x, m.y) for m in marks))
        if key == self._ranked_for:
            return
        self._ranked_for = key
        self.candidates.show_for_marks(marks, selected=bool(selected))

    def _on_candidate(self, candidate: Any | None) -> None:
        if candidate is None:
            self.body_map.show_highlight(None)
            return
        muscle = self.knowledge.muscle(candidate.muscle)
        self.body_map.show_highlight(highlight_for(candidate, muscle))

    def _show_muscle_on_map(self, chosen: tuple[str, str] | None) -> None:
        if chosen is None:
            self.body_map.show_highlight(None)
            return
        muscle_id, side = chosen
        candidate = muscle_candidate(muscle_id, side, self.knowledge, self.atlas)  # type: ignore[arg-type]
        self.body_map.show_highlight(highlight_for(candidate, self.knowledge.muscle(muscle_id)))

    def focus_candidates(self) -> None:
        self.side_tabs.setCurrentWidget(self.candidates)
        self.candidates.tree.setFocus()

    # -- findings and treatments -----------------------------------------------------------
    def ask_finding(self, muscle_id: str, side: str, tp_id: str | None) -> dict[str, Any] | None:
        """Run the finding form (patched in tests); None when cancelled."""
        dialog = FindingDialog(self.knowledge.muscle(muscle_id), side, tp_id, self)
        return dialog.fields() if dialog.exec() else None

    def ask_treatment(self, muscle_id: str, side: str, tp_id: str | None) -> dict[str, Any] | None:
        """Run the treatment form with its hold timer (patched in tests)."""
        dialog = TreatmentDialog(self.knowledge.muscle(muscle_id), side, tp_id, self)
        return dialog.fields() if dialog.exec() else None

    def record_finding(self, muscle_id: str, side: str, tp_id: str | None = None) -> None:
        if self.findings.visit_id is None:
            self.show_status("Open a visit first")
            return
        fields = self.ask_finding(muscle_id, side, tp_id)
        if fields is not None:
            name = self.knowledge.muscle(muscle_id).name
            self.undo_stack.push(AddRecord(self.findings, "finding", fields, f"Finding at {name}"))

    def record_treatment(self, muscle_id: str, side: str, tp_id: str | None = None) -> None:
        if self.findings.visit_id is None:
            self.show_status("Open a visit first")
            return
        fields = self.ask_treatment(muscle_id, side, tp_id)
        if fields is not None:
            name = self.knowledge.muscle(muscle_id).name
            self.undo_stack.push(
                AddRecord(self.findings, "treatment", fields, f"Treatment of {name}")
            )

    def _finding_for_current(self) -> None:
        candidate = self.candidates.current_candidate()
        if candidate is None:
            self.show_status("Choose a candidate muscle first (Ctrl+L)")
        else:
            self.record_finding(candidate.muscle, candidate.side)

    def _treatment_for_current(self) -> None:
        candidate = self.candidates.current_candidate()
        if candidate is None:
            self.show_status("Choose a candidate muscle first (Ctrl+L)")
        else:
            self.record_treatment(candidate.muscle, candidate.side)

    def _on_pin(self, muscle_id: str, side: str, tp_id: str) -> None:
        self.record_finding(muscle_id, side, tp_id)

    def _show_findings_on_map(self) -> None:
        self.body_map.show_findings(
            finding_marks(self.atlas, self.knowledge, list(self.findings.findings.values()))
        )

    def retry_unsaved(self) -> None:
        count = self.marks.retry_unsaved()
        self.show_status(
            f"Trying again to save {count} mark(s)" if count else "Nothing is waiting to be saved"
        )

    # -- status and messages ---------------------------------------------------------------
    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def show_error(self, message: Any) -> None:
        text = str(message)
        self.statusBar().showMessage(text.splitlines()[0], STATUS_TIMEOUT_MS * 2)
        QMessageBox.warning(self, "NMT Body Map", text)

    def _update_save_state(self) -> None:
        unsaved = len(self.marks.unsaved())
        if unsaved:
            text = f"⚠ {unsaved} mark(s) not saved — Ctrl+R to retry"
            style = "color: #c0392b; font-weight: 600; padding: 0 8px;"
        else:
            text = "Saving…" if self.worker.pending() else "All changes saved"
            style = "padding: 0 8px;"
        # Set only what changed: a style sheet re-polishes the label on every click.
        if self.save_state.text() != text:
            self.save_state.setText(text)
        if self.save_state.styleSheet() != style:
            self.save_state.setStyleSheet(style)

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{a}</td><td>&nbsp;&nbsp;<b>{k}</b></td></tr>"
            for a, k in shortcut_table(self.actions_by_key)
        )
        QMessageBox.information(
            self,
            "Keyboard shortcuts",
            "<p>Click the figure to mark pain; drag a mark to move it. Wheel zooms, "
            "middle button or Space + drag pans.</p>"
            f"<table>{rows}</table>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.marks.unsaved()
        if unsaved:
            answer = QMessageBox.question(
                self,
                "Unsaved marks",
                f"{len(unsaved)} mark(s) could not be saved and will be lost. Close anyway?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        super().closeEvent(event)
