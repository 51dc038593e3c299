"""New client / edit client form. The store validates; its message is shown in the form.

The date of birth is a plain line edit read by :func:`parse_birth_date`: what is typed
(``1975-03-14`` or ``14.03.1975``) is what is stored, and anything else is refused with
one clear line (a QDateEdit auto-advanced its sections and turned ``1975-03-14`` into
1975-01-03 without a word).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRegularExpression, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.ui.forms import save_cancel_buttons
from nmt_bodymap.ui.i18n import tr

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
# What may be typed on the way to a date (the validator lets partial input through).
_TYPING = QRegularExpression(r"^[0-9./-]{0,10}$")


def parse_birth_date(text: str) -> date | None:
    """``1975-03-14`` or ``14.03.1975`` as a date; None for an empty field.

    ValueError (with a line fit for the form) for anything else, a date that does not
    exist, or a date in the future.
    """
    raw = text.strip()
    if not raw:
        return None
    iso, dmy = _ISO.match(raw), _DMY.match(raw)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dmy:
        day, month, year = (int(g) for g in dmy.groups())
    else:
        raise ValueError(f"Write the date of birth as YYYY-MM-DD, e.g. 1975-03-14 (got {raw!r}).")
    try:
        born = date(year, month, day)
    except ValueError:
        raise ValueError(f"{raw} is not a date in the calendar.") from None
    if born > date.today():
        raise ValueError("The date of birth cannot be in the future.")
    return born


class _SelectAllOnFocus(QObject):
    """Re-entering the date field selects all of it, so typing replaces it from the year."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            QTimer.singleShot(0, watched.selectAll)  # after Qt places the cursor
        return False


class ClientDialog(QDialog):
    """Name, date of birth and contact details of a client."""

    def __init__(self, client: Any | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit client") if client is not None else tr("New client"))
        self.setMinimumWidth(420)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("First and last name"))
        self.dob_edit = QLineEdit()
        self.dob_edit.setObjectName("date-of-birth")
        self.dob_edit.setPlaceholderText(tr("YYYY-MM-DD (empty if not known)"))
        self.dob_edit.setValidator(QRegularExpressionValidator(_TYPING, self.dob_edit))
        self._select_all = _SelectAllOnFocus(self)
        self.dob_edit.installEventFilter(self._select_all)
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(80)
        self.error_label = QLabel("")
        self.error_label.setObjectName("form-error")
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Name"), self.name_edit)
        form.addRow(tr("Date of &birth"), self.dob_edit)
        form.addRow(tr("&Phone"), self.phone_edit)
        form.addRow(tr("&Email"), self.email_edit)
        form.addRow(tr("N&otes"), self.notes_edit)
        buttons = save_cancel_buttons(self, self._accept_if_valid)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if client is not None:
            self.name_edit.setText(client.name)
            if client.date_of_birth is not None:
                self.dob_edit.setText(f"{client.date_of_birth:%Y-%m-%d}")
            self.phone_edit.setText(client.phone)
            self.email_edit.setText(client.email)
            self.notes_edit.setPlainText(client.notes)

    def fields(self) -> dict[str, Any]:
        """The form as keyword arguments of ``create_client`` / ``update_client``."""
        try:
            born = parse_birth_date(self.dob_edit.text())
        except ValueError:
            born = None  # _accept_if_valid never accepts the form in this state
        return {
            "name": self.name_edit.text().strip(),
            "date_of_birth": born,
            "phone": self.phone_edit.text().strip(),
            "email": self.email_edit.text().strip(),
            "notes": self.notes_edit.toPlainText().strip(),
        }

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)

    def _accept_if_valid(self) -> None:
        if not self.name_edit.text().strip():
            self.show_error(tr("Please enter the client's name."))
            self.name_edit.setFocus()
            return
        try:
            parse_birth_date(self.dob_edit.text())
        except ValueError as exc:
            self.show_error(str(exc))
            self.dob_edit.setFocus()
            return
        self.accept()
