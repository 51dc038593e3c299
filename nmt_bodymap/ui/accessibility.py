"""Every control named for a screen reader, from what a sighted user reads beside it.

``name_controls(root)`` walks a widget tree and gives each focusable widget that Qt's
accessibility interface reports without a name (``QAccessible`` text ``Name``: its explicit
accessible name, a button's text, the label whose buddy it is) one derived from the screen:
the form row's label, the label just before it in its row, its tooltip, its placeholder,
the group box, tab or window it sits in. A name Qt already reads is never replaced, so a
button whose text changes keeps being read right.

``install_accessibility(app)`` puts one event filter on the application: each widget is
named when it is shown (dialogs, the main window after its panels are built, widgets added
later); a body map gets live descriptions of its views ("Anterior body view: 2 pain
marks: …") and the candidate list reads each row as muscle, side and why (both in
``ui/accessible_views.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLayout

# The widget classes and the ``Qt`` namespace are read from their modules where they are
# used: PySide6 makes a class (and its enums) on its first use. ``Qt`` alone is ~12 ms of
# enums (a widget's ``focusPolicy()`` makes it too), which the window's first frame does not
# need: the main window is named right after its first paint (issue 18).


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader reads for ``widget`` (Qt's accessibility interface)."""
    interface = QtGui.QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return widget.accessibleName().strip()
    return interface.text(QtGui.QAccessible.Text.Name).strip()


def _clean(text: str) -> str:
    """Label text as read: no mnemonic ampersand, no trailing colon, first line only."""
    lines = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().splitlines()
    return lines[0].strip().rstrip(":").strip() if lines else ""


def is_focusable(widget: QWidget) -> bool:
    """A control the keyboard can reach (or a click can focus); parts of a spin box or an
    editable combo box are named through their owner."""
    if widget.focusPolicy() == QtCore.Qt.FocusPolicy.NoFocus or widget.isWindow():
        return False
    parent = widget.parentWidget()
    return not isinstance(parent, (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox))


def _buddy_label(widget: QWidget) -> str:
    for label in widget.window().findChildren(QtWidgets.QLabel):
        if label.buddy() is widget and label.text().strip():
            return _clean(label.text())
    return ""


def _containing_layout(widget: QWidget) -> QLayout | None:
    parent = widget.parentWidget()
    top = parent.layout() if parent is not None else None
    if top is None:
        return None
    stack: list[QLayout] = [top]
    while stack:
        layout = stack.pop()
        if layout.indexOf(widget) >= 0:
            return layout
        for i in range(layout.count()):
            item = layout.itemAt(i)
            child = item.layout() if item is not None else None
            if child is not None:
                stack.append(child)
    return None


def _label_in_row(widget: QWidget) -> str:
    """The form row's label, else the label just before the widget in its row."""
    layout = _containing_layout(widget)
    if isinstance(layout, QtWidgets.QFormLayout):
        label = layout.labelForField(widget)
        if isinstance(label, QtWidgets.QLabel) and label.text().strip():
            return _clean(label.text())
    if isinstance(layout, QtWidgets.QGridLayout):
        position: Any = layout.getItemPosition(layout.indexOf(widget))
        row, column = int(position[0]), int(position[1])
        for col in range(column - 1, -1, -1):
            item = layout.itemAtPosition(row, col)
            found = item.widget() if item is not None else None
            if isinstance(found, QtWidgets.QLabel) and found.text().strip():
                return _clean(found.text())
    elif layout is not None:
        at = layout.indexOf(widget)
        for i in range(at - 1, -1, -1):
            entry = layout.itemAt(i)
            found = entry.widget() if entry is not None else None
            if isinstance(found, QtWidgets.QLabel) and found.text().strip():
                return _clean(found.text())
            if found is not None and is_focusable(found):
                break  # a label before another control belongs to that control
    return ""


def _placeholder(widget: QWidget) -> str:
    if isinstance(widget, (QtWidgets.QLineEdit, QtWidgets.QTextEdit, QtWidgets.QPlainTextEdit)):
        return _clean(widget.placeholderText())
    line = (
        widget.lineEdit()
        if isinstance(widget, QtWidgets.QComboBox) and widget.isEditable()
        else None
    )
    if line is not None:
        return _clean(line.placeholderText())
    return ""


def context_name(widget: QWidget) -> str:
    """What a sighted user reads around ``widget``: its group box, its tab, its dock, its
    window's title."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QtWidgets.QGroupBox) and parent.title().strip():
            return _clean(parent.title())
        if isinstance(parent, QtWidgets.QStackedWidget) and isinstance(
            parent.parentWidget(), QtWidgets.QTabWidget
        ):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QtWidgets.QTabWidget)
            index = tabs.indexOf(child)
            if index >= 0 and tabs.tabText(index).strip():
                return _clean(tabs.tabText(index))
        if isinstance(parent, QtWidgets.QDockWidget) and parent.windowTitle().strip():
            return _clean(parent.windowTitle())
        if parent.isWindow():
            return _clean(parent.windowTitle())
        child, parent = parent, parent.parentWidget()
    return ""


def derived_name(widget: QWidget) -> str:
    """A name for ``widget`` from what is on screen, or "" when nothing names it."""
    if isinstance(widget, QtWidgets.QAbstractButton) and widget.text().strip():
        return _clean(widget.text())
    for found in (_buddy_label(widget), _label_in_row(widget)):
        if found:
            return found
    if widget.toolTip().strip():
        return _clean(widget.toolTip())
    if _placeholder(widget):
        return _placeholder(widget)
    if isinstance(widget, QtWidgets.QTabBar):
        owner = widget.parentWidget()
        where = spoken_name(owner) if isinstance(owner, QtWidgets.QTabWidget) else ""
        return f"{where or context_name(widget) or 'Sections'} tabs".strip()
    if isinstance(widget, QtWidgets.QTabWidget):
        return f"{context_name(widget) or 'Window'} sections".strip()
    if isinstance(widget, (QtWidgets.QAbstractScrollArea, QtWidgets.QAbstractItemView)):
        return context_name(widget)
    return context_name(widget)


def name_widget(widget: QWidget) -> bool:
    """Give ``widget`` a derived accessible name when a screen reader would read none;
    True when one was set."""
    if not is_focusable(widget) or spoken_name(widget):
        return False
    name = derived_name(widget)
    if not name:
        return False
    widget.setAccessibleName(name)
    return True


def name_controls(root: QWidget) -> int:
    """Name every focusable widget under ``root`` (and ``root``); returns how many were
    named here."""
    widgets: Iterable[QWidget] = [root, *root.findChildren(QWidget)]
    return sum(name_widget(w) for w in widgets)


def let_tab_leave(widget: QWidget) -> None:
    """Tab in a text box moves on to the next control (a keyboard-only user is never kept
    in a notes field); a tab character is not needed in clinical notes."""
    if (
        isinstance(widget, (QtWidgets.QTextEdit, QtWidgets.QPlainTextEdit))
        and not widget.isReadOnly()
    ):
        widget.setTabChangesFocus(True)


# -- the application-wide hook ---------------------------------------------------------------
class AccessibilityFilter(QObject):
    """Names each widget as it is shown; wires body maps and candidate lists once.

    The main window's widgets shown before its first paint are named ``AFTER_PAINT_MS``
    after it (``WAIT_LIMIT_MS`` after they were shown at most): naming reads each widget's
    focus policy, which costs PySide6's whole ``Qt`` namespace (~12 ms of enums); the first
    frame does not need it, nor the chart's opening and the map's loading that start at
    that paint (issue 18). Any other window, and the main window once painted, is named as
    it is shown. From the main window's show to its first paint only that window is
    watched, not every event of the application (~10 ms of the command-line start)."""

    AFTER_PAINT_MS = 50
    WAIT_LIMIT_MS = 1_000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: list[QWidget] = []  # shown before the main window's first paint
        self._main_painted = False
        self._aside: QWidget | None = None  # the main window watched alone until painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here (~70 a click): told apart by the
        # event's class, not ``event.type()``, whose Python enum costs ~0.7 us an event.
        kind = type(event)
        if kind is QShowEvent and isinstance(watched, QWidget):
            if self._before_first_paint(watched):
                self._waiting.append(watched)
                if watched.isWindow() and self._aside is None:
                    self._step_aside(watched)
            else:
                self.shown(watched)
        elif self._waiting and kind is QPaintEvent and _is_main_window(watched):
            self._main_painted = True
            self._rejoin_app()
            QTimer.singleShot(self.AFTER_PAINT_MS, self.catch_up)
        return False

    def _step_aside(self, window: QWidget) -> None:
        """Watch only ``window`` until its first paint (its tree is named after it)."""
        app = QApplication.instance()
        if app is not None and self.parent() is app:
            app.removeEventFilter(self)
            window.installEventFilter(self)
            self._aside = window

    def _rejoin_app(self) -> None:
        """Back on the whole application; windows shown meanwhile are named with the rest."""
        window, self._aside = self._aside, None
        app = QApplication.instance()
        if window is None or app is None:
            return
        if shiboken6.isValid(window):
            window.removeEventFilter(self)
        app.installEventFilter(self)
        for top in QApplication.topLevelWidgets():
            if top is not window and top.isVisible() and top not in self._waiting:
                self._waiting.append(top)

    def _before_first_paint(self, widget: QWidget) -> bool:
        if self._main_painted or not _is_main_window(widget.window()):
            return False
        if not self._waiting:
            QTimer.singleShot(self.WAIT_LIMIT_MS, self.catch_up)  # a window never painted
        return True

    def catch_up(self) -> None:
        """Name what was shown before the main window's first paint (in the order shown)."""
        self._main_painted = True
        self._rejoin_app()
        waiting, self._waiting = self._waiting, []
        for widget in waiting:
            if shiboken6.isValid(widget):
                self.shown(widget)

    def shown(self, widget: QWidget) -> None:
        if widget.isWindow():
            name_controls(widget)
            for box in [
                *widget.findChildren(QtWidgets.QTextEdit),
                *widget.findChildren(QtWidgets.QPlainTextEdit),
            ]:
                let_tab_leave(box)
        else:
            name_widget(widget)
            let_tab_leave(widget)
        # By class and object name: importing the map or the candidates here would load the
        # atlas and the knowledge before the window's first paint.
        if type(widget).__name__ == "BodyMapPanel":
            from nmt_bodymap.ui.accessible_views import describe_body_map

            describe_body_map(widget)
        if isinstance(widget, QtWidgets.QTreeWidget) and widget.objectName() == "candidate-list":
            from nmt_bodymap.ui.accessible_views import speak_tree_rows

            speak_tree_rows(widget)


def _is_main_window(widget: QObject) -> bool:
    """By class name: importing ``ui.main_window`` here would load the whole window."""
    return type(widget).__name__ == "MainWindow"


_installed: list[AccessibilityFilter] = []  # the one install_accessibility put on the app


def install_accessibility(app: QApplication | None = None) -> AccessibilityFilter:
    """Install the filter once on the application (``ui/app.py``); returns it. Remembered
    here, not looked up with ``app.findChild`` (~9 ms of the first paint, issue 18)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert app is not None
    for existing in _installed:
        if shiboken6.isValid(existing) and existing.parent() is app:
            return existing
    watcher = AccessibilityFilter(app)
    app.installEventFilter(watcher)
    _installed[:] = [watcher]
    return watcher
