"""What the command-line start does before the window's first paint (issue 18).

A fresh process starts as the therapist does (``nmt_bodymap.cli.main(["--db", chart])``) and
reports at the window's first paint: whether PySide6's ``Qt`` namespace was made by then
(~12 ms of enums the first frame does not need; the accessibility hook made it) and how
many source files ``linecache`` holds (PySide6's import hook used to keep every imported
module's source) and whether the sign-in dialogs' module was loaded (not for an existing
plain chart). The accessibility hook now names the main window's controls right after
that paint (tests/ui/test_accessibility_start.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

CHILD = textwrap.dedent(
    """
    import json, linecache, os, sys
    import PySide6.QtCore as QtCore
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    import nmt_bodymap.ui.app as app_module
    from nmt_bodymap.cli import main

    seen = {}
    show = app_module.show_main_window

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and "qt_namespace" not in seen:
                seen["qt_namespace"] = "Qt" in vars(QtCore)
                seen["dialogs"] = "nmt_bodymap.ui.access.sign_in_dialog" in sys.modules
                seen["sqlite3"] = "sqlite3" in sys.modules
                seen["gui_threadpool_off"] = os.environ.get("QT_NO_GUI_THREADPOOL")
                seen["cached_sources"] = sum(
                    1 for entry in linecache.cache.values() if entry[1] is not None
                )
                QTimer.singleShot(0, QApplication.instance().quit)
            return False

    def watched_show(*args, **kwargs):
        window = show(*args, **kwargs)
        window._test_watcher = FirstPaint()
        window.installEventFilter(window._test_watcher)
        QTimer.singleShot(60_000, QApplication.instance().quit)  # never hang
        return window

    app_module.show_main_window = watched_show
    status = main(["--db", sys.argv[1]])
    print(json.dumps({**seen, "status": status}), flush=True)
    """
)


def test_the_command_line_start_paints_without_qt_enums_kept_sources_or_dialogs(
    tmp_path: Path,
) -> None:
    from nmt_bodymap.store.service import ChartStore

    chart = tmp_path / "charts.sqlite3"  # an existing plain chart: no first-start dialog
    ChartStore.open(chart, backup_on_close=False).close()
    env = {
        **{k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"},
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "NMT_BODYMAP_CONFIG_DIR": str(tmp_path / "config"),
        "NMT_BODYMAP_DATA_DIR": str(tmp_path / "data"),
        "NMT_BODYMAP_LOG_DIR": str(tmp_path / "logs"),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(chart)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:  # timed out or interrupted: never leave it running
            process.kill()
            process.communicate()
    assert process.returncode == 0, err[-2000:]
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["qt_namespace"] is False
    assert seen["cached_sources"] == 0
    # an existing plain chart needs no set-up or unlock dialog: their module (widgets, key
    # handling, sqlite3) is not loaded before the first paint
    assert seen["dialogs"] is False
    assert seen["sqlite3"] is False
    # a click's paint is not handed to Qt's GUI thread pool (it cost more than it saved)
    assert seen["gui_threadpool_off"] == "1"
