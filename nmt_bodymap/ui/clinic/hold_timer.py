"""The hold timer for ischaemic compression: 10/20/30 s presets, a countdown, a clear end.

The therapist's hands are busy, so the end is signalled three ways: a beep, the
display turning to "Release", and the ``finished`` signal (the treatment form
then fills in the hold time). Preset buttons are never the dialog's default button, so
Enter after a hold saves the form instead of starting the timer again; ``start_preset``
starts the current preset from the keyboard (the treatment form binds it to H).

Every hold is reported with its own length: a hold run to its end as ``finished(preset)``,
a hold released early with Stop as ``released(whole seconds held)`` (at least 1 s), so
the form records 20 s then 14 s rather than two holds of one length.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

from nmt_bodymap.ui.i18n import tr

PRESETS = (10, 20, 30)
TICK_MS = 100


class HoldTimer(QWidget):
    """Preset buttons, a big countdown and start/stop; emits ``finished(seconds held)``."""

    finished = Signal(int)
    released = Signal(int)  # stopped early: the whole seconds held (at least 1)
    tick = Signal(int)  # whole seconds left

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._seconds = PRESETS[1]
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_tick)
        self.display = QLabel()
        self.display.setObjectName("hold-display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumWidth(110)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.preset_buttons: dict[int, QPushButton] = {}
        for seconds in PRESETS:
            button = QPushButton(tr("{seconds} s").format(seconds=seconds))
            button.setMinimumSize(52, 34)
            button.setToolTip(tr("Start a {seconds}-second hold").format(seconds=seconds))
            button.setAutoDefault(False)  # Enter in the form saves; it never restarts a hold
            button.clicked.connect(self._starter(seconds))
            layout.addWidget(button)
            self.preset_buttons[seconds] = button
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setMinimumHeight(34)
        self.stop_button.setEnabled(False)
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(self.stop)
        layout.addWidget(self.display, 1)
        layout.addWidget(self.stop_button)
        self._show(self._seconds, running=False)

    def _starter(self, seconds: int) -> Callable[[], None]:
        def start() -> None:
            self.start(seconds)

        return start

    @property
    def preset(self) -> int:
        """The hold length the next keyboard start uses (the last one chosen)."""
        return self._seconds

    def set_preset(self, seconds: int) -> None:
        """Choose the length the next keyboard start (H) uses, without starting."""
        self._seconds = seconds
        self._show(seconds, running=False)

    def start_preset(self) -> None:
        """Start (or restart) a hold of the current preset length."""
        self.start(self._seconds)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, seconds: int) -> None:
        self._seconds = seconds
        self._clock.start()
        self._timer.start()
        self.stop_button.setEnabled(True)
        self._show(seconds, running=True)

    def stop(self) -> None:
        """Release early: the hold ends now and its length so far is reported."""
        if self._timer.isActive():
            held = min(self._seconds, int(self._clock.elapsed()) // 1000)
            self._timer.stop()
            self.stop_button.setEnabled(False)
            self._show(self._seconds, running=False)
            if held >= 1:
                self.released.emit(held)

    def remaining_ms(self) -> int:
        if not self._timer.isActive():
            return 0
        return max(0, self._seconds * 1000 - int(self._clock.elapsed()))

    def _on_tick(self) -> None:
        left = self.remaining_ms()
        if left <= 0:
            self._timer.stop()
            self.stop_button.setEnabled(False)
            self.display.setText(tr("Release"))
            self.display.setStyleSheet(
                "font-size: 22px; font-weight: 700; color: white; background: #0072b2;"
                "border-radius: 6px; padding: 2px 8px;"
            )
            QApplication.beep()
            self.finished.emit(self._seconds)
            return
        whole = (left + 999) // 1000
        self.tick.emit(whole)
        self._show(whole, running=True)

    def _show(self, seconds: int, running: bool) -> None:
        self.display.setText(
            tr("{seconds} s").format(seconds=seconds)
            if running
            else tr("Hold {seconds} s").format(seconds=seconds)
        )
        self.display.setStyleSheet(
            "font-size: 22px; font-weight: 700; padding: 2px 8px;"
            + ("color: #d55e00;" if running else "")
        )
