"""Two stations signing in to one clinic server's chart at once (issue 18 probe).

Every account made before the 12 MiB hashes (``store/secret_hashes``) is rehashed on its
next sign-in, so for a while each sign-in writes the account row. On a clinic server
(PostgreSQL, read committed) the sign-in read the row, checked the passphrase for ~140 ms
and wrote it back: what another station wrote in between was overwritten (a passphrase an
owner had just changed came back as the old one; two failed tries counted as one). SQLite
takes its write lock at BEGIN (``BEGIN IMMEDIATE``), so these races are the server's.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, select, text

from nmt_bodymap.store import ChartStore, accounts
from nmt_bodymap.store.accounts import AccountBook, AccountRow, SignInRefused

from .conftest import POSTGRES_URL

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not POSTGRES_URL, reason="NMT_TEST_POSTGRES_URL is not set"),
]

OLD_DEFAULT = PasswordHasher()  # argon2-cffi's default (m=64 MiB): every chart's before


@pytest.fixture
def server_url(worker_id: str) -> str:
    from .conftest import _fresh_postgres_url

    return _fresh_postgres_url(worker_id)


@pytest.fixture
def stations(server_url: str) -> Iterator[tuple[ChartStore, ChartStore]]:
    first = ChartStore.open(server_url, backup_on_close=False)
    second = ChartStore.open(server_url, backup_on_close=False, exclusive=False)
    yield first, second
    first.close()
    second.close()


def _old_hashes(store: ChartStore) -> None:
    """The accounts as a chart made before the 12 MiB hashes holds them."""
    with store._sessions.begin() as session:
        for row in session.scalars(select(AccountRow)):
            row.secret_hash = OLD_DEFAULT.hash(
                "owner passphrase" if row.name == "Ana" else "therapist passphrase"
            )


def _row(store: ChartStore, name: str) -> AccountRow:
    with store._sessions() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.name == name))
        assert row is not None
        return row


def _while_checking(
    monkeypatch: pytest.MonkeyPatch, server_url: str, other: Callable[[], object]
) -> list[BaseException]:
    """Run ``other`` (the second station) on its own thread while this station's sign-in
    checks the passphrase; go on once it has finished or waits for a lock."""
    real = accounts.verify_secret
    errors: list[BaseException] = []
    started: list[threading.Thread] = []

    def run_other() -> None:
        try:
            other()
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    def checking(secret_hash: str, secret: str) -> bool:
        result = real(secret_hash, secret)
        if not started:
            thread = threading.Thread(target=run_other)
            started.append(thread)
            thread.start()
            _until_done_or_waiting(thread, server_url)
        return result

    monkeypatch.setattr(accounts, "verify_secret", checking)
    return errors


def _until_done_or_waiting(thread: threading.Thread, server_url: str) -> None:
    watcher = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with watcher.connect() as conn:
            for _ in range(3000):  # a guard against a hang, not a timing
                if not thread.is_alive():
                    return
                waiting = conn.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                    )
                )
                if waiting:
                    return
                time.sleep(0.01)
        raise AssertionError("the second station neither finished nor waited")
    finally:
        watcher.dispose()


def _join_all() -> None:
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()


def test_a_passphrase_changed_on_another_station_during_a_rehash_is_kept(
    stations: tuple[ChartStore, ChartStore],
    server_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    here, there = stations
    owner = AccountBook.for_store(here).create_first_account("Ana", "owner passphrase")
    AccountBook.for_store(here).add_account(owner, "Ben", "therapist passphrase")
    _old_hashes(here)

    # Ben signs in here (old hash: checked, then rehashed) while Ana, at the front desk,
    # sets him a new passphrase (he forgot he had changed it; or it leaked).
    errors = _while_checking(
        monkeypatch,
        server_url,
        lambda: AccountBook.for_store(there).change_secret(owner, "Ben", "a fresh passphrase"),
    )
    AccountBook.for_store(here).sign_in("Ben", "therapist passphrase")
    _join_all()
    monkeypatch.undo()
    assert errors == []

    stored = _row(there, "Ben").secret_hash
    assert accounts.verify_secret(stored, "a fresh passphrase")
    assert not accounts.verify_secret(stored, "therapist passphrase")
    assert AccountBook.for_store(there).sign_in("Ben", "a fresh passphrase").name == "Ben"
    with pytest.raises(SignInRefused):
        AccountBook.for_store(there).sign_in("Ben", "therapist passphrase")


def test_wrong_passphrases_tried_on_two_stations_at_once_are_both_counted(
    stations: tuple[ChartStore, ChartStore],
    server_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    here, there = stations
    AccountBook.for_store(here).create_first_account("Ana", "owner passphrase")
    _old_hashes(here)

    def wrong_there() -> None:
        with pytest.raises(SignInRefused):
            AccountBook.for_store(there).sign_in("Ana", "guess number two")

    errors = _while_checking(monkeypatch, server_url, wrong_there)
    with pytest.raises(SignInRefused):
        AccountBook.for_store(here).sign_in("Ana", "guess number one")
    _join_all()
    monkeypatch.undo()
    assert errors == []
    assert _row(there, "Ana").failed_attempts == 2


def test_two_stations_signing_in_at_once_on_old_hashes_both_get_in(
    stations: tuple[ChartStore, ChartStore],
    server_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    here, there = stations
    AccountBook.for_store(here).create_first_account("Ana", "owner passphrase")
    _old_hashes(here)
    signed: list[str] = []

    errors = _while_checking(
        monkeypatch,
        server_url,
        lambda: signed.append(AccountBook.for_store(there).sign_in("Ana", "owner passphrase").name),
    )
    signed.append(AccountBook.for_store(here).sign_in("Ana", "owner passphrase").name)
    _join_all()
    monkeypatch.undo()
    assert errors == [] and signed == ["Ana", "Ana"]
    row = _row(there, "Ana")
    assert row.failed_attempts == 0
    assert not accounts.needs_rehash(row.secret_hash)
    assert accounts.verify_secret(row.secret_hash, "owner passphrase")
