"""A clinic PostgreSQL server off this machine: TLS required, no password in the URL.

Two throw-away servers (``tools/postgres_test_server.sh``, each in its own NMT_PG_DIR):
one turned to TLS with a self-signed certificate made here with openssl, one without.
"Not this machine" is simulated by connecting through the machine's host name instead of
the loopback literal: the app decides locality by the name as written (see
``store/server_security.py``), and the name resolves to 127.0.0.x here, so the test
reaches the same servers. Every server started is stopped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.store.server_security import is_local_host, secure_url
from nmt_bodymap.store.service import ChartStore

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "tools" / "postgres_test_server.sh"
pytestmark = pytest.mark.postgres


def test_locality_is_decided_by_the_name_as_written() -> None:
    assert is_local_host(None) and is_local_host("/run/postgresql") and is_local_host("localhost")
    assert is_local_host("127.0.0.1") and is_local_host("::1")
    assert not is_local_host("clinic-db.example") and not is_local_host("10.0.0.5")


def test_a_remote_url_gets_tls_required_and_refuses_a_password_or_weak_mode() -> None:
    url = secure_url(make_url("postgresql+psycopg://ana@clinic-db.example/charts"))
    assert url.query["sslmode"] == "require"
    strict = make_url("postgresql+psycopg://ana@db.example/c?sslmode=verify-full")
    assert secure_url(strict).query["sslmode"] == "verify-full"
    with pytest.raises(ChartStoreError, match="pgpass"):
        secure_url(make_url("postgresql+psycopg://ana:hunter2@db.example/c"))
    with pytest.raises(ChartStoreError, match="sslmode=prefer"):
        secure_url(make_url("postgresql+psycopg://ana@db.example/c?sslmode=prefer"))
    local = make_url("postgresql+psycopg://postgres:pw@127.0.0.1:5432/c")
    assert secure_url(local) == local  # this machine: left as it is


def _remote_name() -> str:
    name = socket.gethostname()
    try:
        address = socket.gethostbyname(name)
    except OSError:
        pytest.skip("the machine's host name does not resolve")
    if not address.startswith("127.") or is_local_host(name):
        pytest.skip("the machine's host name does not resolve to this machine")
    return name


def _start(folder: Path) -> str:
    env = {**os.environ, "NMT_PG_DIR": str(folder)}
    try:
        done = subprocess.run(
            ["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=240
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"no PostgreSQL test server: {exc}")
    if done.returncode != 0:
        pytest.skip(f"no PostgreSQL test server: {done.stderr.strip()[-200:]}")
    return done.stdout.strip()


def _stop(folder: Path) -> None:
    env = {**os.environ, "NMT_PG_DIR": str(folder)}
    subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, timeout=120)


def _turn_on_tls(folder: Path, url: str) -> None:
    """A self-signed certificate made now, then ``ssl = on`` (a reload is enough)."""
    data = folder / "data"
    subprocess.run(
        [
            "openssl",
            "req",
            "-new",
            "-x509",
            "-days",
            "1",
            "-nodes",
            "-subj",
            "/CN=nmt-test",
            "-newkey",
            "rsa:2048",
            "-keyout",
            str(data / "server.key"),
            "-out",
            str(data / "server.crt"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    os.chmod(data / "server.key", 0o600)
    if os.geteuid() == 0:
        for name in ("server.key", "server.crt"):
            shutil.chown(data / name, "postgres", "postgres")
    engine = ChartStore.open(url, backup_on_close=False)._engine
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ALTER SYSTEM SET ssl = on"))
        conn.execute(text("SELECT pg_reload_conf()"))
    engine.dispose()


@pytest.fixture
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    base = Path(f"/tmp/pg-security-{os.getpid()}")
    with_tls, without_tls = base.with_name(base.name + "-tls"), base.with_name(base.name + "-plain")
    started: list[Path] = []
    try:
        urls = {}
        for folder, key in ((with_tls, "tls"), (without_tls, "plain")):
            started.append(folder)
            urls[key] = _start(folder)
        _turn_on_tls(with_tls, urls["tls"])
        yield urls
    finally:
        for folder in started:
            _stop(folder)


def test_tls_server_is_used_encrypted_and_a_plain_server_is_refused(
    servers: dict[str, str],
) -> None:
    name = _remote_name()
    remote_tls = servers["tls"].replace("127.0.0.1", name)
    with ChartStore.open(remote_tls, backup_on_close=False) as store:
        assert "sslmode=require" in store.url
        client = store.create_client(name="Ana Ruiz")
        with store._engine.connect() as conn:
            ssl_in_use = conn.execute(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).scalar()
        assert ssl_in_use is True
        assert store.get_client(client.id).name == "Ana Ruiz"

    remote_plain = servers["plain"].replace("127.0.0.1", name)
    with pytest.raises(ChartStoreError) as refused:
        ChartStore.open(remote_plain, backup_on_close=False)
    message = str(refused.value)
    assert "does not offer an encrypted (TLS) connection" in message
    assert "\n" not in message

    # The same plain server through the loopback literal is this machine: allowed.
    ChartStore.open(servers["plain"], backup_on_close=False).close()
