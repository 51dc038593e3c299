"""Language "de": no English word inside a German sentence. The quality box shows German
words but stores the English value; a new mark's status line, the History view's item
names and its restore messages are German throughout."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nmt_bodymap.settings import Settings, load_settings, save_settings
from nmt_bodymap.ui.i18n import install_language
from nmt_bodymap.ui.map.labels import set_knowledge_language
from tests.ui.conftest import call_on_worker, click_region, open_window


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The therapist chose Deutsch in Settings; the app starts (installs the language)."""
    save_settings(Settings(language="de"))
    assert install_language(qapp, load_settings().language)
    set_knowledge_language(None)  # the knowledge reads the setting again
    yield
    install_language(qapp, "en")
    set_knowledge_language(None)


def test_quality_box_shows_german_and_stores_the_english_value(
    qtbot: Any, seeded: dict[str, Any], german: None, no_dialogs: list[str]
) -> None:
    window = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    box = window.body_map.quality_box
    shown = [box.itemText(i) for i in range(box.count())]
    assert "ache" not in shown and "sharp" not in shown
    assert box.currentText() == "dumpf"  # the default "ache", in German
    assert window.body_map.quality == "ache"
    box.setCurrentIndex(shown.index("stechend"))  # the therapist picks "sharp"
    assert window.body_map.quality == "sharp"
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1)
    qtbot.waitUntil(lambda: seeded["worker"].pending() == 0 and not window.open_visit.busy())
    visit_id = seeded["visit"].id
    stored = call_on_worker(qtbot, seeded["worker"], lambda s: s.list_pain_marks(visit_id))
    assert [m.quality for m in stored] == ["sharp"]
    # the status line of the new mark: German place, German quality
    message = window.statusBar().currentMessage()
    assert message.startswith("Gespeichert: ") and "stechend 5/10" in message
    assert "Right" not in message and "temple" not in message
    # Q cycles from the stored value; the box follows in German
    window.body_map.cycle_quality()
    assert window.marks.marks()[0].quality == "burning"
    assert box.currentText() == "brennend"


def test_history_names_the_rows_in_german(
    qtbot: Any, seeded: dict[str, Any], german: None, no_dialogs: list[str]
) -> None:
    window = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1)
    window.actions_by_key["delete-mark"].trigger()
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=5000)
    window.actions_by_key["client-history"].trigger()
    view = window.history_view
    qtbot.waitUntil(lambda: view.isVisible() and view.table.rowCount() == 4, timeout=5000)
    whats = [view.table.item(row, 2).text() for row in range(4)]
    assert "pain mark" not in whats and "Schmerzmarkierung" in whats
    button = view.table.cellWidget(3, 6)
    assert "pain mark" not in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(window.marks.marks()) == 1
    assert "Schmerzmarkierung" in view.status.text()
    assert "pain mark" not in view.status.text()
