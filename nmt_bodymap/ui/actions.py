"""The window's menus: every action with its shortcut, so all of it works from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from nmt_bodymap.ui.i18n import tr


def _platform_extra(sequence: QKeySequence) -> bool:
    """A standard-key binding only some keyboards have (F13-F35, Undo/Redo keys,
    Alt+Backspace): it still works, the help just does not list it."""
    if sequence.isEmpty():
        return True
    combo = sequence[0]
    key, mods = combo.key(), combo.keyboardModifiers()
    if key in (Qt.Key.Key_Undo, Qt.Key.Key_Redo):
        return True
    if Qt.Key.Key_F13.value <= key.value <= Qt.Key.Key_F35.value:
        return True
    return key == Qt.Key.Key_Backspace and bool(mods & Qt.KeyboardModifier.AltModifier)


@dataclass(frozen=True)
class ActionSpec:
    key: str  # the name the window looks the action up by
    text: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...]
    slot: Callable[[], object]
    tip: str = ""


def _without_arguments(slot: Callable[[], object]) -> Callable[[], None]:
    """A slot taking no arguments, so Qt connects the argument-less signal overload
    (no ``checked`` flag is passed through Python)."""

    def call() -> None:
        slot()

    return call


def add_menu(
    window: QMainWindow, title: str, specs: list[ActionSpec | None], registry: dict[str, QAction]
) -> QMenu:
    """A menu of actions (None = separator); each action is also added to the window."""
    menu = window.menuBar().addMenu(title)
    for spec in specs:
        if spec is None:
            menu.addSeparator()
            continue
        action = QAction(spec.text, window)
        action.setObjectName(f"action-{spec.key}")
        sequences: list[QKeySequence] = []
        for shortcut in spec.shortcuts:
            if isinstance(shortcut, str):
                sequences.append(QKeySequence(shortcut))
            else:
                sequences.extend(QKeySequence.keyBindings(shortcut))
        action.setShortcuts(sequences)
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        action.triggered.connect(_without_arguments(spec.slot))
        menu.addAction(action)
        window.addAction(action)
        registry[spec.key] = action
    return menu


def shortcut_table(registry: dict[str, QAction]) -> list[tuple[str, str]]:
    """(action, shortcut) rows for the keyboard help."""
    rows = []
    for action in registry.values():
        # Each key once, and no platform extras no clinic keyboard has (Undo = F14, the
        # Undo key, Alt+Backspace): "Quit Ctrl+Q", "Undo Ctrl+Z" (issue 15).
        shown = [
            s.toString(QKeySequence.SequenceFormat.NativeText)
            for s in action.shortcuts()
            if not _platform_extra(s)
        ]
        keys = ", ".join(dict.fromkeys(shown))
        if keys:
            rows.append((action.text().replace("&", ""), keys))
    return rows


def menu_titled(window: QMainWindow, title: str, create: bool = True) -> QMenu | None:
    """The window's menu called ``title`` (``&`` ignored), made when missing and ``create``.

    Searched as children of the menu bar: ``QAction.menu()`` hands back a wrapper that
    PySide6 6.9 deletes at once ("Internal C++ object already deleted").
    """
    names = {title, tr(f"&{title}").replace("&", "")}  # the English or the shown title
    for menu in window.menuBar().findChildren(QMenu):
        if menu.title().replace("&", "") in names:
            return menu
    return window.menuBar().addMenu(tr(f"&{title}")) if create else None
