"""Fault probes of the clinic server's first look (``store/first_look_server.py``, issue
18): another station changes the visit between the look's reads and the real store's
opening (the first save is refused as a conflict and the change token moves: the window
notices, nothing is overwritten), the server ends the look's connection before the first
save (the save is stored once), and a role without write rights (the save is refused in
the store's words, nothing half-written)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from nmt_bodymap.core.operations import Operation, OpKind, RowKind
from nmt_bodymap.store.demo import seed_demo_client
from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.store.first_look_server import ServerFirstLook
from nmt_bodymap.store.service import ChartStore
from tests.store.conftest import POSTGRES_URL, _fresh_postgres_url

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not POSTGRES_URL, reason="NMT_TEST_POSTGRES_URL is not set"),
]


@pytest.fixture
def chart(worker_id: str) -> str:
    url = _fresh_postgres_url(worker_id)
    with ChartStore.open(url, backup_on_close=False) as store:
        seed_demo_client(store)
    return url


def _a_mark(look: ServerFirstLook) -> tuple[int, str, str, dict[str, object], int]:
    client = look.recent_clients(1)[0]
    for visit in look.list_visits(client.id):
        doc = look.load_visit_document(visit.id)
        marks = doc.rows(RowKind.PAIN_MARK)
        if marks:
            uid, state = next(iter(marks.items()))
            return visit.id, doc.visit, uid, dict(state.values), state.version
    raise AssertionError("the demo chart has no pain mark")


def _change(visit: str, uid: str, values: dict[str, object], version: int, to: int) -> Operation:
    return Operation(
        OpKind.CHANGE,
        RowKind.PAIN_MARK,
        uid,
        visit,
        {"intensity": values["intensity"]},
        {"intensity": to},
        version,
    )


def test_a_change_elsewhere_after_the_look_is_noticed_not_overwritten(chart: str) -> None:
    look = ServerFirstLook.open_server(chart)
    assert look is not None
    try:
        visit_id, visit, uid, values, version = _a_mark(look)
        token = look.change_token()
        with ChartStore.open(chart, backup_on_close=False) as other:  # another station
            other.apply(_change(visit, uid, values, version, 9), who="Ben")
        assert look.change_token() != token  # the window's watcher notices
        assert not look.opened_fully
        with pytest.raises(ChartStoreError) as refused:  # the first save, on the old read
            look.apply(_change(visit, uid, values, version, 2), who="Ana")
        assert type(refused.value).__name__ == "ChartConflict"
        assert look.opened_fully
        stored = look.load_visit_document(visit_id).row(RowKind.PAIN_MARK, uid)
        assert stored is not None and stored.values["intensity"] == 9
    finally:
        look.close()


def test_the_looks_connection_ended_before_the_first_save_stores_it_once(chart: str) -> None:
    look = ServerFirstLook.open_server(chart)
    assert look is not None
    try:
        visit_id, visit, uid, values, version = _a_mark(look)
        other = ChartStore.open(chart, backup_on_close=False)  # the server restarted
        with other, other._engine.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        look.apply(_change(visit, uid, values, version, 8), who="Ana")
        stored = look.load_visit_document(visit_id).row(RowKind.PAIN_MARK, uid)
        assert stored is not None and stored.values["intensity"] == 8
        assert stored.version == version + 1  # once
    finally:
        look.close()


def test_a_role_without_write_rights_is_refused_in_one_line_and_writes_nothing(
    chart: str,
) -> None:
    from sqlalchemy.engine import make_url

    role = f"probe_reader_{make_url(chart).database}"  # roles are the server's: one a worker
    owner = ChartStore.open(chart, backup_on_close=False)
    with owner, owner._engine.begin() as conn:
        conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
        conn.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"'))
    reader_url = make_url(chart).set(username=role).render_as_string(False)
    look = ServerFirstLook.open_server(reader_url)
    try:
        assert look is not None
        visit_id, visit, uid, values, version = _a_mark(look)
        with pytest.raises(ChartStoreError) as refused:
            look.apply(_change(visit, uid, values, version, 7), who="Ana")
        said = str(refused.value)  # it was SQLAlchemy's text: the SQL, a web address
        assert said == (
            "The clinic server does not let this login change the chart (permission "
            "denied for table pain_marks): ask the clinic's administrator."
        ), said
        assert type(refused.value).__name__ != "ChartValidationError"  # kept, unsaved
    finally:
        if look is not None:
            look.close()
    with ChartStore.open(chart, backup_on_close=False) as owner:
        stored = owner.load_visit_document(visit_id).row(RowKind.PAIN_MARK, uid)
        assert stored is not None and stored.version == version
        with owner._engine.begin() as conn:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))
