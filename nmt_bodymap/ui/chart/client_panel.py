"""Find a client as you type (name, date of birth or birth year), add or edit one.

Searches run on the store worker; only the newest answer is shown, so fast
typing never shows stale results.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.operations import OpKind, RowKind
from nmt_bodymap.ui.chart import store_calls
from nmt_bodymap.ui.chart.visit_dialog import RowCommand, delete_op
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from nmt_bodymap.store.records import ClientRecord

_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\s*$")
_YEAR = re.compile(r"^\s*(1[89]\d\d|2\d\d\d)\s*$")
SEARCH_LIMIT = 200  # clients listed for one search


def birth_year(text: str) -> int | None:
    """The year when the search box holds a four-digit birth year (``1975``), else None."""
    match = _YEAR.match(text)
    return int(match.group(1)) if match else None


def clients_born_in(store: Any, year: int) -> list[Any]:
    """Worker job: the clients born in ``year``, by name (the store filters in SQL, on the
    indexed date of birth)."""
    return list(store.search_clients("", born_in=year, limit=SEARCH_LIMIT))


def parse_search(text: str) -> tuple[str, date | None]:
    """Split the search box into a name prefix and a date of birth (2001-04-30 or 30.04.2001)."""
    for pattern, order in ((_DATE, (0, 1, 2)), (_DMY, (2, 1, 0))):
        match = pattern.match(text)
        if match:
            parts = [int(g) for g in match.groups()]
            try:
                return "", date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                return "", None
    return text.strip(), None


def client_line(client: Any) -> str:
    born = (
        tr("  ·  born {date_of_birth:%Y-%m-%d}").format(date_of_birth=client.date_of_birth)
        if client.date_of_birth
        else ""
    )
    demo = tr("  ·  demo") if getattr(client, "is_demo", False) else ""
    return f"{client.name}{born}{demo}"


class ClientPanel(QWidget):
    """Search box, client list and new/edit buttons; emits the chosen client record."""

    client_chosen = Signal(object)  # ClientRecord or None
    client_opened = Signal()  # the therapist chose a client (Enter, click): charting starts
    new_client_requested = Signal()
    edit_client_requested = Signal()
    failed = Signal(str)
    status_message = Signal(str)
    undo_stack: QUndoStack | None = None  # the window's (set when the window is built)

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._search_serial = 0
        self._select_id: int | None = None
        self._select_first = False
        self._open: ClientRecord | None = None  # the client whose chart is open
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("client-search")
        self.search_edit.setPlaceholderText(tr("Search name, date of birth or birth year (Ctrl+K)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumHeight(32)
        self.list = QListWidget()
        self.list.setObjectName("client-list")
        self.list.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty_label = QLabel("")
        self.empty_label.setWordWrap(True)
        self.new_button = QPushButton(tr("&New client…"))
        self.edit_button = QPushButton(tr("&Edit…"))
        for button in (self.new_button, self.edit_button):
            button.setMinimumHeight(32)
        self.edit_button.setEnabled(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self._choose_first)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda _item: self.client_opened.emit())
        self.list.itemClicked.connect(lambda _item: self.client_opened.emit())
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_menu)
        self.new_button.clicked.connect(self.new_client_requested)
        self.edit_button.clicked.connect(self.edit_client_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(tr("Clients"))
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)

    def current_client(self) -> ClientRecord | None:
        """The client whose chart is open (it stays open while a search lists others)."""
        item = self.list.currentItem()
        if item is None:
            return self._open
        client: ClientRecord = item.data(Qt.ItemDataRole.UserRole)
        return client

    def refresh(self, select_id: int | None = None, select_first: bool = False) -> None:
        """Run the search for the box's text; ``select_id`` is chosen when it is listed
        (``select_first``: the first client found, as on start-up)."""
        self._select_first = select_first
        if select_id is not None:
            self._select_id = select_id
        elif self._select_id is None and (current := self.current_client()) is not None:
            self._select_id = current.id
        self._search_serial += 1
        serial = self._search_serial
        name, born = parse_search(self.search_edit.text())
        year = birth_year(name)

        def job(store: Any) -> list[Any]:
            if year is not None:
                return clients_born_in(store, year)
            return store_calls.search_clients(store, name, born)

        self._worker.submit(
            job,
            lambda clients: self._show(serial, clients),
            lambda exc: self.failed.emit(tr("Client search failed: {exc}").format(exc=exc)),
        )

    def _show(self, serial: int, clients: list[Any]) -> None:
        if serial != self._search_serial:
            return  # an older search answered late
        wanted, self._select_id = self._select_id, None
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QListWidgetItem | None = None
        for client in clients:
            item = QListWidgetItem(client_line(client))
            item.setData(Qt.ItemDataRole.UserRole, client)
            self.list.addItem(item)
            if client.id == wanted:
                chosen = item
        self.list.blockSignals(False)
        text = self.search_edit.text().strip()
        self.empty_label.setText(
            tr("No client matches “{text}”.").format(text=text) if text and not clients else ""
        )
        self.empty_label.setVisible(bool(text and not clients))
        if chosen is None and self._select_first and self.list.count():
            chosen = self.list.item(0)
        self._select_first = False
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        # A search that does not list the open client leaves its chart open: only
        # choosing another client changes the chart ("No client matches" never closes it).

    def _choose_first(self) -> None:
        if self.list.count():
            self.list.setCurrentRow(0)
            self.client_opened.emit()

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        client = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self._open = client
        self.edit_button.setEnabled(client is not None)
        self.client_chosen.emit(client)

    # -- deleting a client (soft delete, undoable) -----------------------------------------
    def _show_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(tr("&Edit client…"), self.edit_client_requested.emit)
        menu.addAction(tr("&Delete client…"), self.delete_client)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def ask_delete(self, text: str) -> bool:
        answer = QMessageBox.question(self, tr("Delete client"), text)
        return answer == QMessageBox.StandardButton.Yes

    def delete_client(self) -> None:
        """Hide the open client (and the visits with it) from lists and searches; undoable."""
        client = self.current_client()
        if client is None:
            self.status_message.emit(tr("Choose a client to delete"))
            return
        text = (
            f"Delete the client {client.name} and hide their chart (every visit) from the "
            "client list and searches? Edit > Undo (Ctrl+Z) brings it back."
        )
        if not self.ask_delete(text):
            return
        command = RowCommand(
            self._worker,
            delete_op(RowKind.CLIENT, client),
            client.uid,
            tr("Delete client"),
            self._stored,
            self.failed.emit,
        )
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()

    def _stored(self, applied: Any, undone: bool) -> None:
        client = applied.record
        if applied.op.op is OpKind.DELETE:
            self.status_message.emit(tr("Client deleted (Ctrl+Z brings it back)"))
            if self._open is not None and self._open.id == client.id:
                self.list.blockSignals(True)
                self.list.setCurrentItem(None)  # type: ignore[call-overload]  # stubs: None is allowed
                self.list.blockSignals(False)
                self._on_current(None, None)  # the chart closes before the list is read
            self.refresh(select_first=True)
        else:
            self.status_message.emit("Client restored" + (" (undone)" if undone else ""))
            self.search_edit.clear()
            self.refresh(select_id=client.id)
