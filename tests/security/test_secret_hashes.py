"""Account hashes at OWASP's argon2id cost (issue 18): older hashes still sign in and are
upgraded, a wrong passphrase is refused in one line, and the hash's memory is given back."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from argon2.low_level import Type, hash_secret
from sqlalchemy import select

from nmt_bodymap.store import secret_hashes
from nmt_bodymap.store.accounts import AccountBook, AccountRow, SignInRefused, SignInThrottled
from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.store.service import ChartStore

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
# argon2id rows of the OWASP Password Storage Cheat Sheet (memory KiB, passes; one lane),
# each "an equal level of defense"; RFC 9106's second recommended option is stronger.
OWASP_ROWS = ((19 * 1024, 2), (12 * 1024, 3), (9 * 1024, 4), (7 * 1024, 5))
OLD_DEFAULT = PasswordHasher()  # argon2-cffi's default: m=64 MiB, t=3, p=4 (before)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ChartStore]:
    opened = ChartStore.open(tmp_path / "chart.sqlite3", backup_on_close=False)
    yield opened
    opened.close()


def _stored_hash(store: ChartStore, name: str) -> str:
    with store._sessions() as session:
        found = session.scalar(select(AccountRow.secret_hash).where(AccountRow.name == name))
    assert found is not None
    return found


def _set_hash(store: ChartStore, name: str, secret_hash: str) -> None:
    with store._sessions.begin() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.name == name))
        assert row is not None
        row.secret_hash = secret_hash


def test_the_cost_is_an_owasp_row_or_stronger_and_new_hashes_carry_it(store: ChartStore) -> None:
    cost = (secret_hashes.MEMORY_KIB, secret_hashes.TIME_COST)
    assert any(cost[0] >= m and cost[1] >= t for m, t in OWASP_ROWS)
    assert secret_hashes.PARALLELISM >= 1 and secret_hashes.SALT_LEN >= 16
    AccountBook.for_store(store).create_first_account("Ana", "4321")
    stored = _stored_hash(store, "Ana")
    assert stored.startswith(f"$argon2id$v=19$m={secret_hashes.MEMORY_KIB},t=")
    assert not secret_hashes.needs_rehash(stored)


def test_an_account_hashed_at_the_old_cost_signs_in_and_is_rehashed_once(
    store: ChartStore,
) -> None:
    book = AccountBook.for_store(store)
    book.create_first_account("Ana", "a long passphrase")
    old = OLD_DEFAULT.hash("a long passphrase")
    _set_hash(store, "Ana", old)  # as every chart made before this change holds it
    assert secret_hashes.needs_rehash(old)

    assert book.sign_in("Ana", "a long passphrase", now=T0).name == "Ana"
    upgraded = _stored_hash(store, "Ana")
    assert upgraded != old and not secret_hashes.needs_rehash(upgraded)
    assert f"m={secret_hashes.MEMORY_KIB},t={secret_hashes.TIME_COST}," in upgraded
    # the new hash is an ordinary argon2 hash: argon2-cffi reads it with the same cost
    same_cost = PasswordHasher(
        time_cost=secret_hashes.TIME_COST,
        memory_cost=secret_hashes.MEMORY_KIB,
        parallelism=secret_hashes.PARALLELISM,
    )
    assert same_cost.verify(upgraded, "a long passphrase")
    assert not same_cost.check_needs_rehash(upgraded)
    # signed in again: checked against the new hash, not rehashed again
    assert book.sign_in("Ana", "a long passphrase", now=T0).name == "Ana"
    assert _stored_hash(store, "Ana") == upgraded


def test_a_wrong_passphrase_on_an_old_hash_is_refused_in_one_line_and_not_upgraded(
    store: ChartStore,
) -> None:
    book = AccountBook.for_store(store)
    book.create_first_account("Ana", "a long passphrase")
    old = OLD_DEFAULT.hash("a long passphrase")
    _set_hash(store, "Ana", old)
    with pytest.raises(SignInRefused) as refused:
        book.sign_in("Ana", "a wrong passphrase", now=T0)
    assert not isinstance(refused.value, SignInThrottled)
    assert str(refused.value) == "That name and passphrase do not match an account."
    assert _stored_hash(store, "Ana") == old
    with store._sessions() as session:
        assert session.scalar(select(AccountRow.failed_attempts)) == 1


def test_hashes_read_both_ways_with_argon2_cffi_and_garbage_is_refused() -> None:
    made_here = secret_hashes.hash_secret("Grüße, 4321")
    assert OLD_DEFAULT.verify(made_here, "Grüße, 4321")  # the parameters are in the string
    made_there = OLD_DEFAULT.hash("Grüße, 4321")
    assert secret_hashes.verify_secret(made_there, "Grüße, 4321")
    assert not secret_hashes.verify_secret(made_there, "Grüße, 4322")
    argon2i = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1, type=Type.I).hash("x")
    assert secret_hashes.verify_secret(argon2i, "x")  # any stored cost is honoured
    version_10 = hash_secret(b"x", b"s" * 16, 1, 64, 1, 32, Type.ID, version=0x10).decode()
    assert "$v=16$" in version_10 and secret_hashes.verify_secret(version_10, "x")
    assert not secret_hashes.verify_secret(version_10.replace("$v=16", "$v=19"), "x")
    assert secret_hashes.verify_secret(version_10.replace("$v=16", ""), "x")  # v1.0's own form
    too_big = made_here.replace(f"m={secret_hashes.MEMORY_KIB},", f"m={2**32},")
    broken_ones = ("", "4321", made_here[:-4] + "!!!!", made_here.replace("$v=19", "$v=x"), too_big)
    for broken in broken_ones:
        assert not secret_hashes.verify_secret(broken, "Grüße, 4321")
        assert secret_hashes.needs_rehash(broken)


def _rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_the_hash_memory_is_given_back_after_checks_on_a_worker_thread() -> None:
    """glibc maps a first large block and unmaps it, then serves the next one of that size
    from the thread's arena and keeps it: with plain ``malloc`` ~MEMORY_KIB stayed resident."""
    stored = secret_hashes.hash_secret("a long passphrase")  # the first: on this thread
    before: list[int] = []
    after: list[int] = []

    def checks() -> None:
        before.append(_rss_kib())
        for _ in range(3):  # as the store worker: sign-in, rehash, unlock
            assert secret_hashes.verify_secret(stored, "a long passphrase")
        after.append(_rss_kib())

    worker = threading.Thread(target=checks)
    worker.start()
    worker.join()
    assert after[0] - before[0] < secret_hashes.MEMORY_KIB // 2


def test_no_mapping_for_the_hash_falls_back_to_malloc_and_prints_nothing(
    store: ChartStore, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    import mmap

    book = AccountBook.for_store(store)
    book.create_first_account("Ana", "a long passphrase")

    def no_mapping(*args: object, **kwargs: object) -> mmap.mmap:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(mmap, "mmap", no_mapping)
    assert book.sign_in("Ana", "a long passphrase", now=T0).name == "Ana"
    with pytest.raises(SignInRefused):
        book.sign_in("Ana", "a wrong passphrase", now=T0)
    assert capfd.readouterr().err == ""


def test_a_stored_hash_argon2_refuses_is_a_wrong_passphrase_not_a_crash() -> None:
    made = secret_hashes.hash_secret("4321")
    refused = made.replace(f"m={secret_hashes.MEMORY_KIB},", "m=1,")  # below argon2's 8 KiB
    assert secret_hashes.parse(refused) is not None
    assert not secret_hashes.verify_secret(refused, "4321")
    with pytest.raises(ChartStoreError, match="could not be checked"):
        secret_hashes._raw("id", 0x13, 1, 1, 1, "4321", b"s" * 16, 32)


@pytest.mark.parametrize(
    "damage",
    [
        lambda made: made[:20],  # cut short (a bad restore, an editor's save)
        lambda made: made.replace("$argon2id$", "$argon2xd$"),
        lambda made: made.replace(f"m={secret_hashes.MEMORY_KIB},", "m=1,"),  # argon2 refuses
        lambda made: made.replace(f"m={secret_hashes.MEMORY_KIB},", f"m={2**32 - 1},"),  # 4 TiB
    ],
)
def test_a_damaged_stored_hash_is_one_clear_line_and_no_failed_try(
    store: ChartStore, damage: Any
) -> None:
    """A therapist whose account hash is damaged in the chart is told so (an owner can set
    a new passphrase) instead of "do not match" and, after three tries, a lock-out that
    doubles to 15 minutes: no passphrase can fit, so retyping it never helps. The names are
    on the sign-in screen already, so saying the account exists tells nobody anything."""
    book = AccountBook.for_store(store)
    owner = book.create_first_account("Ana", "a long passphrase")
    book.add_account(owner, "Ben", "therapist passphrase")
    _set_hash(store, "Ben", damage(_stored_hash(store, "Ben")))
    for _ in range(5):
        with pytest.raises(SignInRefused) as refused:
            book.sign_in("Ben", "therapist passphrase", now=T0)
        assert not isinstance(refused.value, SignInThrottled)
        assert str(refused.value) == (
            "This account's passphrase record in the chart is damaged: an owner or "
            "administrator can set a new passphrase (File > Accounts)."
        )
    with store._sessions() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.name == "Ben"))
        assert row is not None and row.failed_attempts == 0 and row.locked_until is None
    book.change_secret(owner, "Ben", "a fresh passphrase")  # the way out it names
    assert book.sign_in("Ben", "a fresh passphrase", now=T0).name == "Ben"


def test_a_pin_account_on_an_old_hash_signs_in_is_rehashed_and_stays_a_pin(
    store: ChartStore,
) -> None:
    book = AccountBook.for_store(store)
    owner = book.create_first_account("Ana", "4321")
    _set_hash(store, "Ana", OLD_DEFAULT.hash("4321"))
    for wrong in ("4322", "1234"):  # counted on the old hash as on a new one
        with pytest.raises(SignInRefused):
            book.sign_in("Ana", wrong, now=T0)
    assert book.sign_in("Ana", "4321", now=T0).name == "Ana"
    stored = _stored_hash(store, "Ana")
    assert not secret_hashes.needs_rehash(stored) and secret_hashes.verify_secret(stored, "4321")
    with store._sessions() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.name == "Ana"))
        assert row is not None and row.pin_only and row.failed_attempts == 0
    with pytest.raises(ChartStoreError, match="short PIN"):  # still a PIN: no second account
        book.add_account(owner, "Ben", "therapist passphrase")
