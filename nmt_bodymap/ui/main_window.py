"""The charting window: a thin shell that composes the panels and the menus.

Clients and visits on the left, the body map in the middle, candidate muscles
on the right. The window routes selections between panels and reports to the
status bar; the panels do the work, the store worker does all database calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QWidget,
)

from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.clinic.findings_actions import FindingsActions
from nmt_bodymap.ui.i18n import long_datetime, tr
from nmt_bodymap.ui.window_state import (
    restore_geometry_only,
    restore_window_state,
    save_window_state,
)

if TYPE_CHECKING:
    from nmt_bodymap.core.atlas import Atlas
    from nmt_bodymap.core.knowledge import KnowledgeBase
    from nmt_bodymap.core.ranking import Candidate
    from nmt_bodymap.store.records import ClientRecord, VisitRecord
    from nmt_bodymap.ui.access.lock import LockGuard
    from nmt_bodymap.ui.after_start import AfterFirstVisit
    from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
    from nmt_bodymap.ui.chart.change_watcher import ChangeWatcher
    from nmt_bodymap.ui.chart.client_panel import ClientPanel
    from nmt_bodymap.ui.chart.history_view import HistoryView
    from nmt_bodymap.ui.chart.open_visit import DocChange, OpenVisit
    from nmt_bodymap.ui.chart.sign_dialog import SigningActions
    from nmt_bodymap.ui.chart.visit_findings import Kind, VisitFindings
    from nmt_bodymap.ui.chart.visit_follow_ups import VisitFollowUps
    from nmt_bodymap.ui.chart.visit_marks import VisitMarks
    from nmt_bodymap.ui.chart.visit_panel import VisitPanel
    from nmt_bodymap.ui.clinic.assessment_panel import AssessmentPanel
    from nmt_bodymap.ui.clinic.examination_guide import ExaminationGuidePanel
    from nmt_bodymap.ui.clinic.findings_panel import FindingsPanel
    from nmt_bodymap.ui.clinic.red_flag_banner import RedFlagBanner
    from nmt_bodymap.ui.clinic.visit_summary import VisitSummaryPanel
    from nmt_bodymap.ui.documents.menu import DocumentActions
    from nmt_bodymap.ui.first_frame import FirstFrame, PanelLoader, QueuedClicks
    from nmt_bodymap.ui.late_rooms import LateRooms
    from nmt_bodymap.ui.map.body_map_panel import BodyMapPanel
    from nmt_bodymap.ui.map.palette import MapColors
    from nmt_bodymap.ui.map.region_picker import RegionPicker

STATUS_TIMEOUT_MS = 6000


class MainWindow(FindingsActions, QMainWindow):
    """Composes client list, visit list, body map and candidates; owns the undo stack."""

    # The parts, set by ui/window_panels.build_panels (after the first paint, issue 18):
    # the names every room's install_* function and the tests reach them by.
    atlas: Atlas
    knowledge: KnowledgeBase
    colors: MapColors
    undo_stack: QUndoStack
    open_visit: OpenVisit  # the open visit's document: every chart change goes through it
    marks: VisitMarks
    findings: VisitFindings
    follow_ups: VisitFollowUps
    actions_by_key: dict[str, QAction]  # the action registry (ui/actions.py), by id
    clients: ClientPanel
    visits: VisitPanel
    body_map: BodyMapPanel
    candidates: CandidatesPanel
    findings_panel: FindingsPanel
    guide: ExaminationGuidePanel
    summary: VisitSummaryPanel
    side_tabs: QTabWidget
    visit_label: QLabel
    splitter: QSplitter
    save_state: QLabel
    red_flag_banner: RedFlagBanner
    assessment_panel: AssessmentPanel
    documents: DocumentActions
    change_watcher: ChangeWatcher
    history_view: HistoryView
    region_picker: RegionPicker
    signing: SigningActions
    late_rooms: LateRooms  # the rooms still to install after the first click (issue 18)
    workflow_windows: list[QWidget]  # the Clinic menu's non-modal windows, kept alive
    # Start-up (ui/app.py, ui/first_frame.py, issue 18) and security (ui/access/lock.py):
    first_frame: FirstFrame
    panel_loader: PanelLoader
    queued_clicks: QueuedClicks
    after_first_visit: AfterFirstVisit  # the daily backup, once the first visit shows
    chart_started: bool  # set once the chart is open: clicks on the first frame may go in
    _opening_progress: QProgressBar
    security_guard: LockGuard

    def __init__(
        self,
        worker: StoreWorker,
        atlas: Atlas | None = None,
        knowledge: KnowledgeBase | None = None,
        title_suffix: str = "",
        defer_panels: bool = False,
    ) -> None:
        super().__init__()
        self.setWindowTitle("NMT Body Map" + (f" — {title_suffix}" if title_suffix else ""))
        self.worker = worker
        self.built = False
        if defer_panels:  # issue 18: paint the figures first, build the panels after it
            from nmt_bodymap.ui.first_frame import install_first_frame

            self.statusBar().showMessage(tr("Loading the body map…"))
            install_first_frame(self)  # the figures from the SVGs; the atlas loads behind
            restore_geometry_only(self)
            return
        self.build_panels(atlas, knowledge)

    if not TYPE_CHECKING:  # hidden from mypy, so a misspelt part is a type error

        def __getattr__(self, name: str) -> object:
            # Asked for a panel or an action before they were built (a deferred window
            # before its first paint, or a room after it): build it now (issue 18).
            if name.startswith("_"):
                raise AttributeError(name)
            if not self.__dict__.get("built", True):
                self.build_panels()
                return getattr(self, name)
            rooms = self.__dict__.get("late_rooms")
            if rooms is None or not rooms.ensure(name):
                raise AttributeError(name)
            return getattr(self, name)

    def build_panels(
        self, atlas: Atlas | None = None, knowledge: KnowledgeBase | None = None
    ) -> None:
        """Load the atlas and the knowledge and build every panel (once)."""
        if self.built:
            return
        self.built = True
        from nmt_bodymap.ui.window_panels import build_panels

        loader = self.__dict__.get("panel_loader")  # issue 18: loaded on a background thread
        if loader is not None and atlas is None and knowledge is None:
            atlas, knowledge = loader.result()
        self._ranked_for: tuple[object, ...] | None = None
        self._scope: tuple[str, ...] = ()  # the picked marks the candidates were ranked for
        self._save_state_shown: tuple[int, int, bool] | None = None
        # panels, layout, menus, signals; the rooms after the first visit on a deferred start
        build_panels(self, atlas, knowledge, rooms_later=loader is not None)
        restore_window_state(self)  # issue 15: fits the screen; geometry/splitters/view kept
        from nmt_bodymap.ui.save_state import SaveStateLabel

        self._save_state_label = SaveStateLabel(self.save_state)
        self.statusBar().setAutoFillBackground(True)  # a new message: the window not painted
        self._update_save_state()
        if loader is not None:  # the first frame's clicks, what waited for the panels
            from nmt_bodymap.ui.first_frame import after_panels_built

            after_panels_built(self)

    # -- clients and visits ----------------------------------------------------------------
    def start(self) -> None:
        """Fill the client list (the most recent client is opened)."""
        self.clients.refresh(select_first=True)
        self.focus_map()  # issue 15: a digit typed at once sets intensity, never a search

    def focus_map(self) -> None:
        """Keyboard focus on the body map (digits and Q then reach the mark tools)."""
        shown = [v for v in self.body_map.views.values() if v.isVisible()]
        (shown or list(self.body_map.views.values()))[0].setFocus(
            QtCore.Qt.FocusReason.OtherFocusReason
        )

    def show_history(self) -> None:
        self.history_view.show_for(self.clients.current_client())

    def focus_search(self) -> None:
        self.clients.search_edit.setFocus()
        self.clients.search_edit.selectAll()

    def ask_client(self, client: ClientRecord | None) -> dict[str, Any] | None:
        """Run the client form (patched in tests); None when cancelled."""
        from nmt_bodymap.ui.chart.client_dialog import ClientDialog

        dialog = ClientDialog(client, self)
        return dialog.fields() if dialog.exec() else None

    def new_client(self) -> None:
        from nmt_bodymap.ui.chart import store_calls

        fields = self.ask_client(None)
        if fields is None:
            return
        self.worker.submit(
            lambda store: store_calls.create_client(store, fields),
            self._client_saved,
            self.show_error,
        )

    def edit_client(self) -> None:
        from nmt_bodymap.ui.chart import store_calls

        client = self.clients.current_client()
        if client is None:
            self.show_status(tr("Choose a client to edit"))
            return
        fields = self.ask_client(client)
        if fields is None:
            return
        self.worker.submit(
            lambda store: store_calls.update_client(store, client.id, fields),
            self._client_saved,
            self.show_error,
        )

    def _client_saved(self, client: ClientRecord) -> None:
        self.show_status(tr("Saved client {name}").format(name=client.name))
        self.clients.search_edit.clear()
        self.clients.refresh(select_id=client.id)

    def _on_client(self, client: ClientRecord | None) -> None:
        self.visits.show_client(client)

    def _on_visit(self, visit: VisitRecord | None) -> None:
        if visit is not None and visit.id == self.marks.visit_id:
            return
        from nmt_bodymap.ui.chart.visit_dialog import clear_visit_steps

        clear_visit_steps(self.undo_stack)  # a visit's or client's delete stays undoable
        self.candidates.tree.setCurrentItem(None)  # type: ignore[call-overload]
        self.marks.load_visit(visit.id if visit is not None else None)
        client = self.visits.client
        if visit is None:
            self.visit_label.setText(
                tr("{name}: no visit yet — start one with Ctrl+Shift+N").format(name=client.name)
                if client
                else tr("Choose a client")
            )
        else:
            when = long_datetime(visit.started_at.astimezone())
            self.visit_label.setText(
                tr("{name} — visit of {when}").format(name=client.name if client else "", when=when)
            )
        from nmt_bodymap.ui.window_panels import show_summary

        show_summary(self, visit)  # once the summary tab is built (issue 18)

    def _refresh_visit_tabs(self, *_args: object) -> None:
        from nmt_bodymap.ui.window_panels import refresh_visit_tabs

        refresh_visit_tabs(self)  # the guide or the summary, whichever is showing

    # -- marks and candidates --------------------------------------------------------------
    def _on_visit_changed(self, change: DocChange) -> None:
        from nmt_bodymap.core.operations import Change

        if change.flags & Change.MARKS:
            self._refresh_candidates()
        if change.flags & (Change.MARKS | Change.FINDINGS | Change.TREATMENTS):
            self._refresh_visit_tabs()

    def _refresh_candidates(self) -> None:
        # A just-placed mark is selected for the keys, but the ranking explains every mark
        # until the therapist picks some.
        selected = self.body_map.selection.picked_keys()
        self._scope = tuple(selected)
        # One gesture can announce itself several times (mark added, selection changed):
        # rank again only after a change of the document or of the scope.
        key = (tuple(selected), self.open_visit.doc_revision)
        if key == self._ranked_for:
            return
        self._ranked_for = key
        if selected:
            marks = [m for k in selected if (m := self.marks.get(k)) is not None]
        else:
            marks = self.marks.marks()
        self.candidates.show_for_marks(marks, selected=bool(selected))

    def clear_selection_and_highlight(self) -> None:
        """Esc: no mark selected (digits set the next mark again), no muscle lit."""
        self.body_map.clear_selection()
        self.candidates.tree.setCurrentItem(None)  # type: ignore[call-overload]

    def _on_candidate(self, candidate: Candidate | None) -> None:
        from nmt_bodymap.ui.map.highlight import highlight_for

        if candidate is None:
            self.body_map.show_highlight(None)
            return
        muscle = self.knowledge.muscle(candidate.muscle)
        self.body_map.show_highlight(highlight_for(candidate, muscle))

    def _show_muscle_on_map(self, chosen: tuple[str, str] | None) -> None:
        from nmt_bodymap.core.ranking import muscle_candidate
        from nmt_bodymap.ui.map.highlight import highlight_for

        if chosen is None:
            self.body_map.show_highlight(None)
            return
        muscle_id, side = chosen
        candidate = muscle_candidate(muscle_id, side, self.knowledge, self.atlas)  # type: ignore[arg-type]
        self.body_map.show_highlight(highlight_for(candidate, self.knowledge.muscle(muscle_id)))

    def remove_row(self, kind: Kind, uid: str) -> None:
        """Remove a finding or treatment (undoable) from the findings panel."""
        from nmt_bodymap.ui.chart.commands import push_operations

        op = self.findings.delete_op(kind, uid)
        push_operations(
            self.undo_stack,
            self.open_visit,
            [op],
            tr("Remove {kind}").format(kind=kind),
            tr("Removed the {kind}").format(kind=kind),
        )

    def focus_candidates(self) -> None:
        self.side_tabs.setCurrentWidget(self.candidates)
        self.candidates.tree.setFocus()

    def ask_keep_mine(self, text: str) -> bool:
        """Another station changed what this one tried to change (patched in tests)."""
        from nmt_bodymap.ui.chart.change_watcher import ask_keep_mine

        return ask_keep_mine(self, text)

    def retry_unsaved(self) -> None:
        count = self.marks.retry_unsaved()
        self.show_status(
            tr("Trying again to save {count} mark(s)").format(count=count)
            if count
            else tr("Nothing is waiting to be saved")
        )

    # -- status and messages ---------------------------------------------------------------
    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def show_error(self, message: object) -> None:
        text = str(message)
        self.statusBar().showMessage(text.splitlines()[0], STATUS_TIMEOUT_MS * 2)
        QMessageBox.warning(self, tr("NMT Body Map"), text)

    def _on_pending(self, *_args: object) -> None:
        # Only a change of what the label says updates it (saving starts or ends, unsaved).
        if self._save_state() != self._save_state_shown:
            self._update_save_state()

    def _on_selection(self, _keys: list[str]) -> None:
        # Candidates follow the marks the therapist picked, not a just-placed mark.
        if tuple(self.body_map.selection.picked_keys()) != self._scope:
            self._refresh_candidates()

    def _save_state(self) -> tuple[int, int, bool]:
        """Rows whose save failed (every kind: a failed finding is not "All changes saved"),
        how many of them are marks, and whether a save is on its way."""
        unsaved = len(self.open_visit.unsaved())
        return unsaved, len(self.marks.unsaved()) if unsaved else 0, self.open_visit.busy()

    def _update_save_state(self) -> None:
        # A fixed-size label: saving/saved repaint the label only, not the status bar.
        state = self._save_state_shown = self._save_state()
        self._save_state_label.show(state[0], state[2], state[1] == state[0])

    def show_shortcuts(self) -> None:
        from nmt_bodymap.ui.actions import show_shortcuts

        show_shortcuts(self, self.actions_by_key)

    def closeEvent(self, event: QCloseEvent) -> None:
        from nmt_bodymap.ui.first_frame import may_close  # clicks made while it opened

        if not may_close(self):
            event.ignore()
            return
        if not self.built:  # closed before the panels were built: nothing else to save
            super().closeEvent(event)
            return
        self.change_watcher.stop()
        from nmt_bodymap.ui.save_state import may_lose_unsaved

        if not may_lose_unsaved(self, len(self.open_visit.unsaved()), len(self.marks.unsaved())):
            event.ignore()
            return
        save_window_state(self)  # issue 15
        self.worker.start_now()  # the saves waiting for a paint (a note stored on closing)
        super().closeEvent(event)
