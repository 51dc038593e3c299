"""The body map's tool row: intensity and quality pickers, view buttons, the inside toggle."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
)

from nmt_bodymap.ui.chart.marks import QUALITIES
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.palette import MAX_INTENSITY


@dataclass
class MapTools:
    """The widgets of the tool row."""

    row: QHBoxLayout
    intensity_box: QSpinBox
    quality_box: QComboBox
    inside_button: QToolButton
    mode_buttons: QButtonGroup


def show_quality(box: QComboBox, quality: str) -> None:
    """Select the item whose stored word is ``quality`` (the text shown is translated)."""
    index = box.findData(quality)
    if index >= 0:
        box.setCurrentIndex(index)


def chosen_quality(box: QComboBox) -> str:
    """The stored word of the chosen quality ("ache"), whatever language the box shows."""
    return str(box.currentData() or "")


def build_tools(panel: Any, intensity: int, quality: str) -> MapTools:
    """The row of tools (the view buttons call ``panel.set_layout_mode``)."""
    panel = SimpleNamespace(set_layout_mode=panel.set_layout_mode, owner=panel)
    panel.intensity_box = QSpinBox()
    panel.intensity_box.setRange(0, MAX_INTENSITY)
    panel.intensity_box.setValue(intensity)
    panel.intensity_box.setSuffix(" / 10")
    panel.intensity_box.setToolTip(
        tr("Intensity of the selected mark, or of the next one (keys 0-9, + and -)")
    )
    panel.intensity_box.setMinimumHeight(32)
    panel.quality_box = QComboBox()
    for name in QUALITIES:  # the stored word is the item's data; the therapist reads theirs
        panel.quality_box.addItem(tr(name), name)
    panel.quality_box.setToolTip(tr("Quality of the selected mark, or of the next one (Q cycles)"))
    panel.quality_box.setMinimumHeight(32)
    show_quality(panel.quality_box, quality)

    tools = QHBoxLayout()
    tools.addWidget(QLabel(tr("Intensity")))
    tools.addWidget(panel.intensity_box)
    tools.addSpacing(12)
    tools.addWidget(QLabel(tr("Quality")))
    tools.addWidget(panel.quality_box)
    tools.addStretch(1)
    panel._mode_buttons = QButtonGroup(panel.owner)
    for mode, text in (
        ("both", tr("Both")),
        ("anterior", tr("Front")),
        ("posterior", tr("Back")),
    ):
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        # never narrower than its word ("Hinten"): the stretch gives way first
        button.setMinimumSize(max(56, button.sizeHint().width()), 32)
        button.setObjectName(f"mode-{mode}")
        button.clicked.connect(lambda _checked=False, m=mode: panel.set_layout_mode(m))
        panel._mode_buttons.addButton(button)
        tools.addWidget(button)
        button.setChecked(mode == "both")
    tools.addSpacing(12)
    panel.inside_button = QToolButton()
    panel.inside_button.setText(tr("Inside the body"))
    panel.inside_button.setObjectName("toggle-inside")
    panel.inside_button.setCheckable(True)
    panel.inside_button.setMinimumHeight(32)
    panel.inside_button.setToolTip(
        tr("Pain the drawings cannot show: teeth, ear, eye, sinus, throat, pelvis (Ctrl+4)")
    )
    tools.addWidget(panel.inside_button)
    return MapTools(
        tools, panel.intensity_box, panel.quality_box, panel.inside_button, panel._mode_buttons
    )
