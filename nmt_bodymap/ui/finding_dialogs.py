"""Forms for a palpation finding and for a treatment given, at one muscle's trigger point."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
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
from nmt_bodymap.ui.forms import save_cancel_buttons
from nmt_bodymap.ui.hold_timer import HoldTimer
from nmt_bodymap.ui.labels import side_label

TECHNIQUES = (
    "Ischaemic compression",
    "Pincer compression",
    "Gliding stroke",
    "Muscle energy technique",
    "Positional release",
    "Stretch",
)


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
        self.tp_box.addItem("(whole muscle)", "")
        for tp in muscle.trigger_points:
            self.tp_box.addItem(tp.label, tp.id)
            if tp.id == tp_id:
                self.tp_box.setCurrentIndex(self.tp_box.count() - 1)
        self.form = QFormLayout()
        self.form.addRow("Side", self.side_box)
        self.form.addRow("Trigger point", self.tp_box)
        self.buttons = save_cancel_buttons(self, self.accept)
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
        self.active = QRadioButton("&Active (reproduces the client's pain)")
        self.latent = QRadioButton("&Latent (tender, not their familiar pain)")
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
        self.jump_sign = QCheckBox("&Jump sign")
        self.twitch = QCheckBox("Local t&witch response")
        self.referral = QCheckBox("&Referral pattern reproduced")
        self.note = QLineEdit()
        signs = QHBoxLayout()
        signs.addWidget(self.jump_sign)
        signs.addWidget(self.twitch)
        self.form.addRow("Trigger point is", activity)
        self.form.addRow("&Tenderness", self.tenderness)
        self.form.addRow("Signs", signs)
        self.form.addRow("", self.referral)
        self.form.addRow("&Note", self.note)
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
    """Technique, pressure tolerance, hold time (with the timer), repetitions, response."""

    def __init__(
        self, muscle: MuscleDef, side: str, tp_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Treatment", muscle, side, tp_id, parent)
        self.technique = QComboBox()
        self.technique.setEditable(True)
        self.technique.addItems(list(TECHNIQUES))
        self.pressure = QSpinBox()
        self.pressure.setRange(0, 10)
        self.pressure.setValue(6)
        self.pressure.setSuffix(" / 10")
        self.pressure.setToolTip("Pressure the client tolerated (0 none - 10 maximum)")
        self.timer = HoldTimer()
        self.hold = QSpinBox()
        self.hold.setRange(0, 600)
        self.hold.setSuffix(" s")
        self.hold.setValue(0)
        self.repetitions = QSpinBox()
        self.repetitions.setRange(0, 100)
        self.repetitions.setValue(0)
        self.response = QLineEdit()
        self.response.setPlaceholderText("e.g. softened, referral faded after 2nd hold")
        self.timer.finished.connect(self._hold_done)
        self.form.addRow("&Technique", self.technique)
        self.form.addRow("&Pressure tolerance", self.pressure)
        self.form.addRow("Hold timer", self.timer)
        self.form.addRow("&Hold", self.hold)
        self.form.addRow("Re&petitions", self.repetitions)
        self.form.addRow("Res&ponse", self.response)
        self._finish_layout()

    def _hold_done(self, seconds: int) -> None:
        self.hold.setValue(seconds)
        self.repetitions.setValue(self.repetitions.value() + 1)

    def fields(self) -> dict[str, Any]:
        return {
            **self._common(),
            "technique": self.technique.currentText().strip(),
            "pressure_tolerance": self.pressure.value(),
            "hold_seconds": self.hold.value() or None,
            "repetitions": self.repetitions.value() or None,
            "response": self.response.text().strip(),
        }
