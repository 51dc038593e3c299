"""The selected client's visits, newest first, and starting a new visit.

Each visit shows a thumbnail of its pain marks (both outlines with a dot per mark, drawn
by Qt: ``ui/chart/thumbnail_painter``), drawn on the worker while it reads the marks; the
open visit's thumbnail follows its marks as they are placed, moved or removed
(:meth:`VisitPanel.follow_marks`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
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
from nmt_bodymap.ui.chart.visit_dialog import RowCommand, VisitDialog, delete_op, visit_change_op
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from nmt_bodymap.store.records import ClientRecord, VisitRecord
    from nmt_bodymap.ui.chart.visit_marks import VisitMarks

THUMB_HEIGHT = 56


PIXEL_RATIO = 2  # thumbnails are drawn at twice their size: sharp on high-DPI screens


def thumbnail_icon(picture: bytes | QImage) -> QIcon:
    """The thumbnail (PNG bytes or a picture) as an icon; selected rows show it untinted."""
    if isinstance(picture, QImage):
        pixmap = QPixmap.fromImage(picture)
    else:
        pixmap = QPixmap()
        pixmap.loadFromData(picture, "PNG")
    pixmap.setDevicePixelRatio(PIXEL_RATIO)
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):
        icon.addPixmap(pixmap, mode)
    return icon


def visit_thumbnails(store: Any, visit_ids: list[int]) -> dict[int, QImage]:
    """Worker job: the marks thumbnail of each visit (drawn by Qt: no Pillow, issue 18)."""
    from nmt_bodymap.ui.chart.thumbnail_painter import paint_thumbnail  # not before a click

    return {
        vid: paint_thumbnail(store_calls.list_pain_marks(store, vid), THUMB_HEIGHT * PIXEL_RATIO)
        for vid in visit_ids
    }


def visit_line(visit: Any) -> str:
    when = visit.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    complaint = visit.chief_complaint.strip().splitlines()[0] if visit.chief_complaint else ""
    return f"{when}  ·  {complaint}" if complaint else when


class VisitPanel(QWidget):
    """Lists visits of one client; emits the chosen visit (the newest is chosen on load)."""

    visit_chosen = Signal(object)  # VisitRecord or None
    visit_stored = Signal(object)  # VisitRecord of an edit, delete or restore (or its undo)
    failed = Signal(str)
    status_message = Signal(str)
    undo_stack: QUndoStack | None = None  # the window's (set when the window is built)
    # A deferred start draws the first listing's thumbnails once the first visit is on
    # screen (issue 18): their job would otherwise queue in front of the visit's document.
    hold_thumbnails = False

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._client: ClientRecord | None = None
        self._serial = 0
        self.title = QLabel(tr("Visits"))
        self.title.setStyleSheet("font-weight: 600;")
        self.list = QListWidget()
        self.list.setObjectName("visit-list")
        self.list.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setIconSize(QSize(THUMB_HEIGHT, THUMB_HEIGHT))
        self.list.setAccessibleName(tr("Visits of the client"))
        self._marks_model: VisitMarks | None = None
        self._held: Callable[[], object] | None = None
        # ``visit`` at the version the screen holds: the window points this at the open
        # visit's document, which counts its saves still queued (ui/chart/visit_dialog.py).
        self.version_shown: Callable[[VisitRecord], VisitRecord] = _as_listed
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setSingleShot(True)
        self._thumb_timer.setInterval(150)
        self._thumb_timer.timeout.connect(self._redraw_open_visit)
        self.new_button = QPushButton(tr("New &visit…"))
        self.new_button.setMinimumHeight(32)
        self.new_button.setEnabled(False)
        self.new_button.clicked.connect(self.new_visit)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_menu)
        self.edit_button = QPushButton(tr("Edit visit…"))  # Alt+E is the client form's
        self.edit_button.setMinimumHeight(32)
        self.edit_button.setToolTip(tr("Change the date, time or chief complaint of the visit"))
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self.edit_visit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    @property
    def client(self) -> ClientRecord | None:
        return self._client

    def current_visit(self) -> VisitRecord | None:
        item = self.list.currentItem()
        return self._visit_of(item) if item is not None else None

    def _visit_of(self, item: QListWidgetItem | None) -> VisitRecord:
        assert item is not None  # a row of the list
        visit: VisitRecord = item.data(Qt.ItemDataRole.UserRole)
        return visit

    def visit_before(self, visit: VisitRecord) -> VisitRecord | None:
        """The client's visit just before ``visit`` (the list is newest first)."""
        for row in range(self.list.count() - 1):
            if self._visit_of(self.list.item(row)).id == visit.id:
                return self._visit_of(self.list.item(row + 1))
        return None

    def show_client(self, client: ClientRecord | None, select_id: int | None = None) -> None:
        """List the visits of ``client`` and choose ``select_id`` (default: the newest)."""
        same = client is not None and self._client is not None and client.id == self._client.id
        if same and select_id is None and self.current_visit() is not None:
            self._client = client
            return
        self._client = client
        self._serial += 1
        serial = self._serial
        self.new_button.setEnabled(client is not None)
        self.title.setText(
            tr("Visits — {name}").format(name=client.name) if client is not None else tr("Visits")
        )
        if client is None:
            self._fill(serial, [], None)
            return
        self._worker.submit(
            lambda store: store_calls.list_visits(store, client.id),
            lambda visits: self._fill(serial, visits, select_id),
            lambda exc: self.failed.emit(tr("The visits could not be read: {exc}").format(exc=exc)),
        )

    def _fill(self, serial: int, visits: list[Any], select_id: int | None) -> None:
        if serial != self._serial:
            return
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for visit in visits:
            item = QListWidgetItem(visit_line(visit))
            item.setData(Qt.ItemDataRole.UserRole, visit)
            self.list.addItem(item)
            if chosen is None and (select_id is None or visit.id == select_id):
                chosen = item
        self.list.blockSignals(False)
        if visits:
            ids = [v.id for v in visits]
            self._thumbnails_job(
                lambda: self._worker.submit(
                    lambda store: visit_thumbnails(store, ids),
                    lambda thumbs: self._show_thumbnails(serial, thumbs),
                    lambda _exc: None,  # a thumbnail is a nicety: the list stands without it
                )
            )
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        else:
            self.visit_chosen.emit(None)

    def _thumbnails_job(self, submit: Callable[[], object]) -> None:
        if self.hold_thumbnails:
            self._held = submit  # only the newest listing's are drawn
        else:
            submit()

    def release_thumbnails(self) -> None:
        """Draw the thumbnails held back (and every later listing's at once)."""
        self.hold_thumbnails = False
        submit, self._held = self._held, None
        if submit is not None:
            submit()

    def item_of(self, visit_id: int) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole).id == visit_id:
                return item
        return None

    def _show_thumbnails(self, serial: int, thumbs: dict[int, QImage]) -> None:
        if serial != self._serial:
            return
        for visit_id, picture in thumbs.items():
            item = self.item_of(visit_id)
            if item is not None:
                item.setIcon(thumbnail_icon(picture))

    def follow_marks(self, marks: VisitMarks) -> None:
        """Keep the open visit's thumbnail in step with the marks model (VisitMarks)."""
        self._marks_model = marks
        for signal in ("mark_added", "mark_changed", "mark_removed"):
            getattr(marks, signal).connect(self._marks_moved)

    def _marks_moved(self, _key: str) -> None:
        self._thumb_timer.start()  # one redraw for a burst of changes (a drag, undo)

    def _redraw_open_visit(self) -> None:
        model = self._marks_model
        if model is None or model.visit_id is None:
            return
        item = self.item_of(model.visit_id)
        if item is not None:  # a few hundred microseconds here: no worker round trip
            from nmt_bodymap.ui.chart.thumbnail_painter import paint_thumbnail

            item.setIcon(thumbnail_icon(paint_thumbnail(model.marks(), THUMB_HEIGHT * PIXEL_RATIO)))

    def ask_chief_complaint(self) -> str | None:
        """Ask what brings the client in today (None: cancelled). Patched in tests."""
        text, ok = QInputDialog.getText(self, tr("New visit"), tr("Chief complaint (optional):"))
        return text.strip() if ok else None

    def new_visit(self) -> None:
        client = self._client
        if client is None:
            self.status_message.emit(tr("Choose a client first"))
            return
        complaint = self.ask_chief_complaint()
        if complaint is None:
            return
        self._worker.submit(
            lambda store: store_calls.create_visit(store, client.id, complaint),
            lambda visit: self._created(visit),
            lambda exc: self.failed.emit(
                tr("The visit could not be started: {exc}").format(exc=exc)
            ),
        )

    def _created(self, visit: Any) -> None:
        self.status_message.emit(tr("New visit started and saved"))
        self._client_id_refresh(visit.id)

    def _client_id_refresh(self, visit_id: int | None) -> None:
        client = self._client
        self._client = None
        self.show_client(client, select_id=visit_id)

    def reload(self) -> None:
        """List the visits again (another station added one); the chosen visit stays chosen
        (the one chosen when the list answers, so a visit just started here is kept)."""
        client, serial = self._client, self._serial
        if client is not None:
            self._worker.submit(
                lambda store: store_calls.list_visits(store, client.id),
                lambda visits: self._refill(serial, visits),
                lambda exc: self.failed.emit(
                    tr("The visits could not be read: {exc}").format(exc=exc)
                ),
            )

    def _refill(self, serial: int, visits: list[Any]) -> None:
        if serial == self._serial:  # else a newer listing is on its way
            current = self.current_visit()
            self._fill(serial, visits, current.id if current is not None else None)

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.edit_button.setEnabled(current is not None)
        self.visit_chosen.emit(current.data(Qt.ItemDataRole.UserRole) if current else None)

    # -- editing, backdating and deleting a visit (undoable) --------------------------------
    def context_menu(self) -> QMenu:
        """The visit list's menu (Edit visit…, Delete visit…) for the current visit."""
        menu = QMenu(self)
        menu.addAction(tr("&Edit visit…"), self.edit_visit)
        menu.addAction(tr("&Delete visit…"), self.delete_visit)
        for action in menu.actions():
            action.setEnabled(self.current_visit() is not None)
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        self.context_menu().exec(self.list.viewport().mapToGlobal(pos))

    def ask_visit(self, visit: Any) -> dict[str, Any] | None:
        """Run the visit dialog (patched in tests); None when cancelled."""
        dialog = VisitDialog(visit, self)
        return dialog.values() if dialog.exec() else None

    def ask_delete(self, text: str) -> bool:
        answer = QMessageBox.question(self, tr("Delete visit"), text)
        return answer == QMessageBox.StandardButton.Yes

    def edit_visit(self) -> None:
        visit, client = self.current_visit(), self._client
        visit = None if visit is None else self.version_shown(visit)
        if visit is None or client is None:
            self.status_message.emit(tr("Choose a visit first"))
            return
        values = self.ask_visit(visit)
        op = None if values is None else visit_change_op(visit, **values)
        if op is not None:
            self._push(op, client, tr("Edit visit"))

    def delete_visit(self) -> None:
        visit, client = self.current_visit(), self._client
        visit = None if visit is None else self.version_shown(visit)
        if visit is None or client is None:
            self.status_message.emit(tr("Choose a visit first"))
            return
        when = visit.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        text = (
            f"Delete the visit of {when}? It is hidden from the visit list with its pain "
            "marks, findings and treatments; Edit > Undo (Ctrl+Z) brings it back."
        )
        if self.ask_delete(text):
            self._push(delete_op(RowKind.VISIT, visit), client, tr("Delete visit"))

    def _push(self, op: Any, client: Any, text: str) -> None:
        command = RowCommand(
            self._worker,
            op,
            client.uid,
            text,
            lambda applied, undone: self._stored(applied, undone, text),
            self._refused,
        )
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()

    def _refused(self, message: str) -> None:
        """Say why in one line and show the visits as stored (another station may have
        changed or removed the visit)."""
        self.failed.emit(message)
        visit = self.current_visit()
        if self._client is not None:
            self._client_id_refresh(None if visit is None else visit.id)

    def _stored(self, applied: Any, undone: bool, text: str) -> None:
        visit = applied.record
        self.visit_stored.emit(visit)
        self.status_message.emit(f"Undone: {text.lower()}" if undone else f"Saved: {text.lower()}")
        if self._client is not None and visit.client_id == self._client.id:
            # The list re-sorts; a deleted visit is gone and the newest one is opened.
            gone = applied.op.op is OpKind.DELETE
            self._client_id_refresh(None if gone else visit.id)


def _as_listed(visit: VisitRecord) -> VisitRecord:
    """The visit as the list holds it (until the window hooks in its open document)."""
    return visit
