"""``ChartStore.apply`` runs a visit's row (a click's save) on one ``Connection`` with no ORM
``Session`` (``store/apply_rows.py``, issue 18); everything else joins a Session to that
same transaction. One operation, one transaction, committed before ``apply`` returns;
a gesture's operations (``apply_all``) all or none. SQLite and PostgreSQL.

``tests/store/test_row_writes.py`` checks that the answers, rows, refusals and history are
those of the ORM path; here: no Session is made for a save, and the transaction a joined
Session took part in is neither ended early nor lost.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from nmt_bodymap.core.operations import RowKind
from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.conflicts import ChartConflict
from tests.store.test_row_writes import FINDING, MARK


@pytest.fixture
def sessions_begun() -> Iterator[list[Session]]:
    """Every ORM session transaction begun (any session of the process) while the test runs."""
    begun: list[Session] = []

    def record(session: Session, _transaction: object, _connection: object) -> None:
        begun.append(session)

    event.listen(Session, "after_begin", record)
    yield begun
    event.remove(Session, "after_begin", record)


def _count(store: ChartStore, table: str) -> int:
    with store._engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_a_marks_save_and_its_undo_make_no_orm_session(
    store: ChartStore, visit_id: int, sessions_begun: list[Session]
) -> None:
    doc = store.load_visit_document(visit_id)
    sessions_begun.clear()
    add = doc.add_op(RowKind.PAIN_MARK, MARK)
    doc.apply(add)
    assert store.apply(add).version == 1
    undo = doc.inverse_op(add)
    doc.apply(undo)
    assert store.apply(undo).version == 2
    redo = doc.inverse_op(undo)
    doc.apply(redo)
    store.apply(redo)
    assert sessions_begun == []  # the three saves: Core statements on one connection each
    assert store.load_visit_document(visit_id) == doc  # stored: a new connection reads it
    client = store.get_visit(visit_id).client_id
    sessions_begun.clear()
    store.update_client(client, name="Ana Ruiz Gil")  # a client still goes through the ORM
    assert sessions_begun


def test_a_stale_save_is_refused_with_who_changed_it(store: ChartStore, visit_id: int) -> None:
    """The conflict reads the row's last change through a Session joined for that only."""
    doc = store.load_visit_document(visit_id)
    add = doc.add_op(RowKind.FINDING, FINDING)
    doc.apply(add)
    store.who = "Sam"
    store.apply(add)
    store.apply(doc.change_op(RowKind.FINDING, add.row, note="band"))  # at version 1: ok
    with pytest.raises(ChartConflict) as refused:
        store.apply(doc.change_op(RowKind.FINDING, add.row, note="again"))  # still at 1
    assert (refused.value.version, refused.value.changed_by) == (2, "Sam")
    assert store.list_findings(visit_id)[0].note == "band"


def test_a_gesture_with_a_retried_add_keeps_every_write(store: ChartStore, visit_id: int) -> None:
    """A retried add in the middle of a gesture is answered through a joined Session; the
    writes before and after it are committed with it, in the one transaction."""
    doc = store.load_visit_document(visit_id)
    first = doc.add_op(RowKind.PAIN_MARK, MARK)
    doc.apply(first)
    store.apply(first)
    before = _count(store, "history")
    second = doc.add_op(RowKind.FINDING, FINDING)
    doc.apply(second)
    third = doc.add_op(RowKind.PAIN_MARK, {**MARK, "intensity": 2})
    doc.apply(third)
    answers = store.apply_all([second, first, third])
    assert [a.replayed for a in answers] == [False, True, False]
    assert _count(store, "history") == before + 2
    assert store.load_visit_document(visit_id) == doc


def test_a_gesture_refused_halfway_writes_nothing(store: ChartStore, visit_id: int) -> None:
    doc = store.load_visit_document(visit_id)
    add = doc.add_op(RowKind.PAIN_MARK, MARK)
    doc.apply(add)
    store.apply(add)
    rows, entries = _count(store, "pain_marks"), _count(store, "history")
    other = doc.add_op(RowKind.PAIN_MARK, {**MARK, "intensity": 3})
    stale = replace(doc.change_op(RowKind.PAIN_MARK, add.row, note="y"), base_version=7)
    with pytest.raises(ChartConflict):
        store.apply_all([other, doc.change_op(RowKind.PAIN_MARK, add.row, note="x"), stale])
    assert (_count(store, "pain_marks"), _count(store, "history")) == (rows, entries)


def test_a_sqlite_chart_keeps_the_writing_threads_connection(tmp_path: Path) -> None:
    """One connection lent for all the worker's saves (SQLite): no pool checkout per save,
    each save still committed on its own; another thread writes on a connection of its own;
    a lost connection is replaced; closing the store closes it."""
    store = ChartStore.open(tmp_path / "chart.sqlite3", backup_on_close=False)
    other = ChartStore.open(tmp_path / "chart.sqlite3", backup_on_close=False, exclusive=False)
    try:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        doc = store.load_visit_document(store.create_visit(client.id).id)
        checkouts: list[object] = []
        event.listen(store._engine, "checkout", lambda *args: checkouts.append(args))
        for intensity in (2, 4, 6):
            add = doc.add_op(RowKind.PAIN_MARK, {**MARK, "intensity": intensity})
            doc.apply(add)
            store.apply(add)
            assert other.load_visit_document(doc.visit) == doc  # committed: seen elsewhere
        assert len(checkouts) <= 1  # the first save takes the connection it keeps
        checkouts.clear()
        store._writes._kept[1].invalidate()  # type: ignore[index]  # as a lost connection
        add = doc.add_op(RowKind.PAIN_MARK, MARK)
        doc.apply(add)
        store.apply(add)
        assert len(checkouts) == 1 and other.load_visit_document(doc.visit) == doc

        answers: list[object] = []
        thread_add = doc.add_op(RowKind.FINDING, FINDING)
        doc.apply(thread_add)
        thread = threading.Thread(target=lambda: answers.append(store.apply(thread_add)))
        thread.start()
        thread.join(30)
        assert [type(a).__name__ for a in answers] == ["Applied"]
        assert store._engine.pool.checkedout() == 1  # the worker's kept connection only
    finally:
        other.close()
        store.close()
    assert store._writes._kept is None and store._engine.pool.checkedout() == 0


def test_a_failed_commit_stores_nothing_and_the_next_save_lands(
    store: ChartStore, visit_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit refused by the database (a full disk...) rolls the save back; the
    connection kept for the saves is usable for the next one."""
    doc = store.load_visit_document(visit_id)
    first = doc.add_op(RowKind.PAIN_MARK, MARK)
    doc.apply(first)
    store.apply(first)
    entries = _count(store, "history")
    dialect = store._engine.dialect
    real_commit = dialect.do_commit

    def full_disk(connection: object) -> None:
        monkeypatch.setattr(dialect, "do_commit", real_commit)
        raise dialect.loaded_dbapi.OperationalError("database or disk is full")

    monkeypatch.setattr(dialect, "do_commit", full_disk)
    refused = doc.add_op(RowKind.PAIN_MARK, {**MARK, "intensity": 2})
    with pytest.raises(Exception, match="full"):
        store.apply(refused)
    assert _count(store, "history") == entries
    assert store.load_visit_document(visit_id).row(RowKind.PAIN_MARK, refused.row) is None
    doc.apply(refused)
    store.apply(refused)  # the same operation again (Retry): stored once
    assert _count(store, "history") == entries + 1
    assert store.load_visit_document(visit_id) == doc
