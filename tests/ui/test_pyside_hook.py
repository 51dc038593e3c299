"""PySide6's import hook reads no module's source once the app is imported (issue 18).

Run in a fresh process: the hook is process-wide and the test session has PySide6 (and
most modules) imported long before. The child imports the app's start module, then a
module of its own from a file, on the GUI thread and on a worker thread, and reports
whether that module's source landed in ``linecache`` (PySide6's ``inspect.getsource``
leaves it there) and whether Qt still works: a window with a button, a signal, a slot.
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.fresh_process import run_child

CHILD = textwrap.dedent(
    """
    import json, linecache, sys, threading
    sys.path.insert(0, sys.argv[1])
    import nmt_bodymap.ui.app  # the start path's first module with PySide6
    from nmt_bodymap.ui import pyside_hook

    import probe_main  # a module imported after PySide6, on the GUI thread
    thread = threading.Thread(target=lambda: __import__("probe_worker"))
    thread.start()
    thread.join()
    read = sorted(
        name for name in ("probe_main", "probe_worker")
        if any(key.endswith(name + ".py") for key in linecache.cache)
    )

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QPushButton

    class Sender(QObject):
        said = Signal(str)

    app = QApplication([])
    heard = []
    sender = Sender()
    sender.said.connect(heard.append)
    sender.said.emit("hello")
    button = QPushButton("Mark")
    button.clicked.connect(lambda: heard.append("clicked"))
    button.click()
    print(json.dumps({
        "installed": pyside_hook.installed(),
        "sources_read": read,
        "heard": heard,
        "text": button.text(),
        "snake_case_absent": not hasattr(button, "set_text"),
    }), flush=True)
    """
)


def _run_child(tmp_path: Path) -> dict[str, object]:
    for name in ("probe_main", "probe_worker"):
        (tmp_path / f"{name}.py").write_text("# PySide6 is mentioned here\nVALUE = 1\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    result: dict[str, object] = run_child(CHILD, str(tmp_path), env=env)
    return result


def test_modules_imported_after_the_app_are_not_read_and_qt_still_works(
    tmp_path: Path,
) -> None:
    report = _run_child(tmp_path)
    assert report["installed"] is True
    # PySide6's own hook would have read both files to look for "PySide6" in them.
    assert report["sources_read"] == []
    assert report["heard"] == ["hello", "clicked"]
    assert report["text"] == "Mark"
    assert report["snake_case_absent"] is True  # no feature selected anywhere


def test_an_unknown_hook_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PySide6 whose ``__feature__`` has another shape is not touched."""
    import types

    from nmt_bodymap.ui import pyside_hook

    other = types.ModuleType("__feature__")
    monkeypatch.setitem(sys.modules, "__feature__", other)
    assert pyside_hook.quiet_feature_hook() is False
    assert not hasattr(other, "_mod_uses_pyside")
    assert pyside_hook.installed() is False


def test_no_module_of_the_app_selects_a_pyside_feature() -> None:
    """The hook's premise: with no ``from __feature__ import ...`` anywhere, every module
    runs with PySide6's default API whatever default the hook gives it."""
    import nmt_bodymap

    package = Path(nmt_bodymap.__file__).parent
    selecting = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "pyside_hook.py" and "__feature__" in path.read_text(encoding="utf-8")
    ]
    assert selecting == []
