"""The set-up the region migrations' tests share (0008 finer regions, 0009 foot, 0010 arm
strips): a chart at the revision before the migration with one client, one visit and marks
whose point is that of a given part (or no point), the stored regions read back, and the
one migration undone."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from alembic import command
from sqlalchemy import text

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.store.database import database_url, make_engine
from nmt_bodymap.store.migrate import alembic_config, upgrade_database

NOW = "2025-03-05 09:00:00"

# (view, stored region, side, the part whose point the mark sits on, or None: no point)
StoredMark = tuple[str, str, str, str | None]


def chart_at(target: str, revision: str, marks: Iterable[StoredMark]) -> None:
    """A chart upgraded to `revision` holding one client, one visit and `marks`."""
    engine = make_engine(database_url(target))
    upgrade_database(engine, revision=revision)
    atlas = load_atlas()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clients (id, uid, version, name, name_key, surname_key, phone, "
                "email, address, notes, is_demo, created_at, updated_at) VALUES (1, :u, 1, "
                "'Ana Ruiz', 'ana ruiz', 'ruiz', '', '', '', '', false, :t, :t)"
            ),
            {"t": NOW, "u": str(uuid.uuid4())},
        )
        conn.execute(
            text(
                "INSERT INTO visits (id, uid, version, client_id, started_at, therapist, "
                "chief_complaint, subjective, objective, assessment, plan, posture, gait, "
                "created_at, updated_at) VALUES (1, :u, 1, 1, :t, 'Sam', 'Pain', '', '', '', "
                "'', '', '', :t, :t)"
            ),
            {"t": NOW, "u": str(uuid.uuid4())},
        )
        for n, (view, region, side, part) in enumerate(marks, start=1):
            point = atlas.region(view, part, side).point if part else (None, None)
            conn.execute(
                text(
                    "INSERT INTO pain_marks (id, uid, version, visit_id, view, x, y, region, "
                    "side, intensity, quality, note, created_at, updated_at) VALUES (:id, :u, 1,"
                    " 1, :v, :x, :y, :r, :s, 5, 'ache', '', :t, :t)"
                ),
                {
                    "id": n,
                    "u": str(uuid.uuid4()),
                    "v": view,
                    "x": point[0],
                    "y": point[1],
                    "r": region,
                    "s": side,
                    "t": NOW,
                },
            )
    engine.dispose()


def stored_regions(target: str) -> list[tuple[str, int]]:
    """Every stored mark's (region, version), in the order the marks were charted."""
    engine = make_engine(database_url(target))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT region, version FROM pain_marks ORDER BY id")).all()
    engine.dispose()
    return [(region, version) for region, version in rows]


def upgrade_then_undo(target: str, revision: str) -> list[str]:
    """Upgrade to `revision`, then downgrade that one migration; the regions it had made."""
    engine = make_engine(database_url(target))
    upgrade_database(engine, revision=revision)
    upgraded = [region for region, _ in stored_regions(target)]
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")  # only `revision` itself
    engine.dispose()
    return upgraded
