"""The rooms built after the first click (issue 18).

A deferred start (``ui/first_frame``) builds the map, the candidate list, the client and
visit lists, the menus and what a click or a signed visit needs first; the window then
answers the click queued on the first frame. The other rooms (the findings, guide,
summary, assessment and SOAP tabs, the red-flag banner with the Clinic menu, the document
actions, "place mark by name") are built afterwards, one per event-loop turn, so the
window keeps answering meanwhile. Each room takes the client and visit shown when it is
installed (it cannot have seen their ``client_chosen`` / ``visit_chosen``).

Nothing may act on a room that is not there yet, so a room is installed at once when:
- the window is asked for one of its parts (``MainWindow.__getattr__`` -> :meth:`ensure`);
- a key is pressed anywhere in the application (but in a modal dialog), or the menu bar is
  clicked, while rooms are pending (every pending room first: its menu items and shortcuts
  must be in place before Qt looks the key up);
- an action id of a pending room is looked up (:class:`ActionRegistry`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenuBar, QWidget

if TYPE_CHECKING:
    from nmt_bodymap.ui.main_window import MainWindow

POLL_MS = 20  # how often the window looks whether the first visit is on screen
LATEST_MS = 5_000  # a chart slow to show its first visit does not keep the rooms out
_KEYS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)


@dataclass(frozen=True)
class Room:
    """One room: what it sets on the window (``provides``) and how it is installed."""

    name: str
    provides: tuple[str, ...]
    install: Callable[[MainWindow], None]


def existing(window: object, name: str) -> object | None:
    """``window``'s part ``name`` if it is built, else None (never builds a pending room)."""
    found: object | None = getattr(window, "__dict__", {}).get(name)
    return found


class ActionRegistry(dict[str, QAction]):
    """``window.actions_by_key``: looking up an action of a pending room installs the
    rooms first (``.get`` and ``in`` do not: they only ask what is there)."""

    def __init__(self) -> None:
        super().__init__()
        self.rooms: LateRooms | None = None

    def __missing__(self, key: str) -> QAction:
        rooms = self.rooms
        if rooms is not None and rooms.pending():
            rooms.finish()
            if key in self:
                return self[key]
        raise KeyError(key)


class LateRooms(QObject):
    """Installs ``rooms`` in order: at once (:meth:`finish`) or after the first visit is on
    screen, one per event-loop turn (:meth:`start`)."""

    installed = Signal(str)  # a room's name, once it is in place
    done = Signal()  # every room is in place

    def __init__(
        self,
        window: MainWindow,
        rooms: list[Room],
        after_each: Callable[[MainWindow], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._rooms = list(rooms)
        self._after_each = after_each
        self._installing = False
        self._watching = False
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.wanted_tab: int | None = None  # the side tab to show once it exists

    def pending(self) -> list[str]:
        """The names of the rooms not installed yet, in order."""
        return [room.name for room in self._rooms]

    def provides(self, name: str) -> bool:
        return any(name in room.provides for room in self._rooms)

    # -- at once -----------------------------------------------------------------------------
    def finish(self) -> None:
        """Install every pending room now."""
        while self._rooms and not self._installing:
            self._install_next()

    def ensure(self, name: str) -> bool:
        """Install the rooms up to the one that sets ``name``; False when none sets it."""
        if not self.provides(name) or self._installing:
            return False
        while self._rooms and self.provides(name):
            self._install_next()
        return True

    # -- later ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Install the rooms once the first visit is on screen (or after ``LATEST_MS``)."""
        if not self._rooms:
            self._finished()
            return
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self._watching = True
        self._clock.start()
        self._timer.start()

    def _poll(self) -> None:
        from nmt_bodymap.ui.after_start import first_visit_shown

        if not self.window.isVisible():  # closed meanwhile: build nothing more behind it
            self._timer.stop()
            self._unwatch()
            return
        if not first_visit_shown(self.window) and self._clock.elapsed() < LATEST_MS:
            return
        self._timer.stop()
        self._next_turn()

    def _next_turn(self) -> None:
        if self._rooms:
            QTimer.singleShot(0, self._one_room)

    def _one_room(self) -> None:
        if self._rooms and not self._installing and self.window.isVisible():
            self._install_next()
            self._next_turn()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        asks = kind in _KEYS or (kind == QEvent.Type.MouseButtonPress and _in_menu_bar(watched))
        # A modal dialog (the sign-in, say) keeps its keys: they cannot reach a room.
        if asks and self._rooms and not self._installing and not _modal_shown():
            self.finish()
        return False

    # -- one room ------------------------------------------------------------------------------
    def _install_next(self) -> None:
        room = self._rooms.pop(0)
        self._installing = True
        try:
            room.install(self.window)
        finally:
            self._installing = False
        if self._after_each is not None:
            self._after_each(self.window)
        self._show_wanted_tab()
        self.installed.emit(room.name)
        if not self._rooms:
            self._finished()

    def _show_wanted_tab(self) -> None:
        """The side tab the therapist left open (``window_state``), once it exists."""
        wanted, tabs = self.wanted_tab, existing(self.window, "side_tabs")
        if wanted is None or tabs is None:
            return
        if wanted < tabs.count():  # type: ignore[attr-defined]
            self.wanted_tab = None
            if tabs.currentIndex() == 0:  # type: ignore[attr-defined]  # not moved since
                tabs.setCurrentIndex(wanted)  # type: ignore[attr-defined]

    def _finished(self) -> None:
        self._timer.stop()
        self._unwatch()
        if self._watching is False and self._clock.isValid():
            from nmt_bodymap.ui.after_start import freeze_long_lived

            freeze_long_lived("rooms")  # kept as long as the window: not walked again
        self.done.emit()

    def _unwatch(self) -> None:
        if self._watching:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False


def _modal_shown() -> bool:
    return QApplication.activeModalWidget() is not None


def _in_menu_bar(watched: QObject) -> bool:
    return isinstance(watched, QMenuBar) or (
        isinstance(watched, QWidget) and isinstance(watched.parentWidget(), QMenuBar)
    )
