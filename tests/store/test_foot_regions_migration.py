"""Revision 0009 (issue 17): stored marks on the top of the foot and the sole move to the
part the atlas finds under the mark's point (instep / outer edge of the foot, middle / outer
edge of the sole); marks without a point and other regions stay as they were; the old name
keeps explaining like the whole, and downgrade names the whole again."""

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
_ANTERIOR = {"dorsal_foot", "instep", "lateral_foot"}


def _view(region: str) -> str:
    return "anterior" if region in _ANTERIOR else "posterior"


# (stored region, side, the part whose point the mark sits on or None: no point, expected)
MARKS = [
    ("dorsal_foot", "right", "instep", "instep"),
    ("dorsal_foot", "left", "lateral_foot", "lateral_foot"),
    ("dorsal_foot", "left", "instep", "instep"),
    ("sole", "right", "mid_sole", "mid_sole"),
    ("sole", "left", "lateral_sole", "lateral_sole"),
    ("sole", "right", None, "sole"),
    ("heel", "right", "plantar_heel", "heel"),  # 0008 is already behind this chart
]


def _chart_at_0008(target: str) -> None:
    engine = make_engine(database_url(target))
    upgrade_database(engine, revision="0008")
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
                "created_at, updated_at) VALUES (1, :u, 1, 1, :t, 'Sam', 'Foot', '', '', '', "
                "'', '', '', :t, :t)"
            ),
            {"t": NOW, "u": str(uuid.uuid4())},
        )
        for n, (region, side, part, _) in enumerate(MARKS, start=1):
            point = atlas.region(_view(region), part, side).point if part else (None, None)
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
                    "x": point[0],
                    "y": point[1],
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


def test_0009_moves_foot_marks_to_the_part_under_their_point(db_target: str) -> None:
    _chart_at_0008(db_target)
    ChartStore.open(db_target, backup_on_close=False).close()  # upgrades to head
    assert _regions(db_target) == [(expected, 1) for *_, expected in MARKS]
    with ChartStore.open(db_target, backup_on_close=False) as store:
        marks = store.load_visit_document(1).shown()["pain_mark"].values()
        assert sorted(m["region"] for m in marks) == sorted(expected for *_, expected in MARKS)
    # the sole mark without a point keeps the old name and still explains like the whole
    ranked = [c.muscle for c in rank_candidates([Spot("posterior", "sole", "right")])]
    assert "flexor_digitorum_brevis" in ranked and "abductor_digiti_minimi_foot" in ranked


def test_0009_downgrade_names_the_whole_again(db_target: str) -> None:
    _chart_at_0008(db_target)
    engine = make_engine(database_url(db_target))
    upgrade_database(engine, revision="0009")
    assert [r for r, _ in _regions(db_target)][:2] == ["instep", "lateral_foot"]
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")  # only 0009 itself
    engine.dispose()
    assert [r for r, _ in _regions(db_target)] == [region for region, *_ in MARKS]
