"""The client's history: every change to the chart in time order, in the therapist's words.

The entries come from ``store.history(client_id)`` read on the store worker (never on the GUI
thread). Each line shows when, who, what kind of row ("pain mark", "finding"...), the change
("added", "changed intensity", "removed"...) and the row before and after it in plain words
("Right temple, throbbing 6/10" -> "... 7/10"); a change names only the fields it touched, so
the row's earlier entries fill in the rest. A filter box narrows the lines.

A removed row that is still removed has a "Restore" button. A row of the OPEN visit is
restored through the window's :class:`OpenVisit` and the generic undo command, so Ctrl+Z
takes it back; a row of another visit (or a visit or client) is restored by a store
operation on the worker. The view reloads when the change watcher sees any change.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from nmt_bodymap.core.atlas import mark_side
from nmt_bodymap.core.limits import every_hold, holds_words
from nmt_bodymap.core.operations import VISIT_ROW_KINDS, Operation, OpKind, RowKind
from nmt_bodymap.ui.chart import store_calls
from nmt_bodymap.ui.chart.commands import push_operations
from nmt_bodymap.ui.chart.visit_model import error_text
from nmt_bodymap.ui.i18n import tr, tr_noop
from nmt_bodymap.ui.map.labels import kind_word, muscle_label, place_label, side_label

if TYPE_CHECKING:
    from nmt_bodymap.ui.main_window import MainWindow

# The history's words for each operation (shown through tr(); issue 16: sign, amend, consent).
OP_WORDS = {
    "add": tr_noop("added"),
    "change": tr_noop("changed"),
    "delete": tr_noop("removed"),
    "restore": tr_noop("restored"),
    "move": tr_noop("moved"),
    "sign": tr_noop("Signed"),
    "amend": tr_noop("Amended"),
    "consent": tr_noop("Consent recorded"),
}
COLUMNS = ("When", "Who", "What", "Change", "Before", "After", "")
TEXT_KEYS = ("when", "who", "what", "change", "before", "after")
CELL_CHARS = 90


def _muscle(knowledge: Any, muscle_id: str) -> str:
    try:
        knowledge.muscle(muscle_id)  # an unknown id raises: shown in plain letters below
        return muscle_label(muscle_id)
    except Exception:  # an unknown id or no knowledge: the id in plain letters
        return str(muscle_id or "").replace("_", " ")


def _join(*parts: Any) -> str:
    return ", ".join(str(p) for p in parts if p not in (None, "", False))


def _score(value: Any, label: str = "") -> str:
    return "" if value is None else f"{label}{value}/10"


def _local_time(value: Any) -> str:
    """ISO text (as the history keeps times) in the computer's local time."""
    try:
        return datetime.fromisoformat(str(value)).astimezone().strftime("%d %b %Y %H:%M")
    except ValueError:
        return str(value)


def _fields(values: Mapping[str, Any] | None) -> str:
    """Changed fields in plain words: "plan: Heat at home"; an empty value as "—"."""
    items = sorted((values or {}).items())
    return "; ".join(f"{k.replace('_', ' ')}: {'—' if v in ('', None) else v}" for k, v in items)


def describe(kind: str, values: Mapping[str, Any] | None, knowledge: Any = None) -> str:
    """A row's values in the therapist's words ("Right temple, throbbing 6/10")."""
    if not values:
        return ""
    v = dict(values)
    if kind == "pain_mark":
        place = ""
        if v.get("region"):  # "Left sternum": a midline mark named with its point's side
            side = mark_side(str(v.get("view", "")), v["region"], v.get("side", ""), v.get("x"))
            place = place_label(v["region"], side)
        score = f"{v.get('quality') or ''} {_score(v.get('intensity'))}".strip()
        return _join(place, score, v.get("note"))
    if kind in ("finding", "treatment"):
        who = _muscle(knowledge, v.get("muscle_id", "")) if v.get("muscle_id") else ""
        if v.get("side"):
            who = f"{who} ({side_label(v['side']).lower()})".strip()
        if kind == "finding":
            signs = [n.replace("_", " ") for n in ("jump_sign", "local_twitch") if v.get(n)]
            rest = _join(v.get("activity"), _score(v.get("tenderness"), "tenderness "), *signs)
        else:
            holds = holds_words(every_hold(v))  # each hold's length: "2 holds: 20 s, 10 s"
            pressure = _score(v.get("pressure_tolerance"), "pressure ")
            rest = _join(v.get("technique"), holds, pressure, v.get("response"))
        return f"{who}: {rest}" if who and rest else who or rest
    if kind == "observation":
        place = place_label(v["region"], v.get("side", "")) if v.get("region") else ""
        item = str(v.get("item") or "").replace("_", " ")
        return _join(item, place, _score(v.get("severity"), "severity "), v.get("note"))
    if kind == "follow_up":
        sore = f"sore {v['soreness_hours']} h" if v.get("soreness_hours") is not None else ""
        relief = f"relief {v['relief_days']} days" if v.get("relief_days") is not None else ""
        return _join(sore, relief, v.get("note"))
    if kind == "visit" and "started_at" in v:
        when = _local_time(v["started_at"])
        return _join(f"visit of {when}", v.get("chief_complaint"))
    if kind == "client" and v.get("name"):
        return _join(v["name"], v.get("date_of_birth") and f"born {v['date_of_birth']}")
    shown = [(k.replace("_", " "), val) for k, val in v.items() if val not in ("", None, [], {})]
    return "; ".join(f"{k}: {val}" for k, val in shown)


def change_words(entry: Any) -> str:
    """ "added", "changed intensity, quality", "moved", "removed", "restored"."""
    if entry.op == OpKind.CHANGE:
        names = sorted((entry.after or {}).keys())
        if not names:
            return tr(OP_WORDS["change"])
        fields = ", ".join(n.replace("_", " ") for n in names)
        return tr("changed {fields}").format(fields=fields)
    op = str(getattr(entry.op, "value", entry.op))
    return tr(OP_WORDS[op]) if op in OP_WORDS else op.replace("_", " ")


def history_lines(entries: list[Any], knowledge: Any = None) -> list[dict[str, Any]]:
    """One line per entry, oldest first: when, who, what, change, before, after, and
    ``restorable`` (a removal that is still the row's newest entry)."""
    rows: dict[str, dict[str, Any]] = {}
    newest: dict[str, int] = {}
    for index, entry in enumerate(entries):
        newest[entry.row] = index
    lines = []
    for index, entry in enumerate(entries):
        known = rows.get(entry.row, {})
        if entry.op in (OpKind.CHANGE, OpKind.MOVE):
            before = {**known, **(entry.before or {})}
            after = {**before, **(entry.after or {})}
        else:
            before = {**known, **(entry.before or {})} if entry.before is not None else {}
            after = dict(entry.after or {})
        rows[entry.row] = after or before
        before_text = describe(entry.kind, before, knowledge)
        after_text = describe(entry.kind, after, knowledge)
        if entry.op == OpKind.CHANGE and before_text == after_text:
            # the words of the row do not show what changed (a note, a plan): say it
            lead = f"{before_text} — " if before_text else ""
            before_text = lead + _fields(entry.before)
            after_text = lead + _fields(entry.after)
        lines.append(
            {
                "entry": entry,
                "when": entry.at.astimezone().strftime("%d %b %Y %H:%M:%S"),
                "who": entry.who or "—",
                "what": kind_word(entry.kind),
                "change": change_words(entry),
                "before": before_text,
                "after": after_text,
                "restorable": entry.op == OpKind.DELETE and newest[entry.row] == index,
            }
        )
    return lines


def restore_op(entry: Any) -> Operation:
    """The operation that brings back the row an entry removed (at the version it left)."""
    return Operation(
        OpKind.RESTORE,
        entry.kind,
        entry.row,
        entry.visit,
        None,
        entry.before,
        entry.version,
        entry.client,
    )


class HistoryView(QDialog):
    """Non-modal window listing a client's history; see the module docstring."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("history-view")
        self._window = window
        self.client: Any | None = None
        self.lines: list[dict[str, Any]] = []
        self._serial = 0
        self.setWindowTitle(tr("Client history"))
        self.title = QLabel(tr("History"))
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("history-filter")
        self.filter_edit.setPlaceholderText(tr("Filter: a place, a muscle, a change or a name…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _t: self._apply_filter())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("history-table")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2, 3, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel("")
        self.status.setObjectName("history-status")
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1100, 600)
        # Ctrl+Z / Ctrl+Shift+Z work here too: a restore can be taken back where it was made.
        for key in ("undo", "redo"):
            if key in getattr(window, "actions_by_key", {}):
                self.addAction(window.actions_by_key[key])

    # -- loading ---------------------------------------------------------------------------
    def show_for(self, client: Any | None) -> None:
        """Show (and read) the history of ``client``."""
        if client is None:
            self._window.show_status(tr("Choose a client to see the history"))
            return
        self.follow(client)
        self.show()
        self.raise_()
        self.activateWindow()

    def follow(self, client: Any) -> None:
        """Read the history of ``client`` (shown or not; no focus taken)."""
        self.client = client
        self.title.setText(tr("History — {name}").format(name=client.name))
        self.filter_edit.clear()
        self.reload()

    def reload(self) -> None:
        """Read the history again on the store worker (a late older answer is dropped)."""
        if self.client is None:
            return
        self._serial += 1
        serial, client_id = self._serial, self.client.id
        self.status.setText(tr("Reading the history…"))
        self._window.worker.submit(
            lambda store: store_calls.client_history(store, client_id),
            lambda entries: self._fill(serial, entries),
            lambda exc: self._say(
                tr("The history could not be read: {error_text}").format(error_text=error_text(exc))
            ),
        )

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _fill(self, serial: int, entries: list[Any]) -> None:
        if serial != self._serial:
            return
        self.lines = history_lines(entries, getattr(self._window, "knowledge", None))
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            for column, key in enumerate(TEXT_KEYS):
                text = line[key]
                item = QTableWidgetItem(text if len(text) <= CELL_CHARS else text[:89] + "…")
                if line["before"] or line["after"]:
                    item.setToolTip(f"{line['before'] or '—'} → {line['after'] or '—'}")
                self.table.setItem(row, column, item)
            if line["restorable"]:
                button = QPushButton(tr("Restore"))
                button.setObjectName("history-restore")
                button.setToolTip(tr("Bring back this {what}").format(what=line["what"]))
                button.clicked.connect(lambda _c=False, line=line: self.restore(line))
                self.table.setCellWidget(row, 6, button)
        self.table.scrollToBottom()
        self._apply_filter()

    def _apply_filter(self) -> None:
        words = self.filter_edit.text().strip().lower().split()
        shown = 0
        for row, line in enumerate(self.lines):
            text = " ".join(str(line[k]) for k in TEXT_KEYS)
            hide = any(word not in text.lower() for word in words)
            self.table.setRowHidden(row, hide)
            shown += not hide
        total = len(self.lines)
        if not total:
            self._say(tr("No changes recorded for this client."))
        elif words:
            self._say(tr("{shown} of {total} changes match.").format(shown=shown, total=total))
        else:
            self._say(tr("{total} changes, oldest first.").format(total=total))

    # -- restoring -------------------------------------------------------------------------
    def restore(self, line: dict[str, Any]) -> None:
        """Bring back the row ``line`` removed (undoable when it is in the open visit)."""
        entry, w = line["entry"], self._window
        visit, doc = w.open_visit, w.open_visit.doc
        words = line["what"]
        if doc is not None and entry.visit == doc.visit and entry.kind in VISIT_ROW_KINDS:
            state = doc.row(entry.kind, entry.row)
            if state is not None and not state.deleted:
                self._say(tr("This {words} is already on the chart.").format(words=words))
                return
            op = doc.restore_op(entry.kind, entry.row) if state else restore_op(entry)
            text = f"Restore {words}"
            if push_operations(
                w.undo_stack, visit, [op], text, tr("Restored the {words}").format(words=words)
            ):
                self._say(tr("Restored the {words} (Ctrl+Z takes it back).").format(words=words))
            else:
                self._say(tr("The {words} could not be restored.").format(words=words))
            return
        op = restore_op(entry)
        w.worker.submit(
            lambda store: store_calls.apply_operation(store, op, visit.who),
            lambda _r: self._restored(words),
            lambda exc: self._say(
                tr("The {words} could not be restored: {error_text}").format(
                    words=words, error_text=error_text(exc)
                )
            ),
        )

    def _restored(self, words: str) -> None:
        self._say(tr("Restored the {words}.").format(words=words))
        self.reload()


def install_history_view(window: MainWindow) -> HistoryView:
    """The window's History view; the change watcher's news refreshes the client list, the
    visit list and the open History view (needs ``change_watcher``, ``clients``, ``visits``)."""
    view = HistoryView(window)

    def on_other_change(kinds: set[str]) -> None:
        if RowKind.CLIENT in kinds:
            window.clients.refresh()
        if RowKind.VISIT in kinds:
            window.visits.reload()
        if view.isVisible():
            view.reload()

    def on_client(client: Any | None) -> None:
        shown = view.client
        if client is not None and view.isVisible() and (shown is None or client.id != shown.id):
            view.follow(client)  # the open History view follows the client shown

    window.change_watcher.other_change.connect(on_other_change)
    window.clients.client_chosen.connect(on_client)
    return view
