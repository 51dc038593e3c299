"""The visit summary: what was found and done, the after-care the client takes home with the
expected soreness window, and the follow-up (how long soreness lasted, days of relief).

At the next visit the panel asks for the follow-up of the previous one; looking back at an
older visit it shows the follow-up that was recorded for it. Recording goes through the
undo stack (:class:`~nmt_bodymap.ui.chart.visit_follow_ups.RecordFollowUp`).

A big visit (thousands of marks) is summarised per place (count and intensity range) and
its text is built on a background thread; the window stays responsive and shows
"Preparing the summary…" meanwhile. A result that arrives after the visit changed is
dropped (generation counter).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.after_care import RELIEF_FOLLOW_DAYS, soreness_window
from nmt_bodymap.core.clinical import expected_soreness_window
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.ui.chart.visit_follow_ups import RecordFollowUp, VisitFollowUps
from nmt_bodymap.ui.clinic.findings_panel import finding_text, treatment_text
from nmt_bodymap.ui.clinic.follow_up_dialog import FollowUpDialog
from nmt_bodymap.ui.documents.after_care_words import (
    advice_words,
    day_words,
    follow_up_lines,
    follow_up_summary_words,
    window_words,
)
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import mark_place_label, place_label

if TYPE_CHECKING:
    from nmt_bodymap.store.records import VisitRecord

PROMPT_STYLE = (
    "QFrame#follow-up-prompt { background: #fff4d6; border: 1px solid #e0b84c; "
    "border-radius: 4px; }"
)


def visit_day(visit: VisitRecord) -> str:
    return day_words(visit.started_at)


def after_care_text(visit: VisitRecord) -> str:
    """The after-care the client takes home (plain text, nothing private in it)."""
    window = soreness_window(visit.started_at.astimezone())
    low, high = RELIEF_FOLLOW_DAYS
    return tr(
        "{advice}\nIt should have eased {window}.\nRelief is followed over the next {low} to "
        "{high} days: at your next visit we will ask how long the soreness lasted and how "
        "many days of relief you had."
    ).format(advice=advice_words(), window=window_words(window), low=low, high=high)


BACKGROUND_ROWS = 300  # more rows than this: built off the GUI thread
MARK_LINES = 100  # more marks than this: one line per place
_builder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="visit-summary")


def mark_lines(marks: Sequence[Any]) -> list[str]:
    """One line per mark; for a big visit one line per place (count, intensity range)."""
    if len(marks) <= MARK_LINES:
        return [f"{mark_place_label(m)}: {m.intensity}/10, {tr(m.quality)}" for m in marks]
    places: dict[tuple[str, str], list[Any]] = {}
    for mark in marks:
        places.setdefault((mark.region, mark.side), []).append(mark)
    lines = []
    for (region, side), group in places.items():
        values = [m.intensity for m in group]
        qualities = ", ".join(sorted({tr(m.quality) for m in group}))
        lines.append(
            tr("{place}: {count} marks, {low}–{high}/10, {qualities}").format(
                place=place_label(region, side),
                count=len(group),
                low=min(values),
                high=max(values),
                qualities=qualities,
            )
        )
    return lines


def _list(title: str, lines: Sequence[str], empty: str) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    body = f"<ul style='margin-top:2px'>{items}</ul>" if lines else f"<p><i>{empty}</i></p>"
    return f"<h4 style='margin-bottom:0'>{title}</h4>{body}"


class VisitSummaryPanel(QWidget):
    """Summary of the open visit, its after-care and the follow-ups around it."""

    _built = Signal(int, str)  # generation, HTML: from the builder thread to the GUI thread

    def __init__(
        self,
        knowledge: KnowledgeBase,
        follow_ups: VisitFollowUps,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.knowledge = knowledge
        self.follow_ups = follow_ups
        self.undo_stack = undo_stack
        self.visit: VisitRecord | None = None
        self.previous: VisitRecord | None = None
        self._marks: list[Any] = []
        self._findings: list[Any] = []
        self._treatments: list[Any] = []
        self._assessment: list[str] = []
        self._generation = 0
        self._built.connect(self._show_built)
        self._shown_html: str | None = None  # what the text shows: set again only if changed
        # The visit's heading and after-care (dates written by QLocale: half of the HTML's
        # cost), made once per visit and language, not per click (issue 18).
        self._visit_html: tuple[tuple[object, ...], tuple[str, str]] | None = None

        self.prompt = QFrame()
        self.prompt.setObjectName("follow-up-prompt")
        self.prompt.setStyleSheet(PROMPT_STYLE)
        self.prompt_label = QLabel("")
        self.prompt_label.setWordWrap(True)
        self.prompt_button = QPushButton(tr("Record &follow-up…"))
        self.prompt_button.clicked.connect(lambda: self.record_follow_up(self.previous))
        prompt_layout = QHBoxLayout(self.prompt)
        prompt_layout.addWidget(self.prompt_label, 1)
        prompt_layout.addWidget(self.prompt_button)
        self.text = QTextBrowser()
        self.text.setObjectName("visit-summary")
        self.this_button = QPushButton(tr("Follow-up of this visit…"))
        self.this_button.setToolTip(tr("Record how the client fared after this visit"))
        self.this_button.clicked.connect(lambda: self.record_follow_up(self.visit))
        self.copy_button = QPushButton(tr("&Copy after-care"))
        self.copy_button.setToolTip(
            tr("Copy the after-care advice for the client (no private data)")
        )
        self.copy_button.clicked.connect(self.copy_after_care)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.this_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        follow_ups.changed.connect(self.refresh)
        self.show_visit(None, None)

    # -- input -----------------------------------------------------------------------------
    def show_visit(self, visit: VisitRecord | None, previous: VisitRecord | None) -> None:
        """Show ``visit``; ``previous`` is the client's visit before it (or None)."""
        self.visit, self.previous = visit, previous
        self.follow_ups.load([v.id for v in (visit, previous) if v is not None])
        self.refresh()

    def set_chart(
        self,
        marks: Sequence[Any],
        findings: Sequence[Any],
        treatments: Sequence[Any],
        assessment: Sequence[str] = (),
    ) -> None:
        """The visit's marks, findings, treatments and assessment lines, as charted."""
        self._marks, self._findings = list(marks), list(findings)
        self._treatments, self._assessment = list(treatments), list(assessment)
        self.refresh()

    # -- output ----------------------------------------------------------------------------
    def refresh(self) -> None:
        visit = self.visit
        self.this_button.setEnabled(visit is not None)
        self.copy_button.setEnabled(visit is not None)
        self._refresh_prompt()
        self._generation += 1
        if visit is None:
            self._set_html(tr("<p><i>Open a visit to see its summary.</i></p>"))
            return
        rows = len(self._marks) + len(self._findings) + len(self._treatments)
        if rows <= BACKGROUND_ROWS:
            self._set_html(self._summary_html(visit))
            return
        self._set_html(tr("<p><i>Preparing the summary…</i></p>"))
        generation, build = self._generation, self._html_builder(visit)
        _builder.submit(lambda: self._built.emit(generation, build()))

    def _html_builder(self, visit: VisitRecord) -> Callable[[], str]:
        """The HTML of ``visit`` as a job for the builder thread: it gets copies of the
        rows and the follow-up, never the widgets."""
        marks, findings = list(self._marks), list(self._findings)
        treatments, assessment = list(self._treatments), list(self._assessment)
        follow_up = self._follow_up_html(visit)

        def build() -> str:
            return self._summary_html(visit, marks, findings, treatments, assessment, follow_up)

        return build

    def _show_built(self, generation: int, text: str) -> None:
        if generation == self._generation:  # not overtaken by another visit or change
            self._set_html(text)

    def _set_html(self, text: str) -> None:
        """Show ``text`` unless it is shown already (a full parse and layout, ~0.2 ms for a
        small visit: a change the summary does not show costs nothing, issue 18)."""
        if text != self._shown_html:
            self.text.setHtml(text)
            self._shown_html = text

    def _refresh_prompt(self) -> None:
        previous = self.previous
        if previous is None:
            self.prompt.hide()
            return
        recorded = self.follow_ups.by_visit.get(previous.id)
        self.prompt.show()
        if recorded is None:
            self.prompt_label.setText(
                tr(
                    "<b>How did the client fare after the visit of {visit_day}?</b><br>Ask "
                    "how long the soreness lasted and how many days of relief followed."
                ).format(visit_day=visit_day(previous))
            )
            self.prompt_button.setText(tr("Record &follow-up…"))
        else:
            self.prompt_label.setText(
                tr("After the visit of {visit_day}: {follow_up_summary}").format(
                    visit_day=visit_day(previous),
                    follow_up_summary=html.escape(
                        follow_up_summary_words(recorded.soreness_hours, recorded.relief_days)
                    ),
                )
            )
            self.prompt_button.setText(tr("Edit &follow-up…"))

    def _summary_html(
        self,
        visit: Any,
        marks_rows: Sequence[Any] | None = None,
        finding_rows: Sequence[Any] | None = None,
        treatment_rows: Sequence[Any] | None = None,
        assessment: Sequence[str] | None = None,
        follow_up: str | None = None,
    ) -> str:
        marks = mark_lines(self._marks if marks_rows is None else marks_rows)
        findings = [
            finding_text(self.knowledge, f)
            for f in (self._findings if finding_rows is None else finding_rows)
        ]
        treatments = [
            treatment_text(self.knowledge, t)
            for t in (self._treatments if treatment_rows is None else treatment_rows)
        ]
        assessment = list(self._assessment if assessment is None else assessment)
        heading, after_care = self._visit_parts(visit)
        parts = [
            heading,
            _list(tr("Pain marked"), marks, tr("No pain marked yet.")),
            _list(tr("Assessment"), assessment, tr("No posture, gait or tissue findings charted.")),
            _list(tr("Trigger-point findings"), findings, tr("No findings recorded yet.")),
            _list(tr("Treatment"), treatments, tr("No treatment recorded yet.")),
            after_care,
            self._follow_up_html(visit) if follow_up is None else follow_up,
        ]
        return "".join(parts)

    def _visit_parts(self, visit: Any) -> tuple[str, str]:
        """The visit's heading (day, chief complaint) and its after-care paragraph, made
        again when the visit, its start, its complaint or the language changed."""
        language = (QLocale().name(), tr("After-care"))
        key = (visit.id, visit.started_at, visit.chief_complaint, *language)
        made = self._visit_html
        if made is not None and made[0] == key:
            return made[1]
        window = soreness_window(visit.started_at.astimezone())
        low, high = expected_soreness_window()
        complaint = html.escape(visit.chief_complaint) if visit.chief_complaint else "—"
        heading = (
            "<h3 style='margin-bottom:2px'>"
            + tr("Visit of {visit_day}").format(visit_day=visit_day(visit))
            + "</h3><p style='margin-top:0'>"
            + tr("Chief complaint: {complaint}").format(complaint=complaint)
            + "</p>"
        )
        after_care = (
            "<h4 style='margin-bottom:0'>"
            + tr("After-care")
            + "</h4>"
            + f"<p style='margin-top:2px'>{html.escape(advice_words())}<br><b>"
            + tr(
                "Expected soreness: {low} to {high} hours — it should have eased {window}."
            ).format(low=low, high=high, window=html.escape(window_words(window)))
            + "</b></p>"
        )
        self._visit_html = (key, (heading, after_care))
        return heading, after_care

    def _follow_up_html(self, visit: Any) -> str:
        recorded = self.follow_ups.by_visit.get(visit.id)
        if recorded is None:
            return (
                "<h4 style='margin-bottom:0'>"
                + tr("Follow-up")
                + "</h4><p style='margin-top:2px'><i>"
                + tr(
                    "Not recorded yet: at the next visit, ask how long the soreness lasted and "
                    "how many days of relief followed."
                )
                + "</i></p>"
            )
        lines = follow_up_lines(recorded.soreness_hours, recorded.relief_days)
        if recorded.note:
            lines.append(tr("Client's report: {note}").format(note=recorded.note))
        return _list(tr("Follow-up"), lines, tr("Recorded, without figures."))

    # -- actions ---------------------------------------------------------------------------
    def ask_follow_up(self, visit: Any, current: Any | None) -> dict[str, Any] | None:
        """Run the follow-up form (patched in tests); None when cancelled."""
        dialog = FollowUpDialog(visit_day(visit), current, self)
        return dialog.fields() if dialog.exec() else None

    def record_follow_up(self, visit: Any | None) -> None:
        if visit is None:
            return
        fields = self.ask_follow_up(visit, self.follow_ups.by_visit.get(visit.id))
        if fields is not None:
            self.undo_stack.push(RecordFollowUp(self.follow_ups, visit.id, fields))

    def copy_after_care(self) -> None:
        if self.visit is not None:
            QGuiApplication.clipboard().setText(after_care_text(self.visit))
