"""The README's test command stops the throw-away PostgreSQL it started, also when pytest fails.

``tools/test.sh`` is run for real (in this project environment, collection only, on a
test id that does not exist so pytest fails) with its own NMT_PG_DIR; afterwards no
process may still name that folder. Skipped where PostgreSQL cannot be started.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def processes_naming(folder: Path) -> list[str]:
    """Command lines of running processes that mention ``folder`` (a postgres -D ... )."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if str(folder) in cmdline:
            found.append(f"{proc.name}: {cmdline.strip()}")
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_failing_test_run_leaves_no_postgres_behind() -> None:
    # Directly under the temporary folder: as root the server runs as `postgres`, which
    # cannot enter pytest's owner-only tmp_path.
    pg_dir = Path(tempfile.gettempdir()) / f"nmt-pg-test-command-{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.pop("NMT_TEST_POSTGRES_URL", None)
    env.update(NMT_PG_DIR=str(pg_dir), NMT_VENV=str(Path(sys.prefix)))
    command = ["bash", "tools/test.sh", "--co", "-q", "-p", "no:randomly"]
    try:
        run = subprocess.run(
            [*command, "tests/core/test_settings.py::no_such_test"],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if "PostgreSQL for the store tests: ready" not in run.stdout:
            pytest.skip("PostgreSQL could not be started here: " + run.stderr[-300:])
        assert run.returncode != 0, "pytest should have failed on the unknown test id"
        assert processes_naming(pg_dir) == []
        assert not (pg_dir / "data").exists(), "the throw-away cluster was not removed"
    finally:  # never leave a server behind, even when this test fails
        if pg_dir.exists():
            subprocess.run(
                ["bash", "tools/postgres_test_server.sh", "stop"],
                cwd=REPO_ROOT,
                env=env,
                capture_output=True,
                timeout=120,
            )
