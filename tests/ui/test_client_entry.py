"""Issue 15: the client form takes the date of birth as typed; search finds a birth year;
a digit typed on the map never lands in the client search."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit

from nmt_bodymap.ui.chart.client_dialog import ClientDialog
from tests.ui.conftest import call_on_worker


def test_date_of_birth_typed_as_displayed_is_stored_as_typed(qtbot: Any) -> None:
    dialog = ClientDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Mia Hart")
    qtbot.keyClicks(dialog.dob_edit, "1975-03-14")
    assert dialog.dob_edit.text() == "1975-03-14"
    assert dialog.fields()["date_of_birth"] == date(1975, 3, 14)


def test_a_date_that_cannot_be_read_is_refused_with_one_line(qtbot: Any) -> None:
    from nmt_bodymap.ui.chart.client_dialog import parse_birth_date

    dialog = ClientDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Mia Hart")
    dialog.dob_edit.setText("1975-13-14")
    dialog._accept_if_valid()
    assert dialog.result() == 0
    assert "not a date" in dialog.error_label.text()
    assert parse_birth_date("14.03.1975") == date(1975, 3, 14)
    assert parse_birth_date("  ") is None
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_birth_date("14 March")


def test_re_entering_the_date_selects_it_from_the_year(qtbot: Any) -> None:
    dialog = ClientDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.dob_edit.setText("1980-01-01")
    dialog.name_edit.setFocus()
    dialog.dob_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: dialog.dob_edit.selectedText() == "1980-01-01")
    qtbot.keyClicks(dialog.dob_edit, "1975-03-14")
    assert dialog.dob_edit.text() == "1975-03-14"


def test_no_form_label_shows_a_literal_ampersand(qtbot: Any) -> None:
    dialog = ClientDialog()
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel) and "&" in label.text():
            assert label.buddy() is not None, f"{label.text()!r} shows its '&'"


def test_search_by_birth_year_finds_the_client(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    call_on_worker(
        qtbot, seeded["worker"], lambda s: s.create_client(name="Other", date_of_birth="1990-01-01")
    )
    window.clients.refresh()
    qtbot.waitUntil(lambda: window.clients.list.count() == 2, timeout=10_000)
    window.clients.search_edit.setText("1984")
    qtbot.waitUntil(lambda: window.clients.list.count() != 2, timeout=10_000)
    assert window.clients.list.count() == 1
    assert window.clients.list.item(0).text().startswith("Ana Ruiz")


def _focus_is_on_the_map(window: Any) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and window.body_map.isAncestorOf(focus)


def test_focus_starts_on_the_map_and_a_digit_sets_intensity(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: _focus_is_on_the_map(window), timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)
    assert window.body_map.intensity == 7
    assert window.clients.search_edit.text() == ""
    assert window.marks.visit_id == seeded["visit"].id  # the chart is still open
    assert not window.clients.empty_label.isVisible()


def test_opening_a_client_puts_focus_on_the_map(qtbot: Any, window: Any) -> None:
    window.activateWindow()
    window.focus_search()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClicks(window.clients.search_edit, "Ana")
    qtbot.waitUntil(lambda: window.clients.list.count() == 1, timeout=10_000)
    qtbot.keyClick(window.clients.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _focus_is_on_the_map(window), timeout=5_000)


def test_a_search_that_matches_nobody_keeps_the_chart_open(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    window.clients.search_edit.setText("7")
    qtbot.waitUntil(lambda: window.clients.empty_label.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
    assert window.marks.visit_id == seeded["visit"].id
    assert window.clients.current_client().id == seeded["client"].id
