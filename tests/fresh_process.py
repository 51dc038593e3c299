"""A fresh Python process for the start-path tests: run a script, read its JSON report.

Tests that check what a launch imports or sets up before the first paint cannot run in the
test process (it has imported everything already): they run a child script that prints one
JSON line. The child is always stopped (killed on a timeout or an interruption).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def app_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a launch that keeps its settings, data and logs in ``tmp_path``."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "NMT_BODYMAP_CONFIG_DIR": str(tmp_path / "config"),
        "NMT_BODYMAP_DATA_DIR": str(tmp_path / "data"),
        "NMT_BODYMAP_LOG_DIR": str(tmp_path / "logs"),
        **extra,
    }


def run_child(code: str, *args: str, env: dict[str, str], timeout: float = 120) -> Any:
    """Run ``python -c code args...``; its last JSON line, once it exited cleanly."""
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:  # timed out or interrupted: never leave it running
            process.kill()
            process.communicate()
    assert process.returncode == 0, err[-2000:]
    lines = [line for line in out.splitlines() if line.startswith("{")]
    assert lines, f"no report from the child; stderr: {err[-2000:]}"
    return json.loads(lines[-1])
