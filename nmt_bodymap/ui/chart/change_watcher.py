"""Another station's changes, shown without a click: poll the store's change token.

Every second a small job on the store worker asks ``store.change_token()`` (SQLite's
``PRAGMA data_version`` and the newest history id; cheap). Only when it moved does the job
read the new history entries, and only when one of them names the open visit does it read
that visit again; the GUI thread then puts in the rows that are newer than the screen's
(:meth:`OpenVisit.put_rows`). Signing (or amending) the open visit elsewhere appends a
history entry, so the token moves: the job then reads the visit's record too and
``visit_signed`` carries it (the window disables editing within one poll). No polling work
runs on the GUI thread; a row with a save of ours still queued is left alone (the store
will refuse the stale one as a conflict).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from nmt_bodymap.ui.chart.open_visit import OpenVisit
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from nmt_bodymap.ui.main_window import MainWindow

POLL_MS = 1000
ENTRIES = 1000  # history entries read per poll; more: the open visit is read whole
SIGNING_OPS = ("sign", "amend")  # history ops that change a visit's signed state


def _poll(store: Any, last: int | None, visit_id: int | None, visit_uid: str | None) -> Any:
    """Worker thread: (newest history id, kinds changed, the open visit's changed rows as
    (kind, uid, version) or None when they cannot all be named (too many entries), the
    open visit's record when it was signed or amended elsewhere, else None)."""
    _version, newest = store.change_token()
    if last is None or newest == last:
        return newest, set(), [], None
    entries = store.changes_since(last, limit=ENTRIES)
    kinds = {e.kind for e in entries}
    ours = [e for e in entries if visit_id is not None and e.visit == visit_uid]
    named = [(e.kind, e.row, e.version) for e in ours] if len(entries) < ENTRIES else None
    record = None
    if any(e.op in SIGNING_OPS for e in ours):
        record = store.get_visit(visit_id)
    return newest, kinds, named, record


def _visit_rows(store: Any, visit_id: int) -> list[tuple[Any, str, dict[str, Any], int, bool]]:
    """Worker thread: every row of the visit as stored (kind, uid, values, version, removed)."""
    doc = store.load_visit_document(visit_id)
    return [(kind, uid, dict(s.values), s.version, s.deleted) for kind, uid, s in doc]


class ChangeWatcher(QObject):
    """Polls for changes made elsewhere and brings the open visit up to date."""

    other_change = Signal(set)  # kinds of rows another station changed (clients, visits...)
    visit_signed = Signal(object)  # the open visit's record, signed or amended elsewhere

    def __init__(
        self, worker: StoreWorker, visit: OpenVisit, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._visit = visit
        self._last: int | None = None
        self._polling = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()
        self.poll()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        if self._polling:
            return  # the last poll is still queued (a slow disk): never pile them up
        self._polling = True
        visit = self._visit
        # The first poll starts from the open visit's read, not from now: a change made
        # elsewhere in between is still brought in (the rows' versions tell what is new).
        last = self._last if self._last is not None else visit.read_at
        visit_id = visit.visit_id
        visit_uid = visit.doc.visit if visit.doc is not None else None
        self._worker.submit(
            lambda store: _poll(store, last, visit_id, visit_uid),
            lambda result: self._polled(visit_id, result),
            self._failed,
        )

    def _failed(self, _exc: BaseException) -> None:
        self._polling = False  # the next poll tries again; a save failure is told elsewhere

    def _polled(self, visit_id: int | None, result: Any) -> None:
        newest, kinds, named, record = result
        visit = self._visit
        if visit_id == visit.visit_id and visit_id is not None and self._newer(named):
            # another station changed the open visit: read it (the window's own saves are
            # on screen already, at the version the store gave them: nothing to read)
            self._worker.submit(
                lambda store: _visit_rows(store, visit_id),
                lambda rows: self._read(visit_id, newest, rows),
                self._failed,
            )
        else:
            self._polling = False
            self._last = newest
        if record is not None and visit_id == visit.visit_id:
            self.visit_signed.emit(record)
        if kinds:
            self.other_change.emit(set(kinds))

    def _newer(self, named: list[tuple[str, str, int]] | None) -> bool:
        """A change the screen does not show yet (None: too many to name, read it)."""
        doc = self._visit.doc
        if doc is None:
            return False
        if named is None:
            return True
        try:
            return any(
                (doc.version(kind, uid) or 0) < version and not self._visit.queued(uid)
                for kind, uid, version in named
            )
        except (KeyError, ValueError):  # a kind the document does not hold: read it
            return True

    def _read(self, visit_id: int, newest: int, rows: list[Any]) -> None:
        self._polling = False
        self._last = newest  # only now: a failed read is tried again by the next poll
        doc = self._visit.doc
        if visit_id != self._visit.visit_id or doc is None:
            return
        newer = [
            row
            for row in rows
            if (doc.version(row[0], row[1]) or 0) < row[3] and not self._visit.queued(row[1])
        ]
        self._visit.put_rows(newer)


def ask_keep_mine(parent: Any, text: str) -> bool:
    """The conflict question: True to keep the screen's values, False to take the newer."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Question, tr("Changed at another station"), text, parent=parent
    )
    keep = box.addButton(tr("Keep mine"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Take the newer version"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is keep


def install_change_watcher(window: MainWindow) -> ChangeWatcher:
    """Poll for other stations' changes and answer conflicts in plain words.

    Needs of the window: ``worker``, ``open_visit``, ``show_status`` and ``ask_keep_mine``
    (a method, patched in tests). Nothing lost either way: "take the newer" shows the row
    as stored (already done when the question is asked); "keep mine" stores the screen's
    values on the newer version, and the history keeps both.
    """
    watcher = ChangeWatcher(window.worker, window.open_visit, window)

    def on_conflict(found: tuple[Any, Any, str, dict[str, Any], bool]) -> None:
        exc, kind, uid, values, deleted = found
        if window.ask_keep_mine(str(exc)):
            window.open_visit.keep_mine(kind, uid, values, deleted)
        else:
            window.show_status(tr("Took the newer version from the other station"))

    window.open_visit.conflict.connect(on_conflict)
    watcher.start()
    return watcher
