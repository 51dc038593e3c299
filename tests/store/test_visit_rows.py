"""Visits and what is charted in them: pain marks, findings, treatments, follow-ups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nmt_bodymap.store import ChartNotFound, ChartStore, ChartValidationError
from tests.conftest import body_point

TEMPLE = body_point("anterior", "temple", "right")
FOREHEAD = body_point("anterior", "forehead", "right")
MARK = {
    "view": "anterior",
    "x": TEMPLE[0],
    "y": TEMPLE[1],
    "region": "temple",
    "side": "right",
    "intensity": 6,
    "quality": "throbbing",
}


def test_visit_notes_are_saved_and_listed_newest_first(store: ChartStore) -> None:
    client = store.create_client(name="Ana Ruiz")
    older = store.create_visit(client.id, started_at=datetime(2025, 1, 5, 9, 0, tzinfo=UTC))
    newer = store.create_visit(client.id, therapist="Sam", chief_complaint="Neck pain")
    updated = store.update_visit(
        older.id, subjective="Headache 3 days a week", posture="Head forward", gait="Normal"
    )
    assert updated.subjective == "Headache 3 days a week"
    assert store.get_visit(older.id) == updated
    assert [v.id for v in store.list_visits(client.id)] == [newer.id, older.id]
    assert store.get_visit(newer.id).started_at.tzinfo is not None
    with pytest.raises(ChartValidationError, match="Visit time must be a date and time"):
        store.update_visit(older.id, started_at="next tuesday")


def test_pain_mark_round_trip_and_chart(store: ChartStore, visit_id: int) -> None:
    mark = store.add_pain_mark(visit_id, note="worse when reading", **MARK)
    internal = store.add_pain_mark(
        visit_id, view="internal", region="upper_teeth", side="left", intensity=3, quality="ache"
    )
    assert store.list_pain_marks(visit_id) == [mark, internal]
    assert (mark.x, mark.y, mark.region, mark.side, mark.intensity) == (
        *TEMPLE,
        "temple",
        "right",
        6,
    )
    client_id = store.get_visit(visit_id).client_id
    chart = store.open_chart(client_id)
    assert chart.client.name == "Ana Ruiz"
    assert [v.id for v in chart.visits] == [visit_id]
    assert chart.latest_marks == (mark, internal)


def test_move_and_update_a_pain_mark(store: ChartStore, visit_id: int) -> None:
    mark = store.add_pain_mark(visit_id, **MARK)
    moved = store.move_pain_mark(
        mark.id, x=FOREHEAD[0], y=FOREHEAD[1], region="forehead", side="right"
    )
    assert (moved.x, moved.y, moved.region, moved.side) == (*FOREHEAD, "forehead", "right")
    changed = store.update_pain_mark(mark.id, intensity=8, quality="sharp", note="after work")
    assert (changed.intensity, changed.quality, changed.note, changed.region) == (
        8,
        "sharp",
        "after work",
        "forehead",
    )
    assert store.list_pain_marks(visit_id) == [changed]
    with pytest.raises(ChartValidationError, match="move_pain_mark"):
        store.update_pain_mark(mark.id, region="jaw")
    with pytest.raises(ChartValidationError, match="not a region"):
        store.move_pain_mark(mark.id, x=1.0, y=1.0, region="elbowpit", side="right")
    assert store.list_pain_marks(visit_id) == [changed]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"intensity": 11},
            "intensity",
            "Intensity must be a whole number from 0 to 10 \\(got 11\\)",
        ),
        ({"intensity": -1}, "intensity", "from 0 to 10"),
        ({"intensity": 5.5}, "intensity", "whole number"),
        ({"intensity": None}, "intensity", "Intensity is required"),
        ({"quality": "stabbing"}, "quality", "Pain quality must be one of ache, sharp, burning"),
        ({"region": "elbowpit"}, "region", "'elbowpit' is not a region of the body map"),
        ({"side": "both"}, "side", "Side must be left, right or midline"),
        ({"region": "sternum", "side": "left"}, "side", "sternum is charted midline, not left"),
        ({"view": "lateral"}, "view", "View must be one of anterior, posterior, internal"),
        ({"view": "internal"}, "view", "temple belongs to the anterior or posterior view"),
        ({"region": "tongue_palate", "side": "midline"}, "view", "belongs to internal sites"),
        ({"x": float("nan")}, "x", "Position x must be a number"),
        ({"note": 5}, "note", "Note must be text"),
    ],
)
def test_bad_pain_mark_is_refused_and_nothing_saved(
    store: ChartStore, visit_id: int, changes: dict, field: str, message: str
) -> None:
    with pytest.raises(ChartValidationError, match=message) as caught:
        store.add_pain_mark(visit_id, **{**MARK, **changes})
    assert caught.value.field == field
    assert store.list_pain_marks(visit_id, include_deleted=True) == []


def test_missing_pain_mark_fields_are_named(store: ChartStore, visit_id: int) -> None:
    with pytest.raises(ChartValidationError, match="Region is required") as caught:
        store.add_pain_mark(visit_id, view="anterior", side="left", intensity=2, quality="ache")
    assert caught.value.field == "region"


def test_soft_delete_and_restore_keep_the_mark(store: ChartStore, visit_id: int) -> None:
    keep = store.add_pain_mark(visit_id, **MARK)
    mark = store.add_pain_mark(visit_id, **{**MARK, "region": "jaw"})
    deleted = store.delete_pain_mark(mark.id)
    assert deleted.deleted_at is not None
    assert store.list_pain_marks(visit_id) == [keep]
    assert [m.id for m in store.list_pain_marks(visit_id, include_deleted=True)] == [
        keep.id,
        mark.id,
    ]
    with pytest.raises(ChartNotFound):
        store.update_pain_mark(mark.id, intensity=2)
    restored = store.restore_pain_mark(mark.id)
    assert restored.deleted_at is None
    assert (restored.region, restored.intensity) == ("jaw", 6)
    assert store.list_pain_marks(visit_id) == [keep, restored]


def test_rows_need_an_existing_visit(store: ChartStore) -> None:
    with pytest.raises(ChartNotFound, match="Visit 404 does not exist"):
        store.add_pain_mark(404, **MARK)
    with pytest.raises(ChartNotFound, match="Pain mark 404 does not exist"):
        store.delete_pain_mark(404)


def test_findings_add_update_delete_restore(store: ChartStore, visit_id: int) -> None:
    finding = store.add_finding(
        visit_id,
        muscle_id="upper_trapezius",
        side="right",
        trigger_point_id="tp1",
        activity="active",
        tenderness=7,
        jump_sign=True,
        local_twitch=True,
        referral_reproduced=True,
    )
    assert store.list_findings(visit_id) == [finding]
    assert (finding.ischemia, finding.entrapment, finding.note) == (False, False, "")
    updated = store.update_finding(finding.id, activity="latent", tenderness=4)
    assert (updated.activity, updated.tenderness, updated.jump_sign) == ("latent", 4, True)
    store.delete_finding(finding.id)
    assert store.list_findings(visit_id) == []
    assert store.restore_finding(finding.id).deleted_at is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"tenderness": 12}, "Tenderness must be a whole number from 0 to 10"),
        ({"activity": "dormant"}, "Active or latent must be one of active, latent"),
        ({"muscle_id": "Upper Trapezius"}, "Muscle must be an id"),
        ({"side": "middle"}, "Side must be one of left, right, midline"),
        ({"jump_sign": "yes"}, "Jump sign must be yes or no"),
    ],
)
def test_bad_finding_is_refused(
    store: ChartStore, visit_id: int, changes: dict, message: str
) -> None:
    fields = {"muscle_id": "masseter", "side": "left", "activity": "active", **changes}
    with pytest.raises(ChartValidationError, match=message):
        store.add_finding(visit_id, **fields)
    assert store.list_findings(visit_id, include_deleted=True) == []


def test_treatments_and_follow_ups(store: ChartStore, visit_id: int) -> None:
    treatment = store.add_treatment(
        visit_id,
        muscle_id="masseter",
        side="left",
        trigger_point_id="tp2",
        technique="Ischemic compression",
        pressure_tolerance=6,
        hold_seconds=30,
        repetitions=3,
        response="Referral to the teeth faded",
    )
    assert store.list_treatments(visit_id) == [treatment]
    assert store.update_treatment(treatment.id, repetitions=4).repetitions == 4
    with pytest.raises(ChartValidationError, match="Pressure tolerance must be a whole number"):
        store.update_treatment(treatment.id, pressure_tolerance=15)
    with pytest.raises(ChartValidationError, match="Technique is required"):
        store.add_treatment(visit_id, muscle_id="masseter", side="left")
    assert store.list_treatments(visit_id)[0].pressure_tolerance == 6
    store.delete_treatment(treatment.id)
    assert store.list_treatments(visit_id) == []
    store.restore_treatment(treatment.id)

    follow_up = store.add_follow_up(visit_id, soreness_hours=24, relief_days=3, note="Slept well")
    assert store.list_follow_ups(visit_id) == [follow_up]
    assert store.update_follow_up(follow_up.id, relief_days=5).relief_days == 5.0
    with pytest.raises(ChartValidationError, match="Relief \\(days\\) must be a number"):
        store.add_follow_up(visit_id, relief_days=-2)
    store.delete_follow_up(follow_up.id)
    assert store.list_follow_ups(visit_id) == []
    assert store.restore_follow_up(follow_up.id).deleted_at is None


def test_future_visit_time_is_allowed_but_timestamps_are_utc(store: ChartStore) -> None:
    client = store.create_client(name="Ana Ruiz")
    local = datetime(2025, 6, 1, 14, 30, tzinfo=UTC) + timedelta(hours=2)
    visit = store.create_visit(client.id, started_at=local.isoformat())
    assert visit.started_at == local
    assert visit.started_at.utcoffset() == timedelta(0)


def test_a_treatment_keeps_every_hold_length_in_order(store: ChartStore, visit_id: int) -> None:
    """Issue 15: 20 s then 10 s is stored as [20, 10], not as "10 s x 2"."""
    two = store.add_treatment(
        visit_id,
        muscle_id="upper_trapezius",
        side="right",
        technique="Ischaemic compression",
        repetitions=2,
        hold_lengths=[20, 10],
    )
    assert store.list_treatments(visit_id)[0].hold_lengths == [20, 10]
    # A caller that gives one length and a count (the demo chart, an old export): equal holds.
    equal = store.add_treatment(
        visit_id,
        muscle_id="upper_trapezius",
        side="left",
        technique="Ischaemic compression",
        hold_seconds=10,
        repetitions=2,
    )
    assert equal.hold_lengths == [10, 10]
    assert [t.hold_lengths for t in store.list_treatments(visit_id)] == [[20, 10], [10, 10]]
    assert two.id != equal.id
    for bad in ([20, 0], [601], "20, 10", [20.5]):
        with pytest.raises(ChartValidationError, match="Holds \\(seconds each\\)"):
            store.add_treatment(
                visit_id,
                muscle_id="upper_trapezius",
                side="right",
                technique="Stretch",
                hold_lengths=bad,
            )
    assert len(store.list_treatments(visit_id)) == 2
