"""A clinic PostgreSQL server: TLS required off this machine, no password in a URL.

For any host that is not this machine, the connection must be encrypted: ``sslmode``
is set to ``require`` when the URL names none (``verify-ca`` / ``verify-full`` with the
clinic's CA are stricter and kept), a weaker mode is refused, and a server that offers
no TLS is refused with a plain message instead of falling back to plaintext.

A password never sits in the ``--db`` URL for such a host (it would end up in the shell
history and the process list): libpq reads it from the user's ``~/.pgpass`` or a
``pg_service.conf`` service, or the app reads it from the OS keychain (``keyring``,
service ``nmt-bodymap-db``, user ``<user>@<host>:<port>/<database>``).

"Local" is decided on the name as written, never on what it resolves to: a Unix socket
path, ``localhost``, or a loopback IP literal. Any other name counts as remote, even one
that happens to resolve to 127.0.0.1 (the tests rely on exactly that, connecting
through the machine's host name).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

from nmt_bodymap.store import server_rules
from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.store.server_rules import STRICT_MODES, is_local_host, keychain_password

NO_TLS_MESSAGE = (
    "The clinic server {host} does not offer an encrypted (TLS) connection, and charts are "
    "never sent over the network unencrypted. Ask the administrator to turn on ssl on the "
    "server (see docs/clinic-server.md)."
)


def keychain_user(url: URL) -> str:
    return server_rules.keychain_user(url.username, url.host, url.port, url.database)


def secure_url(url: URL) -> URL:
    """``url`` with TLS required (remote hosts); refuses a password or a weak sslmode."""
    if not url.get_backend_name().startswith("postgresql"):
        return url
    named = [h for h in str(url.query.get("host", url.host or "")).split(",") if h]
    hosts: list[str | None] = [*named] if named else [None]
    if all(is_local_host(h) for h in hosts):
        return url
    where = url.host or hosts[0]
    if url.password:
        raise ChartStoreError(
            f"Do not put the password for {where} in the database address: keep it in "
            "~/.pgpass, a pg_service.conf service, or the OS keychain (docs/clinic-server.md)."
        )
    mode = url.query.get("sslmode")
    if mode is None:
        url = url.update_query_dict({"sslmode": "require"})
    elif mode not in STRICT_MODES:
        raise ChartStoreError(
            f"sslmode={mode} would allow an unencrypted connection to {where}; use "
            "sslmode=require, verify-ca or verify-full."
        )
    password = keychain_password(keychain_user(url))
    return url.set(password=password) if password else url


def _explain(context: Any) -> BaseException | None:
    text = str(context.original_exception)
    if "does not support SSL" in text or "SSL was required" in text:
        host = getattr(context, "engine", None)
        name = host.url.host if host is not None else "server"
        return ChartStoreError(NO_TLS_MESSAGE.format(host=name))
    return None


def make_server_engine(url: URL) -> Engine:
    """The engine for a database server, with the rules above."""
    engine = create_engine(secure_url(url), pool_pre_ping=True, hide_parameters=True)
    event.listen(engine, "handle_error", _explain)
    return engine
