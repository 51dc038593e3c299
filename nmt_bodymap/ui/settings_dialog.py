"""Edit > Settings…: every option of ``nmt_bodymap.settings`` in one form.

The dialog reads the saved settings, shows each in a labelled control (every label is its
control's buddy, so a screen reader names it and Alt+letter reaches it), and writes them
with ``save_settings`` when the therapist presses OK. ``install_settings_action(window)``
adds the menu entry (Ctrl+,) to the window's Edit menu in one call.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.pain import INTENSITY_MAX, INTENSITY_MIN
from nmt_bodymap.settings import (
    LANGUAGES,
    PAPERS,
    QUALITIES,
    Settings,
    load_settings,
    save_settings,
)
from nmt_bodymap.ui.actions import menu_titled
from nmt_bodymap.ui.i18n import tr, tr_noop

# each language in its own words, so a therapist finds theirs whatever is shown now
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch (German)"}
PAPER_NAMES = {"a4": tr_noop("A4 (210 × 297 mm)"), "letter": tr_noop("US Letter (8.5 × 11 in)")}
QUALITY_NAMES = {
    "ache": tr_noop("Ache"),
    "sharp": tr_noop("Sharp"),
    "burning": tr_noop("Burning"),
    "throbbing": tr_noop("Throbbing"),
    "tingling": tr_noop("Tingling"),
    "numb": tr_noop("Numb"),
}


def choose_folder(parent: QWidget, start: str) -> str:
    """The folder picker (module level: tests answer for the therapist). "" = cancelled."""
    return QFileDialog.getExistingDirectory(parent, tr("Backup folder"), start)


def _combo(values: tuple[str, ...], names: dict[str, str] | None = None) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(tr((names or {}).get(value, value.capitalize())), value)
    return combo


class SettingsDialog(QDialog):
    """One form over :class:`Settings`; ``settings()`` is what the controls say now."""

    saved = Signal(object)  # the Settings written

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.setObjectName("settings-dialog")
        self._path = path
        self.clinic_name = QLineEdit()
        self.clinic_address = QPlainTextEdit()
        self.clinic_address.setTabChangesFocus(True)
        self.clinic_address.setFixedHeight(72)
        self.therapist_name = QLineEdit()
        self.default_intensity = QSpinBox()
        self.default_intensity.setRange(INTENSITY_MIN, INTENSITY_MAX)
        self.default_quality = _combo(QUALITIES)
        self.idle_lock_minutes = QSpinBox()
        self.idle_lock_minutes.setRange(1, 240)
        self.idle_lock_minutes.setSuffix(tr(" min"))
        self.backup_folder = QLineEdit()
        self.backup_folder.setPlaceholderText(tr("none: backups stay beside the chart only"))
        self.browse = QPushButton(tr("&Browse…"))
        self.browse.setAccessibleName(tr("Choose backup folder"))
        self.browse.clicked.connect(self._browse)
        self.language = _combo(LANGUAGES, LANGUAGE_NAMES)
        self.paper = _combo(PAPERS, PAPER_NAMES)

        backup_row = QWidget()
        row = QHBoxLayout(backup_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.backup_folder, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        for text, widget, buddy in (
            (tr("Clinic &name:"), self.clinic_name, None),
            (tr("Clinic &address:"), self.clinic_address, None),
            (tr("&Therapist name:"), self.therapist_name, None),
            (tr("Default &intensity (0–10):"), self.default_intensity, None),
            (tr("Default &quality:"), self.default_quality, None),
            (tr("&Lock after idle:"), self.idle_lock_minutes, None),
            (tr("Second &backup folder:"), backup_row, self.backup_folder),
            (tr("Lan&guage:"), self.language, None),
            (tr("&Paper size:"), self.paper, None),
        ):
            label = QLabel(text)
            label.setBuddy(buddy or widget)
            (buddy or widget).setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        note = QLabel(tr("The language takes effect the next time the app starts."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.show_settings(load_settings(path))
        self.resize(560, self.sizeHint().height())

    def show_settings(self, settings: Settings) -> None:
        self.clinic_name.setText(settings.clinic_name)
        self.clinic_address.setPlainText(settings.clinic_address)
        self.therapist_name.setText(settings.therapist_name)
        self.default_intensity.setValue(settings.default_intensity)
        self.default_quality.setCurrentIndex(
            self.default_quality.findData(settings.default_quality)
        )
        self.idle_lock_minutes.setValue(settings.idle_lock_minutes)
        self.backup_folder.setText(settings.backup_folder)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.paper.setCurrentIndex(self.paper.findData(settings.paper))

    def settings(self) -> Settings:
        return Settings(
            clinic_name=self.clinic_name.text().strip(),
            clinic_address=self.clinic_address.toPlainText().strip(),
            therapist_name=self.therapist_name.text().strip(),
            default_intensity=self.default_intensity.value(),
            default_quality=str(self.default_quality.currentData()),
            idle_lock_minutes=self.idle_lock_minutes.value(),
            backup_folder=self.backup_folder.text().strip(),
            language=str(self.language.currentData()),
            paper=str(self.paper.currentData()),
        )

    def _browse(self) -> None:
        folder = choose_folder(self, self.backup_folder.text() or str(Path.home()))
        if folder:
            self.backup_folder.setText(folder)

    def accept(self) -> None:
        chosen = self.settings()
        folder = chosen.backup_folder
        if folder and not Path(folder).expanduser().is_dir():
            QMessageBox.warning(self, tr("Settings"), tr("The backup folder does not exist."))
            self.backup_folder.setFocus()
            return
        try:
            save_settings(chosen, self._path)
        except OSError as exc:
            QMessageBox.warning(
                self, tr("Settings"), tr("The settings could not be saved: {exc}").format(exc=exc)
            )
            return
        self.saved.emit(chosen)
        super().accept()


def install_settings_action(window: QMainWindow) -> QAction:
    """Add Edit > Settings… (Ctrl+, and the platform's Preferences key)."""
    action = QAction(tr("&Settings…"), window)
    action.setObjectName("action-settings")
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)]
    if QKeySequence("Ctrl+,") not in keys:
        keys.append(QKeySequence("Ctrl+,"))
    action.setShortcuts(keys)
    action.triggered.connect(lambda: SettingsDialog(window).exec())
    menu = menu_titled(window, "Edit")
    assert menu is not None  # made when missing
    menu.addSeparator()
    menu.addAction(action)
    window.addAction(action)
    getattr(window, "actions_by_key", {})["settings"] = action
    return action
