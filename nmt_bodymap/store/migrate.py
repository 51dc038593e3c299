"""Bringing a chart database to the current schema with the Alembic scripts in ``migrations/``.

Run from code (no alembic.ini): the Config is built here and handed an open connection.
A new, empty database is created at head by running every migration, so new and
upgraded charts share one path. An older SQLite chart is first backed up
(``<chart>-pre-migration-<rev>-<time>.sqlite3``), then migrated as a copy which replaces
the original only once the upgrade and an integrity check succeeded: a failed migration
leaves the chart exactly as it was and raises ``ChartMigrationError``. PostgreSQL runs the
whole upgrade in one transaction (transactional DDL), so a failure rolls back.

The staging copy is owner-only from its first byte; it is migrated with foreign keys off
(SQLite's recipe for batch operations that recreate a parent table: enforced, dropping
``clients`` would cascade-delete or refuse), then checked with ``foreign_key_check``.
Pre-migration copies are rotated: the newest ``KEEP_PRE_MIGRATION`` are kept.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlalchemy.engine import URL

from nmt_bodymap.store.backups import list_backups, retire_wal, take_backup
from nmt_bodymap.store.database import make_engine, sqlite_path
from nmt_bodymap.store.errors import (
    ChartMigrationError,
    ChartNewerSchema,
    ChartNotAChart,
    ChartStoreError,
    diagnose_os_error,
)
from nmt_bodymap.store.first_look_schema import head as quick_head
from nmt_bodymap.store.first_look_schema import script_revisions

if TYPE_CHECKING:  # Alembic is imported only when a chart must be upgraded (issue 18)
    from alembic.config import Config
    from alembic.script import ScriptDirectory

KEEP_PRE_MIGRATION = 3

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location).replace("%", "%%"))
    return config


# The revision ids read from the scripts' text (``script_revisions``, ``quick_head``) live
# with the first look's schema knowledge, which needs them without SQLAlchemy (issue 18).


def _scripts(script_location: Path) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location))


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str:
    head = _scripts(script_location).get_current_head()
    assert head is not None
    return head


def known_revisions(script_location: Path = MIGRATIONS_DIR) -> set[str]:
    if quick_head(script_location) is not None:  # a plain, single-headed chain: its text
        return set(script_revisions(script_location) or ())
    script = _scripts(script_location)
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def stamped_revisions(connection: Connection) -> list[str]:
    """The revisions written in ``alembic_version`` (none for a new database), read without
    Alembic (its import alone is ~0.3 s of a start)."""
    if not inspect(connection).has_table("alembic_version"):
        return []
    rows = connection.execute(text("SELECT version_num FROM alembic_version"))
    return [str(row[0]) for row in rows]


def upgrade_connection(
    connection: Connection, revision: str = "head", script_location: Path = MIGRATIONS_DIR
) -> None:
    """Run the migrations up to ``revision`` on an open connection, in one transaction."""
    config = alembic_config(script_location)
    config.attributes["connection"] = connection
    from alembic import command

    command.upgrade(config, revision)


def upgrade_database(
    engine: Engine, revision: str = "head", script_location: Path = MIGRATIONS_DIR
) -> str | None:
    """Bring the database behind ``engine`` to ``revision``; returns the revision it had.

    Raises ``ChartMigrationError`` for a database this version does not know (not a
    chart, or written by a newer version) and when a migration fails.
    """
    with engine.connect() as connection:
        stamped = stamped_revisions(connection)
        wanted = quick_head(script_location) if revision == "head" else revision
        if len(stamped) == 1 and stamped[0] == wanted:
            return wanted  # up to date: neither Alembic nor a script is loaded (issue 18)
        current = current_revision(connection)
        tables = set(inspect(connection).get_table_names())
    script = _scripts(script_location)
    target = script.get_current_head() if revision == "head" else revision
    if current == target:
        return current
    if current is None and tables - {"alembic_version"}:
        raise ChartNotAChart(
            f"{_describe(engine.url)} holds tables but is not a chart database; "
            "choose another file."
        )
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise ChartNewerSchema(
                f"{_describe(engine.url)} was written by a newer version of NMT Body Map "
                f"(schema {current}); update the app to open it."
            ) from exc
    path = sqlite_path(engine.url)
    if current is None or path is None:
        _upgrade_in_place(engine, target or "head", script_location)
    else:
        engine.dispose()
        _upgrade_copy(path, current, target or "head", script_location)
    return current


def _foreign_keys_off(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys = OFF")


def rotate_pre_migration_copies(path: Path) -> list[Path]:
    """Keep the newest ``KEEP_PRE_MIGRATION`` pre-migration copies; delete older ones."""
    old = list_backups(path, kind="pre-migration")[KEEP_PRE_MIGRATION:]
    for backup in old:
        backup.path.unlink(missing_ok=True)
    return [backup.path for backup in old]


def _describe(url: URL) -> str:
    path = sqlite_path(url)
    return str(path) if path else url.render_as_string(hide_password=True)


def _upgrade_in_place(engine: Engine, revision: str, script_location: Path) -> None:
    try:
        with engine.begin() as connection:
            upgrade_connection(connection, revision, script_location)
    except Exception as exc:
        raise ChartMigrationError(
            f"Upgrading {_describe(engine.url)} failed and was rolled back: {exc}"
        ) from exc


def _upgrade_copy(path: Path, current: str, revision: str, script_location: Path) -> None:
    backup = take_backup(path, kind=f"pre-migration-{current}")
    rotate_pre_migration_copies(path)
    staging = path.with_name(f".{path.name}.migrating")
    leftovers = (staging, Path(f"{staging}-wal"), Path(f"{staging}-shm"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        os.close(os.open(staging, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        # -- security hook (issue 14): an encrypted chart is copied and checked keyed --
        from nmt_bodymap.store import encryption

        encryption.copy_chart(backup, staging)
        # -- end security hook --
        copy_engine = make_engine(URL.create("sqlite+pysqlite", database=str(staging)))
        event.listen(copy_engine, "connect", _foreign_keys_off)
        try:
            with copy_engine.begin() as connection:
                upgrade_connection(connection, revision, script_location)
        finally:
            copy_engine.dispose()  # the last connection checkpoints the WAL into the file
        with closing(encryption.connect_any(staging)) as checker:
            result = checker.execute("PRAGMA integrity_check").fetchone()[0]
            orphans = checker.execute("PRAGMA foreign_key_check").fetchall()
        if result != "ok":
            raise RuntimeError(f"integrity check after the upgrade: {result}")
        if orphans:
            raise RuntimeError(f"{len(orphans)} rows lost their parent row in the upgrade")
    except ChartStoreError:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        raise
    except Exception as exc:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        diagnosed = diagnose_os_error(exc, path)
        if diagnosed is not None:
            raise diagnosed from exc
        raise ChartMigrationError(
            f"Upgrading {path} failed; the chart was left unchanged "
            f"(a copy from before the upgrade is in {backup}). Reason: {exc}"
        ) from exc
    # The original's WAL (if a crash left one) is already inside the migrated copy; it is
    # folded into the original first, so a kill before the rename loses nothing.
    retire_wal(path, backup)
    os.replace(staging, path)
