"""The window's menus and actions, declared in one registry: every action has an id
(``actions_by_key[id]``, object name ``action-<id>``), a text, its shortcuts and a slot, so
all of it works from the keyboard and the help lists it. The rooms add their own actions
to these menus with ``add_menu``/``menu_titled`` under the same ids scheme."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

if TYPE_CHECKING:
    from nmt_bodymap.ui.main_window import MainWindow

from nmt_bodymap.ui.i18n import tr


def _platform_extra(sequence: QKeySequence) -> bool:
    """A standard-key binding only some keyboards have (F13-F35, Undo/Redo keys,
    Alt+Backspace): it still works, the help just does not list it."""
    if sequence.isEmpty():
        return True
    combo = sequence[0]  # type: ignore[index]  # (QKeySequence is indexable at run time)
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
    return window.menuBar().addMenu(f"&{title}") if create else None


def show_shortcuts(parent: QMainWindow, registry: dict[str, QAction]) -> None:
    """F1: how to mark, and every action's shortcut."""
    rows = "".join(
        f"<tr><td>{a}</td><td>&nbsp;&nbsp;<b>{k}</b></td></tr>" for a, k in shortcut_table(registry)
    )
    QMessageBox.information(
        parent,
        tr("Keyboard shortcuts"),
        tr(
            "<p>Click the figure to mark pain; drag a mark to move it. Wheel "
            "zooms, middle button or Space + drag pans.</p><table>{rows}</table>"
        ).format(rows=rows),
    )


# -- the main window's menus (File, Edit, Mark, View, Muscle, Help) ----------------------


def build_main_menus(window: MainWindow) -> None:
    """Fill the window's menu bar; every action lands in ``window.actions_by_key``."""
    w = window
    bm = w.body_map
    reg = w.actions_by_key
    add_menu(
        w,
        tr("&File"),
        [
            ActionSpec("new-client", tr("&New client…"), ("Ctrl+N",), w.new_client),
            ActionSpec("edit-client", tr("&Edit client…"), ("Ctrl+E",), w.edit_client),
            ActionSpec("find-client", tr("&Find client"), ("Ctrl+K",), w.focus_search),
            ActionSpec("client-history", tr("Client &history…"), ("Ctrl+H",), w.show_history),
            ActionSpec("delete-client", tr("&Delete client…"), (), w.clients.delete_client),
            None,
            ActionSpec("new-visit", tr("New &visit…"), ("Ctrl+Shift+N",), w.visits.new_visit),
            ActionSpec("edit-visit", tr("Edit visi&t…"), (), w.visits.edit_visit),
            ActionSpec("delete-visit", tr("Delete vi&sit…"), (), w.visits.delete_visit),
            None,
            ActionSpec("quit", tr("&Quit"), (QKeySequence.StandardKey.Quit, "Ctrl+Q"), w.close),
        ],
        reg,
    )
    undo = w.undo_stack.createUndoAction(w, tr("&Undo"))
    undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    redo = w.undo_stack.createRedoAction(w, tr("&Redo"))
    redo.setShortcuts(
        [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
    )
    edit = add_menu(
        w,
        tr("&Edit"),
        [
            ActionSpec(
                "delete-mark",
                tr("&Delete selected marks"),
                (QKeySequence.StandardKey.Delete, "Backspace"),
                bm.remove_selected,
            ),
            ActionSpec(
                "select-all-marks", tr("Select &all marks"), ("Ctrl+A",), bm.select_all_marks
            ),
            None,
            ActionSpec(
                "retry",
                tr("&Retry saving"),
                ("Ctrl+R",),
                w.retry_unsaved,
                tr("Store again the marks whose save failed"),
            ),
        ],
        reg,
    )
    edit.insertActions(edit.actions()[0], [undo, redo])
    edit.insertSeparator(edit.actions()[2])
    for action in (undo, redo):
        w.addAction(action)
    reg["undo"], reg["redo"] = undo, redo
    intensity_specs: list[ActionSpec | None] = [
        ActionSpec(
            f"intensity-{n}",
            tr("Intensity {n}").format(n=n),
            (str(n),),
            partial(bm.set_intensity, n),
        )
        for n in range(10)
    ]
    add_menu(
        w,
        tr("&Mark"),
        [
            *intensity_specs,
            ActionSpec(
                "intensity-up", tr("Intensity up (to 10)"), ("+", "="), lambda: bm.step_intensity(1)
            ),
            ActionSpec(
                "intensity-down", tr("Intensity down"), ("-",), lambda: bm.step_intensity(-1)
            ),
            None,
            ActionSpec("quality", tr("Next &quality"), ("Q",), bm.cycle_quality),
        ],
        reg,
    )
    add_menu(
        w,
        tr("&View"),
        [
            ActionSpec(
                "zoom-in", tr("Zoom &in"), (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), bm.zoom_in
            ),
            ActionSpec(
                "zoom-out", tr("Zoom &out"), (QKeySequence.StandardKey.ZoomOut,), bm.zoom_out
            ),
            ActionSpec("fit", tr("&Fit to window"), ("Ctrl+0",), bm.fit),
            None,
            ActionSpec(
                "both-views", tr("&Both views"), ("Ctrl+1",), lambda: bm.set_layout_mode("both")
            ),
            ActionSpec(
                "front-view", tr("Fr&ont only"), ("Ctrl+2",), lambda: bm.set_layout_mode("anterior")
            ),
            ActionSpec(
                "back-view", tr("B&ack only"), ("Ctrl+3",), lambda: bm.set_layout_mode("posterior")
            ),
            ActionSpec(
                "inside-sites",
                tr("&Inside the body"),
                ("Ctrl+4",),
                lambda: bm.show_internal_sites(not bm.inside_button.isChecked()),
                tr("Teeth, ear, eye, sinus, throat and pelvic sites beside the views"),
            ),
        ],
        reg,
    )
    add_menu(
        w,
        tr("&Muscle"),
        [
            ActionSpec(
                "focus-candidates",
                tr("Go to &candidates"),
                ("Ctrl+J",),
                w.focus_candidates,
            ),
            ActionSpec(
                "record-finding",
                tr("Record &finding…"),
                ("Ctrl+Shift+F",),
                w._finding_for_current,
            ),
            ActionSpec(
                "record-treatment",
                tr("Record &treatment…"),
                ("Ctrl+Shift+T",),
                w._treatment_for_current,
            ),
            ActionSpec(
                "show-findings",
                tr("Show findings && treatment"),
                ("Ctrl+Shift+L",),
                lambda: w.side_tabs.setCurrentWidget(w.findings_panel),
            ),
            ActionSpec(
                "clear-highlight",
                tr("&Clear selection and highlight"),
                ("Escape",),
                w.clear_selection_and_highlight,
            ),
        ],
        reg,
    )
    add_menu(
        w,
        tr("&Help"),
        [
            ActionSpec("shortcuts", tr("&Keyboard shortcuts"), ("F1",), w.show_shortcuts),
            ActionSpec("open-log-folder", tr("Open &log folder"), (), _open_log_folder),
        ],
        reg,
    )


def _open_log_folder() -> None:
    from nmt_bodymap.ui.app import open_log_folder  # lazily: app imports the window

    open_log_folder()
