"""The history of what a window charts names the signed-in therapist (the store's ``who``),
not the therapist name typed in the settings (issue 14: unique user identification)."""

from __future__ import annotations

from typing import Any

from nmt_bodymap.settings import Settings, save_settings
from tests.ui.conftest import call_on_worker, click_region, open_window


def test_marks_charted_in_the_window_name_the_signed_in_therapist(
    qtbot: Any, seeded: dict[str, Any], no_dialogs: list[str]
) -> None:
    save_settings(Settings(therapist_name="Typed In Settings"))
    worker = seeded["worker"]
    call_on_worker(qtbot, worker, lambda s: setattr(s, "who", "Signed In Ana"))
    window = open_window(qtbot, worker, seeded["visit"].id)
    click_region(qtbot, window, "anterior", "temple", "right")
    client_id = seeded["client"].id
    qtbot.waitUntil(
        lambda: any(
            e.kind == "pain_mark"
            for e in call_on_worker(qtbot, worker, lambda s: s.history(client_id))
        ),
        timeout=10_000,
    )
    entries = call_on_worker(qtbot, worker, lambda s: s.history(client_id))
    assert {e.who for e in entries if e.kind == "pain_mark"} == {"Signed In Ana"}
