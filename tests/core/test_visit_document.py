"""The visit document: operations and their inverses, and operations that do not fit."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nmt_bodymap.core.operations import (
    Change,
    Operation,
    OperationError,
    OpKind,
    RowKind,
    change_for,
    new_row_id,
)
from nmt_bodymap.core.visit_document import (
    OperationRefused,
    StaleOperation,
    VisitDocument,
    fields_of,
)

VISIT = "00000000-0000-4000-8000-000000000001"

MARK = {
    "view": "anterior",
    "x": 120.0,
    "y": 80.0,
    "region": "temple",
    "side": "right",
    "intensity": 6,
    "quality": "ache",
    "note": "",
}
FINDING = {
    "muscle_id": "upper_trapezius",
    "side": "right",
    "trigger_point_id": "tp1",
    "activity": "active",
    "tenderness": 5,
    "jump_sign": True,
    "local_twitch": False,
    "referral_reproduced": True,
    "ischemia": False,
    "entrapment": False,
    "note": "",
}
TREATMENT = {
    "muscle_id": "masseter",
    "side": "left",
    "trigger_point_id": "",
    "technique": "ischemic compression",
    "pressure_tolerance": 6,
    "hold_seconds": 60,
    "repetitions": 3,
    "response": "",
}
OBSERVATION = {
    "kind": "ischemia",
    "item": "cold",
    "region": "calf",
    "side": "left",
    "severity": None,
    "note": "",
}
FOLLOW_UP = {"soreness_hours": 12.0, "relief_days": 4.0, "note": ""}
NEW_VALUES: dict[RowKind, dict[str, Any]] = {
    RowKind.PAIN_MARK: MARK,
    RowKind.FINDING: FINDING,
    RowKind.TREATMENT: TREATMENT,
    RowKind.OBSERVATION: OBSERVATION,
    RowKind.FOLLOW_UP: FOLLOW_UP,
}
# One changeable field per kind and the values it may take.
CHANGEABLE: dict[RowKind, tuple[str, tuple[Any, ...]]] = {
    RowKind.PAIN_MARK: ("intensity", (0, 3, 6, 10)),
    RowKind.FINDING: ("tenderness", (None, 2, 7)),
    RowKind.TREATMENT: ("hold_seconds", (None, 30, 90)),
    RowKind.OBSERVATION: ("severity", (None, "mild", "marked")),
    RowKind.FOLLOW_UP: ("note", ("", "slept badly", "fine")),
}
KINDS = list(NEW_VALUES)


def _document() -> VisitDocument:
    doc = VisitDocument(VISIT, {"chief_complaint": "Headache", "plan": ""}, visit_version=3)
    for kind, values in NEW_VALUES.items():
        doc.apply(doc.add_op(kind, values))
    return doc


def _operation(doc: VisitDocument, rng: random.Random) -> Operation:
    """A random operation that fits the document as it is now."""
    kind = rng.choice(KINDS)
    live = list(doc.rows(kind))
    removed = [uid for uid, s in doc.rows(kind, include_deleted=True).items() if s.deleted]
    action = rng.choice(["add", "change", "change", "move", "delete", "restore", "visit"])
    if action == "visit":
        return doc.change_op(RowKind.VISIT, VISIT, plan=rng.choice(["", "Stretch", "Rest"]))
    if action == "restore" and removed:
        return doc.restore_op(kind, rng.choice(removed))
    if action == "delete" and live:
        return doc.delete_op(kind, rng.choice(live))
    if action == "move" and kind is RowKind.PAIN_MARK and live:
        x = rng.uniform(0, 300)
        return doc.move_op(rng.choice(live), x=x, y=x / 2, region="neck", side="left")
    if action == "change" and live:
        name, options = CHANGEABLE[kind]
        return doc.change_op(kind, rng.choice(live), **{name: rng.choice(options)})
    note = "response" if kind is RowKind.TREATMENT else "note"
    return doc.add_op(kind, {**NEW_VALUES[kind], note: f"n{rng.randrange(100)}"})


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), length=st.integers(1, 40))
def test_inverses_in_reverse_order_restore_what_the_screen_shows(seed: int, length: int) -> None:
    rng = random.Random(seed)
    doc = _document()
    start = doc.shown()
    start_rows = {(kind, uid): state for kind, uid, state in doc}
    start_visit = doc.visit_state
    done: list[Operation] = []
    for _ in range(length):
        op = _operation(doc, rng)
        assert doc.apply(op) == change_for(op.kind)
        done.append(op)
    after_ops = doc.shown()
    undone = []
    for op in reversed(done):
        undone.append(doc.inverse_op(op))
        doc.apply(undone[-1])
    assert doc.shown() == start
    # Versions only grow: each operation and each undo moved its row on by one.
    touched: dict[tuple[RowKind, str], int] = {}
    for op in done:
        touched[(op.kind, op.row)] = touched.get((op.kind, op.row), 0) + 1
    for kind, uid, state in doc:
        if (kind, uid) in start_rows:
            before = start_rows[(kind, uid)]
            assert state.deleted == before.deleted
            assert state.version == before.version + 2 * touched.get((kind, uid), 0)
        else:  # added, then undone: still there, removed, so a redo can restore it
            assert state.deleted
            assert state.version == 2 * touched[(kind, uid)]
    visit_ops = touched.get((RowKind.VISIT, VISIT), 0)
    assert doc.visit_state.version == start_visit.version + 2 * visit_ops
    # Redo: the inverse of each undo, in the original order, gives the edited visit back.
    for inverse in reversed(undone):
        doc.apply(doc.inverse_op(inverse))
    assert doc.shown() == after_ops


def test_redo_of_an_undone_add_restores_the_same_row() -> None:
    doc = VisitDocument(VISIT)
    add = doc.add_op(RowKind.PAIN_MARK, MARK)
    doc.apply(add)
    undo = doc.inverse_op(add)
    assert undo == add.inverse()
    assert (undo.op, undo.base_version, dict(undo.before or {})) == (OpKind.DELETE, 1, MARK)
    doc.apply(undo)
    assert doc.rows(RowKind.PAIN_MARK) == {}
    redo = doc.inverse_op(undo)
    assert (redo.op, redo.row, redo.base_version) == (OpKind.RESTORE, add.row, 2)
    assert doc.apply(redo) == Change.MARKS
    assert list(doc.rows(RowKind.PAIN_MARK)) == [add.row]
    assert doc.version(RowKind.PAIN_MARK, add.row) == 3


def test_an_undo_queued_behind_unsaved_changes_names_the_version_they_leave() -> None:
    doc = VisitDocument(VISIT)
    add = doc.add_op(RowKind.FINDING, FINDING)
    doc.apply(add)
    first = doc.change_op(RowKind.FINDING, add.row, tenderness=4)
    doc.apply(first)
    second = doc.change_op(RowKind.FINDING, add.row, tenderness=8)
    doc.apply(second)
    assert (first.base_version, second.base_version) == (1, 2)
    undo = doc.inverse_op(second)
    assert undo.base_version == 3 == doc.version(RowKind.FINDING, add.row)
    doc.apply(undo)
    assert doc.rows(RowKind.FINDING)[add.row].values["tenderness"] == 4
    # The next undo (of the first change) names version 4: the first undo counts too.
    undo_first = doc.inverse_op(first)
    assert undo_first.base_version == 4
    with pytest.raises(StaleOperation):
        doc.apply(first.inverse())  # what a version taken from the op alone would say
    doc.apply(undo_first)
    assert doc.rows(RowKind.FINDING)[add.row].values["tenderness"] == FINDING["tenderness"]


@pytest.fixture
def doc() -> VisitDocument:
    return _document()


def _uid(doc: VisitDocument, kind: RowKind) -> str:
    return next(iter(doc.rows(kind)))


def test_change_of_an_unknown_row_is_refused(doc: VisitDocument) -> None:
    op = Operation(
        OpKind.CHANGE, RowKind.FINDING, new_row_id(), VISIT, {"note": ""}, {"note": "x"}, 1
    )
    with pytest.raises(OperationRefused, match="not in this visit"):
        doc.apply(op)


def test_add_of_an_id_already_held_is_refused_even_when_removed(doc: VisitDocument) -> None:
    uid = _uid(doc, RowKind.PAIN_MARK)
    doc.apply(doc.delete_op(RowKind.PAIN_MARK, uid))
    before = doc.snapshot()
    with pytest.raises(OperationRefused, match="already charted"):
        doc.apply(doc.add_op(RowKind.PAIN_MARK, MARK, row=uid))
    assert doc.snapshot() == before


def test_operation_of_another_visit_or_a_client_row_is_refused(doc: VisitDocument) -> None:
    other = doc.add_op(RowKind.FINDING, FINDING)
    other = Operation(other.op, other.kind, other.row, new_row_id(), None, FINDING)
    with pytest.raises(OperationRefused, match="another visit"):
        doc.apply(other)
    client_op = Operation(
        OpKind.CHANGE, RowKind.CLIENT, new_row_id(), VISIT, {"phone": ""}, {"phone": "1"}, 1
    )
    with pytest.raises(OperationRefused, match="no client rows"):
        doc.apply(client_op)


def test_a_stale_version_is_refused_and_changes_nothing(doc: VisitDocument) -> None:
    uid = _uid(doc, RowKind.PAIN_MARK)
    stale = doc.change_op(RowKind.PAIN_MARK, uid, intensity=2)
    doc.apply(doc.change_op(RowKind.PAIN_MARK, uid, note="worse at night"))
    before = doc.snapshot()
    with pytest.raises(StaleOperation, match="version 2, not 1"):
        doc.apply(stale)
    assert doc.snapshot() == before


def test_values_that_do_not_match_the_row_are_refused(doc: VisitDocument) -> None:
    uid = _uid(doc, RowKind.PAIN_MARK)
    wrong = Operation(
        OpKind.CHANGE, RowKind.PAIN_MARK, uid, VISIT, {"intensity": 9}, {"intensity": 2}, 1
    )
    with pytest.raises(OperationRefused, match="values being replaced"):
        doc.apply(wrong)
    wrong_delete = Operation(OpKind.DELETE, RowKind.PAIN_MARK, uid, VISIT, {"note": ""}, None, 1)
    with pytest.raises(OperationRefused, match="values being removed"):
        doc.apply(wrong_delete)


def test_an_added_row_is_whole_and_a_field_it_does_not_hold_is_refused() -> None:
    doc = VisitDocument(VISIT)
    add = doc.add_op(RowKind.TREATMENT, {"muscle_id": "masseter", "side": "left"})
    assert add.after is not None and add.after["hold_seconds"] is None
    assert add.after["response"] == "" and set(add.after) == fields_of(RowKind.TREATMENT) - {
        "technique"
    }
    doc.apply(add)
    doc.apply(doc.change_op(RowKind.TREATMENT, add.row, hold_seconds=30))
    partial = Operation(OpKind.ADD, RowKind.TREATMENT, new_row_id(), VISIT, None, {"side": "left"})
    doc.apply(partial)
    with pytest.raises(OperationRefused, match="holds no 'hold_seconds'"):
        doc.apply(doc.change_op(RowKind.TREATMENT, partial.row, hold_seconds=30))


def test_place_is_moved_not_changed_and_observed_item_is_fixed(doc: VisitDocument) -> None:
    mark = _uid(doc, RowKind.PAIN_MARK)
    with pytest.raises(OperationRefused, match="moving it"):
        doc.apply(doc.change_op(RowKind.PAIN_MARK, mark, region="neck"))
    with pytest.raises(OperationError, match="pain mark's place"):
        doc.move_op(mark, intensity=3)
    observation = _uid(doc, RowKind.OBSERVATION)
    with pytest.raises(OperationRefused, match="cannot be changed"):
        doc.apply(doc.change_op(RowKind.OBSERVATION, observation, item="pale"))


def test_removed_rows_cannot_be_changed_removed_twice_or_live_ones_restored(
    doc: VisitDocument,
) -> None:
    uid = _uid(doc, RowKind.TREATMENT)
    live_restore = doc.restore_op(RowKind.TREATMENT, uid)
    with pytest.raises(OperationRefused, match="nothing to restore"):
        doc.apply(live_restore)
    delete = doc.delete_op(RowKind.TREATMENT, uid)
    doc.apply(delete)
    again = Operation(OpKind.DELETE, RowKind.TREATMENT, uid, VISIT, delete.before, None, 2)
    with pytest.raises(OperationRefused, match="already removed"):
        doc.apply(again)
    change = Operation(
        OpKind.CHANGE, RowKind.TREATMENT, uid, VISIT, {"response": ""}, {"response": "x"}, 2
    )
    with pytest.raises(OperationRefused, match="restore it first"):
        doc.apply(change)


@pytest.mark.parametrize(
    ("op", "before", "after", "base", "message"),
    [
        (OpKind.ADD, None, MARK, 1, "cannot carry"),
        (OpKind.ADD, MARK, MARK, None, "cannot carry"),
        (OpKind.CHANGE, {"note": ""}, {"intensity": 2}, 1, "cannot carry"),
        (OpKind.CHANGE, {"note": ""}, {"note": "x"}, None, "version it read"),
        (OpKind.DELETE, None, None, 1, "cannot carry"),
        (OpKind.RESTORE, MARK, None, 1, "cannot carry"),
        (OpKind.CHANGE, {"colour": 1}, {"colour": 2}, 1, "'colour' is not a field"),
    ],
)
def test_malformed_operations_are_refused_when_made(
    op: OpKind, before: Any, after: Any, base: int | None, message: str
) -> None:
    with pytest.raises(OperationError, match=message):
        Operation(op, RowKind.PAIN_MARK, new_row_id(), VISIT, before, after, base)


def test_operations_are_values_and_their_json_is_plain() -> None:
    op = Operation(OpKind.ADD, "finding", "r1", VISIT, None, FINDING)
    assert op == Operation(OpKind.ADD, RowKind.FINDING, "r1", VISIT, None, dict(FINDING))
    assert op.to_json()["after"] == FINDING and op.to_json()["kind"] == "finding"
    assert op.change is Change.FINDINGS
    assert op.inverse().inverse() != op  # the redo of an add is a restore


def test_stored_changes_of_another_station_are_merged_and_own_ones_skipped() -> None:
    mine = _document()
    theirs = VisitDocument(VISIT, mine.visit_state.values, mine.visit_state.version)
    for kind, uid, state in mine:
        theirs.set_row(kind, uid, state.values, state.version, state.deleted)
    uid = _uid(theirs, RowKind.PAIN_MARK)
    done = []
    for op in (
        theirs.change_op(RowKind.PAIN_MARK, uid, intensity=9),
        theirs.add_op(RowKind.FINDING, {**FINDING, "note": "new"}),
    ):
        theirs.apply(op)
        done.append(op)
    delete = theirs.delete_op(RowKind.PAIN_MARK, uid)
    theirs.apply(delete)
    done.append(delete)

    class Entry:
        def __init__(self, op: Operation, version: int) -> None:
            self.visit, self.kind, self.row, self.op = op.visit, op.kind.value, op.row, op.op
            self.before, self.after, self.version = op.before, op.after, version

    entries = [Entry(op, theirs.version(op.kind, op.row) or 0) for op in done]
    entries[0].version = 2  # the change came before the delete (version 3)
    flags = Change.NONE
    for entry in entries:
        flags |= mine.merge_entry(entry)
    assert flags == Change.MARKS | Change.FINDINGS
    assert mine == theirs
    assert all(mine.merge_entry(entry) == Change.NONE for entry in entries)
    other_visit = Entry(done[1], 1)
    other_visit.visit = new_row_id()
    assert mine.merge_entry(other_visit) == Change.NONE
