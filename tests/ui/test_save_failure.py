"""A save that fails: the therapist is told, the mark stays on screen, retry stores it."""

from __future__ import annotations

from typing import Any

import pytest

from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.ui.chart import store_calls
from tests.ui.conftest import call_on_worker, click_region


def test_failed_save_keeps_the_mark_unsaved_and_retry_stores_it(
    qtbot: Any,
    window: Any,
    seeded: dict[str, Any],
    no_dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_apply = store_calls.apply_operation

    def failing_apply(*args: Any) -> Any:
        raise ChartStoreError("The disk is full.")

    monkeypatch.setattr(store_calls, "apply_operation", failing_apply)
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=10_000)

    assert "could not be saved" in no_dialogs[0] and "The disk is full." in no_dialogs[0]
    [mark] = window.marks.marks()
    assert mark.status == "unsaved"
    item = window.body_map.scenes["anterior"].mark_items[mark.key]
    assert item.isVisible() and "NOT SAVED" in item.toolTip()
    assert "not saved" in window.save_state.text()
    visit_id = seeded["visit"].id
    assert call_on_worker(qtbot, seeded["worker"], lambda s: s.list_pain_marks(visit_id)) == []

    monkeypatch.setattr(store_calls, "apply_operation", real_apply)
    window.actions_by_key["retry"].trigger()
    qtbot.waitUntil(lambda: window.marks.marks()[0].status == "saved", timeout=10_000)
    stored = call_on_worker(qtbot, seeded["worker"], lambda s: s.list_pain_marks(visit_id))
    assert [(m.region, m.side) for m in stored] == [("temple", "right")]
    assert window.save_state.text() == "All changes saved"
