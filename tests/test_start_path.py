"""The start path paints its first window without the heavy libraries (issue 18).

A fresh Python process runs the app's own start path (``ensure_application``,
``apply_theme``, the encrypted-chart check ``before_open``, ``show_main_window``, as
``run_app`` does) off screen and, at the
first paint of the window, reports which of the heavy modules are already imported.
A second child starts the way the therapist does, through the command line
(``nmt_bodymap.cli.main(["--db", chart])``: argument parsing, ``run_app``'s checks,
logging, accessibility, the sign-in hooks). Either fails when someone imports one of
the heavy modules on the start path again. The command-line child also reports what else
the first frame must not pay for: PySide6's ``Qt`` namespace (~12 ms of enums; the
accessibility hook made it), module sources kept in ``linecache`` (PySide6's import hook
kept every imported module's), the set-up/unlock dialogs' module and sqlite3 (an existing
plain chart needs no dialog), and Qt's GUI thread pool left on.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.fresh_process import app_env, run_child

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
    import json, linecache, os, sys
    import PySide6.QtCore as QtCore
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
    status = main(["--db", sys.argv[2]])
    print(json.dumps({**seen, "status": status}), flush=True)
    """
)


def _first_paint_report(tmp_path: Path, child: str = CHILD) -> dict[str, object]:
    from nmt_bodymap.store.service import ChartStore

    chart = tmp_path / "charts.sqlite3"  # an existing plain chart: no first-start dialog
    ChartStore.open(chart, backup_on_close=False).close()
    env = app_env(tmp_path)
    env.pop("QT_NO_GUI_THREADPOOL", None)  # the app's own default is checked
    return run_child(child, json.dumps(HEAVY), str(chart), env=env)


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


def test_the_command_line_start_paints_without_qt_enums_kept_sources_or_dialogs(
    tmp_path: Path,
) -> None:
    seen = _first_paint_report(tmp_path, CLI_CHILD)
    # (the whole report in each message: this failed once under a loaded full run, 2026-12-03,
    # and did not again in 40 loaded runs; the next failure should say which part moved)
    assert seen["qt_namespace"] is False, seen
    assert seen["cached_sources"] == 0, seen
    # an existing plain chart needs no set-up or unlock dialog: their module (widgets, key
    # handling, sqlite3) is not loaded before the first paint
    assert seen["dialogs"] is False, seen
    assert seen["sqlite3"] is False, seen
    # a click's paint is not handed to Qt's GUI thread pool (it cost more than it saved)
    assert seen["gui_threadpool_off"] == "1", seen


def test_a_clinic_server_start_paints_before_sqlalchemy_or_the_dialogs(tmp_path: Path) -> None:
    """``nmt-bodymap --db postgresql+psycopg://...`` (the multi-room clinic): the address is
    read by SQLAlchemy when the store opens, after the first paint, as a file chart is; a
    server chart has no set-up or unlock dialog before its window. No server is needed: the
    child ends at the first paint (the store's opening, after it, fails harmlessly)."""
    env = app_env(tmp_path)
    env.pop("QT_NO_GUI_THREADPOOL", None)
    address = "postgresql+psycopg://nobody@127.0.0.1:1/charts"
    report = run_child(CLI_CHILD, json.dumps(HEAVY), address, env=env)
    assert "heavy" in report, "the window never painted"
    assert report["heavy"] == [], f"imported before the first paint: {report['heavy']}"
    assert report["dialogs"] is False
