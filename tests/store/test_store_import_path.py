"""The store worker's start path imports SQLAlchemy and our models, nothing heavier (issue 18).

At launch the worker imports ``nmt_bodymap.store.service``, opens the chart, lists the
recent clients and loads the open visit's document; every thread shares one GIL, so each
module imported there delays the first click too. A fresh process does exactly that and
reports which of the heavy modules got imported: PostgreSQL's SQLAlchemy dialect (the
models once named a PostgreSQL index option), asyncpg, pydantic (the row checks once were
pydantic models), YAML and the data files (the region vocabulary, the assessment and
consent files), Alembic (a chart at head needs no migration script) and argon2 (accounts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex

from nmt_bodymap.store import ChartStore

HEAVY = (
    "sqlalchemy.dialects.postgresql",
    "asyncpg",
    "pydantic",
    "pydantic_core",
    "yaml",
    "alembic",
    "argon2",
    "cryptography",
    "nmt_bodymap.core.vocabulary",
    "nmt_bodymap.core.assessment",
    "nmt_bodymap.core.consent",
)

PROBE = """
import json, sys
heavy = json.loads(sys.argv[2])
import nmt_bodymap.store.service as service
loaded = {"import": sorted(m for m in heavy if m in sys.modules)}
store = service.ChartStore.open(sys.argv[1], backup_on_close=False)
client = store.recent_clients(10)[0]
found = store.search_clients(client.name[:3])
visit = store.list_visits(client.id)[0]
document = store.load_visit_document(visit.id)
store.close()
loaded["visit"] = sorted(m for m in heavy if m in sys.modules)
loaded["found"] = [c.id for c in found]
loaded["marks"] = len(document.rows("pain_mark"))
print(json.dumps(loaded))
"""


def _chart(tmp_path: Path) -> Path:
    path = tmp_path / "chart.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        visit = store.create_visit(client.id, chief_complaint="Headache")
        store.add_pain_mark(
            visit.id,
            view="internal",
            region="pelvic_floor",
            side="midline",
            intensity=4,
            quality="ache",
        )
    return path


def test_opening_a_chart_and_its_visit_imports_no_heavy_module(tmp_path: Path) -> None:
    path = _chart(tmp_path)
    env = {**os.environ, "NMT_BODYMAP_DATA_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    ).stdout
    loaded = json.loads(out.strip().splitlines()[-1])
    assert (loaded["found"], loaded["marks"]) == ([1], 1)  # the client found, the visit read
    assert loaded["import"] == []
    assert loaded["visit"] == []


def test_the_prefix_indexes_keep_text_pattern_ops_for_postgresql() -> None:
    """The option is kept off the models' import (it loads the dialect) and given to the
    indexes when the migrations run on PostgreSQL (``migrations/env.py``)."""
    from nmt_bodymap.store.models import Base, Client, postgresql_options

    postgresql_options(Base.metadata)
    made = {
        str(index.name): str(CreateIndex(index).compile(dialect=postgresql.dialect()))
        for index in Client.__table__.indexes
    }
    assert made["ix_clients_name_key"].endswith("(name_key text_pattern_ops)")
    assert made["ix_clients_surname_key"].endswith("(surname_key text_pattern_ops)")
    assert made["ix_clients_updated_at"].endswith("(updated_at)")


def test_a_chart_made_by_the_migrations_has_the_prefix_indexes(db_target: str) -> None:
    """On PostgreSQL with text_pattern_ops (LIKE 'abc%' answered from the index)."""
    from sqlalchemy import text

    ChartStore.open(db_target, backup_on_close=False).close()
    from nmt_bodymap.store.database import database_url, make_engine

    engine = make_engine(database_url(db_target))
    postgres = engine.dialect.name == "postgresql"
    query = (
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'clients'"
        if postgres
        else "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'clients'"
    )
    try:
        with engine.connect() as conn:
            made = {str(name): str(sql) for name, sql in conn.execute(text(query)).all()}
    finally:
        engine.dispose()
    for column in ("name_key", "surname_key"):
        assert column in made[f"ix_clients_{column}"]
        assert ("text_pattern_ops" in made[f"ix_clients_{column}"]) == postgres
