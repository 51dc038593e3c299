"""The SQLite chart file: private, durable settings, damage detected, no half-writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from nmt_bodymap.store import ChartDatabaseCorrupt, ChartStore, ChartStoreError
from nmt_bodymap.store.models import Complaint


def test_new_chart_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path) as store:
        store.create_client(name="Ana Ruiz")
        for companion in (path, Path(f"{path}-wal")):
            if companion.exists():
                assert companion.stat().st_mode & 0o777 == 0o600, companion
    assert path.stat().st_mode & 0o777 == 0o600
    backups = list((tmp_path / "backups").iterdir())
    assert [b.stat().st_mode & 0o777 for b in backups] == [0o600]


def test_an_existing_chart_readable_by_others_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "charts.sqlite3"
    ChartStore.open(path, backup_on_close=False).close()
    path.chmod(0o644)
    ChartStore.open(path, backup_on_close=False).close()
    assert path.stat().st_mode & 0o777 == 0o600


def test_connections_use_wal_foreign_keys_and_full_sync(tmp_path: Path) -> None:
    store = ChartStore.open(tmp_path / "charts.sqlite3", backup_on_close=False)
    with store._engine.connect() as conn:
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    store.close()
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,
        "busy_timeout": 10000,
    }


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    store = ChartStore.open(tmp_path / "charts.sqlite3", backup_on_close=False)
    with pytest.raises(Exception, match="FOREIGN KEY"), store._engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO pain_marks (visit_id, view, region, side, intensity, quality, "
                "note, created_at, updated_at) VALUES (42, 'anterior', 'jaw', 'left', 1, "
                "'ache', '', '2025-01-01', '2025-01-01')"
            )
        )
    store.close()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(
            lambda p: p.write_bytes(b"Dear diary, today my neck hurt.\n" * 100), id="text"
        ),
        pytest.param(
            lambda p: p.write_bytes(p.read_bytes()[:100] + b"\x00" * 5000), id="truncated"
        ),
        pytest.param(
            lambda p: p.write_bytes(p.read_bytes()[:4096] + os.urandom(len(p.read_bytes()) - 4096)),
            id="scrambled-pages",
        ),
    ],
)
def test_damaged_file_raises_corrupt_and_offers_the_latest_backup(tmp_path: Path, damage) -> None:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path) as store:
        store.create_client(name="Ana Ruiz")
    backup = next((tmp_path / "backups").iterdir())
    damage(path)
    damaged_bytes = path.read_bytes()
    with pytest.raises(ChartDatabaseCorrupt) as caught:
        ChartStore.open(path)
    assert caught.value.latest_backup == backup
    message = str(caught.value)
    assert "cannot be read" in message
    assert backup.name in message
    assert "nmt-bodymap restore --latest" in message
    assert path.read_bytes() == damaged_bytes


def test_damaged_file_without_backups_says_so(tmp_path: Path) -> None:
    path = tmp_path / "charts.sqlite3"
    path.write_bytes(b"not a database at all" * 50)
    with pytest.raises(ChartDatabaseCorrupt, match="No backup of it was found") as caught:
        ChartStore.open(path)
    assert caught.value.latest_backup is None


def test_a_failing_operation_writes_nothing(
    store: ChartStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """save_intake writes the intake, then the complaints: a failure between leaves neither."""
    client = store.create_client(name="Ana Ruiz")

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(Complaint, "__init__", explode)
    with pytest.raises(RuntimeError, match="disk unplugged"):
        store.save_intake(client.id, history="half", complaints=[{"description": "neck"}])
    monkeypatch.undo()
    assert store.get_intake(client.id) is None


def test_store_never_imports_qt() -> None:
    code = (
        "import sys, nmt_bodymap.store, nmt_bodymap.store.service, nmt_bodymap.store.demo, "
        "nmt_bodymap.commands.backup\n"
        "from nmt_bodymap.store import ChartStore\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'nmt_bodymap.ui'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(ChartStoreError, match="Cannot open the chart database"):
        ChartStore.open("postgresql+psycopg://nobody@127.0.0.1:1/charts")
