"""Store fixtures: every ``store`` test runs on SQLite and, when NMT_TEST_POSTGRES_URL is
set (``tools/postgres_test_server.sh`` prints one), on PostgreSQL too."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from nmt_bodymap.store import ChartStore

POSTGRES_URL = os.environ.get("NMT_TEST_POSTGRES_URL", "")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NMT_BODYMAP_DATA_DIR", str(tmp_path / "data"))


def _fresh_postgres_url(worker: str) -> str:
    """An empty database of this test worker (xdist workers must not share one)."""
    base = make_url(POSTGRES_URL)
    name = f"{base.database}_{worker}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if exists.first() is None:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = base.set(database=name)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url.render_as_string(hide_password=False)


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not POSTGRES_URL, reason="NMT_TEST_POSTGRES_URL is not set"),
            ],
        ),
    ]
)
def db_target(request: pytest.FixtureRequest, tmp_path: Path, worker_id: str) -> str:
    """Where a chart database goes: a SQLite file path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "charts.sqlite3")
    return _fresh_postgres_url(worker_id)


@pytest.fixture
def store(db_target: str) -> Iterator[ChartStore]:
    chart_store = ChartStore.open(db_target, backup_on_close=False)
    yield chart_store
    chart_store.close()


@pytest.fixture
def visit_id(store: ChartStore) -> int:
    client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
    return store.create_visit(client.id, chief_complaint="Right-sided headache").id
