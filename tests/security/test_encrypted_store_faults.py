"""An encrypted chart used from many threads keeps every save (found by the click bench on
an encrypted chart, 2026-12-02: "A change could not be saved: ... Cannot operate on a
closed database").

SQLAlchemy's SQLCipher dialect pools with ``SingletonThreadPool``: one connection per
thread, and once more than five threads have connected it closes the oldest connections,
whichever thread is using them. The store worker keeps its writing connection between
saves (``store/writes.py``), and reads from other threads (the window's change watcher, the
thumbnails, a document...) are ordinary; a sixth thread's read closed the worker's
connection under it and the next save was refused. Encrypted charts now pool as plain
SQLite files do (a queue of connections, each used by one thread at a time).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.core.operations import RowKind
from nmt_bodymap.store import ChartStore, encryption
from tests.store.test_row_writes import MARK

SECRET = "a test passphrase, not a real one"


def _in_thread(work: Callable[[], Any]) -> Any:
    got: list[Any] = []
    thread = threading.Thread(target=lambda: got.append(work()))
    thread.start()
    thread.join(timeout=30)
    assert got, "the thread did not finish"
    return got[0]


def test_saves_from_one_thread_survive_reads_from_many_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        visit = store.create_visit(client.id, chief_complaint="Headache")
    assert not encryption.is_plain_sqlite(path)
    with ChartStore.open(path, backup_on_close=False) as store:
        doc = store.load_visit_document(visit.id)
        writer = threading.Thread  # the store worker: one thread that saves
        done: list[int] = []
        saves = threading.Semaphore(0)
        reads = threading.Semaphore(0)

        failed: list[str] = []

        def worker() -> None:
            for n in range(3):
                saves.acquire()
                op = doc.add_op(RowKind.PAIN_MARK, {**MARK, "intensity": n + 1})
                doc.apply(op)
                try:
                    done.append(store.apply(op).version)
                except Exception as exc:  # the refusal the therapist was shown
                    failed.append(str(exc))
                reads.release()

        saving = writer(target=worker)
        saving.start()
        try:
            for _round in range(3):
                saves.release()
                assert reads.acquire(timeout=30)
                for _reader in range(7):  # more threads than the old pool kept (five)
                    _in_thread(lambda: store.list_pain_marks(visit.id))
        finally:
            saving.join(timeout=30)
        assert failed == []
        assert len(done) == 3
        assert len(store.list_pain_marks(visit.id)) == 3


def test_a_full_disk_on_an_encrypted_chart_reads_as_on_a_plain_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLCipher's driver raises its own OperationalError (not sqlite3's): a full disk, a
    read-only file or a held lock became the driver's raw text in the therapist's dialog,
    where a plain chart says what happened in one line."""
    from nmt_bodymap.store.errors import ChartDiskFull

    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        visit = store.create_visit(client.id, chief_complaint="Headache")
    with ChartStore.open(path, backup_on_close=False) as store:
        doc = store.load_visit_document(visit.id)
        dialect = store._engine.dialect
        assert dialect.driver == "pysqlcipher"
        real_commit = dialect.do_commit

        def full_disk(connection: object) -> None:
            monkeypatch.setattr(dialect, "do_commit", real_commit)
            raise dialect.loaded_dbapi.OperationalError("database or disk is full")

        monkeypatch.setattr(dialect, "do_commit", full_disk)
        op = doc.add_op(RowKind.PAIN_MARK, MARK)
        with pytest.raises(ChartDiskFull) as refused:
            store.apply(op)
        message = str(refused.value)
        assert "\n" not in message and "sqlcipher" not in message.lower()
        assert "Ana" not in message
        doc.apply(op)
        store.apply(op)  # Retry once there is room: stored once
        assert len(store.list_pain_marks(visit.id)) == 1


def test_a_backup_of_an_encrypted_chart_on_a_full_disk_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite often reports a full disk as a plain "disk I/O error"; the backup then checks
    the free space. SQLCipher's error (its own class) skipped that check."""
    import shutil

    from nmt_bodymap.store import backups
    from nmt_bodymap.store.errors import ChartDiskFull

    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
    import sqlcipher3

    def io_error(_source: Path, _destination: Path) -> None:
        raise sqlcipher3.dbapi2.OperationalError("disk I/O error")

    monkeypatch.setattr(encryption, "copy_encrypted", io_error)
    real_usage = shutil.disk_usage
    monkeypatch.setattr(
        backups.shutil, "disk_usage", lambda where: real_usage(where)._replace(free=0)
    )
    with pytest.raises(ChartDiskFull):
        backups.take_backup(path, tmp_path / "backups")
