"""Operations applied by the store: versions checked, one history entry per change, retried
adds not stored twice, concurrent writers never silently overwritten. SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import event, func, select

from nmt_bodymap.core.operations import Operation, OpKind, RowKind, new_row_id, with_defaults
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.store import ChartConflict, ChartNotFound, ChartStore, ChartValidationError
from nmt_bodymap.store.models import HistoryEntry, PainMark
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
    "note": "",
}
FINDING = {"muscle_id": "upper_trapezius", "side": "right", "activity": "active"}


def _history_count(store: ChartStore) -> int:
    with store._sessions() as session:
        return session.scalar(select(func.count()).select_from(HistoryEntry)) or 0


@pytest.fixture
def doc(store: ChartStore, visit_id: int) -> VisitDocument:
    return store.load_visit_document(visit_id)


def _add_mark(store: ChartStore, doc: VisitDocument, **values: Any) -> Operation:
    op = doc.add_op(RowKind.PAIN_MARK, {**MARK, **values})
    doc.apply(op)
    store.apply(op)
    return op


def test_a_stale_version_is_refused_and_nothing_changes(
    store: ChartStore, doc: VisitDocument
) -> None:
    add = _add_mark(store, doc, note="worse when reading")
    stale = doc.change_op(RowKind.PAIN_MARK, add.row, intensity=2)
    other = ChartStore.open(store.url if store.path is None else store.path, who="Lee")
    try:
        theirs = other.load_visit_document(doc.visit)
        newer = theirs.change_op(RowKind.PAIN_MARK, add.row, intensity=9)
        other.apply(newer)
    finally:
        other.close()
    entries = _history_count(store)
    with pytest.raises(ChartConflict) as refused:
        store.apply(stale)
    conflict = refused.value
    assert (conflict.kind, conflict.row, conflict.version, conflict.expected) == (
        "pain_mark",
        add.row,
        2,
        1,
    )
    assert conflict.current["intensity"] == 9 and conflict.changed_by == "Lee"
    assert conflict.changed_at is not None and not conflict.deleted
    message = str(conflict)
    assert "pain mark was changed by Lee" in message
    assert "worse when reading" not in message and "temple" not in message
    mark = store.list_pain_marks(store.get_visit(doc.visit).id)[0]
    assert (mark.intensity, mark.version) == (9, 2)
    assert _history_count(store) == entries


def test_one_history_entry_per_operation_with_who_before_and_after(
    store: ChartStore, doc: VisitDocument
) -> None:
    store.who = "Sam"
    add = _add_mark(store, doc)
    change = doc.change_op(RowKind.PAIN_MARK, add.row, intensity=3, note="eased")
    doc.apply(change)
    store.apply(change)
    move = doc.move_op(add.row, x=FOREHEAD[0], y=FOREHEAD[1], region="forehead", side="right")
    doc.apply(move)
    store.apply(move)
    delete = doc.delete_op(RowKind.PAIN_MARK, add.row)
    doc.apply(delete)
    store.apply(delete, who="Lee")
    restore = doc.inverse_op(delete)
    doc.apply(restore)
    applied = store.apply(restore)
    assert applied.version == 5 and applied.record.deleted_at is None
    client = store.get_visit(doc.visit).client_id
    entries = [e for e in store.history(client) if e.row == add.row]
    assert [(e.op, e.version, e.who) for e in entries] == [
        ("add", 1, "Sam"),
        ("change", 2, "Sam"),
        ("move", 3, "Sam"),
        ("delete", 4, "Lee"),
        ("restore", 5, "Sam"),
    ]
    assert entries[0].before is None and entries[0].after == MARK
    assert (entries[1].before, entries[1].after) == (
        {"intensity": 6, "note": ""},
        {"intensity": 3, "note": "eased"},
    )
    assert entries[2].after == {
        "x": FOREHEAD[0],
        "y": FOREHEAD[1],
        "region": "forehead",
        "side": "right",
    }
    moved = {
        **MARK,
        "intensity": 3,
        "note": "eased",
        "x": FOREHEAD[0],
        "y": FOREHEAD[1],
        "region": "forehead",
    }
    assert (entries[3].before, entries[3].after) == (moved, None)
    assert (entries[4].before, entries[4].after) == (None, moved)
    assert all(e.visit == doc.visit for e in entries)
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    assert store.load_visit_document(doc.visit) == doc


def test_the_id_based_calls_write_history_and_versions_too(
    store: ChartStore, visit_id: int
) -> None:
    finding = store.add_finding(visit_id, **FINDING)
    store.update_finding(finding.id, tenderness=7)
    store.delete_finding(finding.id)
    restored = store.restore_finding(finding.id)
    assert restored.version == 4 and restored.uid == finding.uid
    client = store.get_visit(visit_id).client_id
    ops = [(e.kind, e.op, e.version) for e in store.history(client)]
    assert ops == [
        ("client", "add", 1),
        ("visit", "add", 1),
        ("finding", "add", 1),
        ("finding", "change", 2),
        ("finding", "delete", 3),
        ("finding", "restore", 4),
    ]
    intake = store.save_intake(client, history="Whiplash", complaints=[{"description": "Neck"}])
    store.save_intake(client, complaints=[{"description": "Neck"}, {"description": "Jaw"}])
    last = store.history(client)[-1]
    assert (last.kind, last.op, last.row) == ("intake", "change", intake.uid)
    assert last.after == {
        "complaints": [
            {"description": "Neck", "onset_date": None, "duration_weeks": None},
            {"description": "Jaw", "onset_date": None, "duration_weeks": None},
        ]
    }


def test_a_retried_add_is_stored_once(store: ChartStore, doc: VisitDocument) -> None:
    op = doc.add_op(RowKind.FINDING, {**FINDING, "note": "taut band"})
    first = store.apply(op)
    again = store.apply(op)
    assert again.replayed and again.history is None
    assert (again.id, again.version, again.record) == (first.id, 1, first.record)
    visit = store.get_visit(doc.visit).id
    assert [f.uid for f in store.list_findings(visit)] == [op.row]
    assert _history_count(store) == 3  # client, visit, finding
    clash = Operation(OpKind.ADD, RowKind.FINDING, op.row, doc.visit, None, {**FINDING})
    with pytest.raises(ChartValidationError, match="already saved with other values"):
        store.apply(clash)


def test_an_operation_never_lands_on_another_visit(
    store: ChartStore, doc: VisitDocument, visit_id: int
) -> None:
    add = _add_mark(store, doc)
    delete = doc.delete_op(RowKind.PAIN_MARK, add.row)
    doc.apply(delete)
    store.apply(delete)
    later = store.create_visit(store.get_visit(visit_id).client_id)
    restore = Operation(OpKind.RESTORE, RowKind.PAIN_MARK, add.row, later.uid, None, MARK, 2)
    with pytest.raises(ChartValidationError, match="belongs to another visit"):
        store.apply(restore)
    assert store.list_pain_marks(later.id) == [] and store.list_pain_marks(visit_id) == []
    elsewhere = Operation(OpKind.ADD, RowKind.FINDING, new_row_id(), new_row_id(), None, FINDING)
    with pytest.raises(ChartNotFound, match="Visit"):
        store.apply(elsewhere)


def test_a_mark_on_a_diagram_without_its_position_is_refused(
    store: ChartStore, doc: VisitDocument, visit_id: int
) -> None:
    for values in ({**MARK, "x": None}, {**MARK, "y": None}):
        with pytest.raises(ChartValidationError, match="needs its position"):
            store.apply(doc.add_op(RowKind.PAIN_MARK, values))
    with pytest.raises(ChartValidationError, match="needs its position"):
        store.add_pain_mark(visit_id, **{**MARK, "x": None, "y": None})
    add = _add_mark(store, doc)
    with pytest.raises(ChartValidationError, match="needs its position"):
        store.apply(doc.move_op(add.row, x=None, y=None))
    internal = {**MARK, "view": "internal", "region": "upper_teeth", "x": None, "y": None}
    assert store.apply(doc.add_op(RowKind.PAIN_MARK, internal)).record.x is None
    assert len(store.list_pain_marks(visit_id)) == 2


def test_updating_a_mark_is_one_transaction(store: ChartStore, visit_id: int) -> None:
    mark = store.add_pain_mark(visit_id, **MARK)
    commits: list[int] = []

    def count_commit(connection: Any) -> None:
        commits.append(1)

    event.listen(store._engine, "commit", count_commit)
    try:
        updated = store.set_pain_mark(
            mark.id,
            x=FOREHEAD[0],
            y=FOREHEAD[1],
            region="forehead",
            side="right",
            intensity=2,
            quality="ache",
        )
    finally:
        event.remove(store._engine, "commit", count_commit)
    assert len(commits) == 1
    assert (updated.region, updated.intensity, updated.quality, updated.version) == (
        "forehead",
        2,
        "ache",
        3,
    )
    with pytest.raises(ChartValidationError, match="Intensity"):
        store.set_pain_mark(mark.id, region="neck", intensity=11)
    assert store.list_pain_marks(visit_id)[0] == updated


def test_other_stations_changes_move_the_token_and_are_listed(
    store: ChartStore, doc: VisitDocument
) -> None:
    add = _add_mark(store, doc)
    token = store.change_token()
    assert store.change_token() == token
    seen = store.changes_since(0)[-1].id
    other = ChartStore.open(store.url if store.path is None else store.path, who="Lee")
    try:
        theirs = other.load_visit_document(doc.visit)
        other.apply(theirs.change_op(RowKind.PAIN_MARK, add.row, intensity=1))
    finally:
        other.close()
    assert store.change_token() != token
    news = store.changes_since(seen)
    assert [(e.who, e.kind, e.row, e.op, e.after) for e in news] == [
        ("Lee", "pain_mark", add.row, "change", {"intensity": 1})
    ]


WRITERS = 4
ROUNDS = 12


def test_concurrent_read_modify_write_never_loses_an_update(
    store: ChartStore, doc: VisitDocument
) -> None:
    """4 writers, each reading the counter and writing counter + 1 from what it read: every
    update either lands or is refused; none is overwritten silently."""
    counter = doc.add_op(RowKind.FOLLOW_UP, {"soreness_hours": 0.0, "note": ""})
    store.apply(counter)
    target = store.url if store.path is None else store.path
    landed: list[int] = []
    refused: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def writer(number: int) -> None:
        try:
            station = ChartStore.open(target, backup_on_close=False, who=f"writer {number}")
            try:
                start.wait()
                for _ in range(ROUNDS):
                    mine = station.load_visit_document(doc.visit)
                    read = mine.row(RowKind.FOLLOW_UP, counter.row)
                    assert read is not None
                    op = mine.change_op(
                        RowKind.FOLLOW_UP,
                        counter.row,
                        soreness_hours=read.values["soreness_hours"] + 1,
                    )
                    try:
                        station.apply(op)
                        landed.append(number)
                    except ChartConflict:
                        refused.append(number)
            finally:
                station.close()
        except BaseException as exc:  # reported below, with the thread's failure
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    assert len(landed) + len(refused) == WRITERS * ROUNDS
    final = store.load_visit_document(doc.visit).row(RowKind.FOLLOW_UP, counter.row)
    assert final is not None
    assert final.values["soreness_hours"] == len(landed)
    assert final.version == 1 + len(landed)
    client = store.get_visit(doc.visit).client_id
    changes = [e for e in store.history(client) if e.row == counter.row and e.op == "change"]
    assert len(changes) == len(landed)
    assert [e.after["soreness_hours"] for e in changes] == list(range(1, len(landed) + 1))


def test_history_rows_match_versions(store: ChartStore, doc: VisitDocument) -> None:
    for intensity in range(4):
        _add_mark(store, doc, intensity=intensity)
    with store._sessions() as session:
        for mark in session.scalars(select(PainMark)):
            count = session.scalar(select(func.count()).where(HistoryEntry.row_uid == mark.uid))
            assert count == mark.version == 1


def test_a_document_add_holds_exactly_the_row_the_store_keeps(
    store: ChartStore, doc: VisitDocument
) -> None:
    """``ROW_DEFAULTS`` (core) and the store's column defaults agree, for every kind."""
    required: dict[RowKind, dict[str, Any]] = {
        RowKind.PAIN_MARK: {
            "view": "internal",
            "region": "upper_teeth",
            "side": "left",
            "intensity": 2,
            "quality": "ache",
        },
        RowKind.FINDING: FINDING,
        RowKind.TREATMENT: {"muscle_id": "masseter", "side": "left", "technique": "stripping"},
        RowKind.OBSERVATION: {
            "kind": "ischemia",
            "item": "pale_cool",
            "region": "calf",
            "side": "left",
        },
        RowKind.FOLLOW_UP: {},
    }
    for kind, values in required.items():
        op = doc.add_op(kind, values)
        doc.apply(op)
        store.apply(op)
    assert store.load_visit_document(doc.visit) == doc
    client = Operation(OpKind.ADD, RowKind.CLIENT, new_row_id(), None, None, {"name": "Bo"})
    visit = Operation(
        OpKind.ADD,
        RowKind.VISIT,
        new_row_id(),
        None,
        None,
        {"started_at": "2025-01-05T09:00:00+00:00"},
        client=client.row,
    )
    visit = Operation(
        visit.op, visit.kind, visit.row, visit.row, None, visit.after, None, client.row
    )
    intake = Operation(OpKind.ADD, RowKind.INTAKE, new_row_id(), None, None, {}, client=client.row)
    for op in (client, visit, intake):
        entry = store.apply(op).history
        assert entry is not None
        assert entry.after == with_defaults(op.kind, op.after or {})
