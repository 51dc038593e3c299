"""Backups: online copies, rotation, daily and on-close backups, checked restores, the CLI."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.store import ChartStore, ChartStoreError
from nmt_bodymap.store.backups import (
    KEEP_DAYS,
    KEEP_LATEST,
    list_backups,
    restore_backup,
    take_backup,
)


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz")
    return path


def _names(path: Path) -> list[str]:
    with ChartStore.open(path, backup_on_close=False) as store:
        return [c.name for c in store.search_clients("a")]


def test_backup_while_the_chart_is_open_and_restore_round_trip(chart: Path) -> None:
    store = ChartStore.open(chart, backup_on_close=False)
    store.create_client(name="Anabel Smith")
    copy = store.backup()  # the store keeps its connections open meanwhile
    store.create_client(name="Arturo Late")
    store.close()
    assert copy.parent == chart.parent / "backups"
    assert _names(copy) == ["Ana Ruiz", "Anabel Smith"]

    kept = restore_backup(chart, copy)
    assert _names(chart) == ["Ana Ruiz", "Anabel Smith"]
    assert kept is not None and _names(kept) == ["Ana Ruiz", "Anabel Smith", "Arturo Late"]
    assert chart.stat().st_mode & 0o777 == 0o600


def test_restore_refuses_a_damaged_or_foreign_backup_and_keeps_the_chart(
    chart: Path, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"garbage" * 1000)
    with pytest.raises(ChartStoreError, match="not a usable backup"):
        restore_backup(chart, damaged)
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER)")
    with pytest.raises(ChartStoreError, match="not a chart database backup"):
        restore_backup(chart, foreign)
    assert _names(chart) == ["Ana Ruiz"]


def test_close_backs_up_a_changed_chart_only(chart: Path) -> None:
    ChartStore.open(chart).close()
    assert list_backups(chart) == []
    with ChartStore.open(chart) as store:
        store.create_client(name="Anabel Smith")
    assert len(list_backups(chart)) == 1


def test_daily_backup_is_taken_when_due(chart: Path) -> None:
    with ChartStore.open(chart, backup_on_close=False) as store:
        first = store.backup_if_due()
        assert first is not None
        assert store.backup_if_due() is None
    take_backup(chart, now=datetime.now(UTC) - timedelta(days=2))
    assert list_backups(chart)[0].path == first


def test_rotation_keeps_the_latest_ten_and_one_a_day_for_two_weeks(chart: Path) -> None:
    now = datetime(2025, 3, 31, 12, 0, tzinfo=UTC)
    taken = []
    for day in range(20):  # two a day for 20 days, oldest first
        for hour in (9, 17):
            when = now - timedelta(days=19 - day) + timedelta(hours=hour - 12)
            taken.append(take_backup(chart, now=when))
    kept = {b.path for b in list_backups(chart)}
    assert set(taken[-KEEP_LATEST:]) <= kept
    newest_per_day = {taken[i * 2 + 1] for i in range(20 - KEEP_DAYS, 20)}
    assert newest_per_day <= kept
    assert len(kept) == len(set(taken[-KEEP_LATEST:]) | newest_per_day)
    assert all(path.exists() == (path in kept) for path in taken)


def test_cli_backup_and_restore_latest(
    chart: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--db", str(chart), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert Path(result["backup"]).is_file() and result["database"] == str(chart)

    with ChartStore.open(chart, backup_on_close=False) as store:
        store.create_client(name="Arturo Late")
    assert main(["--db", str(chart), "restore", "--latest", "--json"]) == 0
    restored = json.loads(capsys.readouterr().out)
    assert restored["restored_from"] == result["backup"]
    assert _names(chart) == ["Ana Ruiz"]
    assert _names(Path(restored["previous_copy"])) == ["Ana Ruiz", "Arturo Late"]

    target = tmp_path / "usb"
    target.mkdir()
    assert main(["backup", "--db", str(chart), "--to", str(target)]) == 0
    assert "Backed up" in capsys.readouterr().out
    assert len(list(target.iterdir())) == 1


def test_cli_reports_bad_input_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--db", str(tmp_path / "missing.sqlite3")]) == 2
    assert "there is no chart database" in capsys.readouterr().err
    assert main(["restore", "--db", str(tmp_path / "missing.sqlite3"), "--latest"]) == 2
    assert "there is no backup" in capsys.readouterr().err
    assert main(["backup", "--db", "postgresql+psycopg://u@localhost/charts"]) == 1
    assert "pg_dump" in capsys.readouterr().err


def test_postgres_store_backup_explains_pg_dump(store: ChartStore) -> None:
    if store.path is not None:
        pytest.skip("SQLite charts are backed up by the store itself")
    with pytest.raises(ChartStoreError, match="pg_dump"):
        store.backup()
    assert store.backup_if_due() is None
