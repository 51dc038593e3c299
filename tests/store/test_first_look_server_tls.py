"""The server first look off this machine (``store/first_look_server.py``, issue 18) keeps
the store's rule: an encrypted (TLS) connection or none. The two throw-away servers of the
security tests (one with TLS, one without; ``tests/security/test_clinic_server.py``) are
reached through the machine's host name, which the app counts as another machine."""

from __future__ import annotations

import pytest

from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.store.first_look_server import ServerFirstLook
from nmt_bodymap.store.server_security import NO_TLS_MESSAGE
from nmt_bodymap.store.service import ChartStore
from nmt_bodymap.ui.chart import store_calls
from tests.security.test_clinic_server import _remote_name, servers

pytestmark = pytest.mark.postgres
__all__ = ["servers"]  # the fixture: two servers started here, both stopped after


def test_the_look_goes_encrypted_or_leaves_the_refusal_to_the_store(
    servers: dict[str, str],
) -> None:
    name = _remote_name()
    remote_tls = servers["tls"].replace("127.0.0.1", name)
    with ChartStore.open(remote_tls, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz")
    look = ServerFirstLook.open_server(remote_tls)
    assert look is not None
    try:
        ssl_in_use = look._conn.execute(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).fetchone()[0]
        assert ssl_in_use is True
        assert "sslmode=require" in look.url
        assert look.recent_clients(5)[0].id == client.id
    finally:
        look.close()

    remote_plain = servers["plain"].replace("127.0.0.1", name)
    assert ServerFirstLook.open_server(remote_plain) is None  # the store says why
    with pytest.raises(ChartStoreError) as refused:
        store_calls.open_store(remote_plain)
    assert str(refused.value) == NO_TLS_MESSAGE.format(host=name)
