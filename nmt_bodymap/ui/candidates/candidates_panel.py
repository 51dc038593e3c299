"""Ranked candidate muscles for the selected marks (or the whole visit), with details.

The ranking is the core's (:func:`nmt_bodymap.core.ranking.rank_candidates`);
this panel lists it, reports which candidate is chosen, and shows what the
knowledge base says about it in words a therapist and client can use.

Parts of a group with one pattern (the scalenes, the deltoid parts...) are one row that
opens into its parts; the muscles lying under the marks follow in their own short section
("Also palpate under the spot"). Arrow keys move through the list; Enter asks for a
finding on the current muscle, side and explaining trigger point.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.atlas import mark_side
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.ranking import (
    Candidate,
    Spot,
    Under,
    muscle_candidate,
    rank_and_under,
)
from nmt_bodymap.ui.candidates.candidate_detail import CandidateDetail
from nmt_bodymap.ui.candidates.candidate_rows import (  # noqa: F401  (re-exported)
    UNDER_SPOT_HEADING,
    CandidateTree,
    PaddedRows,
    RowTexts,
    Shown,
    idea_rows,
    row_tooltip,
    top_row,
    tree_items,
)
from nmt_bodymap.ui.candidates.candidate_text import (  # noqa: F401  (re-exported for callers)
    ZONE_WORDS,
    candidate_html,
    muscle_html,
    summary_html,
)
from nmt_bodymap.ui.candidates.column_fit import ColumnFit
from nmt_bodymap.ui.candidates.layout_boundary import LayoutBoundary
from nmt_bodymap.ui.candidates.row_sync import HeldChanges, open_rows, reopen_rows, sync_rows
from nmt_bodymap.ui.candidates.steady_height import SteadyHeights
from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import knowledge_language, place_label

MAX_SHOWN = 30
# The detail is laid out once per gesture, for the candidate current at its end (a click keeps
# the chosen muscle, then the therapist or the app may choose another): posted to the panel.
DETAIL_EVENT = QEvent.Type(QEvent.registerEventType())
DETAIL_PRIORITY = Qt.EventPriority.HighEventPriority.value
_UNSET = object()


class CandidatesPanel(QWidget):
    """The candidate list and the detail pane of the chosen muscle.

    A click re-ranks on every mark, so the panel does the least it can (bench/NOTES.md):
    the list's rows are updated in place (a row whose muscle, side and text are unchanged
    is not touched), ``candidate_chosen`` is sent only when the chosen candidate really
    changes, the per-click part of the detail (muscle, side and the zone at each spot) is a
    small label, and the long text about the muscle is laid out once and kept.
    """

    candidate_chosen = Signal(object)  # Candidate or None
    record_finding = Signal(object)  # Candidate
    record_treatment = Signal(object)  # Candidate
    # muscle id, side, trigger point id (the one that explains the spots) or None
    record_finding_requested = Signal(str, str, object)

    def __init__(self, knowledge: KnowledgeBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.knowledge = knowledge
        self._candidates: list[Candidate] = []
        self._under: list[Candidate] = []
        self._shown: list[Shown] = []  # what the tree's top-level rows show, in order
        self._texts: RowTexts | None = None
        self._spot_labels: list[str] = []
        self._chosen: Candidate | None = None
        self._pending: object = _UNSET  # the candidate whose detail is still to be shown

        # The heading and the summary shrink only once the clicks pause: a click that
        # shortens their text does not move the list and the detail (steady_height).
        self.heights = SteadyHeights(self)
        self.heading = QLabel(tr("Mark where it hurts to see the muscles to check."))
        self.heading.setWordWrap(True)
        self.heading.setObjectName("candidates-heading")
        self.tree = CandidateTree()
        self.tree.setObjectName("candidate-list")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([tr("Muscle"), tr("Side"), tr("Explains")])
        self.tree.setRootIsDecorated(True)
        self.tree.enter_pressed.connect(self._request_finding)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Side and Explains are fitted to their text once per new list (ColumnFit), not
        # by ResizeToContents, which measures every row again on each cell changed.
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        rows = PaddedRows(self.tree)
        rows.tip = lambda index: self.tooltip(self.tree.itemFromIndex(index), index.column())
        self.tree.spoken_why = lambda item: self.tooltip(item, 0)  # the zones, read aloud
        self.tree.setItemDelegate(rows)
        self._columns = ColumnFit(self.tree)
        self.tree.currentItemChanged.connect(self._on_current)

        # The per-click top of the detail: a small text view sized to its text (a rich-text
        # label lays its text out again on every paint).
        self.summary = QTextBrowser()
        self.summary.setObjectName("candidate-summary")
        self.summary.setFrameShape(QFrame.Shape.NoFrame)
        self.summary.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.detail = QTextBrowser()
        self.detail.setObjectName("candidate-detail")
        self.detail.setOpenExternalLinks(False)
        self._detail = CandidateDetail(self, knowledge, self.summary, self.detail, self.heights)
        self.finding_button = QPushButton(tr("Record &finding…"))
        self.finding_button.setToolTip(tr("Record what you palpated at this muscle (Ctrl+Shift+F)"))
        self.treatment_button = QPushButton(tr("Record &treatment…"))
        self.treatment_button.setToolTip(tr("Record the treatment given (Ctrl+Shift+T)"))
        for button in (self.finding_button, self.treatment_button):
            button.setMinimumHeight(34)
            button.setEnabled(False)
        self.finding_button.clicked.connect(lambda: self._emit_current(self.record_finding))
        self.treatment_button.clicked.connect(lambda: self._emit_current(self.record_treatment))

        buttons = QHBoxLayout()
        buttons.addWidget(self.finding_button)
        buttons.addWidget(self.treatment_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.detail, 1)
        lower_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(self.tree, 1)
        split.addWidget(top)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(LayoutBoundary(split))  # a click's layouts stay in the panel
        self._show_detail(None)

    # -- input -----------------------------------------------------------------------------
    def show_for_marks(self, marks: Sequence[MarkState], selected: bool) -> None:
        """Rank the muscles for these marks; keep the chosen muscle chosen if still listed."""
        previous = self.current_candidate()
        spots = [
            Spot(m.view, m.region, m.side, None if m.x is None or m.y is None else (m.x, m.y))
            for m in marks
        ]  # internal sites (teeth, pelvic floor...) have no point on the drawing
        language = knowledge_language()  # once per list, not per label
        # Marks sit on a few places: a label per (region, side named), a midline mark's side
        # named from its point once (``mark_side``), not a label made per midline mark.
        labels: dict[tuple[str, str], str] = {}
        self._spot_labels = [
            labels.get(key := (m.region, shown))
            or labels.setdefault(key, place_label(m.region, shown, language))
            for m in marks
            for shown in (
                m.side if m.side != "midline" else mark_side(m.view, m.region, m.side, m.x),
            )
        ]
        try:
            # One pass over the marks' places for both lists (a 10,000-mark visit has a few
            # hundred), only the shown candidates spelled out mark by mark.
            ranked, under = rank_and_under(spots, self.knowledge, limit=MAX_SHOWN)
            self._candidates = ranked
            self._under = self._under_spots(under)
        except (ValueError, KeyError) as exc:
            self._candidates = []
            self._under = []
            self._heading(tr("Could not rank these marks: {exc}").format(exc=exc))
        else:
            if not spots:
                self._heading(tr("Mark where it hurts to see the muscles to check."))
            else:
                if selected and len(spots) == 1:
                    heading = tr("Muscles to check for selected {count} mark: {places}")
                elif selected:
                    heading = tr("Muscles to check for selected {count} marks: {places}")
                elif len(spots) == 1:
                    heading = tr("Muscles to check for all {count} mark: {places}")
                else:
                    heading = tr("Muscles to check for all {count} marks: {places}")
                places = ", ".join(dict.fromkeys(self._spot_labels))
                self._heading(heading.format(count=len(spots), places=places))
        self._fill_tree(len(spots), language)
        current = None
        if previous is not None:
            current = self._item_of(previous.muscle, previous.side)
        self.tree.blockSignals(True)
        self.tree.scrollToTop()  # a new ranking is read from its top, as a fresh list is
        self.tree.setCurrentItem(current)  # type: ignore[arg-type]  # None: no current row
        if current is None:
            self.tree.clearSelection()
        self.tree.blockSignals(False)
        self._on_current(current, None)

    def _heading(self, text: str) -> None:
        self.heights.set_label_text(self.heading, text)

    def _under_spots(self, under: list[Under]) -> list[Candidate]:
        """The muscles lying under the marks, as candidates (the ranked one where listed)."""
        ranked: dict[tuple[str, str], Candidate] = {(c.muscle, c.side): c for c in self._candidates}
        found: list[Candidate] = []
        for muscle_id, side, _spots in under:
            candidate = ranked.get((muscle_id, side)) or ranked.get((muscle_id, "bilateral"))
            found.append(candidate or muscle_candidate(muscle_id, side, self.knowledge))  # type: ignore[arg-type]
        return found

    def _fill_tree(self, total: int, language: str) -> None:
        """Show the rows, updating the tree in place (``sync_rows``): no ``clear()``; the
        changed cells told to the view (and the screen reader) once (``HeldChanges``)."""
        if self._texts is None or self._texts.language != language:
            self._texts = RowTexts(total, language)  # texts kept while the language stays
        self._texts.total = total
        rows = idea_rows(self._candidates, self._under, self._texts)
        tree = self.tree
        was_open = open_rows(self._shown)
        held = HeldChanges(tree)
        tree.blockSignals(True)
        with held:
            sync_rows(held.root, self._shown, rows, held)
        reopen_rows(self._shown, was_open)
        tree.blockSignals(False)
        self._columns.fit(self._shown)

    def tooltip(self, item: QTreeWidgetItem | None, column: int) -> str:
        """A row's tooltip (its zone at each place), made when it is asked for."""
        return row_tooltip(item, column, self._spot_labels)

    def _item_of(self, muscle_id: str, side: str | None) -> QTreeWidgetItem | None:
        """The first row (reading order, parts after their group) of this muscle and side."""
        for row in self._shown:
            for node in (row, *row.parts):
                candidate = node.data
                if (
                    candidate is not None
                    and candidate.muscle == muscle_id
                    and (side is None or candidate.side == side)
                ):
                    return node.item
        return None

    def under_spot(self) -> list[Candidate]:
        """The muscles of the "also palpate under the spot" section."""
        return list(self._under)

    def candidates(self) -> list[Candidate]:
        return list(self._candidates)

    def current_candidate(self) -> Candidate | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def choose(self, muscle_id: str, side: str | None = None) -> bool:
        """Make the candidate with this muscle (and side) current; False if not listed."""
        item = self._item_of(muscle_id, side)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    # -- text ------------------------------------------------------------------------------
    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        candidate = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        self.finding_button.setEnabled(candidate is not None)
        self.treatment_button.setEnabled(candidate is not None)
        self._detail_later(candidate)
        if candidate != self._chosen:  # the same candidate again: the map already shows it
            self._chosen = candidate
            self.candidate_chosen.emit(candidate)

    def _request_finding(self) -> None:
        """Enter: a finding on the current muscle and side, at the trigger point that
        explains the spots (the muscle's first when none does)."""
        candidate = self.current_candidate()
        if candidate is None:
            return
        tp_id = candidate.explaining[0] if candidate.explaining else None
        if tp_id is None:
            tps = self.knowledge.muscle(candidate.muscle).trigger_points
            tp_id = tps[0].id if tps else None
        self.record_finding_requested.emit(candidate.muscle, candidate.side, tp_id)

    def _emit_current(self, signal: SignalInstance) -> None:
        candidate = self.current_candidate()
        if candidate is not None:
            signal.emit(candidate)

    def _detail_later(self, candidate: Candidate | None) -> None:
        """Show this candidate's detail when the gesture is over (one layout per gesture),
        ahead of the window's paint that was asked for during the gesture: one paint."""
        if self._pending is _UNSET:
            QCoreApplication.postEvent(self, QEvent(DETAIL_EVENT), DETAIL_PRIORITY)
        self._pending = candidate

    def event(self, event: QEvent) -> bool:
        if event.type() == DETAIL_EVENT:
            self.flush_detail()
            return True
        return super().event(event)

    def flush_detail(self) -> None:
        """Show the detail still pending now (a screenshot or a reader asks for it)."""
        if self._pending is not _UNSET:
            candidate, self._pending = self._pending, _UNSET
            self._show_detail(candidate)  # type: ignore[arg-type]

    def _show_detail(self, candidate: Candidate | None) -> None:
        self._detail.show(candidate, self._spot_labels)

    def _summary_height(self) -> int:
        """The summary's height with its whole text shown."""
        return self._detail.summary_height()

    def detail_text(self) -> str:
        """What the detail pane says, as plain text (summary first)."""
        self.flush_detail()
        summary = self.summary.toPlainText() if self.summary.isVisibleTo(self) else ""
        summary += "\n" if summary else ""
        return summary + self.detail.toPlainText()
