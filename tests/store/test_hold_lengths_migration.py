"""Revision 0007: an old chart's treatments get every hold's length (issue 15)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.database import database_url, make_engine
from nmt_bodymap.store.migrate import alembic_config, upgrade_database
from tests.store.test_migrations import NOW, _chart_at_0001

OLD_TREATMENTS = [
    # id, hold_seconds, repetitions, response
    (1, 10, 2, "softened"),  # charted as "10 s x 2"
    (2, 30, None, ""),  # one hold, no count
    (3, None, None, "stretch only"),  # no hold
    (4, 30, 2, "Holds 20 s, 10 s; referral faded"),  # the form's stop-gap for unequal holds
]


def test_an_old_chart_upgrades_each_treatment_to_its_list_of_holds(db_target: str) -> None:
    _chart_at_0001(db_target)
    engine = make_engine(database_url(db_target))
    with engine.begin() as conn:
        for row_id, seconds, count, response in OLD_TREATMENTS:
            conn.execute(
                text(
                    "INSERT INTO treatments (id, visit_id, muscle_id, side, trigger_point_id,"
                    " technique, pressure_tolerance, hold_seconds, repetitions, response,"
                    " created_at, updated_at) VALUES (:id, 1, 'upper_trapezius', 'right', '',"
                    " 'Ischaemic compression', 6, :s, :n, :r, :c, :c)"
                ),
                {"id": row_id, "s": seconds, "n": count, "r": response, "c": NOW},
            )
    upgrade_database(engine, revision="0005")  # the chart just before this revision
    engine.dispose()
    with ChartStore.open(db_target, backup_on_close=False) as store:
        rows = {t.id: t for t in store.list_treatments(1)}
    assert rows[1].hold_lengths == [10, 10]
    assert (rows[1].hold_seconds, rows[1].repetitions, rows[1].response) == (10, 2, "softened")
    assert rows[2].hold_lengths == [30]
    assert rows[3].hold_lengths == []
    assert rows[4].hold_lengths == [20, 10]
    assert (rows[4].hold_seconds, rows[4].response) == (None, "referral faded")


def test_the_revision_goes_down_again(db_target: str) -> None:
    ChartStore.open(db_target, backup_on_close=False).close()
    engine = make_engine(database_url(db_target))
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    columns = [c["name"] for c in inspect(engine).get_columns("treatments")]
    engine.dispose()
    assert "hold_lengths" not in columns and "hold_seconds" in columns
