"""The "Refer for medical assessment" banner, and the form that records a clearance.

Shown whenever the client's red-flag screen has a "yes" and no clearance is on record
(``core.clinical.needs_referral``), so nobody starts hands-on work past it. Recording a
clearance (who cleared the client, when, what they said) is the only way to hide it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.clinical import clearance_text, load_red_flags, needs_referral
from nmt_bodymap.ui.chart import store_calls
from nmt_bodymap.ui.forms import save_cancel_buttons
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import knowledge_text

StoreCall = Callable[..., Any]
"""``store_call(job, on_done, on_error)``: runs ``job(store)`` off the GUI thread
(``StoreWorker.submit``) and calls back on the GUI thread."""

BANNER_STYLE = (
    "#red-flag-banner { background: #b3261e; border-radius: 6px; }"
    "#red-flag-banner QLabel { color: white; }"
    "#red-flag-banner QPushButton { background: white; color: #b3261e; font-weight: 600;"
    " padding: 6px 14px; border-radius: 4px; }"
)


def _text(question: Any, field: str) -> str:
    """A screening question's text on screen (the therapist's language)."""
    return knowledge_text("red_flag", question.id, field, getattr(question, field))


class ClearanceDialog(QDialog):
    """Who cleared the client for treatment, on which date, and what they said."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Record medical clearance"))
        self.setMinimumWidth(440)
        self.who_edit = QLineEdit()
        self.who_edit.setPlaceholderText(tr("e.g. Dr Lee, the client's GP"))
        self.date_edit = QLineEdit(date.today().isoformat())
        self.date_edit.setPlaceholderText(tr("YYYY-MM-DD"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(
            tr("What the clinician said (findings, limits on treatment)")
        )
        self.note_edit.setFixedHeight(90)
        self.error_label = QLabel("")
        self.error_label.setObjectName("form-error")
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Cleared &by"), self.who_edit)
        form.addRow(tr("&Date"), self.date_edit)
        form.addRow(tr("&Note"), self.note_edit)
        buttons = save_cancel_buttons(self, self._accept_if_valid)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.result_value: tuple[str, date] | None = None

    def clearance(self) -> tuple[str, date]:
        """The clearance text and date; ValueError with a message fit for the form."""
        text = clearance_text(self.who_edit.text(), self.note_edit.toPlainText())
        raw = self.date_edit.text().strip()
        try:
            when = date.fromisoformat(raw)
        except ValueError:
            raise ValueError(
                f"Write the date as YYYY-MM-DD, e.g. 2025-03-01 (got {raw!r})."
            ) from None
        if when > date.today():
            raise ValueError("The clearance date cannot be in the future.")
        return text, when

    def _accept_if_valid(self) -> None:
        try:
            self.result_value = self.clearance()
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()


class RedFlagBanner(QFrame):
    """A red bar with the raised screening questions and a button to record a clearance.

    ``load(client_id)`` reads the intake through ``store_call``; ``show_intake`` shows a
    record already at hand. Hidden while nothing needs referral.
    """

    clearance_saved = Signal(object)  # the updated intake record
    failed = Signal(str)
    loaded = Signal()  # the client's intake was read (or could not be)
    WAIT_MS = 5_000  # the longest a treatment form waits for the client's screen

    def __init__(self, store_call: StoreCall | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("red-flag-banner")
        self.setStyleSheet(BANNER_STYLE)
        self.store_call = store_call
        self.client_id: int | None = None
        self.loading = False  # the client's intake is being read
        self._loads = 0
        self.title = QLabel(tr("⚠  Refer for medical assessment before treatment"))
        self.title.setStyleSheet("font-size: 17px; font-weight: 700;")
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.clear_button = QPushButton(tr("Record clearance…"))
        self.clear_button.setObjectName("record-clearance")
        self.clear_button.clicked.connect(self.record_clearance)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.addLayout(text, 1)
        row.addWidget(self.clear_button)
        self.hide()

    @property
    def referral_needed(self) -> bool:
        return not self.isHidden()

    def load(self, client_id: int | None) -> None:
        """Read ``client_id``'s intake and show or hide the banner for it (the answer for a
        client chosen before is dropped)."""
        self.client_id = client_id
        self._loads += 1
        serial = self._loads
        if client_id is None or self.store_call is None:
            self._done()
            self.show_answers({}, "")
            return
        self.loading = True

        def read(intake: Any | None) -> None:
            if serial == self._loads:
                self._done()
                self.show_intake(intake)

        def failed(exc: BaseException) -> None:
            if serial == self._loads:
                self._done()
                self._fail(exc)

        self.store_call(lambda store: store_calls.get_intake(store, client_id), read, failed)

    def _done(self) -> None:
        self.loading = False
        self.loaded.emit()

    def wait_loaded(self) -> None:
        """Wait (without taking input) until the client's intake is read: a form that
        warns about red flags must not open before the banner knows them (issue 18)."""
        if not self.loading:
            return
        loop, limit = QEventLoop(), QTimer()
        limit.setSingleShot(True)
        limit.timeout.connect(loop.quit)
        self.loaded.connect(loop.quit)
        limit.start(self.WAIT_MS)
        if self.loading:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        limit.stop()
        self.loaded.disconnect(loop.quit)

    def show_intake(self, intake: Any | None) -> None:
        if intake is None:
            self.show_answers({}, "")
        else:
            self.show_answers(intake.red_flags, intake.red_flag_clearance)

    def show_answers(self, answers: dict[str, bool | None], clearance: str | None) -> None:
        """Show or hide the banner for these answers (used live by the intake form)."""
        if not needs_referral(answers, clearance):
            self.hide()
            return
        screen = load_red_flags()
        known = {q.id: q for q in screen.questions}
        raised = [
            _text(known[k], "question") if k in known else k
            for k, a in answers.items()
            if a is True
        ]
        self.detail.setText("Screening answered yes: " + " · ".join(raised))
        self.detail.setToolTip(
            "\n\n".join(
                f"{_text(known[k], 'question')}\n{_text(known[k], 'why')}"
                for k in answers
                if k in known
            )
        )
        self.show()

    def ask_clearance(self) -> tuple[str, date] | None:
        """Run the clearance form (patched in tests); None when cancelled."""
        dialog = self.clearance_dialog()
        return dialog.result_value if dialog.exec() else None

    def clearance_dialog(self) -> ClearanceDialog:
        """The clearance form, a child of the banner's window, not of the banner: the
        banner's white-on-red style must not reach the form (it made it unreadable)."""
        return ClearanceDialog(self.window() if self.window() is not self else None)

    def record_clearance(self) -> None:
        if self.client_id is None or self.store_call is None:
            return
        given = self.ask_clearance()
        if given is None:
            return
        text, when = given
        client_id = self.client_id
        self.store_call(
            lambda store: store_calls.save_intake(
                store, client_id, {"red_flag_clearance": text, "red_flag_cleared_on": when}
            ),
            self._cleared,
            self._fail,
        )

    def _cleared(self, intake: Any) -> None:
        self.show_intake(intake)
        self.clearance_saved.emit(intake)

    def _fail(self, exc: BaseException) -> None:
        self.failed.emit(str(exc))
