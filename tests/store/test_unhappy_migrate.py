"""Migrations on the unhappy path: the staging copy is owner-only from its first byte, and a
batch migration that recreates a parent table keeps every child row."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from nmt_bodymap.store import ChartMigrationError, ChartStore
from nmt_bodymap.store import encryption as encryption_module
from nmt_bodymap.store import migrate as migrate_module
from nmt_bodymap.store.backups import list_backups
from nmt_bodymap.store.migrate import KEEP_PRE_MIGRATION, MIGRATIONS_DIR, head_revision
from tests.conftest import body_point

TEMPLE = body_point("anterior", "temple", "right")


def _scripts(tmp_path: Path, body: str) -> Path:
    scripts = tmp_path / "scripts"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_extra.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '0099'\ndown_revision = '{head_revision()}'\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n" + body
    )
    return scripts


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz")
        visit = store.create_visit(client.id, chief_complaint="Headache")
        store.add_pain_mark(
            visit.id,
            view="anterior",
            x=TEMPLE[0],
            y=TEMPLE[1],
            region="temple",
            side="right",
            intensity=6,
            quality="ache",
        )
    return path


def _open_with(path: Path, scripts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", scripts)
    original = migrate_module.upgrade_database

    def upgrade(engine, revision="head", script_location=scripts):  # type: ignore[no-untyped-def]
        return original(engine, revision, script_location)

    from nmt_bodymap.store import service

    monkeypatch.setattr(service, "upgrade_database", upgrade)
    ChartStore.open(path, backup_on_close=False).close()


def test_batch_migration_recreating_the_clients_table_keeps_visits(
    chart: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scripts = _scripts(
        tmp_path,
        "    with op.batch_alter_table('clients', recreate='always') as batch:\n"
        "        batch.add_column(sa.Column('nickname', sa.Text()))\n",
    )
    _open_with(chart, scripts, monkeypatch)
    import sqlite3

    with sqlite3.connect(chart) as conn:
        assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM pain_marks").fetchone()[0] == 1
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0099"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_staging_copy_is_owner_only_from_its_first_byte(
    chart: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    import types

    seen: list[int] = []
    staging = chart.with_name(f".{chart.name}.migrating")
    scripts = _scripts(tmp_path, "    op.add_column('clients', sa.Column('nick', sa.Text()))\n")

    def connect(target, *args, **kwargs):  # type: ignore[no-untyped-def]
        conn = sqlite3.connect(target, *args, **kwargs)
        if Path(str(target)) == staging:
            conn.execute("CREATE TABLE IF NOT EXISTS probe (x)")  # the first bytes
            conn.execute("DROP TABLE probe")
            seen.append(stat.S_IMODE(staging.stat().st_mode))
        return conn

    fake = types.SimpleNamespace(connect=connect, DatabaseError=sqlite3.DatabaseError)
    # the staging copy and its check are made by encryption.copy_chart / connect_any
    monkeypatch.setattr(encryption_module, "sqlite3", fake)
    _open_with(chart, scripts, monkeypatch)
    assert seen and set(seen) == {0o600}


def test_failed_migrations_do_not_pile_up_full_copies(
    chart: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scripts = _scripts(tmp_path, "    raise RuntimeError('simulated failure in 0099')\n")
    for _ in range(KEEP_PRE_MIGRATION + 2):
        with pytest.raises(ChartMigrationError, match="simulated failure"):
            _open_with(chart, scripts, monkeypatch)
    assert len(list_backups(chart, kind="pre-migration")) == KEEP_PRE_MIGRATION
