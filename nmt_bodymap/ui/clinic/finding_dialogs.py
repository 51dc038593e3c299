"""Forms for a palpation finding and for a treatment given, at one muscle's trigger point."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.knowledge_schema import MuscleDef
from nmt_bodymap.core.limits import HOLD_MAX, HOLD_MIN, MAX_HOLDS, holds_words
from nmt_bodymap.core.pain import SCORE_MAX, SCORE_MIN
from nmt_bodymap.core.places import expand_side
from nmt_bodymap.ui.clinic.hold_timer import HoldTimer
from nmt_bodymap.ui.forms import save_cancel_buttons
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import muscle_label, side_label, trigger_point_label

TECHNIQUES = (
    "Ischaemic compression",
    "Pincer compression",
    "Gliding stroke",
    "Muscle energy technique",
    "Positional release",
    "Stretch",
)
# Before revision 0007 the form wrote holds of different lengths at the start of the
# response ("Holds 20 s, 10 s; softened"); the migration moved them to ``hold_lengths``.
HOLDS_PREFIX = "Holds "
_NUMBER = re.compile(r"\d+")
holds_text = holds_words  # a treatment line's holds ("3 holds: 20 s, 10 s, 30 s"), core's words


def parse_holds(text: str) -> list[int]:
    """Hold lengths in seconds from the form's Holds field ("20 s, 10 s" or "20, 10")."""
    return [int(n) for n in _NUMBER.findall(text)]


def holds_problem(holds: list[int]) -> str:
    """What is wrong with the typed holds, in one line ("" when they can be saved)."""
    if len(holds) > MAX_HOLDS:
        return f"At most {MAX_HOLDS} holds in one treatment."
    if any(not HOLD_MIN <= h <= HOLD_MAX for h in holds):
        return f"Each hold is {HOLD_MIN} to {HOLD_MAX} seconds."
    return ""


def holds_fields(holds: list[int], response: str) -> dict[str, Any]:
    """The treatment's hold fields: every length in ``hold_lengths``, in order.

    ``hold_seconds`` and ``repetitions`` keep the summary older readers know: the count,
    and the length when every hold was as long (different lengths: no single length).
    """
    if not holds:
        return {"hold_seconds": None, "repetitions": None, "hold_lengths": [], "response": response}
    equal = len(set(holds)) == 1
    return {
        "hold_seconds": holds[0] if equal else None,
        "repetitions": len(holds),
        "hold_lengths": list(holds),
        "response": response,
    }


class _MuscleForm(QDialog):
    """Shared top of both forms: which side and which trigger point."""

    def __init__(
        self, title: str, muscle: MuscleDef, side: str, tp_id: str | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{title} — {muscle_label(muscle.id)}")
        self.setMinimumWidth(460)
        self.muscle = muscle
        self.side_box = QComboBox()
        for s in expand_side(side):
            self.side_box.addItem(side_label(s), s)
        self.tp_box = QComboBox()
        self.tp_box.addItem(tr("(whole muscle)"), "")
        for tp in muscle.trigger_points:
            self.tp_box.addItem(trigger_point_label(muscle.id, tp.id, tp.label), tp.id)
            if tp.id == tp_id:
                self.tp_box.setCurrentIndex(self.tp_box.count() - 1)
        self.form = QFormLayout()
        self.form.addRow(tr("Side"), self.side_box)
        self.form.addRow(tr("Trigger point"), self.tp_box)
        self.buttons = save_cancel_buttons(self, self.accept)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.box = QVBoxLayout(self)
        heading = QLabel(f"<b>{muscle_label(muscle.id)}</b>")
        self.box.addWidget(heading)
        self.box.addLayout(self.form)

    def _finish_layout(self) -> None:
        self.box.addWidget(self.buttons)

    def _common(self) -> dict[str, Any]:
        return {
            "muscle_id": self.muscle.id,
            "side": self.side_box.currentData(),
            "trigger_point_id": self.tp_box.currentData(),
        }


class FindingDialog(_MuscleForm):
    """Active or latent, tenderness, jump sign, local twitch, referral reproduced."""

    def __init__(
        self, muscle: MuscleDef, side: str, tp_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Finding", muscle, side, tp_id, parent)
        self.active = QRadioButton(tr("&Active (reproduces the client's pain)"))
        self.latent = QRadioButton(tr("&Latent (tender, not their familiar pain)"))
        self.active.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.active)
        group.addButton(self.latent)
        activity = QVBoxLayout()
        activity.addWidget(self.active)
        activity.addWidget(self.latent)
        self.tenderness = QSpinBox()
        self.tenderness.setRange(SCORE_MIN, SCORE_MAX)
        self.tenderness.setValue(5)
        self.tenderness.setSuffix(" / 10")
        self.jump_sign = QCheckBox(tr("&Jump sign"))
        self.twitch = QCheckBox(tr("Local t&witch response"))
        self.referral = QCheckBox(tr("&Referral pattern reproduced"))
        self.note = QLineEdit()
        signs = QHBoxLayout()
        signs.addWidget(self.jump_sign)
        signs.addWidget(self.twitch)
        self.form.addRow(tr("Trigger point is"), activity)
        self.form.addRow(tr("&Tenderness"), self.tenderness)
        self.form.addRow(tr("Signs"), signs)
        self.form.addRow("", self.referral)
        self.form.addRow(tr("&Note"), self.note)
        self._finish_layout()

    def fields(self) -> dict[str, Any]:
        return {
            **self._common(),
            "activity": "active" if self.active.isChecked() else "latent",
            "tenderness": self.tenderness.value(),
            "jump_sign": self.jump_sign.isChecked(),
            "local_twitch": self.twitch.isChecked(),
            "referral_reproduced": self.referral.isChecked(),
            "note": self.note.text().strip(),
        }


class TreatmentDialog(_MuscleForm):
    """Technique, pressure tolerance, the holds (with the timer, each with its length),
    response; ``warning`` (the red-flag banner's text) is shown on top while it is up."""

    def __init__(
        self,
        muscle: MuscleDef,
        side: str,
        tp_id: str | None = None,
        parent: QWidget | None = None,
        warning: str = "",
    ) -> None:
        super().__init__("Treatment", muscle, side, tp_id, parent)
        self.warning = QLabel(
            f"⚠  Refer for medical assessment before treatment. {warning}".strip()
        )
        self.warning.setObjectName("treatment-red-flag")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #b3261e; color: white; font-weight: 600; padding: 6px; border-radius: 4px;"
        )
        self.warning.setVisible(bool(warning))
        self.box.insertWidget(0, self.warning)
        self.technique = QComboBox()
        self.technique.setEditable(True)
        self.technique.addItems(list(TECHNIQUES))
        self.pressure = QSpinBox()
        self.pressure.setRange(SCORE_MIN, SCORE_MAX)
        self.pressure.setValue(6)
        self.pressure.setSuffix(" / 10")
        self.pressure.setToolTip(tr("Pressure the client tolerated (0 none - 10 maximum)"))
        self.timer = HoldTimer()
        self.timer.setToolTip(tr("H starts a hold of the chosen length"))
        self.holds = QLineEdit()
        self.holds.setObjectName("holds")
        self.holds.setPlaceholderText(tr("each hold in seconds, e.g. 20, 10 (the timer adds them)"))
        self.holds_error = QLabel("")
        self.holds_error.setObjectName("holds-error")
        self.holds_error.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.holds_error.hide()
        self.holds.textChanged.connect(lambda _text: self.holds_error.hide())
        self.response = QLineEdit()
        self.response.setPlaceholderText(tr("e.g. softened, referral faded after 2nd hold"))
        self.timer.finished.connect(self._hold_done)
        self.timer.released.connect(self._hold_done)
        self.form.addRow(tr("&Technique"), self.technique)
        self.form.addRow(tr("&Pressure tolerance"), self.pressure)
        self.form.addRow(tr("Hold timer (H)"), self.timer)
        self.form.addRow(tr("Ho&lds"), self.holds)
        self.form.addRow("", self.holds_error)
        self.form.addRow(tr("Res&ponse"), self.response)
        self._finish_layout()
        start = QShortcut(QKeySequence("H"), self)
        start.activated.connect(self.timer.start_preset)

    def _hold_done(self, seconds: int) -> None:
        done = self.holds.text().strip()
        self.holds.setText(
            tr("{done}, {seconds} s").format(done=done, seconds=seconds)
            if done
            else tr("{seconds} s").format(seconds=seconds)
        )
        self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter now saves

    def hold_lengths(self) -> list[int]:
        return parse_holds(self.holds.text())

    def accept(self) -> None:
        """Save only holds the chart can keep; otherwise say why, on the form, and stay."""
        problem = holds_problem(self.hold_lengths())
        if problem:
            self.holds_error.setText(problem)
            self.holds_error.show()
            self.holds.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def fields(self) -> dict[str, Any]:
        return {
            **self._common(),
            "technique": self.technique.currentText().strip(),
            "pressure_tolerance": self.pressure.value(),
            **holds_fields(self.hold_lengths(), self.response.text().strip()),
        }
