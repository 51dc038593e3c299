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
from nmt_bodymap.ui.clinic.hold_timer import HoldTimer
from nmt_bodymap.ui.forms import save_cancel_buttons
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import side_label

TECHNIQUES = (
    "Ischaemic compression",
    "Pincer compression",
    "Gliding stroke",
    "Muscle energy technique",
    "Positional release",
    "Stretch",
)
HOLDS_PREFIX = "Holds "  # a treatment's response starts so when its holds differed
_NUMBER = re.compile(r"\d+")


def parse_holds(text: str) -> list[int]:
    """Hold lengths in seconds from the form's Holds field ("20 s, 10 s" or "20, 10")."""
    return [int(n) for n in _NUMBER.findall(text)]


def holds_fields(holds: list[int], response: str) -> dict[str, Any]:
    """How a list of holds is stored with the store's columns, nothing lost.

    Equal holds: ``hold_seconds`` each and ``repetitions``. Different holds: the total in
    ``hold_seconds``, the count in ``repetitions`` and every length, in order, at the start
    of ``response`` ("Holds 20 s, 10 s; softened"), since the store keeps one length only.
    """
    if not holds:
        return {"hold_seconds": None, "repetitions": None, "response": response}
    if len(set(holds)) == 1:
        return {"hold_seconds": holds[0], "repetitions": len(holds), "response": response}
    each = HOLDS_PREFIX + ", ".join(f"{h} s" for h in holds)
    return {
        "hold_seconds": min(sum(holds), 600),
        "repetitions": len(holds),
        "response": each + (f"; {response}" if response else ""),
    }


class _MuscleForm(QDialog):
    """Shared top of both forms: which side and which trigger point."""

    def __init__(
        self, title: str, muscle: MuscleDef, side: str, tp_id: str | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{title} — {muscle.name}")
        self.setMinimumWidth(460)
        self.muscle = muscle
        self.side_box = QComboBox()
        sides = ["right", "left"] if side == "bilateral" else [side]
        for s in sides:
            self.side_box.addItem(side_label(s), s)
        self.tp_box = QComboBox()
        self.tp_box.addItem(tr("(whole muscle)"), "")
        for tp in muscle.trigger_points:
            self.tp_box.addItem(tp.label, tp.id)
            if tp.id == tp_id:
                self.tp_box.setCurrentIndex(self.tp_box.count() - 1)
        self.form = QFormLayout()
        self.form.addRow(tr("Side"), self.side_box)
        self.form.addRow(tr("Trigger point"), self.tp_box)
        self.buttons = save_cancel_buttons(self, self.accept)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{muscle.name}</b>")
        layout.addWidget(heading)
        layout.addLayout(self.form)

    def _finish_layout(self) -> None:
        self.layout().addWidget(self.buttons)

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
        self.tenderness.setRange(0, 10)
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
        self.layout().insertWidget(0, self.warning)
        self.technique = QComboBox()
        self.technique.setEditable(True)
        self.technique.addItems(list(TECHNIQUES))
        self.pressure = QSpinBox()
        self.pressure.setRange(0, 10)
        self.pressure.setValue(6)
        self.pressure.setSuffix(" / 10")
        self.pressure.setToolTip(tr("Pressure the client tolerated (0 none - 10 maximum)"))
        self.timer = HoldTimer()
        self.timer.setToolTip(tr("H starts a hold of the chosen length"))
        self.holds = QLineEdit()
        self.holds.setObjectName("holds")
        self.holds.setPlaceholderText(tr("each hold in seconds, e.g. 20, 10 (the timer adds them)"))
        self.response = QLineEdit()
        self.response.setPlaceholderText(tr("e.g. softened, referral faded after 2nd hold"))
        self.timer.finished.connect(self._hold_done)
        self.form.addRow(tr("&Technique"), self.technique)
        self.form.addRow(tr("&Pressure tolerance"), self.pressure)
        self.form.addRow(tr("Hold timer (H)"), self.timer)
        self.form.addRow(tr("Ho&lds"), self.holds)
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

    def fields(self) -> dict[str, Any]:
        return {
            **self._common(),
            "technique": self.technique.currentText().strip(),
            "pressure_tolerance": self.pressure.value(),
            **holds_fields(self.hold_lengths(), self.response.text().strip()),
        }
