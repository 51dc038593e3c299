"""New client / edit client form. The store validates; its message is shown in the form."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.ui.forms import save_cancel_buttons


class ClientDialog(QDialog):
    """Name, date of birth and contact details of a client."""

    def __init__(self, client: Any | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit client" if client is not None else "New client")
        self.setMinimumWidth(420)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("First and last name")
        self.dob_known = QCheckBox("known")
        self.dob_edit = QDateEdit()
        self.dob_edit.setDisplayFormat("yyyy-MM-dd")
        self.dob_edit.setCalendarPopup(True)
        self.dob_edit.setMaximumDate(QDate.currentDate())
        self.dob_edit.setDate(QDate(1980, 1, 1))
        self.dob_known.toggled.connect(self.dob_edit.setEnabled)
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(80)
        self.error_label = QLabel("")
        self.error_label.setObjectName("form-error")
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        dob_row = QHBoxLayout()
        dob_row.addWidget(self.dob_known)
        dob_row.addWidget(self.dob_edit, 1)
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("Date of &birth", dob_row)
        form.addRow("&Phone", self.phone_edit)
        form.addRow("&Email", self.email_edit)
        form.addRow("N&otes", self.notes_edit)
        buttons = save_cancel_buttons(self, self._accept_if_valid)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if client is not None:
            self.name_edit.setText(client.name)
            if client.date_of_birth is not None:
                d: date = client.date_of_birth
                self.dob_edit.setDate(QDate(d.year, d.month, d.day))
                self.dob_known.setChecked(True)
            self.phone_edit.setText(client.phone)
            self.email_edit.setText(client.email)
            self.notes_edit.setPlainText(client.notes)
        self.dob_edit.setEnabled(self.dob_known.isChecked())

    def fields(self) -> dict[str, Any]:
        """The form as keyword arguments of ``create_client`` / ``update_client``."""
        born = self.dob_edit.date().toPython() if self.dob_known.isChecked() else None
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
            self.show_error("Please enter the client's name.")
            self.name_edit.setFocus()
            return
        self.accept()
