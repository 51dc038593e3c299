"""Encryption at rest: no client name in plain bytes in the chart, its WAL or a backup;
no secret, no chart (one plain message); ``encrypt`` keeps every row; ``decrypt`` copies."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.commands.encrypt import encrypt_chart
from nmt_bodymap.store import encryption, keychain
from nmt_bodymap.store.accounts import AccountBook
from nmt_bodymap.store.backups import check_backup, list_backups, restore_backup
from nmt_bodymap.store.service import ChartStore
from tests.conftest import body_point

TEMPLE = body_point("anterior", "temple", "right")
NECK = body_point("posterior", "posterior_neck", "left")
SECRET = "correct horse battery"
NAME = "Zorblax Quintavious-Umbertide"


def _chart_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _holding(files: list[Path], text: str) -> list[str]:
    needle = text.encode("utf-8")
    return [p.name for p in files if needle in p.read_bytes()]


def _write_client(path: Path) -> None:
    with ChartStore.open(path) as store:
        client = store.create_client(name=NAME, notes=f"notes about {NAME}")
        visit = store.create_visit(client.id, chief_complaint=f"{NAME} headache")
        store.add_pain_mark(
            visit.id,
            view="anterior",
            x=TEMPLE[0],
            y=TEMPLE[1],
            region="temple",
            side="right",
            intensity=6,
            quality="ache",
            note=NAME,
        )
        wal = Path(f"{path}-wal")
        assert wal.is_file() and wal.stat().st_size > 0  # the WAL is checked while it holds data
        assert _holding(_chart_files(path.parent), NAME) == []
        store.backup()


def test_plain_chart_shows_the_name_in_its_bytes(tmp_path: Path) -> None:
    """The control: without a secret the same writes leave the name readable on disk."""
    path = tmp_path / "chart.sqlite3"
    with ChartStore.open(path) as store:
        store.create_client(name=NAME)
        assert _holding(_chart_files(tmp_path), NAME)


def test_new_chart_with_a_secret_keeps_no_plain_client_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    path = tmp_path / "chart.sqlite3"
    _write_client(path)  # checks chart and WAL while open, then takes a backup
    assert encryption.take_recovery_code(path) is not None
    files = _chart_files(tmp_path)
    backups = [b.path for b in list_backups(path, kind=None)]
    assert len(backups) == 2  # the explicit one and the one taken on close
    assert not encryption.is_plain_sqlite(path)
    assert all(not encryption.is_plain_sqlite(b) for b in backups)
    assert _holding(files, NAME) == []
    assert _holding(files, "Zorblax") == []
    # The backups are real charts: checked, restorable and readable with the key.
    check_backup(backups[0])
    restore_backup(path, backups[-1])
    with ChartStore.open(path, backup_on_close=False) as store:
        assert [c.name for c in store.search_clients("Zorblax")] == [NAME]


def test_opening_without_the_secret_fails_with_one_plain_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    path = tmp_path / "chart.sqlite3"
    _write_client(path)
    encryption.forget_all()
    monkeypatch.delenv(encryption.SECRET_ENV)
    with pytest.raises(encryption.ChartLocked) as locked:
        ChartStore.open(path)
    assert str(locked.value) == encryption.LOCKED_MESSAGE
    monkeypatch.setenv(encryption.SECRET_ENV, "a wrong passphrase")
    with pytest.raises(encryption.ChartLocked, match="This chart is encrypted"):
        ChartStore.open(path)
    # The command line says the same in one line, without a traceback.
    assert main(["--db", str(path), "decrypt", "--out", str(tmp_path / "plain.sqlite3")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "This chart is encrypted" in err and NAME not in err


def test_recovery_key_and_a_therapist_slot_open_the_chart(tmp_path: Path) -> None:
    path = tmp_path / "chart.sqlite3"
    _key, recovery = encryption.set_up_key(path, {"account:Ana": "ana's passphrase"})
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name=NAME)
    encryption.forget_all()
    assert not encryption.unlock(path, "not it")
    assert encryption.unlock(path, recovery.lower().replace("-", " "))
    encryption.forget_all()
    assert encryption.unlock(path, "ana's passphrase", label="account:Ana")
    with ChartStore.open(path, backup_on_close=False) as store:
        assert store.search_clients("Zorblax")[0].name == NAME


def test_keychain_keeps_the_key_for_a_single_user_laptop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FakeKeyring:
        def __init__(self) -> None:
            self.saved: dict[tuple[str, str], str] = {}

        def set_password(self, service: str, user: str, value: str) -> None:
            self.saved[(service, user)] = value

        def get_password(self, service: str, user: str) -> str | None:
            return self.saved.get((service, user))

    ring = FakeKeyring()
    monkeypatch.setattr(keychain, "_keyring", lambda: ring)
    path = tmp_path / "chart.sqlite3"
    key, _ = encryption.set_up_key(path, {"account:Ana": "ana's passphrase"})
    assert encryption.keep_in_keychain(path, key)
    ChartStore.open(path, backup_on_close=False).close()
    encryption.forget_all()
    with ChartStore.open(path, backup_on_close=False) as store:  # no secret asked for
        assert store.recent_clients() == []


def _plain_chart_with_rows(path: Path) -> dict[str, int]:
    with ChartStore.open(path) as store:
        AccountBook.for_store(store).create_first_account("Ana", "4321")
        for i in range(5):
            client = store.create_client(name=f"{NAME} {i}")
            visit = store.create_visit(client.id, chief_complaint="neck")
            for j in range(3):
                store.add_pain_mark(
                    visit.id,
                    view="posterior",
                    x=NECK[0],
                    y=NECK[1],
                    region="posterior_neck",
                    side="left",
                    intensity=j,
                    quality="ache",
                )
    with closing(sqlite3.connect(path)) as conn:
        return encryption.table_counts(conn)


def test_encrypt_keeps_every_row_and_encrypts_the_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "chart.sqlite3"
    before = _plain_chart_with_rows(path)
    assert before["clients"] == 5 and before["pain_marks"] == 15 and before["accounts"] == 1
    assert _holding(_chart_files(tmp_path), NAME)  # plain chart and plain backup
    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    assert main(["--db", str(path), "encrypt", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"recovery_key"' in out
    assert _holding(_chart_files(tmp_path), NAME) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    with encryption.opened(path, encryption.resolve_key(path)) as conn:
        assert encryption.table_counts(conn) == before
    with ChartStore.open(path, backup_on_close=False) as store:
        assert len(store.search_clients("Zorblax", limit=50)) == 5
        assert AccountBook.for_store(store).sign_in("Ana", "4321").role == "owner"
    # A second encrypt is refused and changes nothing.
    assert main(["--db", str(path), "encrypt"]) == 1
    assert "already encrypted" in capsys.readouterr().err


def test_a_failed_encrypt_leaves_the_plain_chart_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chart.sqlite3"
    before = _plain_chart_with_rows(path)
    original = encryption.table_counts

    calls: list[int] = []

    def short_count(conn: object) -> dict[str, int]:
        """Counts right for the plain copy, one client short in the encrypted copy."""
        calls.append(1)
        counts = original(conn)
        return {**counts, "clients": counts["clients"] - 1} if len(calls) > 2 else counts

    monkeypatch.setattr(encryption, "table_counts", short_count)
    with pytest.raises(Exception, match="did not match"):
        encrypt_chart(path, SECRET, "admin")
    monkeypatch.setattr(encryption, "table_counts", original)
    assert encryption.is_plain_sqlite(path)
    assert not encryption.key_file_path(path).exists()
    with closing(sqlite3.connect(path)) as conn:
        assert encryption.table_counts(conn) == before


def test_decrypt_writes_a_plain_copy_with_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chart.sqlite3"
    before = _plain_chart_with_rows(path)
    encrypt_chart(path, SECRET, "admin")
    encryption.forget_all()
    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    out = tmp_path / "migration" / "plain.sqlite3"
    out.parent.mkdir()
    assert main(["--db", str(path), "decrypt", "--out", str(out)]) == 0
    assert encryption.is_plain_sqlite(out) and (out.stat().st_mode & 0o077) == 0
    with closing(sqlite3.connect(out)) as conn:
        assert encryption.table_counts(conn) == before
    assert main(["--db", str(path), "decrypt", "--out", str(out)]) == 1  # never overwrites


def test_init_path_from_the_environment_encrypts_and_creates_the_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nmt_bodymap.store.accounts import first_account_from_environment

    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    monkeypatch.setenv(encryption.USER_ENV, "Ana")
    path = tmp_path / "chart.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        account, recovery = first_account_from_environment(store)
        assert account is not None and account.name == "Ana" and account.role == "owner"
        assert recovery is not None and len(recovery) == 29
        assert getattr(store, "who", None) == "Ana"
        assert first_account_from_environment(store) == (None, None)  # once only
    assert not encryption.is_plain_sqlite(path)
    encryption.forget_all()
    assert encryption.unlock(path, recovery)


def test_the_migration_copy_steps_work_on_an_encrypted_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ``migrate._upgrade_copy`` must do for an encrypted chart: copy it beside the chart
    under a hidden name, open the copy through make_engine, check it, all still encrypted."""
    from sqlalchemy import text

    from nmt_bodymap.store.database import database_url, make_engine

    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    path = tmp_path / "chart.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name=NAME)
    encryption.forget_all()
    staging = path.with_name(f".{path.name}.migrating")
    encryption.copy_chart(path, staging)
    assert not encryption.is_plain_sqlite(staging)
    engine = make_engine(database_url(staging))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM clients")).scalar() == NAME
    engine.dispose()
    with closing(encryption.connect_any(staging)) as checker:
        assert checker.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _holding(_chart_files(tmp_path), NAME) == []


def test_accounts_added_and_disabled_in_an_encrypted_chart_gain_and_lose_their_key_slot(
    tmp_path: Path,
) -> None:
    from nmt_bodymap.store.accounts import (
        add_account_to_chart,
        change_secret_in_chart,
        set_disabled_in_chart,
    )

    path = tmp_path / "chart.sqlite3"
    encryption.set_up_key(path, {"account:Ana": "ana's passphrase"})
    with ChartStore.open(path, backup_on_close=False) as store:
        owner = AccountBook.for_store(store).create_first_account("Ana", "ana's passphrase")
        add_account_to_chart(store, owner, "Ben", "ben's passphrase")
        encryption.forget_all()
        assert encryption.unlock(path, "ben's passphrase", label="account:Ben")
        change_secret_in_chart(store, owner, "Ben", "ben's second passphrase")
        encryption.forget_all()
        assert not encryption.unlock(path, "ben's passphrase", label="account:Ben")
        assert encryption.unlock(path, "ben's second passphrase", label="account:Ben")
        set_disabled_in_chart(store, owner, "Ben", True)
    encryption.forget_all()
    assert not encryption.unlock(path, "ben's second passphrase", label="account:Ben")
    assert encryption.unlock(path, "ana's passphrase", label="account:Ana")


def test_backups_keep_a_copy_of_the_key_file_so_the_recovery_key_still_opens_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "chart.sqlite3"
    _, recovery = encryption.set_up_key(path, {"account:Ana": "ana's passphrase"})
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name=NAME)
        backup = store.backup()
    kept = backup.parent / encryption.key_file_path(path).name
    assert kept.read_bytes() == encryption.key_file_path(path).read_bytes()
    assert (kept.stat().st_mode & 0o077) == 0
    encryption.key_file_path(path).unlink()  # the chart's own key file is lost
    encryption.forget_all()
    assert encryption.unlock(backup, recovery)
    check_backup(backup)
