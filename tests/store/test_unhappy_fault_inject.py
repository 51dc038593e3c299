"""A short run of tools/fault_inject.py: kills during save, backup, migration and restore lose
nothing acknowledged (the full run, 120 rounds, is in bench/RESULTS.md)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_a_short_fault_injection_run_loses_nothing() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "tools" / "fault_inject.py"), "--rounds", "12"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("lost 0, integrity ok")
    assert "acknowledged" in result.stdout
