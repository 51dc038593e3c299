"""What a screen reader reads of the body map and of the candidate list, kept up to date.

A body view's description lists the marks it shows ("Anterior body view: 2 pain marks:
Right temple, 7 of 10, throbbing; …"); each row of the candidate list is read as muscle,
side and why. ``ui/accessibility.py`` wires both when they are first shown.

Both follow their data once per gesture (issue 18). A click re-fills the candidate list in
place: ~60 cells set, rows added and taken out, each one a model signal. Until 2026-12-02
every signal re-read every row (~40), ~10 ms of each click on the GUI thread; now a burst
of signals posts one event, and the rows are read once when it is delivered: before the
window's paint of that click and before a screen reader can ask (its questions arrive as
events after it), and only a row whose speech changed is set. Both are read only while a
screen reader listens (``QAccessible.isActive``; :class:`_OncePerBurst`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

VIEW_NAMES = {"anterior": "Anterior body view", "posterior": "Posterior body view"}
DONE = "_nmt_accessible_done"  # a dynamic property: the body map or list is already wired
SPEECH_ROLE = Qt.ItemDataRole.AccessibleTextRole
ROWS_CHANGED = QEvent.Type(QEvent.registerEventType())  # marks or rows changed: read them


# -- the body map: a description per view that follows the marks ---------------------------
def mark_speech(mark: object) -> str:
    """ "Right temple, 7 of 10, throbbing"."""
    from nmt_bodymap.core.atlas import mark_label

    view = getattr(mark, "view", None)
    place = mark_label(view, mark.region, mark.side, getattr(mark, "x", None))  # type: ignore[arg-type,attr-defined]
    return f"{place}, {mark.intensity} of 10, {mark.quality}"  # type: ignore[attr-defined]


def marks_description(view: str, marks: Iterable[object], spoken: list[str] | None = None) -> str:
    """ "Anterior body view: 2 pain marks: Right temple, 7 of 10, throbbing; …"
    (``spoken``: each mark of ``view``'s words, already made)."""
    if spoken is None:
        spoken = [mark_speech(m) for m in marks if getattr(m, "view", None) == view]
    title = VIEW_NAMES.get(view, view)
    if not spoken:
        return f"{title}: no pain marks. Press / to place a mark by region name."
    count = "1 pain mark" if len(spoken) == 1 else f"{len(spoken)} pain marks"
    return f"{title}: {count}: {'; '.join(spoken)}."


def reader_listens() -> bool:
    """A screen reader listens: Qt's platform bridge (AT-SPI, UI Automation, NSAccessibility)
    made accessibility active when one asked the app."""
    return QAccessible.isActive()


class _OncePerBurst(QObject):
    """Reads again once per burst of changes, while a screen reader listens
    (``QAccessible.isActive``): ``changed`` (connected to the model's signals) posts one
    event, and ``read`` runs when it is delivered, before the paint.

    With none listening nothing is read or set (issue 18: a click read ~30 candidate rows'
    cells and zones, ~0.2 ms, and every mark of the visit for nobody); what was set is
    taken off once (``forget``: a reader that comes later never hears old words) and it is
    read again as soon as one listens: at the next change, or within ``LISTEN_MS`` (a
    reader started while nothing changes)."""

    LISTEN_MS = 250

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.posted = False
        self.spoken = False  # what is read is set (a reader listened at the last change)
        self._listen: QTimer | None = None  # while none listens: is one there now?

    def changed(self, *_args: object) -> None:
        """A model signal: read once the burst is over (one posted event)."""
        if reader_listens():
            if not self.posted:
                self.posted = True
                QCoreApplication.postEvent(self, QEvent(ROWS_CHANGED))
        elif self.spoken:  # the last reader left: its words go with this change
            self._quiet()

    def event(self, event: QEvent) -> bool:
        if event.type() == ROWS_CHANGED:
            self.refresh()
            return True
        return super().event(event)

    def refresh(self) -> None:
        """Read now if a reader listens; else forget and wait for one."""
        self.posted = False
        if not self.alive():
            return
        if not reader_listens():
            self._quiet()
            return
        if self._listen is not None:
            self._listen.stop()
        self.read()
        self.spoken = True

    def _quiet(self) -> None:
        if not self.alive():
            return
        if self.spoken:
            self.spoken = False
            self.forget()
        if self._listen is None:
            self._listen = QTimer(self)
            self._listen.setInterval(self.LISTEN_MS)
            self._listen.timeout.connect(self._check)
        if not self._listen.isActive():
            self._listen.start()

    def _check(self) -> None:
        if reader_listens():
            self.refresh()

    def alive(self) -> bool:
        """What is read is still there (not being destroyed with its window)."""
        raise NotImplementedError

    def read(self) -> None:
        raise NotImplementedError

    def forget(self) -> None:
        raise NotImplementedError


class MapSpeech(_OncePerBurst):
    """Child of a body map: its views' descriptions, once per burst of mark changes (a
    gesture on several marks, a mark added then its save status); a mark's words are made
    once while what they say is unchanged (a big visit's click does not look up every mark's
    place again)."""

    def __init__(self, body_map: QWidget) -> None:
        super().__init__(body_map)
        self.views = body_map.views  # type: ignore[attr-defined]
        self.marks = body_map.marks  # type: ignore[attr-defined]
        self._words: dict[tuple[object, ...], str] = {}  # what a mark's words say -> words

    def alive(self) -> bool:
        # the window is closing: its views are gone before the marks model
        return all(shiboken6.isValid(v) for v in self.views.values())

    def read(self) -> None:
        views = self.views
        known = self._words
        words: dict[tuple[object, ...], str] = {}
        by_view: dict[str, list[str]] = {name: [] for name in views}
        for mark in self.marks.marks():
            said: tuple[object, ...] = (
                mark.view,
                mark.region,
                mark.side,
                mark.x,
                mark.intensity,
                mark.quality,
            )
            spoken = known.get(said)
            if spoken is None:  # a new mark, or one changed (its save status is not said)
                spoken = mark_speech(mark)
            words[said] = spoken
            if mark.view in by_view:
                by_view[mark.view].append(spoken)
        self._words = words  # marks gone are forgotten
        for view_name, view in views.items():
            description = marks_description(view_name, (), by_view[view_name])
            if view.accessibleDescription() != description:
                view.setAccessibleDescription(description)

    def forget(self) -> None:
        self._words = {}
        for view in self.views.values():
            view.setAccessibleDescription("")


def describe_body_map(body_map: QWidget) -> MapSpeech | None:
    """Name each body view and keep its description equal to the marks it shows while a
    screen reader listens, set (and announced) only when it changed; returns the describer
    (None when wired already)."""
    if body_map.property(DONE):
        return None
    body_map.setProperty(DONE, True)
    for view_name, view in body_map.views.items():  # type: ignore[attr-defined]
        view.setAccessibleName(VIEW_NAMES.get(view_name, view_name))
    speech = MapSpeech(body_map)
    marks_model = speech.marks
    for signal in (
        marks_model.marks_reset,
        marks_model.mark_added,
        marks_model.mark_changed,
        marks_model.mark_removed,
    ):
        signal.connect(speech.changed)
    speech.refresh()
    return speech


# -- the candidate list: each row read as muscle, side, why --------------------------------
def row_speech(item: QTreeWidgetItem, headers: list[str], why: str | None = None) -> str:
    """ "Upper trapezius, Right, explains: 2 of 3 spots. Right temple: essential" : the
    cells, then ``why`` (the zones; by default the row's tooltip)."""
    texts = [item.text(c).strip() for c in range(item.columnCount())]
    parts = [texts[0]] if texts and texts[0] else []
    for column, text in enumerate(texts[1:], start=1):
        if not text:
            continue
        header = headers[column] if column < len(headers) else ""
        parts.append(f"{header.lower()}: {text}" if header and column > 1 else text)
    speech = ", ".join(parts)
    why = (item.toolTip(0) if why is None else why).strip().replace("\n", "; ")
    return f"{speech}. {why}" if why else speech


def spoken_why(tree: QTreeWidget) -> Callable[[QTreeWidgetItem], str] | None:
    """The tree's own "why" of a row, where its tooltips are made on hover (the candidate
    list's ``spoken_why``: the zones of the row's muscle); None: the rows' tooltips."""
    why = getattr(tree, "spoken_why", None)
    return why if callable(why) else None


class RowSpeech(_OncePerBurst):
    """Child of a tree: sets each row's accessible text once per burst of changes, while a
    screen reader listens (see :class:`_OncePerBurst`)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        header = tree.headerItem()
        self.headers = [header.text(c) for c in range(header.columnCount())]
        self.refreshes = 0  # how many times the rows were read (tests, bench)

    def alive(self) -> bool:
        return shiboken6.isValid(self.tree)  # the list's model says goodbye after it

    def read(self) -> None:
        tree = self.tree
        self.refreshes += 1
        headers = self.headers
        why_of = spoken_why(tree)
        self.posted = True  # the speech set here signals a change: it posts nothing
        try:
            for item in _rows(tree):
                speech = row_speech(item, headers, why_of(item) if why_of else None)
                if item.data(0, SPEECH_ROLE) != speech:  # unchanged: not set, not announced
                    item.setData(0, SPEECH_ROLE, speech)
        finally:
            self.posted = False

    def forget(self) -> None:
        """The rows' spoken texts taken off (quietly: no reader reads them)."""
        model = self.tree.model()
        model.blockSignals(True)
        try:
            for item in _rows(self.tree):
                if item.data(0, SPEECH_ROLE) is not None:
                    item.setData(0, SPEECH_ROLE, None)
        finally:
            model.blockSignals(False)


def _rows(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """Every row of ``tree``, parts included."""
    found: list[QTreeWidgetItem] = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        found.append(item)
        stack.extend(item.child(i) for i in range(item.childCount()))
    return found


def speak_tree_rows(tree: QTreeWidget) -> RowSpeech | None:
    """Set each row's accessible text now and after every change of its rows (once per
    burst) while a screen reader listens (:class:`RowSpeech`); returns the reader (None
    when ``tree`` was wired already)."""
    if tree.property(DONE):
        return None
    tree.setProperty(DONE, True)
    speech = RowSpeech(tree)
    model = tree.model()
    model.rowsInserted.connect(speech.changed)
    model.modelReset.connect(speech.changed)
    model.dataChanged.connect(speech.changed)
    speech.refresh()  # read now if a reader listens; else when one comes
    return speech
