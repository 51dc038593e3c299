"""The batched readers (issue 18) give exactly what the per-row paths give: the open
visit's document read as plain columns, and every visit of a client with its rows."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass
from datetime import UTC, datetime

import pytest

from nmt_bodymap.core.operations import VISIT_ROW_KINDS, RowKind
from nmt_bodymap.store import ChartStore, history
from nmt_bodymap.store.reading import MODELS, visit_rows
from nmt_bodymap.store.records import FollowUpRecord, record_names, records_of_rows
from tests.conftest import body_point

_X, _Y = body_point("anterior", "temple", "right")
_NOW = datetime(2025, 1, 5, 9, tzinfo=UTC)
# uid, version, created_at, updated_at, id, visit_id, deleted_at, soreness, relief, note
FOLLOW_UP_ROW = ("u-1", 2, _NOW, _NOW, 7, 3, None, 30.0, 4.0, "better")
MARK = {"view": "anterior", "x": _X, "y": _Y, "region": "temple", "side": "right"}


def _chart(store: ChartStore) -> tuple[int, list[int]]:
    client = store.create_client(name="Ana Ruiz")
    other = store.create_client(name="Ben Okafor")
    visits = []
    for day in (5, 9, 12):
        visit = store.create_visit(client.id, started_at=datetime(2025, 1, day, 9, tzinfo=UTC))
        visits.append(visit.id)
        for intensity in (3, day % 10):
            store.add_pain_mark(visit.id, intensity=intensity, quality="ache", **MARK)
        store.add_finding(visit.id, muscle_id="trapezius", side="right", activity="active")
        store.add_follow_up(visit.id, soreness_hours=30.0, relief_days=float(day))
    gone = store.add_pain_mark(visits[1], intensity=9, quality="sharp", note="removed", **MARK)
    store.delete_pain_mark(gone.id)
    store.add_observation(visits[2], kind="posture", item="forward_head")
    removed = store.create_visit(client.id, chief_complaint="removed visit")
    store.add_pain_mark(removed.id, intensity=4, quality="ache", **MARK)
    store._set_deleted(RowKind.VISIT, removed.id, True)  # as the visit admin removes one
    elsewhere = store.create_visit(other.id)
    store.add_pain_mark(elsewhere.id, intensity=2, quality="ache", **MARK)
    return client.id, visits


def test_visit_document_holds_every_row_as_the_row_by_row_reading_does(
    store: ChartStore,
) -> None:
    _client, visits = _chart(store)
    for visit_id in visits:
        doc = store.load_visit_document(visit_id)
        with store._sessions() as session:
            for kind in VISIT_ROW_KINDS:
                rows = visit_rows(session, MODELS[kind], visit_id, include_deleted=True)
                expected = {
                    row.uid: (
                        history.row_values(session, kind, row),
                        row.version,
                        row.deleted_at is not None,
                    )
                    for row in rows
                }
                got = {
                    uid: (dict(state.values), state.version, state.deleted)
                    for uid, state in doc.rows(kind, include_deleted=True).items()
                }
                assert got == expected
                assert list(got) == [row.uid for row in rows]  # the order they were made
    removed = store.load_visit_document(visits[1]).rows(RowKind.PAIN_MARK, include_deleted=True)
    assert sum(state.deleted for state in removed.values()) == 1


def test_client_visits_reads_what_the_per_visit_calls_read(store: ChartStore) -> None:
    client_id, visits = _chart(store)
    store.add_treatment(
        visits[0],
        muscle_id="trapezius",
        side="right",
        technique="ischemic compression",
        hold_lengths=[30, 45],
    )
    kinds = (
        RowKind.PAIN_MARK,
        RowKind.FINDING,
        RowKind.FOLLOW_UP,
        RowKind.OBSERVATION,
        RowKind.TREATMENT,
    )
    read = store.client_visits(client_id, kinds)
    assert read.visits == store.list_visits(client_id)  # newest first, removed visit left out
    assert [v.id for v in read.visits] == visits[::-1]
    for visit_id in visits:
        assert read.of(RowKind.PAIN_MARK, visit_id) == store.list_pain_marks(visit_id)
        assert read.of(RowKind.FINDING, visit_id) == store.list_findings(visit_id)
        assert read.of(RowKind.FOLLOW_UP, visit_id) == store.list_follow_ups(visit_id)
        assert read.of(RowKind.OBSERVATION, visit_id) == store.list_observations(visit_id)
        assert read.of(RowKind.TREATMENT, visit_id) == store.list_treatments(visit_id)
    assert read.of(RowKind.TREATMENT, visits[0])[0].hold_lengths == [30, 45]
    assert len(read.of(RowKind.PAIN_MARK, visits[1])) == 2  # the removed mark is not read
    assert read.visits[0].started_at.tzinfo is not None


def test_records_made_from_rows_behave_as_records_made_by_init() -> None:
    made = records_of_rows(FollowUpRecord, [FOLLOW_UP_ROW])
    by_init = FollowUpRecord(**dict(zip(record_names(FollowUpRecord), FOLLOW_UP_ROW, strict=True)))
    assert made == [by_init] and hash(made[0]) == hash(by_init) and repr(made[0]) == repr(by_init)
    with pytest.raises(FrozenInstanceError):
        made[0].note = "changed"  # type: ignore[misc]
    with pytest.raises(ValueError):  # a row of another shape is refused, never half-filled
        records_of_rows(FollowUpRecord, [FOLLOW_UP_ROW[:-1]])


def test_records_of_rows_refuses_a_type_with_post_init() -> None:
    @dataclass(frozen=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError("negative")

    with pytest.raises(TypeError):
        records_of_rows(Checked, [(-1,)])


def test_client_visits_reads_moments_exactly_as_the_column_type_does(store: ChartStore) -> None:
    """The moments are read as text on SQLite and made aware in one call (issue 18); every
    shape a chart may hold (written by older versions or by hand) reads as the ORM reads it,
    and ``deleted_at`` of the rows read is empty, as the query asks."""
    client_id, visits = _chart(store)
    stamps = [
        "2025-01-05 09:00:00.000000",
        "2025-01-09 09:00:00",  # no fraction
        "2025-01-12 09:00:00.5",  # a short fraction
    ]
    if store._engine.dialect.name == "sqlite":  # only SQLite keeps moments as text
        from sqlalchemy import text

        with store._engine.begin() as conn:
            for visit_id, stamp in zip(visits, stamps, strict=True):
                conn.execute(
                    text("UPDATE visits SET started_at = :s, updated_at = :s WHERE id = :i"),
                    {"s": stamp, "i": visit_id},
                )
            conn.execute(text("UPDATE pain_marks SET created_at = '2025-01-09T10:11:12.123'"))
            # a day alone: fromisoformat reads it without a zone, the column type's way is used
            conn.execute(text("UPDATE pain_marks SET updated_at = '2025-01-09'"))
    read = store.client_visits(client_id, (RowKind.PAIN_MARK,))
    listed = store.list_visits(client_id)
    assert read.visits == listed
    for got, expected in zip(read.visits, listed, strict=True):
        for name in ("started_at", "created_at", "updated_at", "signed_at"):
            assert repr(getattr(got, name)) == repr(getattr(expected, name))
        assert got.started_at.tzinfo is UTC
    for visit_id in visits:
        marks = read.of(RowKind.PAIN_MARK, visit_id)
        assert marks == store.list_pain_marks(visit_id)
        for name in ("created_at", "updated_at"):
            assert [repr(getattr(m, name)) for m in marks] == [
                repr(getattr(m, name)) for m in store.list_pain_marks(visit_id)
            ]
        assert marks and all(m.deleted_at is None for m in marks)
