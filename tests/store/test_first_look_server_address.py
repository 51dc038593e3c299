"""The server first look (``store/first_look_server.py``, issue 18) reads an address as
SQLAlchemy does and connects as the store does (``store/server_security.py``: TLS off this
machine, no password in the address, the keychain's password), or leaves the address to
the store. No server is needed: these compare with SQLAlchemy's own reading."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from nmt_bodymap.store import server_security
from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.store.first_look_server import Address, ServerFirstLook, secured, shown_address

TAKEN = [
    "postgresql+psycopg://postgres@127.0.0.1:5432/nmt_test",
    "postgresql+psycopg://localhost/charts",
    "postgresql+psycopg://ana@clinic-db.example/charts",
    "postgresql+psycopg://ana@db.example:6543/c?sslmode=verify-full&sslrootcert=/etc/nmt/ca.pem",
    "postgresql+psycopg://ana@10.0.0.5/charts?connect_timeout=5&application_name=nmt-body.map",
    "postgresql+psycopg://keyed@db.example/clinic?sslmode=require",  # its password: keychain
    "postgresql+psycopg://127.0.0.2/c?sslmode=disable",  # this machine: left as written
]
LEFT = [  # the store's own path (it opens, or refuses in its words)
    "postgresql+psycopg://ana:hunter2@db.example/c",
    "postgresql+psycopg://postgres:pw@127.0.0.1:5432/c",
    "postgresql+psycopg://ana@db.example/c?sslmode=prefer",
    "postgresql+psycopg://ana@db.example/c?sslmode=require&sslmode=disable",
    "postgresql+psycopg://ana@db.example/c?options=-csearch_path%3Dx",
    "postgresql+psycopg://an%61@db.example/c",
    "postgresql+psycopg://ana@[::1]/c",
    "postgresql+psycopg:///charts?host=/run/postgresql",
    "postgresql+psycopg://ana@db.example/",
    "postgresql+psycopg://ana@db.example:99999/c",
    "postgresql://ana@db.example/c",
    "postgresql+psycopg2://ana@db.example/c",
    "sqlite:////tmp/charts.sqlite3",
]


@pytest.fixture(autouse=True)
def keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    """A keychain holding one password (for ``keyed@db.example:5432/clinic``)."""

    def get_password(service: str, user: str) -> str | None:
        assert service == "nmt-bodymap-db"
        return "from the keychain" if user == "keyed@db.example:5432/clinic" else None

    monkeypatch.setitem(sys.modules, "keyring", types.SimpleNamespace(get_password=get_password))


def _connect_args(url: Any) -> dict[str, Any]:
    engine = create_engine(url)
    try:
        args, params = engine.dialect.create_connect_args(url)
    finally:
        engine.dispose()
    assert args == []
    params.pop("context", None)  # psycopg's adapters: its defaults (the look uses them too)
    return dict(params)


@pytest.mark.parametrize("text", TAKEN)
def test_a_plain_address_is_read_and_secured_as_the_store_does(text: str) -> None:
    url, ours = make_url(text), Address.parse(text)
    assert ours is not None
    assert (ours.user, ours.host, ours.port, ours.database, ours.query) == (
        url.username,
        url.host,
        url.port,
        url.database,
        dict(url.query),
    )
    assert ours.render() == url.render_as_string(hide_password=True)
    theirs = server_security.secure_url(url)
    assert secured(ours) is ours
    assert ours.render() == theirs.render_as_string(hide_password=True)
    assert ours.password == theirs.password
    assert ours.connect_args() == _connect_args(theirs)
    shown = shown_address(theirs.render_as_string(hide_password=True))
    assert shown is not None and (shown.database, shown.host) == (url.database, url.host)


@pytest.mark.parametrize("text", LEFT)
def test_any_other_address_is_left_to_the_store(text: str) -> None:
    ours = Address.parse(text)
    assert ours is None or secured(ours) is None
    assert ServerFirstLook.open_server(text) is None  # before any connection is tried
    if ours is not None:  # refused by the store too, in its words
        with pytest.raises(ChartStoreError):
            server_security.secure_url(make_url(text))
