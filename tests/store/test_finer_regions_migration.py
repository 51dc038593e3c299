"""Revision 0008 (issue 17): stored marks on a region split into parts move to the part the
atlas finds under the mark's point; marks without a point and other regions stay as they were;
the old name keeps working (as the union of its parts) and downgrade names the whole again."""

from __future__ import annotations

import uuid

from alembic import command
from sqlalchemy import text

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.ranking import Spot, rank_candidates
from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.database import database_url, make_engine
from nmt_bodymap.store.migrate import alembic_config, upgrade_database

NOW = "2025-03-05 09:00:00"


def _view(region: str) -> str:
    return "anterior" if region.endswith("anterior_thigh") else "posterior"


def _point(region: str, side: str) -> tuple[float, float]:
    return load_atlas().region(_view(region), region, side).point


# (old region, side, the part whose point the mark sits on, or None: no point)
MARKS = [
    ("buttock", "right", "upper_buttock"),
    ("buttock", "left", "lower_buttock"),
    ("calf", "right", "upper_calf"),
    ("calf", "left", "lower_calf"),
    ("heel", "left", "posterior_heel"),
    ("heel", "right", "plantar_heel"),
    ("heel", "right", "medial_heel"),
    ("buttock", "right", None),
    ("occiput", "left", "occiput"),
    ("anterior_thigh", "right", "medial_anterior_thigh"),
    ("anterior_thigh", "left", "lateral_anterior_thigh"),
]


def _chart_at_0005(target: str) -> None:
    engine = make_engine(database_url(target))
    upgrade_database(engine, revision="0005")
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
                "created_at, updated_at) VALUES (1, :u, 1, 1, :t, 'Sam', 'Back', '', '', '', "
                "'', '', '', :t, :t)"
            ),
            {"t": NOW, "u": str(uuid.uuid4())},
        )
        for n, (region, side, part) in enumerate(MARKS, start=1):
            x, y = _point(part, side) if part is not None else (None, None)
            conn.execute(
                text(
                    "INSERT INTO pain_marks (id, uid, version, visit_id, view, x, y, region, "
                    "side, intensity, quality, note, created_at, updated_at) VALUES (:id, :u, 1,"
                    " 1, :v, :x, :y, :r, :s, 5, 'ache', '', :t, :t)"
                ),
                {
                    "id": n,
                    "u": str(uuid.uuid4()),
                    "v": _view(region),
                    "x": x,
                    "y": y,
                    "r": region,
                    "s": side,
                    "t": NOW,
                },
            )
    engine.dispose()


def _regions(target: str) -> list[tuple[str, int]]:
    engine = make_engine(database_url(target))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT region, version FROM pain_marks ORDER BY id")).all()
    engine.dispose()
    return [(region, version) for region, version in rows]


def test_0008_moves_old_marks_to_the_part_under_their_point(db_target: str) -> None:
    _chart_at_0005(db_target)
    ChartStore.open(db_target, backup_on_close=False).close()  # upgrades to head
    expected = [part if part is not None else region for region, _, part in MARKS]
    assert _regions(db_target) == [(region, 1) for region in expected]
    with ChartStore.open(db_target, backup_on_close=False) as store:
        marks = store.load_visit_document(1).shown()
        assert marks  # the visit opens with its marks
    # the mark without a point keeps the old name, and it still explains like the whole
    ranked = rank_candidates([Spot("posterior", "buttock", "right")])
    assert "gluteus_medius" in [c.muscle for c in ranked[:3]]


def test_0008_downgrade_names_the_whole_again(db_target: str) -> None:
    _chart_at_0005(db_target)
    engine = make_engine(database_url(db_target))
    upgrade_database(engine, revision="0008")
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")  # only 0008 itself
    engine.dispose()
    assert [r for r, _ in _regions(db_target)] == [region for region, _, _ in MARKS]
