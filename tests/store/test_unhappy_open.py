"""Correct diagnoses when a chart is opened or written: empty, unreadable, full disk,
read-only, not a chart, newer; each its own error, nothing destroyed, no client data in
messages or the log."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from nmt_bodymap import logs
from nmt_bodymap.store import ChartDatabaseCorrupt, ChartStore, ChartStoreError
from nmt_bodymap.store.backups import list_backups, restore_backup, take_backup
from nmt_bodymap.store.database import database_url, make_engine
from nmt_bodymap.store.errors import (
    ChartDiskFull,
    ChartFileEmpty,
    ChartNewerSchema,
    ChartNotAChart,
    ChartReadOnly,
    ChartUnreadable,
)

PHI_NAME = "Zelda Quixote-Phi"
PHI_NOTE = "HIV positive, confidential note 8812"


def _mount(folder: Path, size: str) -> None:
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
    )
    if result.returncode != 0:
        folder.rmdir()
        pytest.skip("cannot mount a small tmpfs here (needs root)")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB file system; unmounted after the test."""
    folder = tmp_path / "small-disk"
    _mount(folder, "2m")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> None:
    with (folder / "filler").open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass


def test_zero_length_chart_is_reported_not_replaced(tmp_path: Path) -> None:
    chart = tmp_path / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz")
        good = store.backup()
    chart.write_bytes(b"")
    with pytest.raises(ChartFileEmpty, match="empty") as caught:
        ChartStore.open(chart)
    assert isinstance(caught.value, ChartDatabaseCorrupt)  # the restore offer applies
    assert caught.value.latest_backup == good
    assert chart.stat().st_size == 0  # nothing replaced
    restore_backup(chart, good)
    with ChartStore.open(chart, backup_on_close=False) as store:
        assert [c.name for c in store.recent_clients()] == ["Ana Ruiz"]


def test_a_foreign_sqlite_file_is_refused_with_its_bytes_and_mode_unchanged(
    tmp_path: Path,
) -> None:
    other = tmp_path / "recipes.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO recipes (name) VALUES ('soup')")
    conn.close()
    os.chmod(other, 0o644)
    before = hashlib.sha256(other.read_bytes()).hexdigest()
    with pytest.raises(ChartNotAChart, match="not a chart database"):
        ChartStore.open(other)
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before
    assert other.stat().st_mode & 0o777 == 0o644
    assert not Path(f"{other}-wal").exists()
    with sqlite3.connect(other) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_newer_chart_is_refused_untouched(tmp_path: Path) -> None:
    chart = tmp_path / "charts.sqlite3"
    ChartStore.open(chart, backup_on_close=False).close()
    with sqlite3.connect(chart) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.close()
    before = chart.read_bytes()
    with pytest.raises(ChartNewerSchema, match="newer version"):
        ChartStore.open(chart)
    assert chart.read_bytes() == before


def test_an_unreadable_chart_is_not_called_damaged(tmp_path: Path) -> None:
    chart = tmp_path / "charts.sqlite3"
    chart.mkdir()  # something that cannot be read as a file
    with pytest.raises(ChartUnreadable) as caught:
        ChartStore.open(chart)
    assert not isinstance(caught.value, ChartDatabaseCorrupt)
    assert chart.is_dir()


def test_data_folder_that_is_a_file_is_one_clear_error(tmp_path: Path) -> None:
    parent = tmp_path / "not-a-folder"
    parent.write_text("x")
    with pytest.raises(ChartUnreadable, match="is a file"):
        ChartStore.open(parent / "charts.sqlite3")


def test_full_disk_while_saving_is_a_plain_error_without_client_data(
    small_disk: Path, caplog: pytest.LogCaptureFixture
) -> None:
    chart = small_disk / "charts.sqlite3"
    store = ChartStore.open(chart, backup_on_close=False)
    try:
        store.create_client(name="Ana Ruiz")
        _fill(small_disk)
        caplog.set_level(logging.DEBUG)
        with pytest.raises(ChartStoreError) as caught:
            for i in range(200):
                store.create_client(name=f"{PHI_NAME} {i}", notes=PHI_NOTE * 40)
        assert isinstance(caught.value, ChartDiskFull), caught.value
        message = str(caught.value)
        assert "full" in message and "damaged" not in message
        assert PHI_NAME not in message and PHI_NOTE not in message
        assert "sqlite3.OperationalError" not in message and "https://" not in message
        assert PHI_NAME not in caplog.text and PHI_NOTE not in caplog.text
        (small_disk / "filler").unlink()
        assert store.search_clients("ana")[0].name == "Ana Ruiz"  # what was saved is there
    finally:
        store.close()


def test_full_disk_at_backup_leaves_no_partial_file_and_says_so(small_disk: Path) -> None:
    chart = small_disk / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        for i in range(20):
            store.create_client(name=f"Ana Ruiz {i}", notes="x" * 9000)
    _fill(small_disk)
    with pytest.raises(ChartStoreError) as caught:
        take_backup(chart)
    assert "full" in str(caught.value) or "disk" in str(caught.value)
    assert list_backups(chart, kind=None) == []
    assert not [p for p in (small_disk / "backups").iterdir()]


def test_full_disk_at_restore_changes_nothing(small_disk: Path, tmp_path: Path) -> None:
    chart = small_disk / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        for i in range(20):
            store.create_client(name=f"Ana Ruiz {i}", notes="x" * 9000)
        backup = store.backup(tmp_path)
    before = chart.read_bytes()
    _fill(small_disk)
    with pytest.raises(ChartStoreError) as caught:
        restore_backup(chart, backup)
    assert "damaged" not in str(caught.value)
    assert chart.read_bytes() == before
    leftovers = (
        [p for p in (small_disk / "backups").iterdir()] if (small_disk / "backups").exists() else []
    )
    assert leftovers == []  # no 0-byte "before-restore" copy


def test_read_only_folder_is_not_reported_as_damaged(small_disk: Path) -> None:
    chart = small_disk / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz")
    before = chart.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(ChartStoreError) as caught:
        ChartStore.open(chart)
    assert isinstance(caught.value, ChartReadOnly), caught.value
    assert "read-only" in str(caught.value)
    assert chart.read_bytes() == before


def test_disk_full_reported_by_the_driver_at_open_is_not_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: SQLite says "database or disk is full" while the chart opens."""
    from nmt_bodymap.store import database

    chart = tmp_path / "charts.sqlite3"
    ChartStore.open(chart, backup_on_close=False).close()

    def full(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(database, "_on_sqlite_connect", full)
    with pytest.raises(ChartDiskFull):
        ChartStore.open(chart)
    monkeypatch.undo()
    ChartStore.open(chart, backup_on_close=False).close()  # the lock was released


def test_driver_errors_in_the_log_carry_no_parameters(tmp_path: Path) -> None:
    engine = make_engine(database_url(tmp_path / "x.sqlite3"))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (name TEXT UNIQUE)"))
        conn.execute(text("INSERT INTO t VALUES (:n)"), {"n": PHI_NAME})
    with pytest.raises(Exception) as caught, engine.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (:n)"), {"n": PHI_NAME})
    engine.dispose()
    assert PHI_NAME not in str(caught.value)
    assert logs.scrub(f"x\n[parameters: ('{PHI_NAME}',)]\ny") == "x\n[parameters hidden]\ny"


def test_log_file_is_owner_only_in_the_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NMT_BODYMAP_LOG_DIR", str(tmp_path / "logs"))
    path = logs.setup_logging(crash_file=False)
    logging.getLogger("nmt_bodymap.test").error("something went wrong")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path.parent == tmp_path / "logs"
    assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "logs").stat().st_mode & 0o777 == 0o700


def test_postgresql_row_values_are_scrubbed_from_the_log() -> None:
    line = f"duplicate key\nDETAIL:  Key (name)=({PHI_NAME}) already exists.\n[SQL: INSERT]"
    assert PHI_NAME not in logs.scrub(line)


def test_a_chart_locked_by_another_program_is_named_as_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nmt_bodymap.store import database
    from nmt_bodymap.store.errors import ChartInUse

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    chart = tmp_path / "charts.sqlite3"
    store = ChartStore.open(chart, backup_on_close=False)
    other = sqlite3.connect(chart, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # e.g. a sync tool holding the write lock
        with pytest.raises(ChartInUse):
            store.create_client(name=PHI_NAME)
        other.execute("ROLLBACK")
        assert store.create_client(name="Ana Ruiz").name == "Ana Ruiz"
    finally:
        other.close()
        store.close()
