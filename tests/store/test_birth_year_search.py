"""Issue 15: a four-digit birth year finds the clients born that year, in SQL (the store
filters on the indexed date of birth; the UI no longer reads every client to find them)."""

from __future__ import annotations

import pytest

from nmt_bodymap.core.operations import Operation, OpKind, RowKind
from nmt_bodymap.store import ChartStore, ChartValidationError


def test_born_in_finds_every_client_born_that_year_and_no_other(store: ChartStore) -> None:
    first_day = store.create_client(name="Zoe Adams", date_of_birth="1975-01-01")
    last_day = store.create_client(name="Ana Ruiz", date_of_birth="1975-12-31")
    store.create_client(name="Ben Before", date_of_birth="1974-12-31")
    store.create_client(name="Al After", date_of_birth="1976-01-01")
    store.create_client(name="No Birthday")
    # By name, like every other search.
    assert [c.id for c in store.search_clients(born_in=1975)] == [last_day.id, first_day.id]
    assert [c.id for c in store.search_clients("zoe", born_in=1975)] == [first_day.id]
    assert store.search_clients("ben", born_in=1975) == []
    assert store.search_clients(born_in=1990) == []
    assert len(store.search_clients(born_in=1975, limit=1)) == 1


def test_born_in_leaves_out_a_deleted_client(store: ChartStore) -> None:
    kept = store.create_client(name="Kept", date_of_birth="1980-06-01")
    gone = store.create_client(name="Gone", date_of_birth="1980-07-01")
    delete = Operation(
        OpKind.DELETE, RowKind.CLIENT, gone.uid, None, {"name": gone.name}, None, gone.version
    )
    store.apply(delete)
    assert [c.id for c in store.search_clients(born_in=1980)] == [kept.id]


@pytest.mark.parametrize("year", [12, 99999, True, "1975"])
def test_a_year_that_cannot_be_a_birth_year_is_refused_in_one_line(
    store: ChartStore, year: object
) -> None:
    with pytest.raises(ChartValidationError, match="Birth year must be a year such as 1975"):
        store.search_clients(born_in=year)  # type: ignore[arg-type]
