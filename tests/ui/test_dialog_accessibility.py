"""Every interactive control of the About and Settings dialogs is named for a screen reader.

The name is what Qt's accessibility interface reports (``QAccessible``), as a screen reader
reads it: an explicit accessible name, a button's text, or the label whose buddy it is."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)

from nmt_bodymap.ui.about_dialog import AboutDialog
from nmt_bodymap.ui.settings_dialog import SettingsDialog

INTERACTIVE = (
    QAbstractButton,
    QAbstractSpinBox,
    QAbstractScrollArea,
    QComboBox,
    QLineEdit,
    QTabWidget,
)


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed_controls(dialog: QDialog) -> list[str]:
    missing = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QTabBar):
            continue
        if type(widget).__name__ in ("QScrollBar",) or not widget.isVisibleTo(dialog):
            continue
        if widget.parent() is not None and isinstance(
            widget.parent(), (QAbstractSpinBox, QComboBox)
        ):
            continue  # the line edit inside a spin box or combo box: named through its owner
        if spoken_name(widget):
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


@pytest.mark.parametrize("make", [AboutDialog, SettingsDialog], ids=["about", "settings"])
def test_every_control_has_an_accessible_name_or_label(qtbot: Any, make: Any) -> None:
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    controls = [w for w in dialog.findChildren(QWidget) if isinstance(w, INTERACTIVE)]
    assert len(controls) >= 3  # the walk does see the dialog's controls
    assert unnamed_controls(dialog) == []


def test_the_walk_catches_an_unnamed_control(qtbot: Any) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.layout().addWidget(QLineEdit())
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed_controls(dialog) == ["QLineEdit ''"]
