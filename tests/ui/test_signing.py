"""Sign visit… and Amend… in the real window (issue 16): after signing, the visit says who
signed it and when, its editing panels are disabled and a click on the map charts nothing;
an amendment is recorded with its reason and the original kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conftest import call_on_worker, click_region


def _stored_marks(qtbot: Any, window: Any, visit_id: int) -> list[Any]:
    return call_on_worker(qtbot, window.worker, lambda s: s.list_pain_marks(visit_id))


def test_a_signed_visit_is_read_only_and_takes_an_amendment(
    qtbot: Any, window: Any, seeded: dict[str, Any], tmp_path: Path
) -> None:
    visit_id = seeded["visit"].id
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: len(_stored_marks(qtbot, window, visit_id)) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=10_000)
    signing = window.signing
    asked: list[str] = []
    signing.ask_name = lambda name: asked.append(name) or "Sam Lee"
    assert window.actions_by_key["sign-visit"].isEnabled()
    assert not window.actions_by_key["amend-visit"].isEnabled()
    window.actions_by_key["sign-visit"].trigger()
    qtbot.waitUntil(lambda: signing.label.isVisible(), timeout=10_000)
    assert signing.label.text().startswith("Signed by Sam Lee on ")
    stored = call_on_worker(qtbot, window.worker, lambda s: s.get_visit(visit_id))
    assert stored.signed_by == "Sam Lee" and stored.signed
    # The editing parts are off; the SOAP note is read-only; signing twice is not offered.
    assert not window.body_map.isEnabled() and not window.findings_panel.isEnabled()
    soap = window.documents.soap_tab
    assert all(edit.isReadOnly() for edit in soap.edits.values())
    assert not window.actions_by_key["sign-visit"].isEnabled()
    assert window.actions_by_key["amend-visit"].isEnabled()
    assert not window.visits.edit_button.isEnabled()
    # A click on the disabled map charts nothing.
    click_region(qtbot, window, "anterior", "temple", "left")
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    assert len(_stored_marks(qtbot, window, visit_id)) == 1
    # Amend: the form gets the current text of every field; the original is kept.
    offered: list[dict[str, str]] = []

    def answer(current: dict[str, str]) -> tuple[str, str, str]:
        offered.append(current)
        return "plan", "Stretch the neck twice a day", "Plan left out at signing"

    signing.ask_amendment = answer
    window.actions_by_key["amend-visit"].trigger()
    qtbot.waitUntil(
        lambda: bool(call_on_worker(qtbot, window.worker, lambda s: s.list_amendments(visit_id))),
        timeout=10_000,
    )
    assert offered[0]["chief_complaint"] == "Right temple headache"
    amendment = call_on_worker(qtbot, window.worker, lambda s: s.list_amendments(visit_id))[0]
    assert (amendment.before, amendment.after) == ("", "Stretch the neck twice a day")
    assert amendment.reason == "Plan left out at signing"
    assert call_on_worker(qtbot, window.worker, lambda s: s.get_visit(visit_id)).plan == ""
    history = call_on_worker(qtbot, window.worker, lambda s: s.history(seeded["client"].id))
    assert [e.op for e in history][-2:] == ["sign", "amend"]
    window.grab().save(str(tmp_path / "signed.png"))


def test_another_visit_is_editable_again(qtbot: Any, window: Any, seeded: dict[str, Any]) -> None:
    visit_id = seeded["visit"].id
    call_on_worker(qtbot, window.worker, lambda s: s.sign_visit(visit_id, "Sam Lee"))
    window.visits.reload()
    qtbot.waitUntil(lambda: window.signing.label.isVisible(), timeout=10_000)
    assert not window.body_map.isEnabled()
    window.visits.ask_chief_complaint = lambda: "Neck"
    window.actions_by_key["new-visit"].trigger()
    qtbot.waitUntil(lambda: window.marks.visit_id not in (None, visit_id), timeout=10_000)
    qtbot.waitUntil(lambda: window.body_map.isEnabled(), timeout=10_000)
    assert not window.signing.label.isVisible()
    assert window.actions_by_key["sign-visit"].isEnabled()
