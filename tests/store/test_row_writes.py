"""The visit's own rows are written with Core statements (``store/row_writes.py``, issue 18):
the same rows, history entries, answers and refusals as the ORM path they replace, in fewer
statements. SQLite and PostgreSQL.

The same script of operations (every visit-row kind, every operation, every refusal, the
id-based calls that lock a row through the ORM first) runs on two fresh charts: one as the
store runs it, one with the Core path switched off (the ORM path of ``store/apply.py``,
the code before this change). Both charts must then hold the same rows, and each step must
have answered the same (records, versions, history entries, or the same refusal).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from nmt_bodymap.core.operations import Operation, OpKind, RowKind
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.store import ChartStore, base, row_writes
from nmt_bodymap.store.records import Applied
from tests.conftest import body_point
from tests.store.conftest import _fresh_postgres_url

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
TREATMENT = {"muscle_id": "upper_trapezius", "side": "right", "technique": "ischemic compression"}
OBSERVATION = {"kind": "posture", "item": "head_tilt", "side": "left"}
FOLLOW_UP = {"soreness_hours": 24, "note": "sore a day"}
TABLES = ("pain_marks", "findings", "treatments", "observations", "follow_ups", "visits")
STAMPS = {"created_at", "updated_at", "deleted_at", "at", "signed_at", "signature"}


def _uid(n: int) -> str:
    return str(uuid.UUID(int=n))


CLIENT, VISIT, SIGNED = _uid(1), _uid(2), _uid(3)


@pytest.fixture
def orm_target(db_target: str, tmp_path: Path, worker_id: str) -> str:
    """A second chart, beside ``db_target``'s, for the ORM path."""
    if "://" not in db_target:
        return str(tmp_path / "orm.sqlite3")
    return _fresh_postgres_url(f"{worker_id}_orm")


def _plain(value: Any) -> Any:
    """A value as the transcript compares it: moments as whether they are aware (their
    time differs between the two runs), records and dicts field by field."""
    if isinstance(value, datetime):
        return ("moment", value.tzinfo is UTC)
    if isinstance(value, dict):
        return {k: ("stamp" if k in STAMPS else _plain(v)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return (type(value).__name__, _plain(vars(value)))
    return value


def _op(
    op: OpKind,
    kind: RowKind,
    row: str,
    after: dict[str, Any] | None,
    version: int,
    visit: str = VISIT,
) -> Operation:
    """An operation as another screen may send it (``before`` as it read it: blank)."""
    before = None if op is OpKind.RESTORE else {name: None for name in after or {}}
    return Operation(op, kind, row, visit, before, after, version)


def _answer(call: Callable[[], Any]) -> Any:
    try:
        result = call()
    except Exception as exc:  # the refusal, compared by type, message and fields
        message = re.sub(r" at \d{4}-\d\d-\d\d \d\d:\d\d UTC", " at (time)", str(exc))
        fields = {k: v for k, v in vars(exc).items() if k not in {"changed_at"}}
        return ("refused", type(exc).__name__, message, _plain(fields))
    if isinstance(result, Applied):
        return (
            "applied",
            _plain(result.record),
            result.id,
            result.version,
            result.replayed,
            _plain(result.history),
        )
    return ("answered", _plain(result))


def _script(store: ChartStore, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every visit-row kind and operation, refusals included; what each step answered."""
    store.who = "Sam"
    made = iter(range(100, 200))  # the uids the id-based calls give, the same in both runs
    monkeypatch.setattr(base, "new_row_id", lambda: _uid(next(made)))
    steps: list[Any] = []
    run = steps.append

    def apply(op: Operation, doc: VisitDocument | None = None) -> None:
        run(_answer(lambda: store.apply(op)))
        if doc is not None and steps[-1][0] == "applied":
            doc.apply(op)

    apply(Operation(OpKind.ADD, RowKind.CLIENT, CLIENT, None, None, {"name": "Ana Ruiz"}))
    for uid in (VISIT, SIGNED):
        started = {"started_at": datetime(2026, 12, 1, 9, 30, tzinfo=UTC)}
        apply(Operation(OpKind.ADD, RowKind.VISIT, uid, uid, None, started, None, CLIENT))
    doc = store.load_visit_document(VISIT)
    rows = {}
    for n, (kind, values) in enumerate(
        (
            (RowKind.PAIN_MARK, MARK),
            (RowKind.FINDING, FINDING),
            (RowKind.TREATMENT, TREATMENT),
            (RowKind.OBSERVATION, OBSERVATION),
            (RowKind.FOLLOW_UP, FOLLOW_UP),
        ),
        start=10,
    ):
        add = doc.add_op(kind, values, row=_uid(n))
        rows[kind] = add.row
        apply(add, doc)
        apply(add)  # a retried add: answered from what is stored, nothing written
    mark, finding = rows[RowKind.PAIN_MARK], rows[RowKind.FINDING]
    apply(doc.change_op(RowKind.PAIN_MARK, mark, intensity=3, note="eased"), doc)
    place = {"x": FOREHEAD[0], "y": FOREHEAD[1], "region": "forehead", "side": "right"}
    apply(_op(OpKind.CHANGE, RowKind.PAIN_MARK, mark, {"x": 1.0}, 2))
    apply(doc.move_op(mark, **place), doc)
    apply(doc.change_op(RowKind.FINDING, finding, tenderness=7, jump_sign=True), doc)
    apply(doc.change_op(RowKind.TREATMENT, rows[RowKind.TREATMENT], hold_lengths=[20, 10]), doc)
    observation = rows[RowKind.OBSERVATION]
    apply(doc.change_op(RowKind.OBSERVATION, observation, side="both", severity="marked"), doc)
    apply(doc.change_op(RowKind.FOLLOW_UP, rows[RowKind.FOLLOW_UP], relief_days=2.5), doc)
    for kind in (RowKind.TREATMENT, RowKind.FOLLOW_UP):
        delete = doc.delete_op(kind, rows[kind])
        apply(delete, doc)
        apply(doc.inverse_op(delete), doc)  # the undo: a restore
    delete = doc.delete_op(RowKind.PAIN_MARK, mark)
    apply(delete, doc)
    # Refusals: each changes nothing.
    apply(delete)  # already removed (and its version is stale)
    apply(_op(OpKind.DELETE, RowKind.PAIN_MARK, mark, None, 4))
    apply(_op(OpKind.CHANGE, RowKind.PAIN_MARK, mark, {"note": "x"}, 4))
    apply(_op(OpKind.RESTORE, RowKind.FINDING, finding, FINDING, 2))
    apply(doc.change_op(RowKind.FINDING, finding, tenderness=3).inverse(1))  # stale version
    apply(_op(OpKind.CHANGE, RowKind.FINDING, finding, {"note": "x"}, 2, SIGNED))
    apply(_op(OpKind.CHANGE, RowKind.FINDING, _uid(99), {"note": "x"}, 1))
    apply(_op(OpKind.CHANGE, RowKind.OBSERVATION, observation, {"item": "forward_head"}, 2))
    apply(_op(OpKind.CHANGE, RowKind.FINDING, finding, {"tenderness": 99}, 2))
    apply(doc.add_op(RowKind.PAIN_MARK, {**MARK, "quality": "dull"}, row=_uid(20)))
    apply(doc.add_op(RowKind.PAIN_MARK, {**MARK, "x": 1.0, "y": 1.0}, row=_uid(21)))
    apply(Operation(OpKind.ADD, RowKind.FINDING, _uid(22), _uid(98), None, FINDING))
    apply(Operation(OpKind.ADD, RowKind.FINDING, finding, _uid(98), None, FINDING))
    apply(Operation(OpKind.ADD, RowKind.FINDING, finding, VISIT, None, {**FINDING, "note": "y"}))
    # A signed visit refuses adds and changes of its rows.
    signed_doc = store.load_visit_document(SIGNED)
    apply(signed_doc.add_op(RowKind.FINDING, FINDING, row=_uid(30)), signed_doc)
    run(_answer(lambda: store.sign_visit(SIGNED)))
    apply(signed_doc.add_op(RowKind.FINDING, FINDING, row=_uid(31)))
    apply(signed_doc.change_op(RowKind.FINDING, _uid(30), note="late"))
    # One gesture, one transaction: the second operation reads what the first wrote.
    first = doc.change_op(RowKind.FINDING, finding, note="band")
    doc.apply(first)
    second = doc.change_op(RowKind.FINDING, finding, tenderness=4)
    doc.apply(second)
    run(_answer(lambda: store.apply_all([first, second])))
    # The id-based calls: the row is locked through the ORM, then written.
    visit_id = store.get_visit(VISIT).id
    mark_id = store.add_pain_mark(visit_id, **MARK).id
    run(_answer(lambda: store.set_pain_mark(mark_id, **{**place, "intensity": 2})))
    run(_answer(lambda: store.update_pain_mark(mark_id, note="after stretch")))
    run(_answer(lambda: store.move_pain_mark(mark_id, TEMPLE[0], TEMPLE[1], "temple", "right")))
    run(_answer(lambda: store.delete_pain_mark(mark_id)))
    run(_answer(lambda: store.delete_pain_mark(mark_id)))  # already removed: left as it is
    run(_answer(lambda: store.restore_pain_mark(mark_id)))
    run(_answer(lambda: store.update_finding(store.list_findings(visit_id)[0].id, note="z")))
    run(_answer(lambda: store.list_pain_marks(visit_id, include_deleted=True)))
    run(_answer(lambda: store.load_visit_document(VISIT)))
    return steps


def _stored(store: ChartStore) -> dict[str, Any]:
    """Every row of the visits' tables and the history, as stored (moments masked)."""
    tables = {}
    with store._engine.connect() as connection:
        for table in (*TABLES, "history"):
            result = connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))
            tables[table] = [
                {
                    k: ("stamp" if k in STAMPS and v is not None else v)
                    for k, v in row.items()
                    if not (table == "history" and row["op"] == "sign" and k == "after")
                }
                for row in result.mappings()
            ]
    return tables


@pytest.fixture
def charts(db_target: str, orm_target: str) -> Iterator[tuple[ChartStore, ChartStore]]:
    core, orm = (ChartStore.open(t, backup_on_close=False) for t in (db_target, orm_target))
    yield core, orm
    core.close()
    orm.close()


def test_core_writes_equal_the_orm_path(
    charts: tuple[ChartStore, ChartStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    core, orm = charts
    by_core = _script(core, monkeypatch)
    monkeypatch.setattr(row_writes, "KINDS", frozenset())  # the ORM path for every kind
    by_orm = _script(orm, monkeypatch)
    assert len(by_core) == len(by_orm) > 40
    for step, (mine, theirs) in enumerate(zip(by_core, by_orm, strict=True)):
        assert mine == theirs, f"step {step}"
    refusals = [s for s in by_core if s[0] == "refused"]
    assert len(refusals) >= 14  # the script does reach every refusal
    assert _stored(core) == _stored(orm)
    history = _stored(core)["history"]
    assert len(history) > 30 and all(e["at"] == "stamp" for e in history)


def test_stamps_are_written_as_the_orm_writes_them(store: ChartStore, visit_id: int) -> None:
    """Created and updated at the moment of the add; updated again (only) by a change."""
    before = datetime.now(UTC)
    added = store.add_finding(visit_id, **FINDING)
    assert before <= added.created_at <= added.updated_at <= datetime.now(UTC)
    changed = store.update_finding(added.id, note="taut band")
    assert changed.created_at == added.created_at and changed.updated_at > added.updated_at
    assert store.list_findings(visit_id) == [changed]
    removed = store.delete_finding(added.id)
    assert removed.deleted_at is not None and removed.deleted_at >= changed.updated_at
    entry = store.history(store.get_visit(visit_id).client_id)[-1]
    assert (entry.op, entry.version, entry.at.tzinfo) == ("delete", 3, UTC)


def _statements(store: ChartStore) -> list[str]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement.split(None, 1)[0].upper())

    event.listen(store._engine, "before_cursor_execute", count)
    return seen


def test_a_mark_saved_is_three_statements_and_its_undo_four(
    store: ChartStore, visit_id: int
) -> None:
    """The click's save: the visit with its client and whether the uid is stored, the row,
    the history entry; its undo: the row, the visit with its client, the row written, the
    history entry. The ORM path took 7 and 8 (issue 18)."""
    doc = store.load_visit_document(visit_id)
    add = doc.add_op(RowKind.PAIN_MARK, MARK)
    doc.apply(add)
    seen = _statements(store)
    store.apply(add)
    postgres = store.path is None
    lock = ["SELECT"] if postgres else []  # the history's advisory lock
    begin = [] if postgres else ["BEGIN"]
    assert seen == [*begin, "SELECT", "INSERT", *lock, "INSERT"]
    seen.clear()
    undo = doc.inverse_op(add)
    doc.apply(undo)
    store.apply(undo)
    assert seen == [*begin, "SELECT", "SELECT", "UPDATE", *lock, "INSERT"]
    assert store.load_visit_document(visit_id) == doc
