"""The intake form: history, complaints, medications, perpetuating factors, red-flag screen.

Perpetuating factors are grouped the way neuromuscular therapy sorts them
(Chaitow & DeLany): biomechanical (posture, habits of use), biochemical (water, food,
sleep), psychosocial (stress, breathing pattern) and lifestyle (work). The red-flag
questions come from ``resources/red_flags.yaml``; a "yes" raises the referral banner at
once, before the form is even saved. The consent to treatment (``consent_section.py``) sits
below the screen. Saving goes through ``ChartStore.save_intake`` (and ``record_consent``
when a consent was entered).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.clinical import is_chronic, load_red_flags
from nmt_bodymap.core.limits import SLEEP_HOURS_MAX, WATER_LITRES_MAX
from nmt_bodymap.core.pain import STRESS_MAX, STRESS_MIN
from nmt_bodymap.ui.chart.store_calls import get_intake, save_intake
from nmt_bodymap.ui.clinic.consent_section import ConsentSection
from nmt_bodymap.ui.clinic.intake_complaints import complaint_row
from nmt_bodymap.ui.clinic.intake_fields import FormError, number_of, text_box
from nmt_bodymap.ui.clinic.red_flag_banner import RedFlagBanner, StoreCall
from nmt_bodymap.ui.forms import save_cancel_buttons
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import knowledge_text
from nmt_bodymap.ui.window_state import fit_to_screen

ANSWERS: tuple[tuple[str, bool | None], ...] = (("Yes", True), ("No", False), ("Not asked", None))
DESCRIPTION, ONSET, WEEKS, BADGE = range(4)
CHRONIC_BADGE = "Chronic"


class IntakeDialog(QDialog):
    """The intake of one client, read and saved through ``store_call``."""

    saved = Signal(object)  # the saved intake record

    def __init__(
        self, store_call: StoreCall, client_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store_call = store_call
        self.client_id = client_id
        self.loaded = False
        self._clearance = ""
        self.red_flags = load_red_flags()  # not ``screen``: that is QWidget.screen()
        self.setWindowTitle(tr("Intake"))
        fit_to_screen(self, 860, 900)  # the form scrolls; Save stays on screen

        self.banner = RedFlagBanner(store_call)
        self.banner.client_id = client_id
        self.banner.clearance_saved.connect(self._on_clearance)
        self.banner.failed.connect(self.show_error)

        form = QWidget()
        body = QVBoxLayout(form)
        body.addWidget(self._history_box())
        body.addWidget(self._complaints_box())
        body.addWidget(self._factors_box())
        body.addWidget(self._red_flags_box())
        self.consent = ConsentSection()
        body.addWidget(self.consent)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)

        self.error_label = QLabel("")
        self.error_label.setObjectName("form-error")
        self.error_label.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.error_label.setWordWrap(True)
        buttons = save_cancel_buttons(self, self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        # Below the form, not above it: a "yes" shows the banner without moving the
        # question under the pointer (issue 15); it sits by Save, where the eye goes.
        layout.addWidget(self.banner)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        store_call(lambda store: get_intake(store, client_id), self._show, self._load_failed)
        store_call(
            lambda store: store.latest_consent(client_id),
            self.consent.show_consent,
            self._load_failed,
        )

    # -- building the form -----------------------------------------------------------------
    def _history_box(self) -> QGroupBox:
        box = QGroupBox(tr("History"))
        self.history_edit = text_box("Past injuries, surgery, earlier episodes, treatments", 80)
        self.medications_edit = text_box("Medications and supplements")
        self.conditions_edit = text_box("Diagnosed conditions (diabetes, thyroid, arthritis…)")
        form = QFormLayout(box)
        form.addRow(tr("&History"), self.history_edit)
        form.addRow(tr("&Medications"), self.medications_edit)
        form.addRow(tr("&Conditions"), self.conditions_edit)
        return box

    def _complaints_box(self) -> QGroupBox:
        box = QGroupBox(tr("Complaints"))
        self.complaints = QTableWidget(0, 4)
        self.complaints.setObjectName("complaints")
        self.complaints.setHorizontalHeaderLabels(
            [tr("Complaint"), tr("Onset (YYYY-MM-DD)"), tr("Duration (weeks)"), ""]
        )
        header = self.complaints.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column in (ONSET, WEEKS, BADGE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.complaints.verticalHeader().hide()
        self.complaints.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.complaints.setMinimumHeight(130)
        self.complaints.itemChanged.connect(self._on_complaint_edited)
        add = QPushButton(tr("&Add complaint"))
        add.clicked.connect(lambda: self.add_complaint())
        remove = QPushButton(tr("&Remove"))
        remove.clicked.connect(self._remove_complaint)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.complaints)
        layout.addLayout(buttons)
        return box

    def _factors_box(self) -> QGroupBox:
        box = QGroupBox(tr("Perpetuating factors"))
        self.habits_edit = text_box("Posture at work and rest, habits of use, repetitive tasks")
        self.water_edit = QLineEdit()
        self.water_edit.setPlaceholderText(tr("litres a day, e.g. 1.5"))
        self.nutrition_edit = text_box("Meals, caffeine, alcohol, known deficiencies", 50)
        self.sleep_hours_edit = QLineEdit()
        self.sleep_hours_edit.setPlaceholderText(tr("hours a night, e.g. 7"))
        self.sleep_notes_edit = text_box("Sleep position, waking with pain, pillow", 50)
        self.stress_edit = QLineEdit()
        self.stress_edit.setPlaceholderText(tr("0 (none) to 10 (overwhelming)"))
        self.breathing_edit = text_box("Upper-chest breathing, breath holding, mouth breathing", 50)
        self.occupation_edit = QLineEdit()
        self.occupation_edit.setPlaceholderText(tr("Work, sport, hobbies, caring duties"))
        grid = QGridLayout(box)
        groups: list[tuple[str, list[tuple[str, QWidget]]]] = [
            ("Biomechanical", [("Posture and &use", self.habits_edit)]),
            (
                "Biochemical",
                [
                    ("&Water", self.water_edit),
                    ("N&utrition", self.nutrition_edit),
                    ("&Sleep", self.sleep_hours_edit),
                    ("Sleep notes", self.sleep_notes_edit),
                ],
            ),
            (
                "Psychosocial",
                [("S&tress", self.stress_edit), ("&Breathing", self.breathing_edit)],
            ),
            ("Lifestyle", [("&Occupation", self.occupation_edit)]),
        ]
        for index, (title, rows) in enumerate(groups):
            group = QGroupBox(title)
            group.setFlat(True)
            form = QFormLayout(group)
            for label, widget in rows:
                form.addRow(label, widget)
            grid.addWidget(group, index // 2, index % 2)
        return box

    def _red_flags_box(self) -> QGroupBox:
        box = QGroupBox(tr("Red-flag screen (a yes means: refer before treating)"))
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        self.red_flag_groups: dict[str, QButtonGroup] = {}
        for row, question in enumerate(self.red_flags.questions):
            label = QLabel(knowledge_text("red_flag", question.id, "question", question.question))
            label.setWordWrap(True)
            why = knowledge_text("red_flag", question.id, "why", question.why)
            label.setToolTip(why + "\n\n" + "\n".join(self.red_flags.citations(question)))
            grid.addWidget(label, row, 0)
            group = QButtonGroup(box)
            for column, (text, _value) in enumerate(ANSWERS, start=1):
                button = QRadioButton(text)
                button.setObjectName(f"red-flag-{question.id}-{text.lower().replace(' ', '-')}")
                group.addButton(button, column)
                grid.addWidget(button, row, column)
            group.button(len(ANSWERS)).setChecked(True)
            group.idToggled.connect(lambda _id, on: self._update_banner() if on else None)
            self.red_flag_groups[question.id] = group
        return box

    # -- complaints --------------------------------------------------------------------------
    def add_complaint(
        self, description: str = "", onset: date | None = None, weeks: float | None = None
    ) -> int:
        row = self.complaints.rowCount()
        self.complaints.blockSignals(True)
        self.complaints.insertRow(row)
        texts = (
            description,
            onset.isoformat() if onset else "",
            "" if weeks is None else f"{weeks:g}",
        )
        for column, text in enumerate(texts):
            self.complaints.setItem(row, column, QTableWidgetItem(text))
        badge = QTableWidgetItem("")
        badge.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.complaints.setItem(row, BADGE, badge)
        self.complaints.blockSignals(False)
        self._update_badge(row)
        return row

    def _remove_complaint(self) -> None:
        row = self.complaints.currentRow()
        if row >= 0:
            self.complaints.removeRow(row)

    def _on_complaint_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == WEEKS:
            self._update_badge(item.row())

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.complaints.item(row, column)
        assert item is not None  # add_complaint fills every cell of a row
        return item

    def _update_badge(self, row: int) -> None:
        badge = self._cell(row, BADGE)
        weeks = self._cell(row, WEEKS)
        try:
            chronic = is_chronic(float(weeks.text().replace(",", "."))) if weeks.text() else False
        except ValueError:
            chronic = False
        self.complaints.blockSignals(True)
        badge.setText(CHRONIC_BADGE if chronic else "")
        badge.setToolTip(tr("12 weeks or more: chronic pain") if chronic else "")
        badge.setForeground(Qt.GlobalColor.white)
        badge.setBackground(Qt.GlobalColor.darkMagenta if chronic else Qt.GlobalColor.transparent)
        self.complaints.blockSignals(False)

    def chronic_badges(self) -> list[bool]:
        return [
            self._cell(r, BADGE).text() == CHRONIC_BADGE for r in range(self.complaints.rowCount())
        ]

    # -- red flags ---------------------------------------------------------------------------
    def set_answer(self, question_id: str, answer: bool | None) -> None:
        column = 1 + [value for _t, value in ANSWERS].index(answer)
        self.red_flag_groups[question_id].button(column).setChecked(True)

    def answers(self) -> dict[str, bool | None]:
        return {
            qid: ANSWERS[group.checkedId() - 1][1] for qid, group in self.red_flag_groups.items()
        }

    def _update_banner(self) -> None:
        self.banner.show_answers(self.answers(), self._clearance)

    def _on_clearance(self, intake: Any) -> None:
        self._clearance = intake.red_flag_clearance
        self._update_banner()

    # -- loading and saving ------------------------------------------------------------------
    def _show(self, intake: Any | None) -> None:
        if intake is not None:
            self.history_edit.setPlainText(intake.history)
            self.medications_edit.setPlainText(intake.medications)
            self.conditions_edit.setPlainText(intake.conditions)
            self.habits_edit.setPlainText(intake.habits)
            self.nutrition_edit.setPlainText(intake.nutrition)
            self.sleep_notes_edit.setPlainText(intake.sleep_notes)
            self.breathing_edit.setPlainText(intake.breathing)
            self.occupation_edit.setText(intake.occupation)
            for edit, value in (
                (self.water_edit, intake.hydration_litres),
                (self.sleep_hours_edit, intake.sleep_hours),
                (self.stress_edit, intake.stress),
            ):
                edit.setText("" if value is None else f"{value:g}")
            for complaint in intake.complaints:
                self.add_complaint(
                    complaint.description, complaint.onset_date, complaint.duration_weeks
                )
            for question_id, answer in intake.red_flags.items():
                if question_id in self.red_flag_groups:
                    self.set_answer(question_id, answer)
            self._clearance = intake.red_flag_clearance
        self._update_banner()
        self.loaded = True
        self.save_button.setEnabled(True)

    def complaint_rows(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for row in range(self.complaints.rowCount()):
            texts = [self._cell(row, c).text() for c in (DESCRIPTION, ONSET, WEEKS)]
            parsed = complaint_row(row, *texts)
            if parsed is not None:
                rows.append(parsed)
        return rows

    def fields(self) -> dict[str, Any]:
        """The form as keyword arguments of ``save_intake``; FormError names what to fix."""
        return {
            "history": self.history_edit.toPlainText(),
            "medications": self.medications_edit.toPlainText(),
            "conditions": self.conditions_edit.toPlainText(),
            "occupation": self.occupation_edit.text(),
            "habits": self.habits_edit.toPlainText(),
            "stress": number_of(self.stress_edit, "Stress", STRESS_MIN, STRESS_MAX, whole=True),
            "sleep_hours": number_of(
                self.sleep_hours_edit, "Sleep (hours a night)", 0, SLEEP_HOURS_MAX
            ),
            "sleep_notes": self.sleep_notes_edit.toPlainText(),
            "hydration_litres": number_of(
                self.water_edit, "Water (litres a day)", 0, WATER_LITRES_MAX
            ),
            "nutrition": self.nutrition_edit.toPlainText(),
            "breathing": self.breathing_edit.toPlainText(),
            "red_flags": self.answers(),
            "complaints": self.complaint_rows(),
        }

    def save(self) -> None:
        try:
            fields = self.fields()
            consent = self.consent.checked_values()
        except FormError as exc:
            self.show_error(str(exc))
            if exc.widget is not None:
                exc.widget.setFocus()
            return
        self.show_error("")
        self.save_button.setEnabled(False)
        client_id = self.client_id

        def job(store: Any) -> Any:
            intake = save_intake(store, client_id, fields)
            if consent is not None:
                store.record_consent(client_id, **consent)
            return intake

        self.store_call(job, self._saved, self._save_failed)

    def _saved(self, intake: Any) -> None:
        self.saved.emit(intake)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.show_error(str(exc))

    def _load_failed(self, exc: BaseException) -> None:
        self.show_error(tr("Could not read the intake: {exc}").format(exc=exc))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
