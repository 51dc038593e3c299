"""The detail under the candidate list: the per-click summary and the text about the muscle.

The summary (muscle, side, the zone at each spot) changes with every click; it is set only
when its text changed. The long text about a muscle is the same for every spot: each is a
``QTextDocument`` made once and kept, shown by handing it to the detail view.

Every muscle's text is made ahead, when the window is idle (issue 18, branch clickfirst): a
muscle shown for the first time cost its text's HTML import in the click (~0.35 ms, a
third of the detail). They are made one per event-loop pass (``idle_work``, ~0.15 ms each)
from the first muscle shown on, ~25 KiB each. A text once shown keeps its layout (~125 KiB
more, until deleted): when another muscle's text replaces it, it is made again afresh when
idle, so the kept texts stay small (the view lays a text out again on every show anyway).

Showing a document costs one layout (issue 18, bench/NOTES.md, branch candpaint): the view
lays out the document it is given at its own width (``QTextEdit::setDocument``), and a
document that already had a layout, or a text option other than the view's, was laid out
before that for nothing (once at no width, when its layout was made, and once again when
the view set its wrap mode). So a muscle's document is made with the view's wrap mode and an
empty page (:func:`prepared`): until the view gives it a width, nothing lays it out.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QObject, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.ranking import Candidate
from nmt_bodymap.ui.candidates.candidate_text import muscle_html, place_column, summary_html
from nmt_bodymap.ui.candidates.steady_height import SteadyHeights
from nmt_bodymap.ui.i18n import tr, tr_noop
from nmt_bodymap.ui.idle_work import idle_work
from nmt_bodymap.ui.map.labels import knowledge_language

NO_PAGE = QSizeF(0, 0)  # a document with no page is not laid out (QTextDocumentLayout)
PLACEHOLDER = tr_noop(
    "<p style='color:gray'>Choose a muscle in the list to see its referral "
    "pattern on the map, where to palpate, and what to tell the client.</p>"
)


def prepared(document: QTextDocument, view: QTextBrowser) -> QTextDocument:
    """``document`` made ready to be shown in ``view`` with a single layout: the view's font
    and wrap mode, and no page (its layout, made when the view asks for it, lays nothing
    out: the view gives it its width and lays it out once)."""
    document.setDefaultFont(view.font())
    option = document.defaultTextOption()
    option.setWrapMode(view.wordWrapMode())  # as QTextEdit sets it (not NoWrap here)
    document.setDefaultTextOption(option)
    document.setPageSize(NO_PAGE)
    return document


class CandidateDetail:
    """What the summary and the detail views show, for a candidate and the marks' places."""

    def __init__(
        self,
        owner: QObject,
        knowledge: KnowledgeBase,
        summary: QTextBrowser,
        detail: QTextBrowser,
        heights: SteadyHeights,
    ) -> None:
        self.owner = owner  # the documents' parent
        self.knowledge = knowledge
        self.summary = summary
        self.detail = detail
        self.heights = heights
        self._key: tuple[object, ...] | None = None  # what the views show
        self._summary_text = ""
        self._label_font: QFont | None = None  # the summary's, when the widths were taken
        self._label_widths: dict[str, float] = {}  # each place's width in that font
        # The muscles' texts, for one language and knowledge (``_made_for``).
        self._made_for: tuple[str, int] | None = None
        self._documents: dict[str, QTextDocument] = {}
        self._to_make: list[str] = []  # muscles whose text is not made yet
        self._laid_out: set[str] = set()  # texts shown before: to be made afresh
        self._shown = ""  # the muscle whose text the detail shows
        self._retired: set[QTextDocument] = set()  # of another language, still on screen
        self._preparing = False  # texts are made when idle (from the first muscle shown)
        self.placeholder = self.document(tr(PLACEHOLDER))  # the language is chosen at start

    def show(self, candidate: Candidate | None, spot_labels: Sequence[str]) -> None:
        language = knowledge_language()
        shown = (candidate, language, tuple(spot_labels), id(self.knowledge))
        if shown == self._key:
            return  # the same muscle for the same spots: the text is already shown
        self._key = shown
        if candidate is None:
            # blank, its room kept until the clicks pause (a click that chooses again
            # does not lay the detail out twice)
            self.summary.clear()
            self._summary_text = ""
            self.heights.hide_later(self.summary)
            self._set_document(self.placeholder)
            return
        text = summary_html(self.knowledge, candidate, spot_labels)
        if text != self._summary_text:  # (another muscle may read the same: one layout less)
            self._place_column(spot_labels)
            self.summary.setHtml(text)
            self._summary_text = text
        self.heights.fit_height(self.summary, self.summary_height)
        if self.summary.isHidden():
            self.summary.show()
        self._made_in(language)  # after a language switch, the texts anew
        muscle = candidate.muscle
        document = self._documents.get(muscle)
        if document is None:
            document = self._documents[muscle] = self._muscle_document(muscle)
        self._set_document(document)
        self._laid_out.discard(muscle)
        self._shown = muscle
        if not self._preparing:  # the first muscle shown: the others' texts made when idle
            self._preparing = True
            self._to_make = [m.id for m in self.knowledge.muscles if m.id not in self._documents]
        self._make_later()  # (again: dropped while the window was closed)

    # -- the muscles' texts, made ahead -----------------------------------------------------
    def _muscle_document(self, muscle: str) -> QTextDocument:
        return self.document(muscle_html(self.knowledge, muscle))

    def _made_in(self, language: str) -> None:
        """The kept texts are ``language``'s, of this knowledge (else they are dropped)."""
        made_for = (language, id(self.knowledge))
        if made_for == self._made_for:
            return
        self._made_for = made_for
        shown = self.detail.document()
        for document in self._documents.values():
            if document is shown:
                self._retired.add(document)  # deleted once another text replaces it
            else:
                document.deleteLater()
        self._documents.clear()
        self._laid_out.clear()
        self._shown = ""
        self._to_make = [m.id for m in self.knowledge.muscles]
        self._make_later()

    def _make_later(self) -> None:
        """The texts left to make are made when idle (once the first muscle was shown)."""
        if self._preparing and (self._to_make or self._laid_out):
            idle_work().add(self.owner, self.prepare_one)

    def prepare_one(self) -> bool:
        """Make one muscle's text when idle: a text shown before afresh (its layout freed),
        else one not made yet. False when there is nothing left to make."""
        self._made_in(knowledge_language())
        while self._laid_out:
            muscle = self._laid_out.pop()
            if muscle != self._shown and muscle in self._documents:
                # deleted here, in this step (deleteLater left it to the next pass's posted
                # events: a click's, maybe), and made afresh
                shiboken6.delete(self._documents.pop(muscle))
                self._documents[muscle] = self._muscle_document(muscle)
                break
        else:
            while self._to_make:
                muscle = self._to_make.pop(0)
                if muscle not in self._documents:
                    self._documents[muscle] = self._muscle_document(muscle)
                    break
        return bool(self._laid_out or self._to_make)

    def _replaced(self, document: QTextDocument) -> None:
        """``document`` is no longer on screen: one of another language is deleted; a
        muscle's text shown there is made afresh when idle (its layout is freed)."""
        if document in self._retired:
            self._retired.discard(document)
            document.deleteLater()
        elif self._shown and self._documents.get(self._shown) is document:
            self._laid_out.add(self._shown)
            self._make_later()
        self._shown = ""

    def _place_column(self, spot_labels: Sequence[str]) -> None:
        """The summary's tab stop past the longest place: the zones read as a column. Set
        while the summary is empty (setting it lays out what the summary holds)."""
        font = self.summary.font()
        if font != self._label_font:
            self._label_font = font
            self._label_widths.clear()
        widths, metrics = self._label_widths, QFontMetricsF(font)

        def advance(label: str) -> float:
            width = widths.get(label)
            if width is None:
                width = widths[label] = metrics.horizontalAdvance(label)
            return width

        column = place_column(spot_labels, advance)
        document = self.summary.document()
        option = document.defaultTextOption()
        if option.tabStopDistance() != column:
            option.setTabStopDistance(column)
            document.clear()
            document.setDefaultTextOption(option)

    def summary_height(self) -> int:
        """The summary's height with its whole text shown."""
        summary = self.summary.document()
        width = self.summary.viewport().width()
        if summary.textWidth() != width:  # setting it lays the text out again, even if equal
            summary.setTextWidth(width)
        return int(summary.size().height()) + 2 * self.summary.frameWidth()

    def document(self, text: str) -> QTextDocument:
        """A detail text owned by the panel (the browser only shows it), laid out when
        shown (:func:`prepared`)."""
        document = prepared(QTextDocument(self.owner), self.detail)
        document.setHtml(text)
        return document

    def _set_document(self, document: QTextDocument) -> None:
        detail = self.detail
        before = detail.document()
        if before is document:
            return
        self._replaced(before)
        if not self._needs_bar_back(document):
            detail.setDocument(document)
            return
        # The scroll bar is sure to come back (the placeholder had hidden it): it comes
        # back first, so the text is laid out once, at the width it is read at, and not
        # first as wide as the view, then again once the bar has taken its room.
        policy = detail.verticalScrollBarPolicy()
        detail.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        detail.setDocument(document)
        detail.setVerticalScrollBarPolicy(policy)  # the view decides again, as it would

    def _needs_bar_back(self, document: QTextDocument) -> bool:
        """True when the detail's scroll bar is hidden and ``document`` is sure not to fit
        the view at any width: every paragraph, heading and list item is at least a line of
        the view's font (no text here is smaller), and there are more of them than fit.
        Then the view would lay the text out twice, at its whole width and at the width
        left beside the bar; it ends with the bar either way."""
        detail = self.detail
        if document is self.placeholder or detail.verticalScrollBar().isVisibleTo(detail):
            return False
        least = document.blockCount() * detail.fontMetrics().height()
        return least > detail.viewport().height() > 0
