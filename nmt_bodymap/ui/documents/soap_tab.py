"""The SOAP tab: Subjective, Objective, Assessment and Plan of the open visit.

Each section is stored by itself (``ChartStore.update_visit``) as soon as the therapist
pauses typing (``SAVE_DELAY_MS``), leaves the box, or opens another visit; the status line
says whether the text on screen is stored. "Fill empty sections" puts the chart's own
suggestions (:mod:`soap_text`) into the sections that are still empty, never over text the
therapist wrote. Signing and locking a visit is not here (it needs the signed-visit work).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.documents.soap_text import SECTIONS, soap_suggestions
from nmt_bodymap.ui.documents.visit_data import collect_visit
from nmt_bodymap.ui.i18n import tr, tr_noop

SAVE_DELAY_MS = 700
TITLES = {
    "subjective": tr_noop("&Subjective", "SOAP"),
    "objective": tr_noop("&Objective", "SOAP"),
    "assessment": tr_noop("&Assessment", "SOAP"),
    "plan": tr_noop("&Plan", "SOAP"),
}


class SoapTab(QWidget):
    def __init__(
        self, worker: StoreWorker, knowledge: KnowledgeBase, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("soap-tab")
        self.worker = worker
        self.knowledge = knowledge
        self.visit_id: int | None = None
        self._stored: dict[str, str] = {}
        self._serial = 0
        self.edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for name in SECTIONS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"soap-{name}")
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._schedule)
            edit.installEventFilter(self)
            label = QLabel(tr(TITLES[name], "SOAP"))
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[name] = edit
        self.suggest_button = QPushButton(tr("Fill empty sections from the char&t"))
        self.suggest_button.setToolTip(
            tr(
                "Objective from the marks, findings and assessment; Plan from the treatments, "
                "after-care and follow-up. Text you wrote is never replaced."
            )
        )
        self.suggest_button.clicked.connect(self.fill_suggestions)
        self.status = QLabel("")
        self.status.setObjectName("soap-status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.show_visit(None)

    # -- which visit -----------------------------------------------------------------------
    def show_visit(self, visit: Any | None) -> None:
        """Show ``visit``'s SOAP note (read fresh from the chart); unsaved text of the visit
        shown before is stored first."""
        if visit is not None and visit.id == self.visit_id:
            return  # the list was refreshed: keep what is being typed
        self.save_now()
        self._serial += 1
        self.visit_id = visit.id if visit is not None else None
        self._set_texts(dict.fromkeys(SECTIONS, ""))
        self._stored = dict.fromkeys(SECTIONS, "")
        enabled = visit is not None
        for edit in self.edits.values():
            edit.setEnabled(False)
        self.suggest_button.setEnabled(enabled)
        self.status.setText("" if enabled else tr("Open a visit to write its SOAP note."))
        if visit is None:
            return
        serial, visit_id = self._serial, visit.id
        self.worker.submit(
            lambda store: store.get_visit(visit_id),
            lambda record: self._loaded(serial, record),
            lambda error: self._failed(serial, error),
        )

    def _loaded(self, serial: int, record: Any) -> None:
        if serial != self._serial:
            return
        texts = {name: getattr(record, name) or "" for name in SECTIONS}
        self._stored = dict(texts)
        self._set_texts(texts)
        for edit in self.edits.values():
            edit.setEnabled(True)
        self.status.setText(tr("Stored."))

    def _set_texts(self, texts: dict[str, str]) -> None:
        for name, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setPlainText(texts[name])
            edit.blockSignals(False)

    # -- storing -----------------------------------------------------------------------------
    def texts(self) -> dict[str, str]:
        return {name: edit.toPlainText() for name, edit in self.edits.items()}

    def _schedule(self) -> None:
        self.status.setText(tr("Editing…"))
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Store on leaving a box, and when the window closes (before its worker stops)."""
        left_box = event.type() == QEvent.Type.FocusOut and watched in self.edits.values()
        closing = event.type() == QEvent.Type.Close and watched is self.window()
        if left_box or closing:
            self.save_now()
        return False

    def save_now(self) -> None:
        """Store the sections whose text differs from what is stored."""
        self._timer.stop()
        if self.visit_id is None:
            return
        changes = {n: t for n, t in self.texts().items() if t.strip() != self._stored.get(n, "")}
        if not changes:
            if self.status.text() == "Editing…":
                self.status.setText(tr("Stored."))
            return
        visit_id, serial = self.visit_id, self._serial
        self.status.setText(tr("Saving…"))
        self.worker.submit(
            lambda store: store.update_visit(visit_id, **changes),
            lambda record: self._saved(serial, record),
            lambda error: self._failed(serial, error),
        )

    def _saved(self, serial: int, record: Any) -> None:
        if serial != self._serial:
            return
        self._stored = {name: getattr(record, name) or "" for name in SECTIONS}
        if all(t.strip() == self._stored[n] for n, t in self.texts().items()):
            self.status.setText(tr("Stored."))

    def _failed(self, serial: int, error: BaseException) -> None:
        if serial == self._serial:
            self.status.setText(tr("Not stored: {error}").format(error=error))

    # -- suggestions --------------------------------------------------------------------------
    def fill_suggestions(self) -> None:
        if self.visit_id is None:
            return
        serial, visit_id = self._serial, self.visit_id
        self.worker.submit(
            lambda store: collect_visit(store, visit_id),
            lambda data: self._fill(serial, data),
            lambda error: self._failed(serial, error),
        )

    def _fill(self, serial: int, data: Any) -> None:
        if serial != self._serial:
            return
        suggestions = soap_suggestions(data, self.knowledge)
        for name, edit in self.edits.items():
            if not edit.toPlainText().strip() and suggestions[name]:
                edit.blockSignals(True)
                edit.setPlainText(suggestions[name])
                edit.blockSignals(False)
        self.save_now()


def install_soap_tab(window: Any) -> SoapTab:
    """Add the SOAP tab beside the window's other visit tabs, following the open visit."""
    tab = SoapTab(window.worker, window.knowledge)
    window.side_tabs.addTab(tab, tr("SOAP"))
    window.visits.visit_chosen.connect(tab.show_visit)
    window.installEventFilter(tab)
    return tab
