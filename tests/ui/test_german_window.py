"""Language "de" in the settings: the window's menus, a dialog and Qt's own standard
buttons are German; back to English, everything reads English again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from nmt_bodymap.settings import Settings, load_settings, save_settings
from nmt_bodymap.ui.i18n import install_language, tr
from nmt_bodymap.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import open_window


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The therapist chose Deutsch in Settings; the app starts (installs the language)."""
    save_settings(Settings(language="de"))
    assert install_language(qapp, load_settings().language)
    yield
    install_language(qapp, "en")


def _menu_titles(window: Any) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if a.menu() is not None or a.text()]


def test_german_menus_dialog_and_qt_buttons(
    qtbot: Any, seeded: dict[str, Any], german: None, no_dialogs: list[str]
) -> None:
    window = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    titles = _menu_titles(window)
    assert "&Datei" in titles and "&Bearbeiten" in titles and "&Hilfe" in titles
    assert "&File" not in titles
    assert window.actions_by_key["new-client"].text() == "&Neuer Klient…"
    assert window.actions_by_key["undo"].text().startswith("&Rückgängig")
    assert window.side_tabs.tabText(0) == "&Kandidaten"
    # the candidate detail's text before a muscle is chosen
    placeholder = window.candidates._detail.placeholder.toPlainText()
    assert placeholder.startswith("Wählen Sie einen Muskel"), placeholder
    # hooks other modules add to a menu by its English name still find the German one
    edit_menus = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Bearbeiten"]
    assert window.actions_by_key["settings"] in edit_menus[0].actions()

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Einstellungen"
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Abbrechen"  # Qt's own string, from qtbase_de.qm
    assert dialog.language.currentText() == "Deutsch (German)"
    assert dialog.paper.currentText() == "A4 (210 × 297 mm)"
    assert dialog.default_quality.currentText() == "Dumpf"  # "ache" in German


def test_english_again_after_switching_back(qtbot: Any, qapp: QApplication) -> None:
    assert install_language(qapp, "de")
    assert tr("&File") == "&Datei"
    install_language(qapp, "en")
    assert tr("&File") == "&File"
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Settings"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_an_unknown_language_leaves_english(qapp: QApplication) -> None:
    assert not install_language(qapp, "xx")
    assert tr("&File") == "&File"


def _accelerators(texts: list[str]) -> list[str]:
    keys = []
    for text in texts:
        plain = text.replace("&&", "")
        if "&" in plain:
            keys.append(plain[plain.index("&") + 1].lower())
    return keys


def test_german_menu_keys_are_unique(
    qtbot: Any, seeded: dict[str, Any], german: None, no_dialogs: list[str]
) -> None:
    """Alt+letter reaches one menu, and one entry in each menu (as in English)."""
    window = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    bar = [a.text() for a in window.menuBar().actions()]
    assert len(set(_accelerators(bar))) == len(_accelerators(bar)), bar
    for menu in window.menuBar().findChildren(QMenu):
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        keys = _accelerators(texts)
        assert len(set(keys)) == len(keys), (menu.title(), texts)


def test_german_view_titles_are_whole_at_1366x768(
    qtbot: Any, seeded: dict[str, Any], german: None, no_dialogs: list[str]
) -> None:
    """Issue 19: the back view's German title was cut off on a 1366x768 laptop. With the
    internal sites shown beside the map (the narrowest the views get), each title is read
    whole: on one line where it fits, wrapped inside its view where it does not."""
    from PySide6.QtWidgets import QLabel

    window = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    window.resize(1366, 728)
    for sites_shown in (False, True):
        window.body_map.inside_button.setChecked(sites_shown)
        qtbot.waitUntil(lambda s=sites_shown: window.body_map.internal_sites.isVisible() == s)
        for view in window.body_map.views.values():
            title = view.findChild(QLabel, "view-title")
            qtbot.waitUntil(lambda t=title, v=view: t.geometry().right() < v.width())
            assert title.text().startswith(("Vorne (", "Hinten ("))
            if title.wordWrap():
                assert title.height() >= title.heightForWidth(title.width())
            else:
                assert title.sizeHint().width() <= title.width()
    # narrower still (the splitter dragged): the title wraps instead of being cut
    back = window.body_map.views["posterior"]
    back.resize(200, back.height())
    title = back.findChild(QLabel, "view-title")
    assert title.wordWrap() and title.geometry().right() < back.width()
    assert title.height() >= title.heightForWidth(title.width())


def test_self_test_reads_our_german_and_qt_own(qapp: QApplication) -> None:
    from nmt_bodymap.ui.i18n import self_check

    line = self_check(qapp, "de")
    assert "'&Datei'" in line and "'Abbrechen'" in line
    assert tr("&File") == "&File"  # English again afterwards


def test_qt_own_german_is_found_beside_pyside6_when_qt_points_elsewhere(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Frozen, Qt's configured translations path may not be where the bundle keeps
    qtbase_de.qm (PySide6/Qt/translations): the app looks there too."""
    from nmt_bodymap.ui import i18n

    monkeypatch.setattr(i18n, "qt_translations_dir", lambda: tmp_path)  # empty folder
    translator = i18n.load_qt_own("de")
    assert translator is not None and not translator.isEmpty()
    assert i18n.load_qt_own("xx") is None
