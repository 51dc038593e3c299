"""When the first look steps aside (``FirstLook.open`` gives None: ``ChartStore`` opens the
chart as before) and when it refuses in the store's own words; that it writes nothing and
holds the chart's lock; that its idea of the schema is the models' and the migrations'."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from nmt_bodymap.store import first_look_schema as schema
from nmt_bodymap.store.errors import ChartDatabaseCorrupt, ChartFileEmpty, ChartInUse
from nmt_bodymap.store.first_look import FirstLook
from nmt_bodymap.store.service import ChartStore
from tests.store.region_migration_chart import chart_at


def _chart(tmp_path: Path) -> Path:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz")
        store.create_visit(client.id, chief_complaint="Headache")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_schema_it_knows_is_the_models_and_the_migrations() -> None:
    from sqlalchemy import JSON, Boolean, Date

    from nmt_bodymap.store.migrate import head_revision, known_revisions
    from nmt_bodymap.store.models import Base, UtcDateTime

    def kind(column: object) -> str:
        typed = column.type  # type: ignore[attr-defined]
        for cls, name in ((UtcDateTime, "moment"), (Boolean, "bool"), (Date, "date")):
            if isinstance(typed, cls):
                return name
        return "json" if isinstance(typed, JSON) else "plain"

    for table, columns in schema.COLUMNS.items():
        model = Base.metadata.tables[table]
        assert columns == {c.name: kind(c) for c in model.columns}, table
    assert schema.head() == head_revision()
    assert schema.known_revisions() == known_revisions()


def test_a_look_writes_nothing_and_holds_the_lock(tmp_path: Path) -> None:
    path = _chart(tmp_path)
    before = _digest(path)
    look = FirstLook.open(path)
    assert look is not None
    try:
        client = look.search_clients("", limit=200)[0]
        visit = look.list_visits(client.id)[0]
        look.load_visit_document(visit.id)
        look.list_pain_marks(visit.id)
        look.change_token()
        try_open = (  # a second app is refused while the look is open
            "import sys\nfrom nmt_bodymap.store import ChartStore\n"
            "try:\n    ChartStore.open(sys.argv[1], backup_on_close=False).close()\n"
            "except Exception as exc:\n    print(type(exc).__name__)\n"
        )
        second = subprocess.run(
            [sys.executable, "-c", try_open, str(path)], capture_output=True, text=True, timeout=120
        )
        assert second.stdout.strip() == "ChartInUse"
    finally:
        look.close()
    assert not look.opened_fully
    assert _digest(path) == before
    ChartStore.open(path, backup_on_close=False).close()  # the lock was released


@pytest.mark.parametrize("target", ["sqlite:///{path}", "postgresql+psycopg://u@db/charts"])
def test_an_address_is_left_to_the_store(tmp_path: Path, target: str) -> None:
    path = _chart(tmp_path)
    assert FirstLook.open(target.format(path=path)) is None


def test_a_new_chart_is_left_to_the_store(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    assert FirstLook.open(path) is None
    assert not path.exists()


def test_an_older_revision_is_left_to_the_store_and_migrated_by_it(tmp_path: Path) -> None:
    path = tmp_path / "charts.sqlite3"
    chart_at(str(path), "0009", [])
    before = _digest(path)
    assert FirstLook.open(path) is None
    assert _digest(path) == before  # untouched: the store makes its pre-migration copy
    with ChartStore.open(path, backup_on_close=False) as store:  # and the lock was released
        assert [c.name for c in store.recent_clients()] == ["Ana Ruiz"]
    look = FirstLook.open(path)  # at head now
    assert look is not None
    look.close()


def test_a_chart_not_in_wal_mode_is_left_to_the_store(tmp_path: Path) -> None:
    path = _chart(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    assert FirstLook.open(path) is None


def test_an_empty_file_gets_the_stores_message(tmp_path: Path) -> None:
    path = tmp_path / "charts.sqlite3"
    path.touch()
    assert FirstLook.open(path) is None  # the store's own open names it (below)
    with pytest.raises(ChartFileEmpty):
        ChartStore.open(path, backup_on_close=False)


def test_a_damaged_file_gets_the_stores_message_and_backup(tmp_path: Path) -> None:
    path = _chart(tmp_path)
    with ChartStore.open(path, backup_on_close=False) as store:
        store.backup()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xa5" * 4096  # a page of the tables overwritten
    path.write_bytes(bytes(data))
    with pytest.raises(ChartDatabaseCorrupt) as theirs:
        ChartStore.open(path, backup_on_close=False)
    with pytest.raises(ChartDatabaseCorrupt) as ours:
        FirstLook.open(path)
    assert str(ours.value) == str(theirs.value)
    assert ours.value.latest_backup == theirs.value.latest_backup is not None


def test_a_chart_open_in_another_app_is_refused_in_the_same_words(tmp_path: Path) -> None:
    path = _chart(tmp_path)
    hold = (
        "import sys\nfrom nmt_bodymap.store import ChartStore\n"
        "store = ChartStore.open(sys.argv[1], backup_on_close=False)\n"
        "print('ready', flush=True)\nsys.stdin.readline()\nstore.close()\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", hold, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "ready"
        with pytest.raises(ChartInUse) as theirs:
            ChartStore.open(path, backup_on_close=False)
        with pytest.raises(ChartInUse) as ours:
            FirstLook.open(path)
    finally:
        other.communicate("done\n", timeout=60)
        if other.poll() is None:
            other.kill()
    assert str(ours.value) == str(theirs.value)


def test_an_encrypted_chart_without_its_key_is_refused_in_the_same_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3")
    from nmt_bodymap.store import encryption

    monkeypatch.setenv(encryption.SECRET_ENV, "correct horse battery")
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:  # encrypted from its start
        store.create_client(name="Ana Ruiz")
    look = FirstLook.open(path)  # the key at hand: the look reads it
    assert look is not None and look.url.startswith("sqlite+pysqlcipher:")
    assert [c.name for c in look.recent_clients()] == ["Ana Ruiz"] and not look.opened_fully
    look.close()
    encryption.forget_all()
    monkeypatch.delenv(encryption.SECRET_ENV)
    with pytest.raises(encryption.ChartLocked) as theirs:
        ChartStore.open(path, backup_on_close=False)
    with pytest.raises(encryption.ChartLocked) as ours:
        FirstLook.open(path)
    assert str(ours.value) == str(theirs.value)
