"""The detail under the candidate list: the per-click summary and the text about the muscle.

The summary (muscle, side, the zone at each spot) changes with every click; it is set only
when its text changed. The long text about a muscle is the same for every spot: each is a
``QTextDocument`` made once and kept (``KEPT_DOCUMENTS``), shown by handing it to the
detail view.

Showing a document costs one layout (issue 18, bench/NOTES.md, branch candpaint): the view
lays out the document it is given at its own width (``QTextEdit::setDocument``), and a
document that already had a layout, or a text option other than the view's, was laid out
before that for nothing (once at no width, when its layout was made, and once again when
the view set its wrap mode). So a muscle's document is made with the view's wrap mode and an
empty page (:func:`prepared`): until the view gives it a width, nothing lays it out.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QObject, QSizeF, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.ranking import Candidate
from nmt_bodymap.ui.candidates.candidate_text import muscle_html, summary_html
from nmt_bodymap.ui.candidates.steady_height import SteadyHeights
from nmt_bodymap.ui.i18n import tr, tr_noop
from nmt_bodymap.ui.map.labels import knowledge_language

KEPT_DOCUMENTS = 40  # muscle texts kept for choosing a muscle again
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
        self._documents: OrderedDict[tuple[str, str], QTextDocument] = OrderedDict()
        self.placeholder = self.document(tr(PLACEHOLDER))  # the language is chosen at start

    def show(self, candidate: Candidate | None, spot_labels: Sequence[str]) -> None:
        language = knowledge_language()
        shown = (candidate, language, tuple(spot_labels))
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
            self.summary.setHtml(text)
            self._summary_text = text
        self.heights.fit_height(self.summary, self.summary_height)
        if self.summary.isHidden():
            self.summary.show()
        key = (language, candidate.muscle)  # after a language switch, the text anew
        document: QTextDocument | None = self._documents.get(key)
        if document is None:
            document = self.document(muscle_html(self.knowledge, candidate.muscle))
            if len(self._documents) >= KEPT_DOCUMENTS:
                self._documents.popitem(last=False)[1].deleteLater()
            self._documents[key] = document
        else:
            self._documents.move_to_end(key)  # most recently shown last
        self._set_document(document)

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
        if detail.document() is document:
            return
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
