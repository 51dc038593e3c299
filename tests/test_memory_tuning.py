"""Process memory settings at start (issue 18): what ``memory_tuning`` changes and where.

PySide6 checked each imported module for ``PySide6`` by reading its source, kept in
``linecache``; the app (``ui.pyside_hook``) answers without reading, so no source is kept.
glibc's malloc arenas are capped on Linux; elsewhere nothing is touched.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import textwrap
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


def test_the_app_keeps_no_module_source_in_memory(tmp_path: Path) -> None:
    found = _run_child(tmp_path)
    # no source file is held for PySide6's question (before: every imported module's lines)
    assert found["cached_files"] == []
    assert found["lines"] == 0


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


def test_tuning_applies_once_and_the_environment_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(memory_tuning, "_applied", {})
    monkeypatch.setenv("MALLOC_ARENA_MAX", "2")
    assert memory_tuning.tune_process() == {"arenas": False}
    assert memory_tuning.tune_process() == {"arenas": False}
