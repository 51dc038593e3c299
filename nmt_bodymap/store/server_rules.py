"""The clinic server's connection rules, in one place for the store's engine
(``server_security``, SQLAlchemy) and the server's first look (``first_look_server``,
psycopg only, no SQLAlchemy on the start path). Standard library only (``keyring`` when
asked). Qt-free."""

from __future__ import annotations

import ipaddress

KEYRING_SERVICE = "nmt-bodymap-db"
STRICT_MODES = ("require", "verify-ca", "verify-full")


def is_local_host(host: str | None) -> bool:
    """This machine (no host, a socket folder, ``localhost``, a loopback address), on the
    name as written, never as resolved: anything else must be reached over TLS."""
    if not host or host.startswith("/") or host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def keychain_user(
    user: str | None, host: str | None, port: int | None, database: str | None
) -> str:
    """The keychain entry's name for a server login: ``user@host:port/database``."""
    return f"{user or ''}@{host}:{port or 5432}/{database or ''}"


def keychain_password(entry: str) -> str | None:
    """The server password kept in the OS keychain under ``entry``; None when there is none
    or no usable keychain (libpq's ``.pgpass`` or a service file still apply)."""
    try:
        import keyring

        found: str | None = keyring.get_password(KEYRING_SERVICE, entry)
        return found
    except Exception:  # no keyring or no usable backend
        return None
