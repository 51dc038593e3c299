"""Assessment observations of a visit: posture, gait, ischemia and entrapment findings."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from nmt_bodymap.store import ChartNotFound, ChartStore, ChartValidationError
from nmt_bodymap.store.database import database_url, make_engine
from nmt_bodymap.store.migrate import upgrade_database


def test_every_kind_is_stored_and_listed_in_charting_order(
    store: ChartStore, visit_id: int
) -> None:
    forward = store.add_observation(visit_id, kind="posture", item="forward_head")
    short_leg = store.add_observation(
        visit_id, kind="posture", item="short_leg", side="left", severity="moderate"
    )
    hip_drop = store.add_observation(visit_id, kind="gait", item="trendelenburg", side="right")
    ischemia = store.add_observation(
        visit_id, kind="ischemia", item="taut_ropy", region="posterior_neck", side="both"
    )
    entrapment = store.add_observation(
        visit_id,
        kind="entrapment",
        item="sciatic_piriformis",
        side="right",
        region="posterior_thigh",
        note="  tingling after 20 min sitting  ",
    )
    assert store.list_observations(visit_id) == [
        forward,
        short_leg,
        hip_drop,
        ischemia,
        entrapment,
    ]
    assert (forward.region, forward.side, forward.severity) == ("", "", None)
    assert (short_leg.side, short_leg.severity) == ("left", "moderate")
    assert (ischemia.region, ischemia.side) == ("posterior_neck", "both")
    assert entrapment.note == "tingling after 20 min sitting"
    assert forward.deleted_at is None and forward.created_at.tzinfo is not None


def test_change_side_severity_and_note_but_not_what_was_observed(
    store: ChartStore, visit_id: int
) -> None:
    tilt = store.add_observation(visit_id, kind="posture", item="head_tilt", side="left")
    changed = store.update_observation(tilt.id, side="both", severity="marked", note="since fall")
    assert (changed.side, changed.severity, changed.note) == ("both", "marked", "since fall")
    cleared = store.update_observation(tilt.id, severity="")
    assert cleared.severity is None
    assert store.list_observations(visit_id) == [cleared]
    with pytest.raises(ChartValidationError, match="cannot be changed") as caught:
        store.update_observation(tilt.id, item="head_rotation")
    assert caught.value.field == "item"
    with pytest.raises(ChartValidationError, match="Head tilt needs a side"):
        store.update_observation(tilt.id, side="")
    assert store.list_observations(visit_id) == [cleared]


def test_remove_is_a_soft_delete_that_restore_undoes(store: ChartStore, visit_id: int) -> None:
    sign = store.add_observation(
        visit_id, kind="ischemia", item="pale_cool", region="sternum", side="midline"
    )
    removed = store.delete_observation(sign.id)
    assert removed.deleted_at is not None
    assert store.list_observations(visit_id) == []
    assert [o.id for o in store.list_observations(visit_id, include_deleted=True)] == [sign.id]
    with pytest.raises(ChartNotFound, match=f"Observation {sign.id} does not exist"):
        store.update_observation(sign.id, note="gone")
    restored = store.restore_observation(sign.id)
    assert restored.deleted_at is None
    assert store.list_observations(visit_id) == [restored]


def test_observations_belong_to_their_visit(store: ChartStore, visit_id: int) -> None:
    client_id = store.get_visit(visit_id).client_id
    other = store.create_visit(client_id, chief_complaint="Low back")
    store.add_observation(visit_id, kind="gait", item="short_stride")
    assert store.list_observations(other.id) == []
    with pytest.raises(ChartNotFound, match="Visit 9999 does not exist"):
        store.add_observation(9999, kind="gait", item="short_stride")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"kind": "mood", "item": "forward_head"}, "kind", "Kind of observation must be one of"),
        ({"kind": "posture", "item": "slouch"}, "item", "'slouch' is not a known posture"),
        ({"kind": "gait", "item": "forward_head"}, "item", "not a known gait observation"),
        (
            {"kind": "ischemia", "item": "forward_head", "region": "temple", "side": "left"},
            "item",
            "not a known ischemia sign",
        ),
        ({"kind": "posture", "item": "short_leg"}, "side", r"Leg-length difference needs a side"),
        (
            {"kind": "posture", "item": "short_leg", "side": "up"},
            "side",
            r"left, right or both \(the shorter leg\) \(got 'up'\)",
        ),
        (
            {"kind": "posture", "item": "forward_head", "side": "left"},
            "side",
            "Forward head carriage is charted without a side",
        ),
        (
            {"kind": "gait", "item": "antalgic", "side": "left", "region": "hip"},
            "region",
            "Gait is charted without a region",
        ),
        (
            {"kind": "ischemia", "item": "taut_ropy", "side": "left"},
            "region",
            r"Choose the region where the sign \(Taut, ropy or dense tissue\) was found",
        ),
        (
            {"kind": "ischemia", "item": "taut_ropy", "region": "elbowpit", "side": "left"},
            "region",
            "'elbowpit' is not a region of the body map",
        ),
        (
            {"kind": "ischemia", "item": "taut_ropy", "region": "sternum", "side": "left"},
            "side",
            "The sternum is charted midline, not 'left'",
        ),
        (
            {"kind": "ischemia", "item": "taut_ropy", "region": "calf", "side": "midline"},
            "side",
            "The calf is charted left or right or both",
        ),
        (
            {"kind": "entrapment", "item": "sciatic_piriformis"},
            "side",
            "Sciatic nerve by piriformis needs a side",
        ),
        (
            {"kind": "posture", "item": "head_tilt", "side": "left", "severity": "awful"},
            "severity",
            "Severity must be one of mild, moderate, marked",
        ),
        (
            {"kind": "gait", "item": "short_stride", "colour": "red"},
            "colour",
            "'colour' is not a field",
        ),
    ],
)
def test_bad_observations_are_refused_with_a_clear_message(
    store: ChartStore, visit_id: int, fields: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ChartValidationError, match=message) as caught:
        store.add_observation(visit_id, **fields)
    assert caught.value.field == field
    assert store.list_observations(visit_id, include_deleted=True) == []


def test_a_chart_of_revision_0002_gains_observations_and_keeps_its_visits(
    db_target: str,
) -> None:
    engine = make_engine(database_url(db_target))
    upgrade_database(engine, revision="0002")
    stamp = {"t": "2025-02-01 10:00:00"}
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clients (id, name, name_key, surname_key, phone, email, address, "
                "notes, is_demo, created_at, updated_at) VALUES (1, 'Ana Ruiz', 'ana ruiz', "
                "'ruiz', '', '', '', '', false, :t, :t)"
            ),
            stamp,
        )
        conn.execute(
            text(
                "INSERT INTO visits (id, client_id, started_at, therapist, chief_complaint, "
                "subjective, objective, assessment, plan, posture, gait, created_at, updated_at)"
                " VALUES (1, 1, :t, 'Sam', 'Low back', '', '', '', '', 'Head forward', '', :t, :t)"
            ),
            stamp,
        )
    engine.dispose()
    with ChartStore.open(db_target, backup_on_close=False) as store:
        assert store.get_visit(1).posture == "Head forward"
        assert store.list_observations(1) == []
        added = store.add_observation(1, kind="posture", item="forward_head", severity="mild")
        assert store.list_observations(1) == [added]
