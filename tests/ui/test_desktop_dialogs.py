"""Help > About, Help > Open data folder and Edit > Settings… driven through the real window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu

from nmt_bodymap import __version__, paths
from nmt_bodymap.settings import Settings, load_settings
from nmt_bodymap.ui import about_dialog, settings_dialog
from nmt_bodymap.ui.about_dialog import AboutDialog
from nmt_bodymap.ui.settings_dialog import SettingsDialog


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("NMT_BODYMAP_CONFIG_DIR", str(folder))
    return folder


def test_about_shows_version_sources_and_notices(qtbot: Any) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert __version__ in dialog.findChild(QLabel, "about-heading").text()
    sources = dialog.sources.toPlainText()
    assert "Travell" in sources and "Trigger Point Manual" in sources
    assert "Chaitow" in sources
    notices = dialog.notices.toPlainText()
    for component in ("PySide6", "GEOS", "SQLite", "SQLAlchemy", "Pillow", "LGPL"):
        assert component in notices, component


def test_help_menu_opens_about_and_the_data_folder(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(about_dialog, "open_folder", lambda folder: opened.append(folder))
    window.actions_by_key["open-data-folder"].trigger()
    assert opened == [paths.data_dir()]

    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    window.actions_by_key["about"].trigger()
    assert len(shown) == 1 and shown[0].parent() is window
    (help_menu,) = [
        m for m in window.menuBar().findChildren(QMenu) if m.title().replace("&", "") == "Help"
    ]
    assert isinstance(help_menu, QMenu)
    in_menu = help_menu.actions()
    assert window.actions_by_key["about"] in in_menu
    assert window.actions_by_key["open-data-folder"] in in_menu


def test_settings_dialog_saves_what_the_therapist_typed(
    qtbot: Any, config_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "usb-backup"
    backup.mkdir()
    monkeypatch.setattr(settings_dialog, "choose_folder", lambda _parent, _start: str(backup))
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.settings() == Settings()  # nothing saved yet: the defaults

    qtbot.keyClicks(dialog.clinic_name, "Harbour Street Clinic")
    qtbot.keyClicks(dialog.clinic_address, "4 Harbour Street")
    qtbot.keyClick(dialog.clinic_address, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.clinic_address, "Kiel")
    qtbot.keyClicks(dialog.therapist_name, "J. Weber")
    dialog.default_intensity.selectAll()
    qtbot.keyClicks(dialog.default_intensity, "7")
    dialog.default_quality.setCurrentIndex(dialog.default_quality.findData("burning"))
    dialog.idle_lock_minutes.selectAll()
    qtbot.keyClicks(dialog.idle_lock_minutes, "15")
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_settings() == Settings(
        clinic_name="Harbour Street Clinic",
        clinic_address="4 Harbour Street\nKiel",
        therapist_name="J. Weber",
        default_intensity=7,
        default_quality="burning",
        idle_lock_minutes=15,
        backup_folder=str(backup),
        language="de",
        paper="letter",
    )
    again = SettingsDialog()  # a second opening shows what was saved
    qtbot.addWidget(again)
    assert again.settings() == load_settings()


def test_settings_cancel_and_missing_backup_folder_save_nothing(
    qtbot: Any, config_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        settings_dialog.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text)
    )
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.clinic_name, "Somewhere")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert not (config_dir / "settings.json").exists()

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.backup_folder.setText(str(tmp_path / "not-there"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert warnings == ["The backup folder does not exist."]
    assert dialog.isVisible() is False and dialog.result() != QDialog.DialogCode.Accepted
    assert not (config_dir / "settings.json").exists()


def test_edit_settings_action_has_ctrl_comma_and_opens_the_dialog(
    window: Any, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    action = window.actions_by_key["settings"]
    assert "Ctrl+," in [s.toString() for s in action.shortcuts()]
    opened: list[SettingsDialog] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    action.trigger()
    assert len(opened) == 1 and opened[0].clinic_name.text() == ""
