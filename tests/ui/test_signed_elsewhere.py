"""Issue 16 leftovers: a visit signed at one station is read-only at the other within a
poll; the candidate panel's Record finding/treatment are off on a signed visit; the history
says "Signed", "Amended" and "Consent recorded" (in German too)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from nmt_bodymap.core.consent import load_consent
from nmt_bodymap.ui.chart.history_view import history_lines
from nmt_bodymap.ui.i18n import install_language
from tests.ui.conftest import call_on_worker, click_region, open_window


def _sign_at(qtbot: Any, window: Any, name: str = "Sam Lee") -> None:
    window.signing.ask_name = lambda _name: name
    window.actions_by_key["sign-visit"].trigger()
    qtbot.waitUntil(lambda: window.signing.label.isVisible(), timeout=10_000)


def test_signing_at_one_station_locks_the_other_within_a_poll(
    qtbot: Any, seeded: dict[str, Any], chart_path: Any, open_worker: Any, no_dialogs: list[str]
) -> None:
    first = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    second = open_window(qtbot, open_worker(chart_path), seeded["visit"].id)
    assert second.body_map.isEnabled() and second.actions_by_key["sign-visit"].isEnabled()
    _sign_at(qtbot, first)
    # No click at the second station: its change watcher sees the signature.
    qtbot.waitUntil(lambda: second.signing.label.isVisible(), timeout=3000)
    assert second.signing.label.text().startswith("Signed by Sam Lee on ")
    assert not second.body_map.isEnabled() and not second.findings_panel.isEnabled()
    assert not second.actions_by_key["sign-visit"].isEnabled()
    assert second.actions_by_key["amend-visit"].isEnabled()
    assert not second.actions_by_key["record-finding"].isEnabled()
    # A click on its map charts nothing.
    click_region(qtbot, second, "anterior", "temple", "left")
    qtbot.waitUntil(lambda: second.worker.pending() == 0, timeout=10_000)
    visit_id = seeded["visit"].id
    assert call_on_worker(qtbot, second.worker, lambda s: s.list_pain_marks(visit_id)) == []


def test_record_buttons_and_shortcuts_are_off_on_a_signed_visit(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    click_region(qtbot, window, "anterior", "temple", "right")
    panel = window.candidates
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 1, timeout=10_000)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert panel.finding_button.isEnabled() and panel.treatment_button.isEnabled()
    assert window.actions_by_key["record-finding"].isEnabled()
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=10_000)
    _sign_at(qtbot, window)
    assert not panel.finding_button.isEnabled() and not panel.treatment_button.isEnabled()
    assert not window.actions_by_key["record-finding"].isEnabled()
    assert not window.actions_by_key["record-treatment"].isEnabled()
    # Choosing another candidate does not turn them back on.
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    assert panel.current_candidate() is not None
    assert not panel.finding_button.isEnabled() and not panel.treatment_button.isEnabled()
    # The shortcut asks for no finding.
    asked: list[Any] = []
    window.ask_finding = lambda *args: asked.append(args)
    window.actions_by_key["record-finding"].trigger()
    panel.finding_button.click()
    assert asked == []
    # Enter on a candidate (and a trigger-point pin, and the guide) reach the same form:
    # none of them asks for a finding or a treatment on a signed visit.
    window.ask_treatment = lambda *args: asked.append(args)
    candidate = panel.current_candidate()
    panel.record_finding_requested.emit(candidate.muscle, candidate.side, None)
    window.record_treatment(candidate.muscle, candidate.side, None)
    assert asked == []
    assert "signed" in window.statusBar().currentMessage()


def _history(qtbot: Any, seeded: dict[str, Any]) -> list[dict[str, Any]]:
    worker, client, visit = seeded["worker"], seeded["client"], seeded["visit"]
    call_on_worker(qtbot, worker, lambda s: s.sign_visit(visit.id, "Sam Lee"))
    call_on_worker(
        qtbot,
        worker,
        lambda s: s.amend(visit.id, "visit", visit.uid, "plan", "Heat at home", "Left out"),
    )
    version = load_consent().current
    call_on_worker(
        qtbot, worker, lambda s: s.record_consent(client.id, version, date.today(), "Ana Ruiz")
    )
    return history_lines(call_on_worker(qtbot, worker, lambda s: s.history(client.id)))


def test_history_says_signed_amended_and_consent_recorded(
    qtbot: Any, seeded: dict[str, Any]
) -> None:
    lines = _history(qtbot, seeded)
    assert [line["change"] for line in lines][-3:] == ["Signed", "Amended", "Consent recorded"]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert install_language(qapp, "de")
    yield
    install_language(qapp, "en")


def test_history_signing_words_in_german(qtbot: Any, seeded: dict[str, Any], german: None) -> None:
    lines = _history(qtbot, seeded)
    changes = [line["change"] for line in lines]
    assert changes[-3:] == ["Unterschrieben", "Ergänzt", "Einwilligung erfasst"]
    assert lines[0]["change"] != "added"  # the older words are German too
