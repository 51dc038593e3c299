"""Therapist accounts: argon2 hashes, throttled sign-in, admin-only management."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from nmt_bodymap.store.accounts import (
    AccountBook,
    AccountPermissionError,
    AccountRow,
    SignInRefused,
    SignInThrottled,
    read_history,
)
from nmt_bodymap.store.errors import ChartValidationError
from nmt_bodymap.store.service import ChartStore

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ChartStore]:
    with ChartStore.open(tmp_path / "chart.sqlite3", backup_on_close=False) as opened:
        yield opened


@pytest.fixture
def book(store: ChartStore) -> AccountBook:
    return AccountBook.for_store(store)


def test_single_user_clinic_signs_in_with_a_pin_and_the_hash_is_argon2(
    book: AccountBook, store: ChartStore
) -> None:
    owner = book.create_first_account("Ana Ruiz", "4321")
    assert owner.role == "owner" and owner.is_admin
    assert book.sign_in("Ana Ruiz", "4321", now=T0).name == "Ana Ruiz"
    with store._sessions() as session:
        stored = session.scalar(select(AccountRow.secret_hash))
    assert stored is not None and stored.startswith("$argon2id$") and "4321" not in stored


def test_wrong_pin_is_refused_and_repeated_failures_are_throttled(book: AccountBook) -> None:
    book.create_first_account("Ana", "4321")
    with pytest.raises(SignInRefused) as first:
        book.sign_in("Ana", "1234", now=T0)
    assert not isinstance(first.value, SignInThrottled)
    assert "do not match" in str(first.value)
    with pytest.raises(SignInRefused):
        book.sign_in("Ana", "0000", now=T0)
    with pytest.raises(SignInThrottled) as third:  # the third failure locks the account
        book.sign_in("Ana", "9999", now=T0)
    assert third.value.wait_seconds == 2
    # While locked even the right PIN is not checked.
    with pytest.raises(SignInThrottled):
        book.sign_in("Ana", "4321", now=T0 + timedelta(seconds=1))
    # Each further failure doubles the wait.
    with pytest.raises(SignInThrottled) as fourth:
        book.sign_in("Ana", "1111", now=T0 + timedelta(seconds=3))
    assert fourth.value.wait_seconds == 4
    # After the wait the right PIN works and resets the count.
    assert book.sign_in("Ana", "4321", now=T0 + timedelta(seconds=8)).name == "Ana"
    with pytest.raises(SignInRefused) as again:
        book.sign_in("Ana", "1111", now=T0 + timedelta(seconds=9))
    assert not isinstance(again.value, SignInThrottled)


def test_throttling_is_kept_in_the_chart_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "chart.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as first:
        book = AccountBook.for_store(first)
        book.create_first_account("Ana", "4321")
        for pin in ("1", "2", "3"):
            with pytest.raises(SignInRefused):
                book.sign_in("Ana", pin, now=T0)
    with ChartStore.open(path, backup_on_close=False) as second, pytest.raises(SignInThrottled):
        AccountBook.for_store(second).sign_in("Ana", "4321", now=T0)


def test_unknown_name_and_disabled_account_are_refused_alike(book: AccountBook) -> None:
    owner = book.create_first_account("Ana", "owner-passphrase")
    book.add_account(owner, "Ben", "ben's passphrase")
    book.set_disabled(owner, "Ben")
    for name, secret in (("Nobody", "whatever-123"), ("Ben", "ben's passphrase")):
        with pytest.raises(SignInRefused) as refused:
            book.sign_in(name, secret, now=T0)
        assert "do not match" in str(refused.value)
    assert book.sign_in_names() == ["Ana"]


def test_a_non_admin_cannot_read_or_change_accounts(book: AccountBook, store: ChartStore) -> None:
    owner = book.create_first_account("Ana", "owner-passphrase")
    ben = book.add_account(owner, "Ben", "ben's passphrase", role="therapist")
    assert [a.name for a in book.list_accounts(owner)] == ["Ana", "Ben"]
    calls = (
        lambda: book.list_accounts(ben),
        lambda: book.add_account(ben, "Cleo", "cleo's passphrase"),
        lambda: book.set_disabled(ben, "Ana"),
        lambda: book.change_secret(ben, "Ana", "taken over!"),
        lambda: read_history(store, ben, 1),
    )
    for call in calls:
        with pytest.raises(AccountPermissionError):
            call()
    assert isinstance(AccountPermissionError("x"), PermissionError)
    assert [a.name for a in book.list_accounts(owner)] == ["Ana", "Ben"]
    assert book.sign_in("Ana", "owner-passphrase", now=T0).role == "owner"
    # Changing one's own passphrase is allowed.
    book.change_secret(ben, "Ben", "ben's new passphrase")
    assert book.sign_in("Ben", "ben's new passphrase", now=T0).name == "Ben"


def test_a_disabled_admin_loses_admin_rights(book: AccountBook) -> None:
    owner = book.create_first_account("Ana", "owner-passphrase")
    boss = book.add_account(owner, "Dee", "dee's passphrase", role="admin")
    book.set_disabled(owner, "Dee")
    with pytest.raises(AccountPermissionError):
        book.add_account(boss, "Eve", "eve's passphrase")


def test_pins_are_for_one_account_only(book: AccountBook) -> None:
    owner = book.create_first_account("Ana", "4321")
    with pytest.raises(ChartValidationError, match="short PIN"):
        book.add_account(owner, "Ben", "ben's passphrase")
    book.change_secret(owner, "Ana", "a real passphrase")
    with pytest.raises(ChartValidationError, match="at least 8"):
        book.add_account(owner, "Ben", "1234")
    book.add_account(owner, "Ben", "ben's passphrase")
    with pytest.raises(AccountPermissionError):
        book.create_first_account("Mallory", "5555")
    with pytest.raises(ChartValidationError, match="PIN of at least 4"):
        AccountBook.for_store(_fresh_store(book)).create_first_account("Solo", "12")


def _fresh_store(book: AccountBook) -> ChartStore:
    return ChartStore.open(
        Path(str(book._sessions.kw["bind"].url.database)).with_name("other.sqlite3"),
        backup_on_close=False,
    )


def test_history_reader_is_admin_only_and_passes_through(book: AccountBook) -> None:
    owner = book.create_first_account("Ana", "4321")

    class StoreWithHistory:
        def history(self, client_id: int) -> list[dict[str, object]]:
            return [{"client": client_id, "who": "Ana"}]

    assert read_history(StoreWithHistory(), owner, 7) == [{"client": 7, "who": "Ana"}]
