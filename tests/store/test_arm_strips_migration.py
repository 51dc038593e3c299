"""Revision 0010 (issue 17): stored marks on the front and back of the upper arm and forearm
move to the part the atlas finds under the mark's point (the inner two thirds, or the outer
strip that both views show); marks without a point and other regions stay as they were; the
old name keeps explaining like the whole, and downgrade names the whole of the mark's view."""

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
    return "anterior" if region.startswith("anterior") else "posterior"


# (stored region, side, the part whose point the mark sits on or None: no point, expected)
MARKS = [
    ("anterior_arm", "right", "medial_anterior_arm", "medial_anterior_arm"),
    ("anterior_arm", "left", "lateral_arm", "lateral_arm"),
    ("posterior_arm", "right", "lateral_arm", "lateral_arm"),
    ("posterior_arm", "left", "medial_posterior_arm", "medial_posterior_arm"),
    ("anterior_forearm", "right", "lateral_forearm", "lateral_forearm"),
    ("posterior_forearm", "left", "medial_posterior_forearm", "medial_posterior_forearm"),
    ("posterior_forearm", "right", "lateral_forearm", "lateral_forearm"),
    ("anterior_forearm", "left", None, "anterior_forearm"),
    ("posterior_shoulder", "right", "posterior_shoulder", "posterior_shoulder"),
]


def _chart_at_0009(target: str) -> None:
    engine = make_engine(database_url(target))
    upgrade_database(engine, revision="0009")
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
                "created_at, updated_at) VALUES (1, :u, 1, 1, :t, 'Sam', 'Arm', '', '', '', "
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


def test_0010_moves_arm_marks_to_the_part_under_their_point(db_target: str) -> None:
    _chart_at_0009(db_target)
    ChartStore.open(db_target, backup_on_close=False).close()  # upgrades to head
    assert _regions(db_target) == [(expected, 1) for *_, expected in MARKS]
    with ChartStore.open(db_target, backup_on_close=False) as store:
        marks = store.load_visit_document(1).shown()["pain_mark"].values()
        assert sorted(m["region"] for m in marks) == sorted(expected for *_, expected in MARKS)
    # the forearm mark without a point keeps the old name and still explains like the whole:
    # by the outer strip (brachioradialis) and by the inner part (flexor carpi ulnaris)
    ranked = [c.muscle for c in rank_candidates([Spot("anterior", "anterior_forearm", "left")])]
    assert "brachioradialis" in ranked and "flexor_carpi_ulnaris" in ranked


def test_0010_downgrade_names_the_whole_of_the_marks_view_again(db_target: str) -> None:
    _chart_at_0009(db_target)
    engine = make_engine(database_url(db_target))
    upgrade_database(engine, revision="0010")
    assert [r for r, _ in _regions(db_target)][:3] == [
        "medial_anterior_arm",
        "lateral_arm",
        "lateral_arm",
    ]
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")  # only 0010 itself
    engine.dispose()
    assert [r for r, _ in _regions(db_target)] == [region for region, *_ in MARKS]
