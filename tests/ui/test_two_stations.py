"""Two windows on one SQLite chart: each sees the other's change within 2 s, and a change
made from a version that moved on is refused as a conflict, never silently overwritten."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import call_on_worker, click_region, open_window


@pytest.fixture
def two_windows(
    qtbot: Any, seeded: dict[str, Any], chart_path: Any, open_worker: Any, no_dialogs: list[str]
) -> tuple[Any, Any]:
    first = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    second = open_window(qtbot, open_worker(chart_path), seeded["visit"].id)
    return first, second


def marks_of(window: Any) -> set[tuple[str, str, int]]:
    return {(m.region, m.side, m.intensity) for m in window.marks.marks()}


def test_a_mark_placed_at_one_station_appears_at_the_other(
    qtbot: Any, two_windows: tuple[Any, Any]
) -> None:
    first, second = two_windows
    click_region(qtbot, first, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: marks_of(second) == {("temple", "right", 5)}, timeout=3000)
    assert len(second.body_map.scenes["anterior"].mark_items) == 1
    # ... and a change made there comes back here.
    [mark] = second.marks.marks()
    second.body_map.selection.set([mark.key])
    second.actions_by_key["intensity-7"].trigger()
    qtbot.waitUntil(lambda: marks_of(first) == {("temple", "right", 7)}, timeout=3000)
    assert first.body_map.intensity == 7  # the first window still has it selected


def conflicting_edits(qtbot: Any, first: Any, second: Any) -> None:
    """Both show the mark; the second station stops looking, the first changes it to 8,
    then the second (still showing 5) changes it to 3."""
    click_region(qtbot, first, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: marks_of(second) == {("temple", "right", 5)}, timeout=3000)
    second.change_watcher.stop()
    first.actions_by_key["intensity-8"].trigger()
    qtbot.waitUntil(lambda: not first.open_visit.busy(), timeout=5000)
    [mark] = second.marks.marks()
    second.body_map.selection.set([mark.key])
    second.actions_by_key["intensity-3"].trigger()


def stored_intensity(qtbot: Any, worker: Any, visit_id: int) -> list[int]:
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=5000)
    return [
        m.intensity for m in call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id))
    ]


def test_a_stale_change_asks_and_take_the_newer_shows_the_stored_value(
    qtbot: Any, two_windows: tuple[Any, Any], seeded: dict[str, Any], monkeypatch: Any
) -> None:
    first, second = two_windows
    asked: list[str] = []
    monkeypatch.setattr(second, "ask_keep_mine", lambda text: asked.append(text) or False)
    conflicting_edits(qtbot, first, second)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert len(asked) == 1
    assert "changed" in asked[0] and "after this screen read it" in asked[0]
    assert "Ana" not in asked[0] and "Ruiz" not in asked[0]  # no client data in the message
    qtbot.waitUntil(lambda: marks_of(second) == {("temple", "right", 8)}, timeout=3000)
    assert second.body_map.intensity == 8
    assert stored_intensity(qtbot, seeded["worker"], seeded["visit"].id) == [8]


def test_keep_mine_stores_the_screens_value_on_the_newer_version(
    qtbot: Any, two_windows: tuple[Any, Any], seeded: dict[str, Any], monkeypatch: Any
) -> None:
    first, second = two_windows
    monkeypatch.setattr(second, "ask_keep_mine", lambda _text: True)
    conflicting_edits(qtbot, first, second)
    qtbot.waitUntil(
        lambda: stored_intensity(qtbot, seeded["worker"], seeded["visit"].id) == [3], timeout=5000
    )
    qtbot.waitUntil(lambda: marks_of(second) == {("temple", "right", 3)}, timeout=3000)
    qtbot.waitUntil(lambda: marks_of(first) == {("temple", "right", 3)}, timeout=3000)
    history = call_on_worker(qtbot, seeded["worker"], lambda s: s.history(seeded["client"].id))
    intensities = [h.after.get("intensity") for h in history if h.after and h.kind == "pain_mark"]
    assert intensities[-2:] == [8, 3]  # nothing lost: both changes are in the history


def test_the_watcher_reads_the_visit_again_only_for_another_stations_change(
    qtbot: Any, two_windows: tuple[Any, Any], monkeypatch: Any
) -> None:
    """The window's own saves are in the history too: they are already on screen, so the
    poll does not read the whole visit again for them (it did, every second of charting:
    20-80 ms of the worker for a 3,000-mark visit). Another station's change still is."""
    from nmt_bodymap.store.service import ChartStore

    first, second = two_windows
    reads: list[int] = []
    load = ChartStore.load_visit_document

    def counted(self: ChartStore, visit: Any) -> Any:
        reads.append(visit)
        return load(self, visit)

    monkeypatch.setattr(ChartStore, "load_visit_document", counted)
    second.change_watcher.stop()
    click_region(qtbot, first, "anterior", "temple", "right")
    click_region(qtbot, first, "posterior", "interscapular", "right")
    qtbot.waitUntil(lambda: not first.open_visit.busy(), timeout=5000)
    for _ in range(2):  # the first window's polls after its own saves
        first.change_watcher.poll()
        qtbot.waitUntil(lambda: first.worker.pending() == 0, timeout=5000)
    assert reads == []
    assert marks_of(first) == {("temple", "right", 5), ("interscapular", "right", 5)}

    second.change_watcher.start()  # another station's change: read and shown
    qtbot.waitUntil(lambda: len(marks_of(second)) == 2, timeout=3000)
    [mark] = [m for m in second.marks.marks() if m.region == "temple"]
    second.body_map.selection.set([mark.key])
    second.actions_by_key["intensity-7"].trigger()
    qtbot.waitUntil(lambda: ("temple", "right", 7) in marks_of(first), timeout=3000)
    assert reads  # the first window read the visit again for it
