"""Revision 0004 on a chart written at 0003: every clinical row gets a distinct uid and
version 1, nothing else changes, the history starts empty and then records changes."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from nmt_bodymap.core.operations import RowKind
from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.database import database_url, make_engine
from nmt_bodymap.store.migrate import upgrade_database
from tests.conftest import body_point

NOW = "2025-03-05 09:00:00"
FOREHEAD = body_point("anterior", "forehead", "left")
TABLES = (
    "clients",
    "intakes",
    "complaints",
    "visits",
    "pain_marks",
    "findings",
    "treatments",
    "follow_ups",
    "observations",
)
INSERTS = (
    "INSERT INTO clients (id, name, name_key, surname_key, phone, email, address, notes, "
    "is_demo, created_at, updated_at) VALUES (1, 'Ana Ruiz', 'ana ruiz', 'ruiz', '', '', '', "
    "'', false, :t, :t)",
    "INSERT INTO clients (id, name, name_key, surname_key, phone, email, address, notes, "
    "is_demo, created_at, updated_at) VALUES (2, 'Ben Ode', 'ben ode', 'ode', '', '', '', "
    "'', false, :t, :t)",
    "INSERT INTO intakes (id, client_id, history, medications, conditions, occupation, habits,"
    " sleep_notes, nutrition, breathing, red_flags, red_flag_clearance, created_at, updated_at)"
    " VALUES (1, 1, 'Whiplash 2019', '', '', '', '', '', '', '', '{}', '', :t, :t)",
    "INSERT INTO complaints (id, intake_id, position, description, created_at, updated_at) "
    "VALUES (1, 1, 0, 'Headache', :t, :t)",
    "INSERT INTO visits (id, client_id, started_at, therapist, chief_complaint, subjective, "
    "objective, assessment, plan, posture, gait, created_at, updated_at) VALUES "
    "(1, 1, :t, 'Sam', 'Headache', '', '', '', '', '', '', :t, :t)",
    "INSERT INTO pain_marks (id, visit_id, view, x, y, region, side, intensity, quality, note,"
    " created_at, updated_at) VALUES (1, 1, 'anterior', 120.0, 80.0, 'temple', 'right', 6, "
    "'ache', '', :t, :t)",
    "INSERT INTO pain_marks (id, visit_id, view, x, y, region, side, intensity, quality, note,"
    " created_at, updated_at, deleted_at) VALUES (2, 1, 'anterior', 110.0, 90.0, 'jaw', "
    "'right', 3, 'ache', '', :t, :t, :t)",
    "INSERT INTO findings (id, visit_id, muscle_id, side, trigger_point_id, activity, "
    "jump_sign, local_twitch, referral_reproduced, ischemia, entrapment, note, created_at, "
    "updated_at) VALUES (1, 1, 'upper_trapezius', 'right', '', 'active', true, false, false, "
    "false, false, '', :t, :t)",
    "INSERT INTO treatments (id, visit_id, muscle_id, side, trigger_point_id, technique, "
    "response, created_at, updated_at) VALUES (1, 1, 'masseter', 'right', '', 'stripping', "
    "'', :t, :t)",
    "INSERT INTO follow_ups (id, visit_id, soreness_hours, relief_days, note, created_at, "
    "updated_at) VALUES (1, 1, 12.0, 4.0, '', :t, :t)",
    "INSERT INTO observations (id, visit_id, kind, item, region, side, note, created_at, "
    "updated_at) VALUES (1, 1, 'posture', 'forward_head', '', '', '', :t, :t)",
)


# Columns later revisions add (absent from the 0003 rows compared): 0006 signs visits,
# 0007 keeps every hold's length.
LATER_COLUMNS = ("signed_by", "signed_at", "signature", "hold_lengths")


def _chart_at_0003(target: str) -> None:
    engine = make_engine(database_url(target))
    upgrade_database(engine, revision="0003")
    with engine.begin() as conn:
        for insert in INSERTS:
            conn.execute(text(insert), {"t": NOW})
        if conn.dialect.name == "postgresql":  # the rows above named their ids
            for table in TABLES:
                conn.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                         f"(SELECT max(id) FROM {table}))")
                )  # fmt: skip
    engine.dispose()


def _rows(target: str) -> dict[str, list[tuple]]:
    engine = make_engine(database_url(target))
    with engine.connect() as conn:
        found = {
            table: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
            for table in TABLES
        }
    engine.dispose()
    return found


def test_0004_gives_every_row_a_uid_and_version_one_and_keeps_the_data(db_target: str) -> None:
    _chart_at_0003(db_target)
    before = _rows(db_target)
    ChartStore.open(db_target, backup_on_close=False).close()
    engine = make_engine(database_url(db_target))
    uids: list[str] = []
    with engine.connect() as conn:
        for table in TABLES:
            rows = conn.execute(text(f"SELECT uid, version FROM {table} ORDER BY id")).all()
            assert len(rows) == len(before[table]) >= 1, table
            assert {version for _, version in rows} == {1}, table
            uids += [uid for uid, _ in rows]
            columns = conn.execute(text(f"SELECT * FROM {table} ORDER BY id")).keys()
            kept = [c for c in columns if c not in ("uid", "version", *LATER_COLUMNS)]
            old = [dict(zip(kept, row, strict=False)) for row in before[table]]
            new = conn.execute(text(f"SELECT {', '.join(kept)} FROM {table} ORDER BY id"))
            assert [dict(r._mapping) for r in new] == old, table
        assert conn.scalar(text("SELECT count(*) FROM history")) == 0
    engine.dispose()
    assert len(set(uids)) == len(uids) == 11
    assert all(uuid.UUID(uid).version == 4 for uid in uids)

    with ChartStore.open(db_target, backup_on_close=False, who="Sam") as store:
        doc = store.load_visit_document(1)
        marks = doc.rows(RowKind.PAIN_MARK, include_deleted=True)
        assert [(s.values["region"], s.version, s.deleted) for s in marks.values()] == [
            ("temple", 1, False),
            ("jaw", 1, True),
        ]
        temple = next(iter(marks))
        change = doc.change_op(RowKind.PAIN_MARK, temple, intensity=2)
        store.apply(change)
        restore = doc.restore_op(RowKind.PAIN_MARK, list(marks)[1])
        store.apply(restore)
        store.update_client(2, phone="555")
        history = store.history(1)
        assert [(e.kind, e.op, e.version, e.who) for e in history] == [
            ("pain_mark", "change", 2, "Sam"),
            ("pain_mark", "restore", 2, "Sam"),
        ]
        assert [(e.kind, e.op) for e in store.history(2)] == [("client", "change")]
        added = store.add_pain_mark(
            1, view="anterior", x=FOREHEAD[0], y=FOREHEAD[1], region="forehead", side="left",
            intensity=1, quality="ache",
        )  # fmt: skip
        assert added.version == 1 and added.uid not in uids


def test_the_database_refuses_to_change_or_remove_history(db_target: str) -> None:
    with ChartStore.open(db_target, backup_on_close=False, who="Sam") as store:
        store.create_client(name="Ana Ruiz")
    engine = make_engine(database_url(db_target))
    try:
        for statement in ("UPDATE history SET who = 'Someone else'", "DELETE FROM history"):
            with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
                conn.execute(text(statement))
        with engine.connect() as conn:
            assert conn.execute(text("SELECT who FROM history")).all() == [("Sam",)]
    finally:
        engine.dispose()
