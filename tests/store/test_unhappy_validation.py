"""Store input refused at the boundary with a clear ``ChartValidationError``, never a raw
exception: lone surrogates, ids and limits beyond 64 bits, dates at the datetime range
limits, NUL characters, marks without a position or outside the figure."""

from __future__ import annotations

from datetime import datetime

import pytest

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.store import ChartNotFound, ChartStore, ChartValidationError

HUGE = 2**64 + 5


def _mark(**changes: object) -> dict[str, object]:
    point = load_atlas().region("anterior", "temple", "right").point
    mark: dict[str, object] = dict(
        view="anterior",
        x=float(point[0]),
        y=float(point[1]),
        region="temple",
        side="right",
        intensity=6,
        quality="ache",
    )
    mark.update(changes)
    return mark


@pytest.mark.parametrize("name", ["Ana \ud800 Ruiz", "Ana\x00Ruiz"], ids=["surrogate", "nul"])
def test_unstorable_characters_in_a_name_are_refused(store: ChartStore, name: str) -> None:
    with pytest.raises(ChartValidationError, match="Client name"):
        store.create_client(name=name)
    assert store.recent_clients() == []


def test_nul_in_notes_is_refused_so_the_chart_can_move_to_postgresql(store: ChartStore) -> None:
    with pytest.raises(ChartValidationError, match="NUL"):
        store.create_client(name="Ana Ruiz", notes="left\x00right")


def test_a_lone_surrogate_in_a_search_is_a_clear_refusal(store: ChartStore) -> None:
    store.create_client(name="Ana Ruiz")
    with pytest.raises(ChartValidationError):
        store.search_clients("An\udc00")


def test_ids_and_limits_beyond_64_bits_are_refused(store: ChartStore) -> None:
    store.create_client(name="Ana Ruiz")
    with pytest.raises((ChartValidationError, ChartNotFound)):
        store.get_client(HUGE)
    with pytest.raises(ChartValidationError, match="64 bits"):
        store.search_clients("ana", limit=HUGE)
    with pytest.raises((ChartValidationError, ChartNotFound)):
        store.list_pain_marks(HUGE)


@pytest.mark.parametrize("when", [datetime.max, datetime.min], ids=["max", "min"])
def test_dates_at_the_datetime_limits_are_refused(store: ChartStore, when: datetime) -> None:
    client = store.create_client(name="Ana Ruiz")
    with pytest.raises(ChartValidationError, match=r"not possible|out of range"):
        store.create_visit(client.id, started_at=when)


def test_a_mark_without_a_position_is_refused(store: ChartStore, visit_id: int) -> None:
    with pytest.raises(ChartValidationError, match="needs its position"):
        store.add_pain_mark(visit_id, **_mark(x=None, y=None))
    assert store.list_pain_marks(visit_id) == []


def test_a_mark_outside_the_figure_is_refused(store: ChartStore, visit_id: int) -> None:
    left, top, width, height = load_atlas().view_box("anterior")
    with pytest.raises(ChartValidationError, match="outside the anterior figure"):
        store.add_pain_mark(visit_id, **_mark(x=left - 5.0, y=top - 5.0))
    with pytest.raises(ChartValidationError, match="outside"):
        store.add_pain_mark(visit_id, **_mark(x=left + width * 10, y=top + height * 10))
    store.add_pain_mark(visit_id, **_mark())  # on the figure: accepted
    assert len(store.list_pain_marks(visit_id)) == 1
