"""Issue 15: a deleted visit or client stays in the database, marked deleted, and is hidden
from every list and search; a restore brings it back (the store already did this; these
tests keep it so)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nmt_bodymap.core.operations import Operation, OpKind, RowKind
from nmt_bodymap.store.demo import seed_demo_client
from nmt_bodymap.store.errors import ChartNotFound
from nmt_bodymap.store.service import ChartStore
from tests.conftest import body_point

TEMPLE = body_point("anterior", "temple", "right")


def stored_version(store: ChartStore, client: str, row: str) -> int:
    return max(e.version for e in store.history(client) if e.row == row)


def delete_op(kind: RowKind, record: object) -> Operation:
    visit = record.uid if kind is RowKind.VISIT else None  # type: ignore[attr-defined]
    before = {"name": record.name} if kind is RowKind.CLIENT else {"chief_complaint": ""}  # type: ignore[attr-defined]
    return Operation(OpKind.DELETE, kind, record.uid, visit, before, None, record.version)  # type: ignore[attr-defined]


def test_a_deleted_visit_is_hidden_and_a_restore_brings_it_back(store: ChartStore) -> None:
    client = store.create_client(name="Ana Ruiz")
    older = store.create_visit(client.id, started_at=datetime.now(UTC) - timedelta(days=3))
    newest = store.create_visit(client.id, chief_complaint="Neck")
    store.add_pain_mark(
        newest.id,
        view="anterior",
        x=TEMPLE[0],
        y=TEMPLE[1],
        region="temple",
        side="right",
        intensity=5,
        quality="ache",
    )
    gone = delete_op(RowKind.VISIT, newest)
    store.apply(gone)
    assert [v.id for v in store.list_visits(client.id)] == [older.id]
    assert [v.id for v in store.open_chart(client.id).visits] == [older.id]
    assert store.open_chart(client.id).latest_marks == ()  # the marks go with their visit
    with pytest.raises(ChartNotFound):
        store.get_visit(newest.id)
    store.apply(gone.inverse(stored_version(store, client.uid, newest.uid)))
    assert [v.id for v in store.list_visits(client.id)] == [newest.id, older.id]
    assert len(store.list_pain_marks(newest.id)) == 1
    ops = [(e.op, e.who) for e in store.history(client.id) if e.row == newest.uid]
    assert ops == [("add", store.who), ("delete", store.who), ("restore", store.who)]


def test_a_deleted_client_leaves_search_and_recent_and_the_demo_is_not_seeded_again(
    store: ChartStore,
) -> None:
    seed_demo_client(store)
    demo = store.demo_client()
    assert demo is not None
    store.apply(delete_op(RowKind.CLIENT, demo))
    assert store.search_clients("Demo") == []
    assert demo.id not in [c.id for c in store.recent_clients()]
    with pytest.raises(ChartNotFound):
        store.get_client(demo.id)
    seed_demo_client(store)  # the next start does not put the removed demo back
    assert store.recent_clients() == []
    restore = Operation(
        OpKind.RESTORE,
        RowKind.CLIENT,
        demo.uid,
        None,
        None,
        {"name": demo.name},
        stored_version(store, demo.uid, demo.uid),
    )
    store.apply(restore)
    assert [c.id for c in store.search_clients("Demo")] == [demo.id]
