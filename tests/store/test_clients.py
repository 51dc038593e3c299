"""Clients and intake through ChartStore: what is saved comes back, bad input is refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nmt_bodymap.store import ChartNotFound, ChartStore, ChartValidationError


def test_created_client_comes_back_with_its_fields(store: ChartStore) -> None:
    created = store.create_client(
        name=" Ana Ruiz ", date_of_birth="1984-05-02", phone="555 0101", notes="Prefers mornings"
    )
    fetched = store.get_client(created.id)
    assert fetched == created
    assert fetched.name == "Ana Ruiz"
    assert fetched.date_of_birth == date(1984, 5, 2)
    assert fetched.is_demo is False
    assert fetched.created_at.tzinfo is not None


def test_update_client_changes_only_the_given_fields(store: ChartStore) -> None:
    client = store.create_client(name="Ana Ruiz", phone="555 0101")
    updated = store.update_client(client.id, name="Ana Ruiz-Lopez", email="ana@example.org")
    assert (updated.name, updated.phone, updated.email) == (
        "Ana Ruiz-Lopez",
        "555 0101",
        "ana@example.org",
    )
    assert store.search_clients("ruiz-l")[0].id == client.id


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({}, "name", "Client name is required."),
        ({"name": "   "}, "name", "Client name is required."),
        ({"name": "A", "date_of_birth": "02/05/1984"}, "date_of_birth", "YYYY-MM-DD"),
        ({"name": "A", "date_of_birth": "1984-02-30"}, "date_of_birth", "YYYY-MM-DD"),
        ({"name": "A", "date_of_birth": "1850-01-01"}, "date_of_birth", "not possible"),
        (
            {"name": "A", "date_of_birth": date.today() + timedelta(days=1)},
            "date_of_birth",
            "cannot be in the future",
        ),
        ({"name": "A", "shoe_size": 9}, "shoe_size", "not a field"),
    ],
)
def test_bad_client_input_is_refused_with_a_clear_message(
    store: ChartStore, fields: dict, field: str, message: str
) -> None:
    with pytest.raises(ChartValidationError, match=message) as caught:
        store.create_client(**fields)
    assert caught.value.field == field
    assert store.recent_clients() == []


def test_search_by_name_prefix_matches_full_name_or_surname_in_any_case(
    store: ChartStore,
) -> None:
    ana = store.create_client(name="Ana Ruiz")
    anabel = store.create_client(name="Anabel Smith")
    store.create_client(name="Bruno Anders")
    rui = store.create_client(name="Rui Costa")
    assert [c.id for c in store.search_clients("ANA")] == [ana.id, anabel.id]
    assert [c.id for c in store.search_clients("smi")] == [anabel.id]
    assert [c.id for c in store.search_clients("ru")] == [ana.id, rui.id]
    assert [c.id for c in store.search_clients("ana r")] == [ana.id]
    assert store.search_clients("zz") == []
    assert store.search_clients("%") == []
    assert len(store.search_clients("a", limit=1)) == 1


def test_search_by_date_of_birth(store: ChartStore) -> None:
    ana = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
    store.create_client(name="Ana Bell", date_of_birth="1990-01-01")
    assert [c.id for c in store.search_clients(date_of_birth="1984-05-02")] == [ana.id]
    assert [c.id for c in store.search_clients("ana", date_of_birth=date(1984, 5, 2))] == [ana.id]
    with pytest.raises(ChartValidationError, match="YYYY-MM-DD"):
        store.search_clients(date_of_birth="May 2nd")


def test_recent_clients_lists_the_last_seen_first(store: ChartStore) -> None:
    first = store.create_client(name="First Client")
    second = store.create_client(name="Second Client")
    assert [c.id for c in store.recent_clients()] == [second.id, first.id]
    store.create_visit(first.id)
    assert [c.id for c in store.recent_clients()] == [first.id, second.id]
    assert [c.id for c in store.search_clients("")] == [first.id, second.id]


def test_unknown_client_is_reported_not_found(store: ChartStore) -> None:
    with pytest.raises(ChartNotFound, match="Client 999 does not exist"):
        store.get_client(999)
    with pytest.raises(ChartNotFound):
        store.create_visit(999)


def test_intake_saves_history_screen_and_complaints(store: ChartStore) -> None:
    client = store.create_client(name="Ana Ruiz")
    assert store.get_intake(client.id) is None
    saved = store.save_intake(
        client.id,
        history="Whiplash 2019",
        occupation="Dental hygienist",
        stress=7,
        sleep_hours=6.5,
        hydration_litres=1.5,
        red_flags={"unexplained_weight_loss": False, "night_pain": True},
        red_flag_clearance="GP letter: cleared for soft-tissue work",
        red_flag_cleared_on="2025-01-10",
        complaints=[
            {"description": "Right temple headache", "onset_date": "2024-11-01"},
            {"description": "Stiff neck", "duration_weeks": 6},
        ],
    )
    assert saved == store.get_intake(client.id)
    assert saved.red_flag_raised
    assert saved.red_flag_cleared_on == date(2025, 1, 10)
    assert [c.description for c in saved.complaints] == ["Right temple headache", "Stiff neck"]
    assert saved.complaints[1].duration_weeks == 6.0

    again = store.save_intake(client.id, stress=4, complaints=[{"description": "Stiff neck"}])
    assert again.stress == 4
    assert again.history == "Whiplash 2019"
    assert [c.description for c in again.complaints] == ["Stiff neck"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"stress": 11}, "Stress must be a whole number from 0 to 10"),
        ({"sleep_hours": 25}, "Sleep"),
        ({"red_flags": {"night_pain": "maybe"}}, "yes, no or not asked"),
        ({"red_flag_cleared_on": "yesterday"}, "YYYY-MM-DD"),
        ({"complaints": [{"onset_date": "2024-01-01"}]}, "Complaint is required"),
        ({"complaints": [{"description": "x", "duration_weeks": -1}]}, "Duration in weeks"),
    ],
)
def test_bad_intake_is_refused_and_nothing_saved(
    store: ChartStore, fields: dict, message: str
) -> None:
    client = store.create_client(name="Ana Ruiz")
    with pytest.raises(ChartValidationError, match=message):
        store.save_intake(client.id, history="should not be saved", **fields)
    assert store.get_intake(client.id) is None
