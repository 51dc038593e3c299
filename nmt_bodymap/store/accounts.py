"""Therapist accounts: who may open the charts, signed in by name and passphrase or PIN.

Qt-free. Passphrases are stored as argon2id hashes (``store/secret_hashes``: its cost and
why), never in clear; a hash of an older cost is replaced on the next sign-in.
Roles: ``owner`` and ``admin`` manage accounts and read the history; ``therapist`` charts.
A single-user clinic may keep one account with a short numeric PIN (4+ digits); once a
clinic has several accounts, each needs a passphrase of 8+ characters.

Sign-in is throttled per account and the count is kept in the chart, so restarting the
app does not reset it: after ``FREE_ATTEMPTS`` failures each further failure locks the
account for a doubling delay (2 s, 4 s, 8 s ... at most 15 minutes). Messages never say
whether the name or the passphrase was wrong.

    book = AccountBook.for_store(store)
    owner = book.create_first_account("Ana", "4321")         # only while there is none
    account = book.sign_in("Ana", "4321")                    # SignInRefused / SignInThrottled
    store.who = account.name                                 # history rows name her
    book.add_account(owner, "Ben", "a long passphrase", role="therapist")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Engine, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from nmt_bodymap.store.errors import ChartStoreError, ChartValidationError
from nmt_bodymap.store.errors import SignInRefused as SignInRefused  # its old home
from nmt_bodymap.store.models import Base, UtcDateTime

ROLES: tuple[str, ...] = ("owner", "admin", "therapist")
ADMIN_ROLES: frozenset[str] = frozenset({"owner", "admin"})
FREE_ATTEMPTS = 3
MAX_DELAY = timedelta(minutes=15)
MIN_PIN = 4
MIN_PASSPHRASE = 8


class AccountRow(Base):
    """One therapist account (table ``accounts``, revision 0005)."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    secret_hash: Mapped[str] = mapped_column(String(200))
    pin_only: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    last_sign_in: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str
    disabled: bool

    @property
    def is_admin(self) -> bool:
        return self.role in ADMIN_ROLES


class AccountPermissionError(ChartStoreError, PermissionError):
    """The signed-in account may not do this (only an owner or admin may)."""


class SignInThrottled(SignInRefused):
    """Too many failed attempts: ``wait_seconds`` before the next try is even checked."""

    def __init__(self, wait_seconds: float) -> None:
        seconds = max(1, round(wait_seconds))
        super().__init__(f"Too many failed attempts: try again in {seconds} seconds.")
        self.wait_seconds = wait_seconds


class AccountDamaged(SignInRefused):
    """The account's stored hash is damaged: an owner or admin sets a new passphrase."""


def hash_secret(secret: str) -> str:
    """An argon2id hash at the current cost (``store/secret_hashes``: why that cost)."""
    from nmt_bodymap.store import secret_hashes  # argon2 on the first sign-in (issue 18)

    return secret_hashes.hash_secret(secret)


def verify_secret(secret_hash: str, secret: str) -> bool:
    """True when ``secret`` fits ``secret_hash``, made at whatever cost it was made."""
    from nmt_bodymap.store import secret_hashes

    return secret_hashes.verify_secret(secret_hash, secret)


def needs_rehash(secret_hash: str) -> bool:
    """True when ``secret_hash`` was made at another cost (the sign-in then stores a new one)."""
    from nmt_bodymap.store import secret_hashes

    return secret_hashes.needs_rehash(secret_hash)


def hash_damaged(secret_hash: str) -> bool:
    """True when no passphrase can fit ``secret_hash`` (damaged in the chart)."""
    from nmt_bodymap.store import secret_hashes

    return secret_hashes.damaged(secret_hash)


def throttle_delay(failed_attempts: int) -> timedelta:
    """How long an account stays locked after ``failed_attempts`` failures in a row."""
    if failed_attempts < FREE_ATTEMPTS:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (failed_attempts - FREE_ATTEMPTS + 1)), MAX_DELAY)


def _record(row: AccountRow) -> Account:
    return Account(row.id, row.name, row.role, bool(row.disabled))


def _now() -> datetime:
    return datetime.now(UTC)


class AccountBook:
    """The accounts of one chart database."""

    def __init__(self, engine: Engine) -> None:
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def for_store(cls, store: Any) -> AccountBook:
        """The accounts of an open ``ChartStore`` (same engine, same transactions rules)."""
        return cls(store._engine)

    # -- reading ---------------------------------------------------------------------------

    def has_accounts(self) -> bool:
        with self._sessions() as session:
            return bool(session.scalar(select(func.count()).select_from(AccountRow)))

    def sign_in_names(self) -> list[str]:
        """Names offered on the sign-in screen (enabled accounts only)."""
        with self._sessions() as session:
            rows = session.scalars(
                select(AccountRow.name).where(AccountRow.disabled.is_(False)).order_by("name")
            )
            return list(rows)

    def list_accounts(self, acting: Account) -> list[Account]:
        require_admin(acting)
        with self._sessions() as session:
            rows = session.scalars(select(AccountRow).order_by(AccountRow.name))
            return [_record(row) for row in rows]

    # -- signing in ------------------------------------------------------------------------

    def sign_in(self, name: str, secret: str, now: datetime | None = None) -> Account:
        """The account when ``secret`` is right; else ``SignInRefused`` (or throttled)."""
        now = now or _now()
        refused = SignInRefused("That name and passphrase do not match an account.")
        with self._sessions.begin() as session:
            # FOR UPDATE: on a clinic server another station's sign-in, passphrase change or
            # failed try waits for this one (it writes the row back: the count, the rehash);
            # SQLite's BEGIN IMMEDIATE already serialises them (and has no FOR UPDATE).
            found = select(AccountRow).where(AccountRow.name == name.strip()).with_for_update()
            row = session.scalar(found)
            if row is None:
                verify_secret(_dummy_hash(), secret)  # same cost as a real check
                raise refused
            if row.locked_until is not None and row.locked_until > now:
                raise SignInThrottled((row.locked_until - now).total_seconds())
            if not row.disabled and hash_damaged(row.secret_hash):
                raise AccountDamaged(  # no passphrase fits: not a failed try (retyping
                    "This account's passphrase record in the chart is damaged: an owner "
                    "or administrator can set a new passphrase (File > Accounts)."
                )  # never helps; the names are on the sign-in screen already)
            if row.disabled or not verify_secret(row.secret_hash, secret):
                row.failed_attempts += 1
                delay = throttle_delay(row.failed_attempts)
                row.locked_until = now + delay if delay else None
                failure: SignInRefused = (
                    SignInThrottled(delay.total_seconds()) if delay else refused
                )
            else:
                row.failed_attempts = 0
                row.locked_until = None
                row.last_sign_in = now
                if needs_rehash(row.secret_hash):
                    row.secret_hash = hash_secret(secret)
                return _record(row)
        raise failure

    # -- managing (owner/admin only) -------------------------------------------------------

    def create_first_account(self, name: str, secret: str) -> Account:
        """The owner account of a chart that has none yet (first start)."""
        with self._sessions.begin() as session:
            if session.scalar(select(func.count()).select_from(AccountRow)):
                raise AccountPermissionError("This chart already has accounts; sign in first.")
            return self._insert(session, name, secret, "owner", single_user=True)

    def add_account(
        self, acting: Account, name: str, secret: str, role: str = "therapist"
    ) -> Account:
        require_admin(acting)
        with self._sessions.begin() as session:
            self._require_enabled_admin(session, acting)
            return self._insert(session, name, secret, role, single_user=False)

    def set_disabled(self, acting: Account, name: str, disabled: bool = True) -> Account:
        require_admin(acting)
        with self._sessions.begin() as session:
            self._require_enabled_admin(session, acting)
            row = session.scalar(select(AccountRow).where(AccountRow.name == name))
            if row is None:
                raise ChartValidationError(f"There is no account named {name}.", "name")
            if disabled and row.id == acting.id:
                raise ChartValidationError("You cannot disable your own account.", "name")
            row.disabled = disabled
            return _record(row)

    def change_secret(self, acting: Account, name: str, secret: str) -> Account:
        """Set a new passphrase: one's own, or anyone's for an owner/admin."""
        if acting.name != name:
            require_admin(acting)
        with self._sessions.begin() as session:
            row = session.scalar(select(AccountRow).where(AccountRow.name == name))
            if row is None:
                raise ChartValidationError(f"There is no account named {name}.", "name")
            count = session.scalar(select(func.count()).select_from(AccountRow)) or 0
            check_secret(secret, single_user=count <= 1)
            row.secret_hash = hash_secret(secret)
            row.pin_only = _looks_like_pin(secret)
            row.failed_attempts, row.locked_until = 0, None
            return _record(row)

    def _require_enabled_admin(self, session: Session, acting: Account) -> None:
        row = session.get(AccountRow, acting.id)
        if row is None or row.disabled or row.role not in ADMIN_ROLES:
            raise AccountPermissionError("Only an owner or administrator may manage accounts.")

    def _insert(
        self, session: Session, name: str, secret: str, role: str, single_user: bool
    ) -> Account:
        name = " ".join(name.split())
        if not name or len(name) > 80:
            raise ChartValidationError("An account needs a name (at most 80 characters).", "name")
        if role not in ROLES:
            raise ChartValidationError(f"The role must be one of {', '.join(ROLES)}.", "role")
        if session.scalar(select(AccountRow.id).where(AccountRow.name == name)) is not None:
            raise ChartValidationError(f"There is already an account named {name}.", "name")
        if not single_user:
            # A short PIN is only for a clinic with one account: once a second account is
            # added, every existing account must have a real passphrase.
            for other in session.scalars(select(AccountRow)):
                if _is_pin_hash_only(other):
                    raise ChartValidationError(
                        f"{other.name} still signs in with a short PIN: set a passphrase "
                        "of 8 or more characters before adding a second account.",
                        "secret",
                    )
        check_secret(secret, single_user=single_user)
        row = AccountRow(
            name=name,
            role=role,
            secret_hash=hash_secret(secret),
            disabled=False,
            failed_attempts=0,
            created_at=_now(),
            pin_only=_looks_like_pin(secret),
        )
        session.add(row)
        session.flush()
        return _record(row)


def _looks_like_pin(secret: str) -> bool:
    return len(secret) < MIN_PASSPHRASE


def _is_pin_hash_only(row: AccountRow) -> bool:
    return bool(row.pin_only)


def check_secret(secret: str, single_user: bool) -> None:
    """Refuse a passphrase too weak for the clinic's size (a PIN only for one account)."""
    if (
        single_user
        and len(secret) >= MIN_PIN
        and (secret.isdigit() or len(secret) >= MIN_PASSPHRASE)
    ):
        return
    if len(secret) >= MIN_PASSPHRASE:
        return
    if single_user:
        raise ChartValidationError(
            f"Choose a PIN of at least {MIN_PIN} digits or a passphrase of at least "
            f"{MIN_PASSPHRASE} characters.",
            "secret",
        )
    raise ChartValidationError(
        f"With several accounts, each needs a passphrase of at least {MIN_PASSPHRASE} characters.",
        "secret",
    )


def require_admin(acting: Account | None) -> None:
    """Raise ``AccountPermissionError`` unless ``acting`` is an enabled owner or admin."""
    if acting is None or acting.disabled or not acting.is_admin:
        raise AccountPermissionError("Only an owner or administrator may do this.")


def add_account_to_chart(
    store: Any, acting: Account, name: str, secret: str, role: str = "therapist"
) -> Account:
    """``add_account`` plus, for an encrypted chart, a key slot for the new passphrase
    (so the new therapist can open the chart at start)."""
    from nmt_bodymap.store import encryption

    account = AccountBook.for_store(store).add_account(acting, name, secret, role)
    path = getattr(store, "path", None)
    if path is not None and encryption.is_encrypted_chart(path):
        encryption.add_slot(path, encryption.resolve_key(path), f"account:{account.name}", secret)
    return account


def set_disabled_in_chart(store: Any, acting: Account, name: str, disabled: bool) -> Account:
    """``set_disabled`` plus, for an encrypted chart, the account's key slot: a disabled
    account's passphrase no longer opens the file (re-enabled: set a new passphrase)."""
    from nmt_bodymap.store import encryption

    account = AccountBook.for_store(store).set_disabled(acting, name, disabled)
    path = getattr(store, "path", None)
    if disabled and path is not None and encryption.is_encrypted_chart(path):
        encryption.remove_slot(path, f"account:{account.name}")
    return account


def change_secret_in_chart(store: Any, acting: Account, name: str, secret: str) -> Account:
    """``change_secret`` plus, for an encrypted chart, the account's key slot."""
    from nmt_bodymap.store import encryption

    account = AccountBook.for_store(store).change_secret(acting, name, secret)
    path = getattr(store, "path", None)
    if path is not None and encryption.is_encrypted_chart(path):
        encryption.add_slot(path, encryption.resolve_key(path), f"account:{account.name}", secret)
    return account


def first_account_from_environment(store: Any) -> tuple[Account | None, str | None]:
    """For ``init`` and scripts: with ``NMT_BODYMAP_SECRET`` set and no account yet, create
    the owner ``NMT_BODYMAP_USER`` (default ``admin``) with that secret. Returns the account
    (or None) and the recovery code of a chart encrypted just now (print it once)."""
    import os

    from nmt_bodymap.store import encryption

    secret = os.environ.get(encryption.SECRET_ENV)
    path = getattr(store, "path", None)
    recovery = encryption.take_recovery_code(path) if path is not None else None
    book = AccountBook.for_store(store)
    if not secret or book.has_accounts():
        return None, recovery
    account = book.create_first_account(os.environ.get(encryption.USER_ENV) or "admin", secret)
    store.who = account.name
    return account, recovery


def read_history(store: Any, acting: Account, client_id: int) -> list[Any]:
    """The history of a client's chart, for an owner or admin only."""
    require_admin(acting)
    reader = getattr(store, "history", None)
    if reader is None:
        raise ChartStoreError("This chart keeps no history yet.")
    return list(reader(client_id))


@cache
def _dummy_hash() -> str:
    """A hash to check an unknown name against (made on the first such sign-in, not at
    import: every start imports this module, and hashing costs a tenth of a second)."""
    return hash_secret("not an account")
