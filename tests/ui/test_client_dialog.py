"""The client form through the window: File > New client and Edit client store what the
therapist typed, a form without a name stays open with one line, Cancel stores nothing
(issue 20: the client dialog was untested end to end)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from nmt_bodymap.ui.chart.client_dialog import ClientDialog
from tests.ui.conftest import call_on_worker

Fill = Callable[[ClientDialog], None]


@pytest.fixture
def form(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> list[Fill]:
    """Queue what the therapist does in each form that opens; the form runs for real
    (its own Save button and validation), only not as a modal loop."""
    steps: list[Fill] = []
    seen: list[ClientDialog] = []

    def exec_(dialog: ClientDialog) -> int:
        seen.append(dialog)
        steps.pop(0)(dialog)
        return int(dialog.result())

    monkeypatch.setattr(ClientDialog, "exec", exec_)
    return steps


def _save(dialog: ClientDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Save).click()


def _clients(qtbot: Any, worker: Any) -> list[Any]:
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    return call_on_worker(qtbot, worker, lambda s: s.recent_clients(50))


def test_new_client_is_stored_as_typed_and_opened(
    qtbot: Any, window: Any, seeded: dict[str, Any], form: list[Fill]
) -> None:
    def type_in(dialog: ClientDialog) -> None:
        assert dialog.windowTitle() == "New client"
        qtbot.keyClicks(dialog.name_edit, "Ben Okafor")
        qtbot.keyClicks(dialog.dob_edit, "14.03.1975")
        qtbot.keyClicks(dialog.phone_edit, "555 0101")
        _save(dialog)

    form.append(type_in)
    window.actions_by_key["new-client"].trigger()
    clients = _clients(qtbot, seeded["worker"])
    [ben] = [c for c in clients if c.name == "Ben Okafor"]
    assert (f"{ben.date_of_birth:%Y-%m-%d}", ben.phone) == ("1975-03-14", "555 0101")
    qtbot.waitUntil(lambda: window.clients.current_client() is not None)
    qtbot.waitUntil(lambda: window.clients.current_client().id == ben.id)
    assert "Saved client Ben Okafor" in window.statusBar().currentMessage()


def test_edit_client_shows_the_stored_values_and_stores_the_change(
    qtbot: Any, window: Any, seeded: dict[str, Any], form: list[Fill]
) -> None:
    qtbot.waitUntil(lambda: window.clients.current_client() is not None)

    def change_phone(dialog: ClientDialog) -> None:
        assert dialog.windowTitle() == "Edit client"
        assert dialog.name_edit.text() == "Ana Ruiz"
        assert dialog.dob_edit.text() == "1984-05-02"
        dialog.phone_edit.setText("555 0199")
        _save(dialog)

    form.append(change_phone)
    window.actions_by_key["edit-client"].trigger()
    qtbot.waitUntil(lambda: _clients(qtbot, seeded["worker"])[0].phone == "555 0199")
    [ana] = _clients(qtbot, seeded["worker"])
    assert (ana.id, ana.name, ana.version) == (seeded["client"].id, "Ana Ruiz", 2)


def test_a_form_without_a_name_stays_open_and_cancel_stores_nothing(
    qtbot: Any, window: Any, seeded: dict[str, Any], form: list[Fill]
) -> None:
    def no_name_then_cancel(dialog: ClientDialog) -> None:
        qtbot.keyClicks(dialog.dob_edit, "1990-02-30")
        _save(dialog)
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.error_label.text() == "Please enter the client's name."
        qtbot.keyClicks(dialog.name_edit, "Cleo Park")
        _save(dialog)
        assert dialog.error_label.text() == "1990-02-30 is not a date in the calendar."
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.result() == QDialog.DialogCode.Rejected

    form.append(no_name_then_cancel)
    window.actions_by_key["new-client"].trigger()
    assert [c.name for c in _clients(qtbot, seeded["worker"])] == ["Ana Ruiz"]
    assert form == []
