"""Heights that grow at once and shrink when the list is still (issue 18).

The candidates' heading (a wrapped label naming every place) and the detail's summary (a
row per place) change their text on every click. When their height follows the text, a
click moves or resizes the list and the detail under them, and the window lays out and
paints the whole panel again (about 6 ms of a click, bench/NOTES.md). So a taller text
makes them taller at once (nothing is ever cut off), a shorter one leaves them as tall as
they are until the panel has been still for ``SETTLE_MS``; then they fit their text again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

SETTLE_MS = 800  # a pause after the last change: the heights fit their texts again


class SteadyHeights(QObject):
    """Keeps the heading and the summary from shrinking within a burst of clicks."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.settle)
        self._settlers: dict[QWidget, Callable[[], None]] = {}

    def _later(self, widget: QWidget, settle: Callable[[], None]) -> None:
        self._settlers[widget] = settle
        self._timer.start()  # (again): the panel is not still yet

    def settling(self) -> bool:
        """True while a height waits to fit its text again."""
        return bool(self._settlers)

    def settle(self) -> None:
        """Every height fits its text now."""
        self._timer.stop()
        settlers, self._settlers = self._settlers, {}
        for settle in settlers.values():
            settle()

    def set_label_text(self, label: QLabel, text: str) -> None:
        """A wrapped label's new text: never shorter than it is now until things settle."""
        if label.text() == text:
            return
        if label.isVisible():
            label.setMinimumHeight(max(label.minimumHeight(), label.height()))
            self._later(label, lambda: label.setMinimumHeight(0))
        label.setText(text)

    def fit_height(self, widget: QWidget, natural: Callable[[], int]) -> None:
        """A fixed-height widget fitted to ``natural()``: taller at once, shorter once
        things settle (``natural`` is asked again then: the text may have changed)."""
        self._settlers.pop(widget, None)  # shown again, or fitted anew below
        height = natural()
        fixed = widget.minimumHeight() == widget.maximumHeight()
        current = widget.height() if fixed and widget.isVisible() else -1
        if height > current:
            widget.setFixedHeight(height)
        elif height < current:
            self._later(widget, lambda: widget.setFixedHeight(natural()))

    def hide_later(self, widget: QWidget) -> None:
        """A widget with nothing to show: it keeps its room (blank) until things settle."""
        if widget.isVisible():
            self._later(widget, widget.hide)
        else:
            widget.hide()
