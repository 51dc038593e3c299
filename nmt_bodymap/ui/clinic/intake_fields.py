"""Small parts of the intake form: the form error and the number and text fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from nmt_bodymap.ui.i18n import tr


class FormError(ValueError):
    """A field the therapist must fix; ``widget`` gets the focus."""

    def __init__(self, message: str, widget: QWidget | None = None) -> None:
        super().__init__(message)
        self.widget = widget


def text_box(placeholder: str, height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(height)
    return box


def number_of(edit: QLineEdit, label: str, low: float, high: float, whole: bool = False) -> Any:
    raw = edit.text().strip().replace(",", ".")
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise FormError(
            tr("{label} must be a number (got {raw!r}).").format(label=label, raw=raw), edit
        ) from None
    if whole and not value.is_integer():
        raise FormError(
            tr("{label} must be a whole number from {low:g} to {high:g}.").format(
                label=label, low=low, high=high
            ),
            edit,
        )
    if not low <= value <= high:
        raise FormError(
            tr("{label} must be from {low:g} to {high:g} (got {raw}).").format(
                label=label, low=low, high=high, raw=raw
            ),
            edit,
        )
    return int(value) if whole else value
