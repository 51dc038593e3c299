"""Process memory settings at start (issue 18): what ``memory_tuning`` changes and where.

PySide6 checks each imported module for ``PySide6`` in its source; the app keeps that answer
but no longer keeps every module's source in ``linecache``. glibc's malloc arenas are capped
on Linux; elsewhere nothing is touched.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap import memory_tuning

REPO = Path(__file__).resolve().parents[1]

# A fresh process: the application as ``ensure_application`` makes it, then two modules
# imported the way the app imports the store and the map after the first paint.
CHILD = textwrap.dedent(
    """
    import json, linecache, sys
    from nmt_bodymap.ui.app import ensure_application

    app = ensure_application()
    sys.path.insert(0, sys.argv[1])
    import nmt_probe_qt, nmt_probe_plain  # through PySide6's import hook, as the app's imports
    feature = sys.modules["shibokensupport.feature"]
    files = [entry for entry in linecache.cache.values() if entry[1] is not None]
    print(json.dumps({
        "cached_files": [path for path in linecache.cache if path.endswith(".py")],
        "lines": sum(len(entry[2]) for entry in files),
        "qt": feature.pyside_feature_dict.get("nmt_probe_qt"),
        "plain": feature.pyside_feature_dict.get("nmt_probe_plain"),
    }))
    """
)


def _run_child(tmp_path: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    (tmp_path / "nmt_probe_qt.py").write_text("import PySide6.QtCore\nVALUE = 1\n")
    (tmp_path / "nmt_probe_plain.py").write_text("VALUE = 2  # no Qt here\n")
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO), **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def test_the_app_keeps_no_module_source_in_memory_and_pyside_still_knows_its_users(
    tmp_path: Path,
) -> None:
    found = _run_child(tmp_path)
    # PySide6's answer is unchanged: 0 = "uses PySide6" (features switch), -1 = ignored
    assert found["qt"] == 0
    assert found["plain"] == -1
    # ... but no source file is held for it (before: every imported module's lines)
    assert found["cached_files"] == []
    assert found["lines"] == 0


def test_uses_pyside_reads_the_file_and_falls_back_without_one(tmp_path: Path) -> None:
    qt = tmp_path / "qt_user.py"
    qt.write_text("from PySide6.QtWidgets import QWidget\n")
    plain = tmp_path / "plain.py"
    plain.write_text("import json\n")
    asked: list[str] = []

    def fallback(module: types.ModuleType) -> bool:
        asked.append(module.__name__)
        return True

    def module(name: str, file: str | None) -> types.ModuleType:
        made = types.ModuleType(name)
        if file is not None:
            made.__file__ = file
        return made

    assert memory_tuning.uses_pyside(module("qt_user", str(qt)), fallback) is True
    assert memory_tuning.uses_pyside(module("plain", str(plain)), fallback) is False
    assert asked == []
    # no file, a compiled-only module, a file gone: PySide6's own check answers
    assert memory_tuning.uses_pyside(module("builtin", None), fallback) is True
    assert memory_tuning.uses_pyside(module("frozen", str(tmp_path / "x.pyc")), fallback)
    assert memory_tuning.uses_pyside(module("gone", str(tmp_path / "gone.py")), fallback)
    assert asked == ["builtin", "frozen", "gone"]


def test_the_same_answer_as_pyside_for_every_module_loaded(qapp: Any) -> None:
    feature = sys.modules["shibokensupport.feature"]
    check = getattr(feature._mod_uses_pyside, "_nmt_original", feature._mod_uses_pyside)
    modules = [
        m for m in list(sys.modules.values()) if str(getattr(m, "__file__", "")).endswith(".py")
    ]
    assert len(modules) > 100
    differ = [m.__name__ for m in modules if memory_tuning.uses_pyside(m, check) != check(m)]
    assert differ == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc malloc on Linux only")
def test_malloc_arenas_are_capped_on_linux_unless_the_environment_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert memory_tuning.limit_malloc_arenas() is True
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")  # the user's own tuning wins
    assert memory_tuning.limit_malloc_arenas() is False
    monkeypatch.delenv("MALLOC_ARENA_MAX")
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=4")
    assert memory_tuning.limit_malloc_arenas() is False


def test_nothing_is_touched_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_libc(*_args: object) -> object:
        raise AssertionError("libc loaded off Linux")

    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.setattr(ctypes, "CDLL", no_libc)
    for platform in ("darwin", "win32"):
        monkeypatch.setattr(sys, "platform", platform)
        assert memory_tuning.limit_malloc_arenas() is False


def test_a_libc_without_mallopt_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    class Musl:  # no mallopt, no gnu_get_libc_version
        pass

    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda *_a: Musl())
    assert memory_tuning.limit_malloc_arenas() is False


def test_tuning_without_pyside_loaded_changes_nothing_and_applies_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(memory_tuning, "_applied", {})
    monkeypatch.delitem(sys.modules, "shibokensupport.feature", raising=False)
    monkeypatch.setenv("MALLOC_ARENA_MAX", "2")
    assert memory_tuning.tune_process() == {"scan": False, "arenas": False}
    assert memory_tuning.tune_process() == {"scan": False, "arenas": False}
