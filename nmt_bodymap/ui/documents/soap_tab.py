"""The SOAP tab: Subjective, Objective, Assessment and Plan of the open visit.

Each section is stored by itself (``ChartStore.update_visit``) as soon as the therapist
pauses typing (``SAVE_DELAY_MS``), leaves the box, or opens another visit; the status line
says whether the text on screen is stored. "Fill empty sections" puts the chart's own
suggestions (:mod:`soap_text`) into the sections that are still empty, never over text the
therapist wrote; so does a clinic template (``soap_templates.yaml`` in the data folder,
``core/soap_templates.py``). A signed visit's note is shown read-only (``set_signed``;
corrections are amendments, ``ui/chart/sign_dialog.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.ui.chart import store_calls
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.documents.soap_text import SECTIONS, soap_suggestions
from nmt_bodymap.ui.documents.visit_data import collect_visit
from nmt_bodymap.ui.i18n import tr, tr_noop

if TYPE_CHECKING:
    from nmt_bodymap.ui.documents.menu import DocumentWindow

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
        self.signed = False
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
        self.template_box = QComboBox()
        self.template_box.setObjectName("soap-template")
        self.template_box.setToolTip(
            tr(
                "The clinic's templates (soap_templates.yaml in the data folder); a template "
                "fills the empty sections only"
            )
        )
        self.template_box.activated.connect(self._template_chosen)
        self.templates: tuple[Any, ...] = ()
        self.load_templates()
        # The side panel must fit a 1280-px-wide screen (1920 at 150 %): the template list
        # sizes to a few characters, the status wraps on its own line.
        self.template_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_box.setMinimumContentsLength(12)
        self.status = QLabel("")
        self.status.setObjectName("soap-status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button)
        buttons.addWidget(self.template_box)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._open: Any = None  # the window's OpenVisit, when attached
        self._stack: Any = None  # the window's undo stack
        self.show_visit(None)

    def attach(self, open_visit: Any, undo_stack: Any) -> None:
        """Store edits of the open visit as operations on the window's undo stack (Ctrl+Z
        takes a SOAP edit back like any other), and follow undo/redo and other stations."""
        self._open, self._stack = open_visit, undo_stack
        open_visit.changed.connect(self._doc_changed)
        open_visit.status_changed.connect(self._doc_status)

    def _doc(self) -> Any:
        """The open visit's document when it holds the visit shown here, else None."""
        open_visit = self._open
        if open_visit is None or self.visit_id is None or open_visit.visit_id != self.visit_id:
            return None
        return open_visit.doc

    def _doc_changed(self, change: Any) -> None:
        from nmt_bodymap.core.operations import Change

        doc = self._doc()
        if doc is None or not (change.flags & Change.VISIT) or self._timer.isActive():
            return
        texts = {name: str(doc.visit_state.values.get(name) or "") for name in SECTIONS}
        self._stored = dict(texts)
        if any(self.edits[n].toPlainText().strip() != t for n, t in texts.items()):
            self._set_texts(texts)

    def _doc_status(self, rows: Any) -> None:
        doc = self._doc()
        if doc is None or doc.visit not in rows:
            return
        state, why = self._open.status(doc.visit)
        if state == "saved" and self.status.text() == "Saving…":
            self.status.setText(tr("Stored."))
        elif state == "unsaved":
            self.status.setText(tr("Not stored: {why}").format(why=why))

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
            lambda store: store_calls.get_visit(store, visit_id),
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
        self.set_signed(getattr(record, "signed_at", None) is not None)
        self.status.setText(tr("Signed: read-only.") if self.signed else tr("Stored."))

    def set_signed(self, signed: bool) -> None:
        """A signed visit's note is read-only (the store refuses an edit anyway)."""
        if signed:
            self.save_now()  # nothing typed is lost: a refused save says so in the status
        self.signed = signed
        for edit in self.edits.values():
            edit.setReadOnly(signed)
        self.suggest_button.setEnabled(self.visit_id is not None and not signed)

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
        doc = self._doc()
        if doc is not None:
            self._push(doc, {name: text.strip() for name, text in changes.items()})
            return
        self.worker.submit(
            lambda store: store_calls.update_visit(store, visit_id, changes),
            lambda record: self._saved(serial, record),
            lambda error: self._failed(serial, error),
        )

    def _push(self, doc: Any, changes: dict[str, str]) -> None:
        """One undoable operation for the changed sections (refused: the stored text)."""
        from nmt_bodymap.core.operations import RowKind
        from nmt_bodymap.ui.chart.commands import push_operations

        op = doc.change_op(RowKind.VISIT, doc.visit, **changes)
        self._stored.update(changes)
        command = push_operations(self._stack, self._open, [op], tr("Edit SOAP note"))
        if command is None:
            self.status.setText(tr("Not stored: the visit refused the change."))
        elif not self._open.queued(doc.visit):
            self.status.setText(tr("Stored."))

    def _saved(self, serial: int, record: Any) -> None:
        if serial != self._serial:
            return
        self._stored = {name: getattr(record, name) or "" for name in SECTIONS}
        if all(t.strip() == self._stored[n] for n, t in self.texts().items()):
            self.status.setText(tr("Stored."))

    def _failed(self, serial: int, error: BaseException) -> None:
        if serial == self._serial:
            self.status.setText(tr("Not stored: {error}").format(error=error))

    # -- the clinic's templates ----------------------------------------------------------------
    def load_templates(self, folder: Any = None) -> None:
        """Offer the templates of the data folder (or ``folder``); a bad file says why."""
        from nmt_bodymap import paths
        from nmt_bodymap.core.soap_templates import FILE_NAME, TemplateError, load_templates

        path = (folder if folder is not None else paths.data_dir(create=False)) / FILE_NAME
        self.template_box.clear()
        try:
            self.templates = load_templates(path)
        except TemplateError as exc:
            self.templates = ()
            self.template_box.addItem(tr("Templates unusable"))
            self.template_box.setToolTip(str(exc))
            self.template_box.setEnabled(False)
            return
        self.template_box.addItem(tr("Use template…") if self.templates else tr("No templates"))
        for template in self.templates:
            self.template_box.addItem(template.name)
        self.template_box.setEnabled(bool(self.templates))

    def _template_chosen(self, index: int) -> None:
        self.template_box.setCurrentIndex(0)
        if index < 1 or self.visit_id is None or self.signed:
            return
        self.use_template(self.templates[index - 1])

    def use_template(self, template: Any) -> None:
        """Fill the empty sections from ``template`` and store them."""
        from nmt_bodymap.core.soap_templates import fill_empty

        filled = fill_empty(self.texts(), template)
        for name, edit in self.edits.items():
            if edit.toPlainText() != filled[name]:
                edit.blockSignals(True)
                edit.setPlainText(filled[name])
                edit.blockSignals(False)
        self.save_now()

    # -- suggestions --------------------------------------------------------------------------
    def fill_suggestions(self) -> None:
        if self.visit_id is None or self.signed:
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


def install_soap_tab(window: DocumentWindow) -> SoapTab:
    """Add the SOAP tab beside the window's other visit tabs, following the open visit."""
    tab = SoapTab(window.worker, window.knowledge)
    window.side_tabs.addTab(tab, tr("SOAP"))
    window.visits.visit_chosen.connect(tab.show_visit)
    window.installEventFilter(tab)
    tab.attach(window.open_visit, window.undo_stack)  # SOAP edits are undoable operations
    visit = window.visits.current_visit()  # installed after the visit was chosen (issue 18)
    if visit is not None:
        tab.show_visit(visit)
    return tab
