"""The main window's menus (File, Edit, Mark, View, Muscle, Help), built from action specs."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence

from nmt_bodymap.ui.actions import ActionSpec, add_menu


def build_main_menus(window: Any) -> None:
    """Fill the window's menu bar; every action lands in ``window.actions_by_key``."""
    w = window
    bm = w.body_map
    reg = w.actions_by_key
    add_menu(
        w,
        "&File",
        [
            ActionSpec("new-client", "&New client…", ("Ctrl+N",), w.new_client),
            ActionSpec("edit-client", "&Edit client…", ("Ctrl+E",), w.edit_client),
            ActionSpec("find-client", "&Find client", ("Ctrl+K",), w.focus_search),
            ActionSpec("client-history", "Client &history…", ("Ctrl+H",), w.show_history),
            ActionSpec("delete-client", "&Delete client…", (), w.clients.delete_client),
            None,
            ActionSpec("new-visit", "New &visit…", ("Ctrl+Shift+N",), w.visits.new_visit),
            ActionSpec("edit-visit", "Edit visi&t…", (), w.visits.edit_visit),
            ActionSpec("delete-visit", "Delete vi&sit…", (), w.visits.delete_visit),
            None,
            ActionSpec("quit", "&Quit", (QKeySequence.StandardKey.Quit, "Ctrl+Q"), w.close),
        ],
        reg,
    )
    undo = w.undo_stack.createUndoAction(w, "&Undo")
    undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    redo = w.undo_stack.createRedoAction(w, "&Redo")
    redo.setShortcuts(
        [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
    )
    edit = add_menu(
        w,
        "&Edit",
        [
            ActionSpec(
                "delete-mark",
                "&Delete selected marks",
                (QKeySequence.StandardKey.Delete, "Backspace"),
                bm.remove_selected,
            ),
            ActionSpec("select-all-marks", "Select &all marks", ("Ctrl+A",), bm.select_all_marks),
            None,
            ActionSpec(
                "retry",
                "&Retry saving",
                ("Ctrl+R",),
                w.retry_unsaved,
                "Store again the marks whose save failed",
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
        ActionSpec(f"intensity-{n}", f"Intensity {n}", (str(n),), lambda n=n: bm.set_intensity(n))
        for n in range(10)
    ]
    add_menu(
        w,
        "&Mark",
        [
            *intensity_specs,
            ActionSpec(
                "intensity-up", "Intensity up (to 10)", ("+", "="), lambda: bm.step_intensity(1)
            ),
            ActionSpec("intensity-down", "Intensity down", ("-",), lambda: bm.step_intensity(-1)),
            None,
            ActionSpec("quality", "Next &quality", ("Q",), bm.cycle_quality),
        ],
        reg,
    )
    add_menu(
        w,
        "&View",
        [
            ActionSpec(
                "zoom-in", "Zoom &in", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), bm.zoom_in
            ),
            ActionSpec("zoom-out", "Zoom &out", (QKeySequence.StandardKey.ZoomOut,), bm.zoom_out),
            ActionSpec("fit", "&Fit to window", ("Ctrl+0",), bm.fit),
            None,
            ActionSpec(
                "both-views", "&Both views", ("Ctrl+1",), lambda: bm.set_layout_mode("both")
            ),
            ActionSpec(
                "front-view", "Fr&ont only", ("Ctrl+2",), lambda: bm.set_layout_mode("anterior")
            ),
            ActionSpec(
                "back-view", "B&ack only", ("Ctrl+3",), lambda: bm.set_layout_mode("posterior")
            ),
            ActionSpec(
                "inside-sites",
                "&Inside the body",
                ("Ctrl+4",),
                lambda: bm.show_internal_sites(not bm.inside_button.isChecked()),
                "Teeth, ear, eye, sinus, throat and pelvic sites beside the views",
            ),
        ],
        reg,
    )
    add_menu(
        w,
        "&Muscle",
        [
            ActionSpec(
                "focus-candidates",
                "Go to &candidates",
                ("Ctrl+J",),
                w.focus_candidates,
            ),
            ActionSpec(
                "record-finding",
                "Record &finding…",
                ("Ctrl+Shift+F",),
                w._finding_for_current,
            ),
            ActionSpec(
                "record-treatment",
                "Record &treatment…",
                ("Ctrl+Shift+T",),
                w._treatment_for_current,
            ),
            ActionSpec(
                "show-findings",
                "Show findings && treatment",
                ("Ctrl+Shift+L",),
                lambda: w.side_tabs.setCurrentWidget(w.findings_panel),
            ),
            ActionSpec(
                "clear-highlight",
                "&Clear selection and highlight",
                ("Escape",),
                w.clear_selection_and_highlight,
            ),
        ],
        reg,
    )
    add_menu(
        w,
        "&Help",
        [
            ActionSpec("shortcuts", "&Keyboard shortcuts", ("F1",), w.show_shortcuts),
            ActionSpec("open-log-folder", "Open &log folder", (), _open_log_folder),
        ],
        reg,
    )


def _open_log_folder() -> None:
    from nmt_bodymap.ui.app import open_log_folder  # lazily: app imports the window

    open_log_folder()
