"""Sign visit… and Amend… (issue 16): the window's side of ``core/signing.py``.

"Sign visit…" (Ctrl+Shift+S) asks for confirmation and the signing therapist (the signed-in
account, else the settings' therapist), waits for every queued save, then stores the
signature. Signing is not on the undo stack: once stored it stays. A signed visit shows
"Signed by X on date" above the body map, and its editing panels (map, findings,
assessment, SOAP) are disabled; the store refuses any edit anyway. "Amend…" opens a form:
what to correct, the new text and a mandatory reason; the original is kept beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.signing import VISIT_TEXT_FIELDS, effective
from nmt_bodymap.ui.actions import menu_titled
from nmt_bodymap.ui.documents.signed import FIELD_TITLES
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.late_rooms import existing

if TYPE_CHECKING:
    from nmt_bodymap.ui.main_window import MainWindow

SIGN_SHORTCUT = "Ctrl+Shift+S"
# The window's editing parts a signature disables (attribute names on the main window).
EDITING_PARTS = ("body_map", "findings_panel", "assessment_panel")
EDITING_ACTIONS = (
    "edit-visit",
    "delete-visit",
    "delete-mark",
    "select-all-marks",
    "record-finding",
    "record-treatment",
)


class SignDialog(QDialog):
    """Confirm signing and name the signing therapist."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Sign visit"))
        self.setObjectName("sign-dialog")
        text = QLabel(
            tr(
                "Sign this visit? Once signed it is read-only: later corrections are recorded "
                "as amendments with a reason, and the original stays on the record. Signing "
                "cannot be undone."
            )
        )
        text.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.setObjectName("sign-name")
        form = QFormLayout()
        label = QLabel(tr("Signing &therapist"))
        label.setBuddy(self.name)
        form.addRow(label, self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("&Sign"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.ok.setEnabled(bool(name.strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)


class AmendDialog(QDialog):
    """What to correct, the new text and the reason (all required)."""

    def __init__(self, current: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Amend signed visit"))
        self.setObjectName("amend-dialog")
        self.current = current
        self.what = QComboBox()
        self.what.setObjectName("amend-what")
        for name in VISIT_TEXT_FIELDS:
            self.what.addItem(tr(FIELD_TITLES[name]), name)
        self.original = QLabel()
        self.original.setWordWrap(True)
        self.original.setObjectName("amend-original")
        self.text = QPlainTextEdit()
        self.text.setObjectName("amend-text")
        self.text.setTabChangesFocus(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("amend-reason")
        form = QFormLayout()
        for title, widget in (
            ("&What", self.what),
            ("Now on record", self.original),
            ("&New text", self.text),
            ("&Reason", self.reason),
        ):
            label = QLabel(title)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("Record &amendment"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.what.currentIndexChanged.connect(self._chosen)
        self.text.textChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._chosen()

    def field(self) -> str:
        return str(self.what.currentData())

    def _chosen(self) -> None:
        value = self.current.get(self.field(), "")
        self.original.setText(value or "(empty)")
        self.text.setPlainText(value)
        self._check()

    def _check(self) -> None:
        changed = self.text.toPlainText().strip() != self.current.get(self.field(), "").strip()
        self.ok.setEnabled(changed and bool(self.reason.text().strip()))

    def values(self) -> tuple[str, str, str]:
        return self.field(), self.text.toPlainText().strip(), self.reason.text().strip()


class SigningActions(QObject):
    """Sign visit… / Amend… and the signed state of the open visit in the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.visit: Any | None = None
        self.label = QLabel("")
        self.label.setObjectName("signed-label")
        self.label.setStyleSheet("color: #1d3f63; font-weight: 600; padding: 0 4px;")
        self.label.hide()

    # -- the open visit's state ------------------------------------------------------------
    def show_visit(self, visit: Any | None) -> None:
        self.visit = visit
        signed = visit is not None and getattr(visit, "signed_at", None) is not None
        if signed and visit is not None:
            when = visit.signed_at.astimezone().strftime("%d %B %Y, %H:%M")
            self.label.setText(
                tr("Signed by {signed_by} on {when} — read-only; corrections: Amend…").format(
                    signed_by=visit.signed_by, when=when
                )
            )
        self.label.setVisible(signed)
        for name in EDITING_PARTS:  # those built (a later room applies it when installed)
            part: Any = existing(self.window, name)
            if part is not None:
                part.setEnabled(not signed)
        for key in EDITING_ACTIONS:
            action = self.window.actions_by_key.get(key)
            if action is not None:
                action.setEnabled(not signed)
        self.window.visits.edit_button.setEnabled(visit is not None and not signed)
        self.window.actions_by_key["sign-visit"].setEnabled(visit is not None and not signed)
        self.window.actions_by_key["amend-visit"].setEnabled(signed)
        soap = getattr(existing(self.window, "documents"), "soap_tab", None)
        if soap is not None:
            soap.set_signed(signed)
        self.candidate_buttons()

    @property
    def signed(self) -> bool:
        return self.visit is not None and getattr(self.visit, "signed_at", None) is not None

    def candidate_buttons(self, *_args: Any) -> None:
        """The candidates panel's Record finding/treatment: off on a signed visit (the panel
        turns them on with each current candidate; this runs after it)."""
        panel: Any = existing(self.window, "candidates")
        if panel is None or not self.signed:
            return
        panel.finding_button.setEnabled(False)
        panel.treatment_button.setEnabled(False)

    def signed_elsewhere(self, record: Any) -> None:
        """The change watcher saw the open visit signed (or amended) at another station."""
        if self.visit is None or record.id != self.visit.id:
            return
        was_signed = self.signed
        self.show_visit(record)
        if self.signed and not was_signed:
            self.window.visits.reload()
            self.window.show_status(
                tr(
                    "This visit was signed at another station by {signed_by}; it is read-only."
                ).format(signed_by=record.signed_by)
            )

    def _after_store(self, record: Any, message: str) -> None:
        if self.visit is None or record.id != self.visit.id:
            return
        self.show_visit(record)
        self.window.visits.reload()  # the list holds the signed record too
        self.window.show_status(message)

    # -- signing ----------------------------------------------------------------------------
    def ask_name(self, name: str) -> str | None:
        """The signing dialog (patched in tests); the name, or None when cancelled."""
        dialog = SignDialog(name, self.window)
        return dialog.name.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def sign(self) -> None:
        visit, w = self.visit, self.window
        if visit is None:
            w.show_status(tr("Open a visit first."))
            return
        if visit.signed_at is not None:
            w.show_status(tr("This visit is already signed."))
            return
        soap = getattr(getattr(w, "documents", None), "soap_tab", None)
        if soap is not None:
            soap.save_now()
        if w.open_visit.busy() or w.open_visit.unsaved():
            w.show_error(tr("Some changes are not saved yet; sign once every change is stored."))
            return
        from nmt_bodymap.settings import load_settings

        name = self.ask_name(w.open_visit.who or load_settings().therapist_name)
        if not name:
            return
        doc = w.open_visit.doc
        version = (
            doc.visit_state.version if doc is not None and w.marks.visit_id == visit.id else None
        )
        visit_id = visit.id
        w.worker.submit(
            lambda store: store.sign_visit(visit_id, name, version),
            lambda record: self._after_store(record, f"Visit signed by {record.signed_by}."),
            lambda exc: w.show_error(tr("The visit was not signed: {exc}").format(exc=exc)),
        )

    # -- amending -----------------------------------------------------------------------------
    def ask_amendment(self, current: dict[str, str]) -> tuple[str, str, str] | None:
        """The amendment form (patched in tests): (field, new text, reason) or None."""
        dialog = AmendDialog(current, self.window)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def amend(self) -> None:
        visit, w = self.visit, self.window
        if visit is None or visit.signed_at is None:
            w.show_status(tr("Only a signed visit is amended; an unsigned one is edited directly."))
            return
        visit_id = visit.id

        def current(store: Any) -> dict[str, str]:
            stored = store.get_visit(visit_id)
            listed = store.list_amendments(visit_id)
            return {
                name: effective(getattr(stored, name), listed, stored.uid, name) or ""
                for name in VISIT_TEXT_FIELDS
            }

        def record(values: dict[str, str]) -> None:
            chosen = self.ask_amendment(values)
            if chosen is None:
                return
            field, text, reason = chosen
            w.worker.submit(
                lambda store: store.amend(visit_id, "visit", visit.uid, field, text, reason),
                lambda _a: w.show_status(tr("Amendment recorded; the original is kept.")),
                lambda exc: w.show_error(
                    tr("The amendment was not recorded: {exc}").format(exc=exc)
                ),
            )

        w.worker.submit(current, record, w.show_error)


def install_signing(window: MainWindow) -> SigningActions:
    """File > Sign visit… (Ctrl+Shift+S) and Amend signed visit…, after Delete visit…; the
    "Signed by" line above the body map; follows the chosen visit."""
    signing = SigningActions(window)
    watcher: Any = existing(window, "change_watcher")
    if watcher is not None:
        watcher.visit_signed.connect(signing.signed_elsewhere)
    candidates: Any = existing(window, "candidates")
    if candidates is not None:
        candidates.tree.currentItemChanged.connect(signing.candidate_buttons)
    centre = window.visit_label.parentWidget()  # the map's column (ui/window_panels.py)
    layout = centre.layout() if centre is not None else None
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.indexOf(window.visit_label) + 1, signing.label)
    menu = menu_titled(window, "File")
    specs = (
        ("sign-visit", tr("Si&gn visit…"), SIGN_SHORTCUT, signing.sign),
        ("amend-visit", tr("&Amend signed visit…"), "", signing.amend),
    )
    anchor = window.actions_by_key.get("delete-visit")
    items = menu.actions() if menu is not None else []
    before = items[items.index(anchor) + 1] if anchor in items and anchor != items[-1] else None
    for key, text, shortcut, slot in specs:
        action = QAction(text, window)
        action.setObjectName(f"action-{key}")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        window.addAction(action)
        window.actions_by_key[key] = action
        if menu is not None:
            menu.insertAction(before, action) if before is not None else menu.addAction(action)
    window.visits.visit_chosen.connect(signing.show_visit)
    visit = window.visits.current_visit()  # the visit shown, when installed after it
    signing.show_visit(visit if visit is not None and visit.id == window.marks.visit_id else None)
    return signing
