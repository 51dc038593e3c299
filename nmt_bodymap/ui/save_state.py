"""The status bar's save state ("Saving…", "All changes saved", "⚠ 2 mark(s) not saved").

Every map click flips the label twice (saving, then saved). A label whose text changes its
width re-lays out the status bar, which re-lays out the main window and repaints the status
bar's whole strip twice per click (issue 18, bench/NOTES.md). So the label has a fixed size,
as wide as its widest usual text: "Saving…" and "All changes saved" then only repaint the
label. Only the rare warning (a save refused or failed) may make it wider, until the marks
are saved again.

The label also paints its own background, the status bar's colour: a see-through label's
text change repainted the status bar under it too (two paints of the bar per click, one
for the "Saved: …" message and one under the label; bench/NOTES.md, windowpaint).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from nmt_bodymap.ui.i18n import tr

STYLE = "padding: 0 8px;"
WARNING_STYLE = "color: #c0392b; font-weight: 600; padding: 0 8px;"


class SaveStateLabel:
    """Shows the open visit's save state on ``label``, setting only what changed."""

    def __init__(self, label: QLabel) -> None:
        self.label = label
        # Opaque: "Saving…" / "All changes saved" repaint the label alone. Not under the
        # macOS style, which may draw the status bar's own gradient behind it.
        self._opaque = label.style().name().casefold() != "macos"
        label.setAutoFillBackground(self._opaque)
        self._usual: tuple[object, ...] = ()  # font and texts the usual width was measured for
        self._usual_width = 0
        self._usual_height = 0

    def show(self, unsaved: int, busy: bool, marks_only: bool = True) -> None:
        """``unsaved`` rows whose last save failed (``marks_only``: all of them pain marks),
        ``busy`` while a save is on its way."""
        label = self.label
        if unsaved and marks_only:
            text = tr("⚠ {unsaved} mark(s) not saved — Ctrl+R to retry").format(unsaved=unsaved)
            style = WARNING_STYLE
        elif unsaved:  # a finding, a treatment...: never "All changes saved"
            text = tr("⚠ {unsaved} change(s) not saved — Ctrl+R to retry").format(unsaved=unsaved)
            style = WARNING_STYLE
        else:
            text = tr("Saving…") if busy else tr("All changes saved")
            style = STYLE
        if label.styleSheet() != style:  # only when a save fails or is saved again
            label.setStyleSheet(style)
            label.setAutoFillBackground(self._opaque)  # a style sheet turns it off
        if label.text() != text:
            label.setText(text)
        if style == STYLE:  # "Saving…", "All changes saved": the size measured once
            width, height = self._usual_size()
        else:
            hint = label.sizeHint()
            width, height = max(hint.width(), self._usual_width), hint.height()
        if label.minimumWidth() != width or label.maximumWidth() != width:
            label.setFixedWidth(width)
        if label.minimumHeight() != height or label.maximumHeight() != height:
            label.setFixedHeight(height)

    def _usual_size(self) -> tuple[int, int]:
        """The size of the widest usual text (measured once per font and language: the
        label's size hint is a text layout, ~8 us after every text change)."""
        label = self.label
        texts = (tr("Saving…"), tr("All changes saved"))
        key = (label.font().key(), *texts)
        if key != self._usual:
            shown = label.text()
            hints = []
            for text in texts:  # a fixed-size label's text changes lay nothing out
                label.setText(text)
                hints.append(label.sizeHint())
            label.setText(shown)
            self._usual = key
            self._usual_width = max(hint.width() for hint in hints)
            self._usual_height = max(hint.height() for hint in hints)
        return self._usual_width, self._usual_height


def may_lose_unsaved(window: QWidget, unsaved: int, marks: int) -> bool:
    """Closing with ``unsaved`` rows whose save failed (``marks`` of them pain marks): True
    when there are none, or the therapist chose to close anyway."""
    if not unsaved:
        return True
    question = (
        tr("{unsaved} mark(s) could not be saved and will be lost. Close anyway?")
        if marks == unsaved
        else tr("{unsaved} change(s) could not be saved and will be lost. Close anyway?")
    )
    answer = QMessageBox.question(window, tr("Unsaved marks"), question.format(unsaved=unsaved))
    return answer == QMessageBox.StandardButton.Yes
