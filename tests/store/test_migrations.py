"""Schema migrations: new charts at head, old charts upgraded with their data, failures
leaving the chart untouched."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from nmt_bodymap.store import ChartMigrationError, ChartStore
from nmt_bodymap.store.backups import list_backups
from nmt_bodymap.store.database import database_url, make_engine
from nmt_bodymap.store.migrate import MIGRATIONS_DIR, head_revision, upgrade_database
from nmt_bodymap.store.models import Base

NOW = "2025-01-05 09:00:00"


def _revision(target: str) -> str | None:
    engine = make_engine(database_url(target))
    with engine.connect() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
    engine.dispose()
    return revision


def _chart_at_0001(target: str) -> None:
    """A chart as the first release wrote it: a client with an intake, a visit, a mark."""
    engine = make_engine(database_url(target))
    upgrade_database(engine, revision="0001")
    stamps = {"c": NOW, "u": NOW}
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clients (id, name, name_key, surname_key, date_of_birth, phone, "
                "email, address, notes, is_demo, created_at, updated_at) VALUES (1, 'Ana Ruiz',"
                " 'ana ruiz', 'ruiz', '1984-05-02', '', '', '', '', false, :c, :u)"
            ),
            stamps,
        )
        conn.execute(
            text(
                "INSERT INTO intakes (id, client_id, history, medications, conditions, "
                "occupation, habits, sleep_notes, nutrition, breathing, red_flags, created_at,"
                " updated_at) VALUES (1, 1, 'Whiplash 2019', '', '', 'Dentist', '', '', '', '',"
                " '{\"night_pain\": true}', :c, :u)"
            ),
            stamps,
        )
        conn.execute(
            text(
                "INSERT INTO visits (id, client_id, started_at, therapist, chief_complaint, "
                "subjective, objective, assessment, plan, posture, gait, created_at, updated_at)"
                " VALUES (1, 1, :c, 'Sam', 'Headache', '', '', '', '', '', '', :c, :u)"
            ),
            stamps,
        )
        conn.execute(
            text(
                "INSERT INTO pain_marks (id, visit_id, view, x, y, region, side, intensity, "
                "quality, note, created_at, updated_at) VALUES (1, 1, 'anterior', 120.0, 80.0, "
                "'temple', 'right', 6, 'ache', '', :c, :u)"
            ),
            stamps,
        )
    engine.dispose()


def test_new_chart_is_created_at_head_and_matches_the_models(db_target: str) -> None:
    ChartStore.open(db_target, backup_on_close=False).close()
    # 0006 signing (issue 16), 0007 hold lengths (issue 15), 0008-0010 finer regions
    # (issue 17)
    assert _revision(db_target) == head_revision() == "0010"
    engine = make_engine(database_url(db_target))
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert differences == []


def test_chart_of_the_first_revision_is_upgraded_with_its_data(db_target: str) -> None:
    _chart_at_0001(db_target)
    assert _revision(db_target) == "0001"
    with ChartStore.open(db_target, backup_on_close=False) as store:
        chart = store.open_chart(1)
        assert chart.client.name == "Ana Ruiz"
        assert chart.client.date_of_birth == date(1984, 5, 2)
        assert [m.region for m in chart.latest_marks] == ["temple"]
        intake = store.get_intake(1)
        assert intake is not None
        assert (intake.history, intake.red_flags, intake.red_flag_clearance) == (
            "Whiplash 2019",
            {"night_pain": True},
            "",
        )
        cleared = store.save_intake(
            1, red_flag_clearance="GP letter", red_flag_cleared_on="2025-01-06"
        )
        assert cleared.red_flag_clearance == "GP letter"
        follow_up = store.add_follow_up(1, soreness_hours=12, relief_days=4)
        assert store.list_follow_ups(1) == [follow_up]
        assert store.search_clients("ruiz")[0].id == 1
    assert _revision(db_target) == head_revision()


def test_sqlite_chart_is_backed_up_before_an_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "charts.sqlite3"
    _chart_at_0001(str(path))
    ChartStore.open(path, backup_on_close=False).close()
    backups = list_backups(path, kind="pre-migration")
    assert len(backups) == 1
    assert backups[0].kind == "pre-migration-0001"
    assert _revision(str(backups[0].path)) == "0001"
    assert oct(backups[0].path.stat().st_mode & 0o777) == "0o600"


def _failing_scripts(tmp_path: Path) -> Path:
    """The shipped migrations plus one more that alters the chart and then fails."""
    scripts = tmp_path / "scripts"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_broken.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '0099'\ndown_revision = '{head_revision()}'\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    op.execute(\"UPDATE clients SET name = 'overwritten'\")\n"
        "    op.add_column('clients', sa.Column('nickname', sa.Text()))\n"
        "    raise RuntimeError('simulated failure in 0099')\n"
    )
    return scripts


def test_failed_upgrade_leaves_the_chart_untouched(db_target: str, tmp_path: Path) -> None:
    with ChartStore.open(db_target, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz")
    path = Path(db_target) if "://" not in db_target else None
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path else None
    engine = make_engine(database_url(db_target))
    with pytest.raises(ChartMigrationError, match="simulated failure in 0099") as caught:
        upgrade_database(engine, script_location=_failing_scripts(tmp_path))
    engine.dispose()
    assert "unchanged" in str(caught.value) or "rolled back" in str(caught.value)
    if path:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert _revision(db_target) == head_revision()
    with ChartStore.open(db_target, backup_on_close=False) as store:
        assert store.get_client(client.id).name == "Ana Ruiz"


def test_chart_from_a_newer_version_is_refused(db_target: str) -> None:
    ChartStore.open(db_target, backup_on_close=False).close()
    engine = make_engine(database_url(db_target))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(ChartMigrationError, match="newer version of NMT Body Map"):
        ChartStore.open(db_target)


def test_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    engine = make_engine(database_url(str(path)))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE recipes (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(ChartMigrationError, match="not a chart database"):
        ChartStore.open(path)
