"""The first look (``store/first_look.py``, issue 18) reads what ``ChartStore`` reads.

For several charts (the demo chart, removed rows, empty values, unicode, many clients and
visits, a signed visit, a chart just migrated) every read the window makes at start gives
records equal to ``ChartStore``'s, answered by the first look itself (the real store is
not opened for them). Rows that are not there get the store's own errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nmt_bodymap.store.demo import seed_demo_client
from nmt_bodymap.store.errors import ChartNotFound
from nmt_bodymap.store.first_look import FirstLook
from nmt_bodymap.store.service import ChartStore
from tests.store.region_migration_chart import chart_at

WHEN = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)


def _rich(store: ChartStore) -> None:
    """Removed rows, empty values, unicode, every kind of visit row, a signed visit."""
    ana = store.create_client(name="Zoë Ñúñez-Łódź 李", date_of_birth="1984-05-02")
    store.create_client(name="Bo", phone="", notes="")  # no birth date
    gone = store.create_client(name="Removed Client")
    first = store.create_visit(ana.id, chief_complaint="Kopfschmerz ☂", started_at=WHEN)
    second = store.create_visit(ana.id, started_at=WHEN + timedelta(days=1, microseconds=7))
    store.add_pain_mark(first.id, view="internal", region="upper_teeth", side="right", intensity=3,
                        quality="ache")  # fmt: skip
    kept = store.add_pain_mark(
        first.id, view="anterior", x=421.73, y=157.55, region="temple", side="right",
        intensity=7, quality="throbbing", note="nach Kaffee, 2×",
    )  # fmt: skip
    removed = store.add_pain_mark(
        first.id, view="anterior", x=421.0, y=158.0, region="temple", side="right",
        intensity=2, quality="sharp",
    )  # fmt: skip
    store.delete_pain_mark(removed.id)
    store.update_pain_mark(kept.id, intensity=8)
    store.add_finding(first.id, muscle_id="trapezius", side="right", activity="active",
                      jump_sign=True, tenderness=None)  # fmt: skip
    store.add_treatment(first.id, muscle_id="trapezius", side="right",
                        technique="ischemic compression", hold_lengths=[30, 45])  # fmt: skip
    store.add_treatment(first.id, muscle_id="trapezius", side="left", technique="stretch")
    store.add_observation(first.id, kind="posture", item="forward_head")
    store.add_follow_up(first.id, soreness_hours=30.0, relief_days=None)
    store.sign_visit(first.id, signed_by="Sam")
    store.add_pain_mark(second.id, view="posterior", x=867.29, y=1624.7, region="ball_of_foot",
                        side="right", intensity=5, quality="ache")  # fmt: skip
    removed_visit = store.create_visit(ana.id, started_at=WHEN - timedelta(days=3))
    store.update_visit(removed_visit.id, subjective="")
    with store._write() as session:  # removed rows (no call of the store removes these)
        from sqlalchemy import text

        stamp = {"t": "2026-12-01 10:00:00.000001"}
        session.execute(
            text(f"UPDATE visits SET deleted_at = :t WHERE id = {removed_visit.id}"), stamp
        )
        session.execute(text(f"UPDATE clients SET deleted_at = :t WHERE id = {gone.id}"), stamp)


def _many(store: ChartStore) -> None:
    for n in range(230):
        client = store.create_client(name=f"Client {n:03d}")
        if n % 40 == 0:
            for day in range(12):
                store.create_visit(client.id, started_at=WHEN - timedelta(days=day))


def _demo(store: ChartStore) -> None:
    seed_demo_client(store)


@pytest.fixture(params=["demo", "rich", "many", "migrated", "encrypted"])
def chart(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path, kind = tmp_path / "charts.sqlite3", request.param
    if kind == "encrypted":  # the "rich" chart in SQLCipher from its start, the key at hand
        pytest.importorskip("sqlcipher3")
        monkeypatch.setenv("NMT_BODYMAP_SECRET", "correct horse battery")
    if kind == "migrated":  # a chart at 0009 brought to head by the store
        chart_at(str(path), "0009", [("anterior", "anterior_arm", "right", "lateral_arm")])
    with ChartStore.open(path, backup_on_close=False) as store:
        {"rich": _rich, "many": _many, "encrypted": _rich}.get(kind, _demo)(store)
    if kind == "encrypted":
        from nmt_bodymap.store.encryption import is_encrypted_chart

        assert is_encrypted_chart(path)
    return path


@pytest.fixture
def pair(chart: Path) -> Iterator[tuple[FirstLook, ChartStore]]:
    look = FirstLook.open(chart)
    assert look is not None
    store = ChartStore.open(chart, backup_on_close=False, exclusive=False)
    try:
        yield look, store
    finally:
        store.close()
        look.close()


def test_every_start_read_equals_the_stores(pair: tuple[FirstLook, ChartStore]) -> None:
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
    assert look.path == store.path and look.url == store.url
    assert look.change_token()[1] == store.change_token()[1]
    assert not look.opened_fully  # answered by the first look, not by a store it opened


def test_rows_not_there_get_the_stores_errors(pair: tuple[FirstLook, ChartStore]) -> None:
    look, store = pair
    calls = [(c, 99_999) for c in ("list_visits", "list_pain_marks", "load_visit_document")]
    with store._sessions() as session:  # removed rows ("rich")
        from sqlalchemy import text

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


def test_the_first_other_call_opens_the_store_and_is_stored(chart: Path) -> None:
    look = FirstLook.open(chart)
    assert look is not None
    try:
        client = look.recent_clients(1)[0]
        made = look.create_visit(client.id, chief_complaint="Neck")  # a save: the real store
        assert look.opened_fully
        assert look.list_visits(client.id)[0] == made  # from then on the store answers
        before = look.change_token()
        other = ChartStore.open(chart, backup_on_close=False, exclusive=False)
        try:  # another station's edit moves the token
            other.update_visit(made.id, plan="Stretch daily")
        finally:
            other.close()
        assert look.change_token() != before
    finally:
        look.close()
    with ChartStore.open(chart, backup_on_close=False) as store:  # the lock was released
        assert store.get_visit(made.id).plan == "Stretch daily"
