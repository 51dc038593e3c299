"""Backups that can be trusted: a killed backup never becomes "the latest", broken files
never push good ones out, a second folder, owner-only files, the WAL kept on restore."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.settings import Settings, save_settings
from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.backups import (
    KEEP_LATEST,
    latest_backup,
    list_backups,
    looks_complete,
    restore_backup,
    take_backup,
)
from nmt_bodymap.store.second_copy import second_copy_status

KILL_BEFORE_RENAME = (
    "import os, signal, sys\n"
    "from pathlib import Path\n"
    "from nmt_bodymap.store import backups\n"
    "def die(path):\n"
    "    os.kill(os.getpid(), signal.SIGKILL)\n"
    "backups.check_backup = die\n"
    "backups.take_backup(Path(sys.argv[1]))\n"
)


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        for i in range(30):
            store.create_client(name=f"Client {i}", notes="x" * 2000)
    return path


def _names(path: Path) -> set[str]:
    with ChartStore.open(path, backup_on_close=False) as store:
        return {c.name for c in store.recent_clients(100)}


def test_a_killed_backup_is_never_the_latest_and_is_cleaned_up(chart: Path) -> None:
    good = take_backup(chart, now=datetime.now(UTC) - timedelta(hours=1))
    result = subprocess.run([sys.executable, "-c", KILL_BEFORE_RENAME, str(chart)])
    assert result.returncode == -9
    folder = chart.parent / "backups"
    leftovers = [p for p in folder.iterdir() if p != good]
    assert leftovers and all(p.name.startswith(".") for p in leftovers)
    assert latest_backup(chart) == good
    # a partial copy left by an older version under a final name, and an orphaned journal
    partial = folder / "charts-20990101T000000000000Z.sqlite3"
    partial.write_bytes(good.read_bytes()[:3000])
    (folder / "charts-20990101T000000000000Z.sqlite3-journal").write_bytes(b"j" * 512)
    assert latest_backup(chart) == good
    ChartStore.open(chart, backup_on_close=False).close()  # the next start tidies up
    assert not any(p.name.endswith(("-journal", ".partial")) for p in folder.iterdir())
    assert main(["restore", "--db", str(chart), "--latest"]) == 0
    assert len(_names(chart)) == 30


def test_rotation_never_pushes_good_backups_out_for_broken_ones(chart: Path) -> None:
    now = datetime.now(UTC)
    good = [take_backup(chart, now=now - timedelta(minutes=60 - i)) for i in range(KEEP_LATEST)]
    folder = chart.parent / "backups"
    for i in range(KEEP_LATEST):  # newer, but broken
        stamp = (now - timedelta(minutes=20 - i)).strftime("%Y%m%dT%H%M%S%fZ")
        (folder / f"charts-{stamp}.sqlite3").write_bytes(good[0].read_bytes()[:2048])
    newest = take_backup(chart, now=now)
    assert all(path.exists() for path in [*good[1:], newest])  # the newest 10 good ones


def test_backups_are_owner_only_and_verified(chart: Path) -> None:
    copy = take_backup(chart)
    assert copy.stat().st_mode & 0o777 == 0o600
    assert (chart.parent / "backups").stat().st_mode & 0o777 == 0o700
    assert looks_complete(copy)
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_second_backup_folder_gets_a_copy_and_its_last_success_is_recorded(
    chart: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NMT_BODYMAP_CONFIG_DIR", str(tmp_path / "config"))
    second = tmp_path / "usb-stick"
    second.mkdir()
    save_settings(Settings(backup_folder=str(second)))
    copy = take_backup(chart)
    assert (second / copy.name).is_file() and looks_complete(second / copy.name)
    assert (second / copy.name).stat().st_mode & 0o777 == 0o600
    status = second_copy_status(chart)
    assert status is not None and status["ok"] is True and status["last_success"]
    first_success = status["last_success"]
    shutil.rmtree(second)  # the stick is unplugged: the backup itself still works
    later = take_backup(chart, now=datetime.now(UTC) + timedelta(minutes=5))
    assert later.is_file()
    status = second_copy_status(chart)
    assert status is not None and status["ok"] is False
    assert status["last_success"] == first_success
    assert main(["backup", "--db", str(chart), "--json"]) == 0


def test_restoring_over_a_chart_with_a_damaged_header_keeps_its_wal(chart: Path) -> None:
    backup = take_backup(chart)
    store = ChartStore.open(chart, backup_on_close=False)
    store.create_client(name="Only In The Wal")
    wal = Path(f"{chart}-wal")
    saved_main, saved_wal = chart.read_bytes(), wal.read_bytes()
    store.close()
    assert "Only In The Wal" in saved_wal.decode("latin-1")
    chart.write_bytes(b"Dear diary, ouch" + saved_main[16:])
    wal.write_bytes(saved_wal)
    damaged = chart.read_bytes()
    kept = restore_backup(chart, backup)
    assert kept is not None and kept.read_bytes() == damaged
    assert Path(f"{kept}-wal").read_bytes() == saved_wal
    assert kept.stat().st_mode & 0o777 == 0o600
    # the kept pair still holds the row saved only in the WAL once the header is repaired
    repaired = chart.parent / "repaired.sqlite3"
    repaired.write_bytes(saved_main)
    Path(f"{repaired}-wal").write_bytes(Path(f"{kept}-wal").read_bytes())
    with sqlite3.connect(repaired) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM clients")}
    assert "Only In The Wal" in names


def test_cli_backup_to_a_missing_folder_is_one_line(
    chart: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["backup", "--db", str(chart), "--to", str(tmp_path / "nope" / "x.sqlite3")])
    err = capsys.readouterr().err.strip()
    assert code in (1, 2) and len(err.splitlines()) == 1 and "nope" in err


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_cli_bad_database_url_is_one_line(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    extra = ["--latest"] if command == "restore" else []
    assert main([command, "--db", "://", *extra]) in (1, 2)
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("nmt-bodymap: error:")


def test_failed_migration_copies_are_rotated(chart: Path, tmp_path: Path) -> None:
    from nmt_bodymap.store.migrate import KEEP_PRE_MIGRATION, rotate_pre_migration_copies

    for i in range(KEEP_PRE_MIGRATION + 3):
        take_backup(chart, kind="pre-migration-0001", now=datetime(2025, 1, 1 + i, tzinfo=UTC))
    rotate_pre_migration_copies(chart)
    kept = list_backups(chart, kind="pre-migration")
    assert len(kept) == KEEP_PRE_MIGRATION
    assert kept[0].taken_at.day == KEEP_PRE_MIGRATION + 3


def test_json_of_second_copy_status_is_owner_only(
    chart: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NMT_BODYMAP_CONFIG_DIR", str(tmp_path / "config"))
    save_settings(Settings(backup_folder=str(tmp_path / "absent")))
    take_backup(chart)
    status_file = chart.parent / "backups" / "second-copy.json"
    assert status_file.stat().st_mode & 0o777 == 0o600
    assert json.loads(status_file.read_text())["ok"] is False
    assert os.listdir(chart.parent / "backups")
