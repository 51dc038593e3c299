"""The follow-up form: how long the soreness lasted and how many days of relief followed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.after_care import RELIEF_FOLLOW_DAYS
from nmt_bodymap.core.clinical import SORENESS_HOURS
from nmt_bodymap.core.limits import RELIEF_DAYS_MAX, SORENESS_HOURS_MAX
from nmt_bodymap.ui.forms import save_cancel_buttons
from nmt_bodymap.ui.i18n import tr

NOT_ASKED = -1.0


def _figure_box(maximum: float, suffix: str, step: float) -> QDoubleSpinBox:
    """A spin box whose lowest value reads "not asked" (stored as no figure at all)."""
    box = QDoubleSpinBox()
    box.setRange(NOT_ASKED, maximum)
    box.setDecimals(1)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setSpecialValueText(tr("not asked"))
    box.setValue(NOT_ASKED)
    return box


def _figure(box: QDoubleSpinBox) -> float | None:
    return None if box.value() <= NOT_ASKED else round(box.value(), 1)


class FollowUpDialog(QDialog):
    """Asks at the next visit how the client fared after ``visit_label``."""

    def __init__(
        self, visit_label: str, current: Any | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Follow-up"))
        self.setMinimumWidth(440)
        low, high = SORENESS_HOURS
        days_low, days_high = RELIEF_FOLLOW_DAYS
        intro = QLabel(
            tr(
                "<b>After the visit of {visit_label}</b><br>Soreness is expected to "
                "ease within {low} to {high} hours; relief is followed over {days_low} "
                "to {days_high} days. Enter 0 for none."
            ).format(
                visit_label=visit_label, low=low, high=high, days_low=days_low, days_high=days_high
            )
        )
        intro.setWordWrap(True)
        self.soreness_box = _figure_box(SORENESS_HOURS_MAX, " h", 6)
        self.relief_box = _figure_box(RELIEF_DAYS_MAX, " days", 1)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(70)
        self.note_edit.setPlaceholderText(
            tr("What the client reports (sleep, activities, relapse…)")
        )
        if current is not None:
            if current.soreness_hours is not None:
                self.soreness_box.setValue(current.soreness_hours)
            if current.relief_days is not None:
                self.relief_box.setValue(current.relief_days)
            self.note_edit.setPlainText(current.note)
        self.error_label = QLabel("")
        self.error_label.setObjectName("form-error")
        self.error_label.setStyleSheet("color: #c0392b;")
        form = QFormLayout()
        form.addRow(tr("&Soreness lasted"), self.soreness_box)
        form.addRow(tr("Days of &relief"), self.relief_box)
        form.addRow(tr("&Note"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(save_cancel_buttons(self, self._accept_if_valid))

    def fields(self) -> dict[str, Any]:
        return {
            "soreness_hours": _figure(self.soreness_box),
            "relief_days": _figure(self.relief_box),
            "note": self.note_edit.toPlainText().strip(),
        }

    def _accept_if_valid(self) -> None:
        values = self.fields()
        if (
            values["soreness_hours"] is None
            and values["relief_days"] is None
            and not values["note"]
        ):
            self.error_label.setText(
                tr("Enter how long the soreness lasted, the days of relief or a note.")
            )
            return
        self.accept()
