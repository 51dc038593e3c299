"""Issue 18: the open visit's marks are made once per row version and save status, and the
remembered states always show exactly what the document holds (undo, redo, saves)."""

from __future__ import annotations

from typing import Any

from nmt_bodymap.core.operations import RowKind
from tests.ui.conftest import click_region


def _as_document(window: Any) -> list[tuple[str, int, str, str]]:
    rows = window.open_visit.rows(RowKind.PAIN_MARK)
    return [
        (uid, int(r.values["intensity"]), r.values["quality"], window.open_visit.status(uid)[0])
        for uid, r in rows.items()
    ]


def _as_marks(window: Any) -> list[tuple[str, int, str, str]]:
    return [(m.key, m.intensity, m.quality, m.status) for m in window.marks.marks()]


def test_marks_reuse_states_and_follow_undo_redo_and_saves(qtbot: Any, window: Any) -> None:
    marks = window.marks
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "anterior", "pectoral", "left")
    qtbot.waitUntil(lambda: len(marks.marks()) == 2 and not window.open_visit.busy())
    first = marks.marks()
    assert [m.status for m in first] == ["saved", "saved"]
    again = marks.marks()
    assert all(a is b for a, b in zip(first, again, strict=True))  # made once, not per read
    assert marks.get(first[0].key) is first[0]

    temple, pectoral = first
    window.body_map.selection.set([temple.key])
    window.body_map.set_intensity(9)
    changed = marks.marks()
    assert changed[0].intensity == 9 and changed[0] is not temple
    assert changed[1] is pectoral  # the untouched mark's state is kept
    assert marks.get(temple.key).intensity == 9
    assert _as_marks(window) == _as_document(window)

    window.undo_stack.undo()
    assert marks.marks()[0].intensity == temple.intensity
    assert marks.get(temple.key).intensity == temple.intensity
    assert _as_marks(window) == _as_document(window)
    window.undo_stack.undo()  # the second mark's placing
    assert [m.key for m in marks.marks()] == [temple.key]
    assert marks.get(pectoral.key) is None
    window.undo_stack.redo()
    assert [m.key for m in marks.marks()] == [temple.key, pectoral.key]
    qtbot.waitUntil(lambda: not window.open_visit.busy())
    assert _as_marks(window) == _as_document(window)
    assert {m.status for m in marks.marks()} == {"saved"}


def test_marks_show_a_failed_save_at_once(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    from nmt_bodymap.store.errors import ChartStoreError
    from nmt_bodymap.ui.chart import store_calls

    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: not window.open_visit.busy())
    [saved] = window.marks.marks()
    assert saved.status == "saved"

    def failing(*_args: Any) -> Any:
        raise ChartStoreError("The disk is full.")

    monkeypatch.setattr(store_calls, "apply_operation", failing)
    window.body_map.selection.set([saved.key])
    window.body_map.set_intensity(2)
    qtbot.waitUntil(lambda: window.marks.marks()[0].status == "unsaved", timeout=10_000)
    [unsaved] = window.marks.marks()
    assert unsaved.intensity == 2 and "disk is full" in unsaved.error
    assert window.marks.unsaved() == [unsaved]


def test_a_marks_state_is_its_stored_row(qtbot: Any, window: Any) -> None:
    """A mark's on-screen state equals, hashes and compares as the state made from its
    stored row, keeps the field types and stays frozen."""
    import dataclasses

    import pytest

    from nmt_bodymap.ui.chart.marks import MarkState

    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1 and not window.open_visit.busy())
    (state,) = window.marks.marks()
    row = window.open_visit.rows(RowKind.PAIN_MARK)[state.key].values
    made = MarkState(
        key=state.key,
        view=row["view"],
        x=float(row["x"]),
        y=float(row["y"]),
        region=row["region"],
        side=row["side"],
        intensity=int(row["intensity"]),
        quality=row["quality"],
        status="saved",
        error="",
    )
    assert state == made and hash(state) == hash(made)
    assert dataclasses.asdict(state) == dataclasses.asdict(made)
    assert vars(state).keys() == vars(made).keys()  # every field, no other
    assert type(state.x) is float and type(state.intensity) is int
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.intensity = 3  # type: ignore[misc]
    assert state.with_details(4, "sharp").intensity == 4
