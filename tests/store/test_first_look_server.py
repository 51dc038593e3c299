"""The first look at a clinic server's chart (``store/first_look_server.py``, issue 18)
reads what ``ChartStore`` reads, on a PostgreSQL server (``NMT_TEST_POSTGRES_URL``, from
``tools/postgres_test_server.sh``): records equal to the store's for several charts, the
store's errors for rows that are not there, nothing written, the real store opened once on
the first other call, the store's path for a chart it cannot be certain of, and the store's
words when the server cannot be reached."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text

from nmt_bodymap.store.demo import seed_demo_client
from nmt_bodymap.store.errors import ChartNotFound, ChartStoreError
from nmt_bodymap.store.first_look_server import ServerFirstLook
from nmt_bodymap.store.service import ChartStore
from tests.store.conftest import POSTGRES_URL, _fresh_postgres_url
from tests.store.test_first_look import _many, _rich

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not POSTGRES_URL, reason="NMT_TEST_POSTGRES_URL is not set"),
]


def _accounts(store: ChartStore) -> None:
    """The demo client and therapists' accounts (one disabled; names sorted by the server)."""
    from nmt_bodymap.store.accounts import AccountBook

    seed_demo_client(store)
    book = AccountBook.for_store(store)
    owner = book.create_first_account("Zoë Owner", "correct horse battery staple")
    for name in ("bo Lower", "Ana Ruiz", "Émile", "Left Clinic"):
        book.add_account(owner, name, "another long passphrase here")
    book.set_disabled(owner, "Left Clinic")


CHARTS: dict[str, Callable[[ChartStore], object]] = {
    "demo": seed_demo_client,
    "rich": _rich,
    "many": _many,
    "accounts": _accounts,
}


@pytest.fixture
def server_chart(worker_id: str) -> str:
    """An empty database of this worker (the store creates the chart in it)."""
    return _fresh_postgres_url(worker_id)


@pytest.fixture(params=sorted(CHARTS))
def chart(request: pytest.FixtureRequest, server_chart: str) -> str:
    with ChartStore.open(server_chart, backup_on_close=False) as store:
        CHARTS[request.param](store)
    return server_chart


@pytest.fixture
def pair(chart: str) -> Iterator[tuple[ServerFirstLook, ChartStore]]:
    look = ServerFirstLook.open_server(chart)
    assert look is not None
    store = ChartStore.open(chart, backup_on_close=False)
    try:
        yield look, store
    finally:
        store.close()
        look.close()


def _newest(store: ChartStore) -> tuple[int, int]:
    with store._engine.connect() as conn:
        counts = conn.execute(text("SELECT (SELECT count(*) FROM clients), max(id) FROM history"))
        clients, newest = counts.one()
    return int(clients), int(newest or 0)


def test_every_start_read_equals_the_stores(pair: tuple[ServerFirstLook, ChartStore]) -> None:
    look, store = pair
    clients = store.search_clients("", date_of_birth=None, limit=200)
    assert look.search_clients("", date_of_birth=None, limit=200) == clients
    assert look.recent_clients(5) == store.recent_clients(5)
    assert clients
    for client in clients:
        assert look.list_visits(client.id) == store.list_visits(client.id)
    live = sorted({visit.id for client in clients for visit in store.list_visits(client.id)})
    assert live
    for visit_id in live:
        assert look.load_visit_document(visit_id) == store.load_visit_document(visit_id)
        assert look.list_pain_marks(visit_id) == store.list_pain_marks(visit_id)
        assert look.list_pain_marks(visit_id, True) == store.list_pain_marks(visit_id, True)
    assert look.path is None and look.path == store.path and look.url == store.url
    assert look.change_token() == store.change_token()
    from nmt_bodymap.store.accounts import AccountBook

    book = AccountBook.for_store(store)
    assert look.has_accounts() == book.has_accounts()
    assert look.sign_in_names() == book.sign_in_names()
    assert "Left Clinic" not in look.sign_in_names()
    assert look.backup_if_due() is None and store.backup_if_due() is None
    assert not look.opened_fully  # answered by the look, not by a store it opened


def test_rows_not_there_get_the_stores_errors(pair: tuple[ServerFirstLook, ChartStore]) -> None:
    look, store = pair
    calls = [(c, 99_999) for c in ("list_visits", "list_pain_marks", "load_visit_document")]
    with store._sessions() as session:  # removed rows ("rich")
        for table, names in (
            ("clients", ("list_visits",)),
            ("visits", ("list_pain_marks", "load_visit_document")),
        ):
            gone = session.execute(text(f"SELECT id FROM {table} WHERE deleted_at IS NOT NULL"))
            calls += [(name, row[0]) for row in gone for name in names]
    for call, row in calls:
        with pytest.raises(ChartNotFound) as theirs:
            getattr(store, call)(row)
        with pytest.raises(ChartNotFound) as ours:
            getattr(look, call)(row)
        assert str(ours.value) == str(theirs.value)


def test_a_look_writes_nothing(pair: tuple[ServerFirstLook, ChartStore]) -> None:
    look, store = pair
    before = _newest(store)
    for client in look.search_clients("", limit=200):
        for visit in look.list_visits(client.id):
            look.load_visit_document(visit.id)
            look.list_pain_marks(visit.id)
    look.change_token()
    assert look._conn.execute("SHOW transaction_read_only").fetchone()[0] == "on"
    import psycopg

    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        look._conn.execute("UPDATE clients SET notes = 'x'")
    assert _newest(store) == before
    assert not look.opened_fully


def test_the_first_other_call_opens_the_store_and_is_stored(chart: str) -> None:
    look = ServerFirstLook.open_server(chart)
    assert look is not None
    try:
        client = look.recent_clients(1)[0]
        made = look.create_visit(client.id, chief_complaint="Neck")  # a save: the real store
        assert look.opened_fully and look._conn.closed  # one connection: the store's
        assert look.list_visits(client.id)[0] == made  # from then on the store answers
        before = look.change_token()
        with ChartStore.open(chart, backup_on_close=False) as other:  # another station
            other.update_visit(made.id, plan="Stretch daily")
        assert look.change_token() != before
    finally:
        look.close()
    with ChartStore.open(chart, backup_on_close=False) as store:
        assert store.get_visit(made.id).plan == "Stretch daily"


def _alter(url: str, sql: str) -> None:
    store = ChartStore.open(url, backup_on_close=False)
    try:
        with store._engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        store.close()


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE alembic_version SET version_num = '0009'",  # another revision
        "ALTER TABLE pain_marks ADD COLUMN extra TEXT",  # a column it does not know
        "ALTER TABLE findings DROP COLUMN note",  # a column missing
        "ALTER TABLE pain_marks ALTER COLUMN x TYPE numeric",  # another type
        "ALTER TABLE visits ALTER COLUMN started_at TYPE timestamp with time zone",
    ],
)
def test_a_chart_it_is_not_certain_of_is_left_to_the_store(server_chart: str, change: str) -> None:
    with ChartStore.open(server_chart, backup_on_close=False) as store:
        _many(store)
    _alter(server_chart, change)
    assert ServerFirstLook.open_server(server_chart) is None


def test_an_empty_database_is_left_to_the_store(server_chart: str) -> None:
    assert ServerFirstLook.open_server(server_chart) is None
    ChartStore.open(server_chart, backup_on_close=False).close()  # the store creates it
    assert ServerFirstLook.open_server(server_chart) is not None


@pytest.mark.parametrize("where", ["port", "database"])
def test_a_server_it_cannot_reach_gets_the_stores_words(server_chart: str, where: str) -> None:
    base, port_and_name = server_chart.rsplit(":", 1)
    port, name = port_and_name.split("/", 1)
    # nothing listens on the server's own port plus one; no such database on the server
    target = f"{base}:{int(port) + 1}/{name}" if where == "port" else f"{base}:{port}/no_such"
    with pytest.raises(ChartStoreError) as theirs:
        ChartStore.open(target, backup_on_close=False)
    with pytest.raises(ChartStoreError) as ours:
        ServerFirstLook.open_server(target)
    assert type(ours.value) is type(theirs.value)
    assert str(ours.value) == str(theirs.value)


def test_the_window_gets_the_look_and_the_start_imports_no_sqlalchemy(chart: str) -> None:
    code = (
        "import sys\n"
        "from nmt_bodymap.ui.chart import store_calls\n"
        "store = store_calls.open_store(sys.argv[1])\n"
        "client = store.search_clients('', limit=200)[0]\n"
        "for visit in store.list_visits(client.id):\n"
        "    store.load_visit_document(visit.id)\n"
        "    store.list_pain_marks(visit.id)\n"
        "store.change_token(), store.has_accounts(), store.sign_in_names()\n"
        "store.backup_if_due()\n"
        "from nmt_bodymap.ui.window_state import chart_title\n"
        "print(type(store).__name__, chart_title(store.url))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
        "store.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, chart], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    kind, imported = done.stdout.strip().splitlines()
    database, host = chart.rsplit("/", 1)[1], chart.split("@", 1)[1].split(":", 1)[0]
    assert kind == f"ServerFirstLook {database} on {host}"
    assert imported == "[]"


def test_a_lost_connection_is_answered_by_the_store(
    pair: tuple[ServerFirstLook, ChartStore],
) -> None:
    look, store = pair
    pid = look._conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    with store._engine.connect() as conn:  # the server restarted, or the look's backend ended
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    assert look.recent_clients(5) == store.recent_clients(5)
    assert look.opened_fully
    assert look.change_token() == store.change_token()
