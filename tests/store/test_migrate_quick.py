"""Opening a chart already at head loads no migration script (issue 18, start path).

Alembic imports every script to learn the revision ids (one of them imports the accounts
module, which hashes a password at import): ~0.7 s of every start. ``migrate`` reads the
ids from the scripts' text instead and asks Alembic only when a chart must be upgraded
or a script does not state its ids plainly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.migrate import (
    MIGRATIONS_DIR,
    alembic_config,
    known_revisions,
    quick_head,
    script_revisions,
    upgrade_database,
)


def _alembic_revisions(location: Path) -> dict[str, tuple[str, ...]]:
    script = ScriptDirectory.from_config(alembic_config(location))
    return {rev.revision: tuple(rev._all_down_revisions) for rev in script.walk_revisions()}


def test_the_ids_read_from_the_text_are_alembics() -> None:
    assert script_revisions() == _alembic_revisions(MIGRATIONS_DIR)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert quick_head() == head
    assert known_revisions() == set(_alembic_revisions(MIGRATIONS_DIR))


def _copy_scripts(tmp_path: Path) -> Path:
    scripts = tmp_path / "scripts"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    return scripts


def test_a_new_script_moves_the_head_and_the_chart_is_upgraded(tmp_path: Path) -> None:
    scripts = _copy_scripts(tmp_path)
    (scripts / "versions" / "0099_extra.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision: str = '0099'  # a new one\ndown_revision = '{quick_head()}'\n"
        "def upgrade():\n"
        "    op.create_table('extra', sa.Column('id', sa.Integer, primary_key=True))\n"
    )
    assert quick_head(scripts) == "0099"
    path = tmp_path / "chart.sqlite3"
    ChartStore.open(path, backup_on_close=False).close()
    from nmt_bodymap.store.database import database_url, make_engine

    engine = make_engine(database_url(path))
    try:
        assert upgrade_database(engine, script_location=scripts) == quick_head()
        assert upgrade_database(engine, script_location=scripts) == "0099"  # now at head
    finally:
        engine.dispose()


def test_a_script_that_computes_its_id_is_left_to_alembic(tmp_path: Path) -> None:
    scripts = _copy_scripts(tmp_path)
    (scripts / "versions" / "0099_odd.py").write_text(
        f"revision = '00' + '99'\ndown_revision = '{quick_head()}'\ndef upgrade():\n    pass\n"
    )
    assert script_revisions(scripts) is None and quick_head(scripts) is None
    assert "0099" in known_revisions(scripts)  # Alembic imported it


def test_a_branched_chain_has_no_quick_head(tmp_path: Path) -> None:
    scripts = _copy_scripts(tmp_path)
    (scripts / "versions" / "0099_branch.py").write_text(
        "revision = '0099'\ndown_revision = '0009'\ndef upgrade():\n    pass\n"
    )
    assert quick_head(scripts) is None  # two heads: Alembic decides (and refuses)


PROBE = """
import json, sys
from nmt_bodymap.store import ChartStore
ChartStore.open(sys.argv[1], backup_on_close=False).close()
loaded = ("migrations", "accounts", "alembic")
print(json.dumps(sorted(m for m in sys.modules if any(name in m for name in loaded))))
"""


def test_opening_a_chart_at_head_imports_no_script_nor_alembic(tmp_path: Path) -> None:
    path = tmp_path / "chart.sqlite3"
    ChartStore.open(path, backup_on_close=False).close()  # created at head
    env = {**os.environ, "NMT_BODYMAP_DATA_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    ).stdout
    assert json.loads(out.strip().splitlines()[-1]) == []


def test_the_ids_are_read_without_the_ast_module(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """CI failure (stop 23): four stations opening one chart at once raised
    ``SystemError: AST constructor recursion depth mismatch``. ``ast.literal_eval`` shares
    one recursion counter between threads on Python 3.11 (CPython gh-106905), so opening a
    chart must not parse Python source at all."""
    import ast

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("ast used while opening a chart")

    monkeypatch.setattr(ast, "literal_eval", refuse)  # (ast.parse: pytest itself needs it)
    assert script_revisions() == _alembic_revisions(MIGRATIONS_DIR)


def test_tuple_and_none_down_revisions_are_read(tmp_path: Path) -> None:
    scripts = _copy_scripts(tmp_path)
    (scripts / "versions" / "0099_merge.py").write_text(
        f"revision = \"0099\"\ndown_revision = ('{quick_head()}',)\ndef upgrade():\n    pass\n"
    )
    revisions = script_revisions(scripts)
    assert revisions is not None and revisions["0099"] == (quick_head(MIGRATIONS_DIR),)
    assert quick_head(scripts) == "0099"
    assert () in revisions.values()  # the first script follows None
