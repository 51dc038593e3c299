"""The log file rotates by size, owner-only, without logging.handlers (issue 18: that
module alone cost ~11 ms of every start before the window's first paint)."""

from __future__ import annotations

import logging
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from nmt_bodymap import logs


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv("NMT_BODYMAP_LOG_DIR", str(folder))
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    monkeypatch.setattr(logs, "BACKUP_COUNT", 3)
    root = logging.getLogger()
    before = list(root.handlers)
    yield folder
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()


def test_the_log_rotates_by_size_and_keeps_the_newest_files_owner_only(log_dir: Path) -> None:
    path = logs.setup_logging(crash_file=False)
    log = logging.getLogger("nmt_bodymap.test")
    for i in range(200):
        log.warning("line %03d of the rotation test", i)
    files = sorted(p.name for p in log_dir.iterdir())
    assert files == [logs.LOG_FILE, *(f"{logs.LOG_FILE}.{i}" for i in (1, 2, 3))]
    for name in files:
        size = (log_dir / name).stat().st_size
        assert 0 < size <= 2_000
        assert stat.S_IMODE((log_dir / name).stat().st_mode) == 0o600
    # the newest line is in the live file, the one before it never lost between files
    assert "line 199" in path.read_text(encoding="utf-8")
    kept = "".join((log_dir / n).read_text(encoding="utf-8") for n in reversed(files[1:]))
    kept += path.read_text(encoding="utf-8")
    numbers = [int(line.split("line ")[1][:3]) for line in kept.splitlines()]
    assert numbers == list(range(numbers[0], 200))  # in order, none missing, none twice


def test_importing_the_logs_module_loads_no_logging_handlers() -> None:
    code = "import sys, nmt_bodymap.logs; print('logging.handlers' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "False"
