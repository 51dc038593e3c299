"""The start path paints its first window without the heavy libraries (issue 18).

A fresh Python process runs the app's own start path (``ensure_application``,
``apply_theme``, the encrypted-chart check ``before_open``, ``show_main_window``, as
``run_app`` does) off screen and, at the
first paint of the window, reports which of the heavy modules are already imported.
A second child starts the way the therapist does, through the command line
(``nmt_bodymap.cli.main(["--db", chart])``: argument parsing, ``run_app``'s checks,
logging, accessibility, the sign-in hooks). Either fails when someone imports one of
the heavy modules on the start path again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

# Not needed for the first frame: the atlas (numpy, shapely, svgelements), the knowledge
# (pydantic, PyYAML), the store (SQLAlchemy, Alembic), documents (fhir.resources) and
# security (sqlcipher3, argon2, keyring) load after the first paint.
HEAVY = (
    "numpy",
    "shapely",
    "sqlalchemy",
    "alembic",
    "pydantic",
    "yaml",
    "svgelements",
    "fhir",
    "sqlcipher3",
    "argon2",
    "keyring",
)

CHILD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from nmt_bodymap.ui.app import ensure_application, show_main_window
    from nmt_bodymap.ui.access.sign_in_dialog import before_open
    from nmt_bodymap.ui.theme import apply_theme
    from nmt_bodymap.ui.chart.worker import StoreWorker

    HEAVY = json.loads(sys.argv[1])
    app = ensure_application()
    apply_theme(app)
    worker = StoreWorker()
    seen = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not seen:
                seen["heavy"] = sorted(
                    {name.split(".")[0] for name in sys.modules} & set(HEAVY)
                )
                seen["built"] = bool(getattr(watched, "built", None))
                QTimer.singleShot(0, app.quit)
            return False

    try:
        assert before_open(sys.argv[2])  # run_app's check for an encrypted chart
        window = show_main_window(app, worker, sys.argv[2])
        watcher = FirstPaint()
        window.installEventFilter(watcher)
        QTimer.singleShot(60_000, app.quit)  # never hang: the parent also has a timeout
        app.exec()
    finally:
        worker.shutdown()
    print(json.dumps(seen), flush=True)
    """
)


# The whole entry point: the window's first paint is watched by wrapping show_main_window.
CLI_CHILD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    import nmt_bodymap.ui.app as app_module
    from nmt_bodymap.cli import main

    HEAVY = json.loads(sys.argv[1])
    seen = {}
    show = app_module.show_main_window

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not seen:
                seen["heavy"] = sorted(
                    {name.split(".")[0] for name in sys.modules} & set(HEAVY)
                )
                seen["built"] = bool(getattr(watched, "built", None))
                QTimer.singleShot(0, QApplication.instance().quit)
            return False

    def watched_show(*args, **kwargs):
        window = show(*args, **kwargs)
        window._test_watcher = FirstPaint()
        window.installEventFilter(window._test_watcher)
        QTimer.singleShot(60_000, QApplication.instance().quit)  # never hang
        return window

    app_module.show_main_window = watched_show
    status = main(["--db", sys.argv[2]])
    print(json.dumps({**seen, "status": status}), flush=True)
    """
)


def _first_paint_report(tmp_path: Path, child: str = CHILD) -> dict[str, object]:
    from nmt_bodymap.store.service import ChartStore

    chart = tmp_path / "charts.sqlite3"  # an existing plain chart: no first-start dialog
    ChartStore.open(chart, backup_on_close=False).close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "NMT_BODYMAP_CONFIG_DIR": str(tmp_path / "config"),
        "NMT_BODYMAP_DATA_DIR": str(tmp_path / "data"),
        "NMT_BODYMAP_LOG_DIR": str(tmp_path / "logs"),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", child, json.dumps(HEAVY), str(chart)],
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
    lines = [line for line in out.splitlines() if line.startswith("{")]
    assert lines, f"no report from the child; stderr: {err[-2000:]}"
    return json.loads(lines[-1])


def test_the_first_paint_imports_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    report = _first_paint_report(tmp_path)
    assert "heavy" in report, "the window never painted"
    assert report["heavy"] == [], (
        f"imported before the first paint of the window: {report['heavy']}; "
        "import them inside the function that needs them (issue 18)"
    )
    # The panels (atlas, knowledge) are built right after that first paint, not before.
    assert report["built"] is False


def test_the_command_line_start_imports_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    """``nmt-bodymap --db chart``: the sub-commands' modules (the store, the ranking) and
    the chart address check load nothing heavy before the window is painted."""
    report = _first_paint_report(tmp_path, CLI_CHILD)
    assert "heavy" in report, "the window never painted"
    assert report["heavy"] == [], (
        f"imported before the first paint of the window: {report['heavy']}; "
        "import them inside the function that needs them (issue 18)"
    )
    assert report["built"] is False
    assert report["status"] == 0
