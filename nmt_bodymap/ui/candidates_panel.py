"""Ranked candidate muscles for the selected marks (or the whole visit), with details.

The ranking is the core's (:func:`nmt_bodymap.core.ranking.rank_candidates`);
this panel lists it, reports which candidate is chosen, and shows what the
knowledge base says about it in words a therapist and client can use.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.ranking import Candidate, Spot, rank_candidates
from nmt_bodymap.ui.labels import place_label, side_label
from nmt_bodymap.ui.marks import MarkState

MAX_SHOWN = 30
KEPT_DOCUMENTS = 40  # laid-out muscle texts kept for choosing a muscle again
ROW_PADDING = QSize(4, 8)  # extra width and height of a row: easy to hit on a touch screen
ZONE_WORDS = {"essential": "essential", "spillover": "spillover", "local": "local", None: "—"}


class _PaddedRows(QStyledItemDelegate):
    """Taller rows without a style sheet (a sheet re-styles every cell on every paint)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return super().sizeHint(option, index) + ROW_PADDING


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

    def __init__(self, knowledge: KnowledgeBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.knowledge = knowledge
        self._candidates: list[Candidate] = []
        self._spot_labels: list[str] = []
        self._detail_key: tuple[object, ...] | None = None
        self._chosen: Candidate | None = None
        self._margins_font = ""
        self._margins: dict[int, tuple[int, int]] = {}
        self._advances: dict[str, int] = {}
        self._documents: OrderedDict[str, QTextDocument] = OrderedDict()

        self.heading = QLabel("Mark where it hurts to see the muscles to check.")
        self.heading.setWordWrap(True)
        self.heading.setObjectName("candidates-heading")
        self.tree = QTreeWidget()
        self.tree.setObjectName("candidate-list")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Muscle", "Side", "Explains"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Side and Explains are fitted to their text once per new list (_fit_columns), not
        # by ResizeToContents, which measures every row again on each cell changed.
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.tree.setItemDelegate(_PaddedRows(self.tree))
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
        self._placeholder = self._document(
            "<p style='color:gray'>Choose a muscle in the list to see its referral "
            "pattern on the map, where to palpate, and what to tell the client.</p>"
        )
        self.finding_button = QPushButton("Record &finding…")
        self.finding_button.setToolTip("Record what you palpated at this muscle (Ctrl+Shift+F)")
        self.treatment_button = QPushButton("Record &treatment…")
        self.treatment_button.setToolTip("Record the treatment given (Ctrl+Shift+T)")
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
        layout.addWidget(split)
        self._show_detail(None)

    # -- input -----------------------------------------------------------------------------
    def show_for_marks(self, marks: Sequence[MarkState], selected: bool) -> None:
        """Rank the muscles for these marks; keep the chosen muscle chosen if still listed."""
        previous = self.current_candidate()
        spots = [
            Spot(m.view, m.region, m.side, None if m.x is None or m.y is None else (m.x, m.y))
            for m in marks
        ]  # internal sites (teeth, pelvic floor...) have no point on the drawing
        self._spot_labels = [place_label(m.region, m.side) for m in marks]
        try:
            self._candidates = rank_candidates(spots, self.knowledge)[:MAX_SHOWN] if spots else []
        except (ValueError, KeyError) as exc:
            self._candidates = []
            self.heading.setText(f"Could not rank these marks: {exc}")
        else:
            if not spots:
                self.heading.setText("Mark where it hurts to see the muscles to check.")
            else:
                scope = "selected" if selected else "all"
                noun = "mark" if len(spots) == 1 else "marks"
                self.heading.setText(
                    f"Muscles to check for {scope} {len(spots)} {noun}: "
                    + ", ".join(dict.fromkeys(self._spot_labels))
                )
        self._fill_tree(len(spots))
        keep = None
        if previous is not None:
            keep = next(
                (
                    row
                    for row, c in enumerate(self._candidates)
                    if (c.muscle, c.side) == (previous.muscle, previous.side)
                ),
                None,
            )
        self.tree.blockSignals(True)
        self.tree.scrollToTop()  # a new ranking is read from its top, as a fresh list is
        current = self.tree.topLevelItem(keep) if keep is not None else None
        self.tree.setCurrentItem(current)
        if current is None:
            self.tree.clearSelection()
        self.tree.blockSignals(False)
        self._on_current(current, None)

    def _fill_tree(self, total: int) -> None:
        """Show ``self._candidates`` in the list, reusing its rows: only changed cells change."""
        tree = self.tree
        tree.blockSignals(True)
        rows = tree.topLevelItemCount()
        for row in range(rows - 1, len(self._candidates) - 1, -1):
            tree.takeTopLevelItem(row)
        added: list[QTreeWidgetItem] = []
        for row, candidate in enumerate(self._candidates):
            texts = (
                candidate.name,
                side_label(candidate.side),
                self._explains_text(candidate, total),
            )
            tip = self._zones_text(candidate)
            if row < rows:
                item = tree.topLevelItem(row)
                for column, text in enumerate(texts):
                    if item.text(column) != text:
                        item.setText(column, text)
                if item.toolTip(0) != tip:
                    item.setToolTip(0, tip)
                    item.setToolTip(2, tip)
            else:
                item = QTreeWidgetItem(list(texts))
                item.setToolTip(0, tip)
                item.setToolTip(2, tip)
                added.append(item)
            if item.data(0, Qt.ItemDataRole.UserRole) != candidate:
                item.setData(0, Qt.ItemDataRole.UserRole, candidate)
        if added:
            tree.addTopLevelItems(added)
        tree.blockSignals(False)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Side and Explains as wide as their widest text or heading (as ResizeToContents).

        The widths come from each text's advance, measured once per text (there are few:
        sides and "n of m spots") plus the delegate's margin, measured once per font, so a
        click does not ask the delegate about every row again.
        """
        tree = self.tree
        if tree.topLevelItemCount() == 0:
            return
        header = tree.header()
        metrics = tree.fontMetrics()
        if self._margins_font != tree.font().key():
            self._margins_font = tree.font().key()
            self._advances.clear()
            first = tree.topLevelItem(0)
            self._margins = {
                column: (
                    tree.sizeHintForIndex(tree.indexFromItem(first, column)).width()
                    - self._advance(metrics, first.text(column)),
                    header.sectionSizeHint(column),
                )
                for column in (1, 2)
            }
        for column, (margin, heading) in self._margins.items():
            widest = max(
                self._advance(metrics, tree.topLevelItem(row).text(column))
                for row in range(tree.topLevelItemCount())
            )
            width = max(widest + margin, heading)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _advance(self, metrics: QFontMetrics, text: str) -> int:
        advance = self._advances.get(text)
        if advance is None:
            advance = self._advances[text] = metrics.horizontalAdvance(text)
        return advance

    def candidates(self) -> list[Candidate]:
        return list(self._candidates)

    def current_candidate(self) -> Candidate | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def choose(self, muscle_id: str, side: str | None = None) -> bool:
        """Make the candidate with this muscle (and side) current; False if not listed."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            candidate: Candidate = item.data(0, Qt.ItemDataRole.UserRole)
            if candidate.muscle == muscle_id and (side is None or candidate.side == side):
                self.tree.setCurrentItem(item)
                return True
        return False

    # -- text ------------------------------------------------------------------------------
    @staticmethod
    def _explains_text(candidate: Candidate, total: int) -> str:
        if total <= 1:
            zone = candidate.zones[0] if candidate.zones else None
            return ZONE_WORDS.get(zone, str(zone))
        return f"{len(candidate.explains)} of {total} spots"

    def _zones_text(self, candidate: Candidate) -> str:
        lines = []
        for label, zone in zip(self._spot_labels, candidate.zones, strict=False):
            lines.append(f"{label}: {ZONE_WORDS.get(zone, str(zone))}")
        return "\n".join(lines)

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        candidate = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        self.finding_button.setEnabled(candidate is not None)
        self.treatment_button.setEnabled(candidate is not None)
        self._show_detail(candidate)
        if candidate != self._chosen:  # the same candidate again: the map already shows it
            self._chosen = candidate
            self.candidate_chosen.emit(candidate)

    def _emit_current(self, signal: Signal) -> None:  # type: ignore[type-arg]
        candidate = self.current_candidate()
        if candidate is not None:
            signal.emit(candidate)  # type: ignore[attr-defined]

    def _show_detail(self, candidate: Candidate | None) -> None:
        key = (candidate, tuple(self._spot_labels))
        if key == self._detail_key:
            return  # the same muscle for the same spots: the text is already shown
        self._detail_key = key
        if candidate is None:
            self.summary.hide()
            self._set_document(self._placeholder)
            return
        self.summary.setHtml(summary_html(self.knowledge, candidate, self._spot_labels))
        document = self.summary.document()
        document.setTextWidth(self.summary.viewport().width())
        height = int(document.size().height()) + 2 * self.summary.frameWidth()
        if self.summary.height() != height:
            self.summary.setFixedHeight(height)
        if self.summary.isHidden():
            self.summary.show()
        document = self._documents.pop(candidate.muscle, None)
        if document is None:
            document = self._document(muscle_html(self.knowledge, candidate.muscle))
            if len(self._documents) >= KEPT_DOCUMENTS:
                self._documents.popitem(last=False)[1].deleteLater()
        self._documents[candidate.muscle] = document  # most recently shown last
        self._set_document(document)

    def _document(self, text: str) -> QTextDocument:
        """A detail text owned by the panel (the browser only shows it), laid out once."""
        document = QTextDocument(self)
        document.setDefaultFont(self.detail.font())
        document.setHtml(text)
        return document

    def _set_document(self, document: QTextDocument) -> None:
        if self.detail.document() is not document:
            self.detail.setDocument(document)

    def detail_text(self) -> str:
        """What the detail pane says, as plain text (summary first)."""
        summary = ""
        if self.summary.isVisibleTo(self):
            summary = self.summary.toPlainText() + "\n"
        return summary + self.detail.toPlainText()


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>"


def summary_html(knowledge: KnowledgeBase, candidate: Candidate, spot_labels: Sequence[str]) -> str:
    """The top of the detail: the muscle and side, its depth, and its zone at each spot."""
    muscle = knowledge.muscle(candidate.muscle)
    e = html.escape
    parts = [
        f"<h3 style='margin-bottom:2px'>{e(muscle.name)} — {e(side_label(candidate.side))}</h3>"
    ]
    depth = (
        "deep (palpate through the overlying muscle)" if muscle.layer == "deep" else "superficial"
    )
    parts.append(f"<p style='margin-top:0;color:gray'>{e(depth)}</p>")
    if spot_labels:
        rows = "".join(
            f"<tr><td>{e(label)}</td><td>&nbsp;<b>{e(ZONE_WORDS.get(zone, str(zone)))}</b>"
            f"</td></tr>"
            for label, zone in zip(spot_labels, candidate.zones, strict=False)
        )
        parts.append(f"<table>{rows}</table>")
    return "".join(parts)


def muscle_html(knowledge: KnowledgeBase, muscle_id: str) -> str:
    """The rest of the detail, the same for every spot: plain explanation first, then what
    the therapist needs at the table."""
    muscle = knowledge.muscle(muscle_id)
    e = html.escape
    parts = [f"<h4>For the client</h4><p>{e(muscle.client_explanation)}</p>"]
    if muscle.symptoms:
        parts.append("<h4>Symptoms</h4>" + _list(muscle.symptoms))
    palpation = [
        f"{tp.label}: {tp.palpation}" if tp.palpation else tp.label for tp in muscle.trigger_points
    ]
    parts.append("<h4>Trigger points and palpation</h4>" + _list(palpation))
    if muscle.perpetuating_factors:
        parts.append("<h4>What keeps it going</h4>" + _list(muscle.perpetuating_factors))
    parts.append("<h4>Self-care</h4>" + _list(muscle.self_care))
    sources = []
    for ref in muscle.sources:
        source = knowledge.sources.get(ref.ref)
        text = source.citation() if source is not None else ref.ref
        if ref.chapter:
            text += f" Chapter {ref.chapter}."
        if ref.note:
            text += f" {ref.note}"
        sources.append(text)
    parts.append("<h4>Source</h4>" + _list(sources))
    return "".join(parts)


def candidate_html(
    knowledge: KnowledgeBase, candidate: Candidate, spot_labels: Sequence[str]
) -> str:
    """The whole detail of a candidate as one HTML text (summary, then the muscle)."""
    return summary_html(knowledge, candidate, spot_labels) + muscle_html(
        knowledge, candidate.muscle
    )
