"""The main window's menus (File, Edit, Mark, View, Muscle, Help), built from action specs."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence

from nmt_bodymap.ui.actions import ActionSpec, add_menu
from nmt_bodymap.ui.i18n import tr


def build_main_menus(window: Any) -> None:
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
            lambda n=n: bm.set_intensity(n),
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
