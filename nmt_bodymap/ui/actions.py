"""The window's menus: every action with its shortcut, so all of it works from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


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
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        if keys:
            rows.append((action.text().replace("&", ""), keys))
    return rows
