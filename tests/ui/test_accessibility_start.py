"""The accessibility hook at start (issue 18): the main window's controls shown before its
first paint are named right after that paint; any other window is named as it is shown.

Naming reads each control's focus policy, which costs the first frame PySide6's whole
``Qt`` namespace; the filter recognises the main window by its class name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from nmt_bodymap.ui.accessibility import AccessibilityFilter, install_accessibility, spoken_name


class MainWindow(QMainWindow):  # the app's window, as the filter knows it (by name)
    def __init__(self) -> None:
        super().__init__()
        body = QWidget(self)
        self.field = QLineEdit(body)
        self.field.setToolTip("Search clients")
        QVBoxLayout(body).addWidget(self.field)
        self.setCentralWidget(body)


class Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.fixture
def accessible(qapp: QApplication) -> Iterator[AccessibilityFilter]:
    watcher = install_accessibility(qapp)
    assert install_accessibility(qapp) is watcher  # once per application
    yield watcher
    qapp.removeEventFilter(watcher)
    watcher.setParent(None)
    watcher.deleteLater()


def test_the_main_window_is_named_right_after_its_first_paint(
    accessible: AccessibilityFilter, qtbot: Any
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    painted = Painted()
    window.installEventFilter(painted)
    window.show()
    assert spoken_name(window.field) == ""  # not before the first frame is painted
    qtbot.waitUntil(lambda: painted.count > 0, timeout=10_000)
    qtbot.waitUntil(lambda: spoken_name(window.field) == "Search clients", timeout=10_000)
    # once painted, what it shows later is named as it is shown
    later = QLineEdit(window.centralWidget())
    later.setPlaceholderText("Date of birth")
    later.show()
    assert spoken_name(later) == "Date of birth"


def test_a_dialog_is_named_as_it_is_shown(accessible: AccessibilityFilter, qtbot: Any) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    field.setToolTip("Passphrase")
    dialog.show()
    assert spoken_name(field) == "Passphrase"  # at once: the sign-in dialog comes first


def test_a_main_window_never_painted_is_named_all_the_same(
    accessible: AccessibilityFilter, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AccessibilityFilter, "WAIT_LIMIT_MS", 20)
    monkeypatch.setattr(AccessibilityFilter, "eventFilter", _no_paint(AccessibilityFilter))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: spoken_name(window.field) == "Search clients", timeout=10_000)


def _no_paint(cls: type[AccessibilityFilter]) -> Any:
    original = cls.eventFilter

    def without_paint(self: AccessibilityFilter, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            return False  # as if the window were never painted
        return original(self, watched, event)

    return without_paint


def test_until_its_first_paint_only_the_main_window_is_watched_and_nothing_is_missed(
    accessible: AccessibilityFilter, qtbot: Any
) -> None:
    """A Python call per event of the whole application cost the command-line start ~10 ms
    before the first paint: from the main window's show to its paint only that window is
    watched. A window shown in that moment is still named once the main window is painted."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert accessible._aside is window  # not filtering every event of the application
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    field.setToolTip("Reason for the visit")
    dialog.show()  # before the main window's first paint: not seen as it is shown
    qtbot.waitUntil(lambda: spoken_name(window.field) == "Search clients", timeout=10_000)
    qtbot.waitUntil(lambda: spoken_name(field) == "Reason for the visit", timeout=10_000)
    assert accessible._aside is None  # back on the whole application
    later = QDialog()
    qtbot.addWidget(later)
    box = QLineEdit(later)
    box.setToolTip("Passphrase")
    later.show()
    assert spoken_name(box) == "Passphrase"  # named at once again
