"""Issue 19: every control of the window and of every dialog is named for a screen reader,
and each dialog's Save/OK button is reached with Tab alone.

The accessibility filter is installed as ``run_app`` does (``install_accessibility``) before
anything is built. A name is what Qt's accessibility interface (``QAccessible``) reports, as
a screen reader reads it; Tab is a real key press on the focused widget."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from nmt_bodymap.store.accounts import Account, AccountBook
from nmt_bodymap.ui.accessibility import AccessibilityFilter
from tests.ui.conftest import call_on_worker, click_region


def spoken(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed(root: QWidget) -> list[str]:
    """Every visible widget the keyboard can focus that a screen reader reads no name for."""
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a spin box or combo box: named through its owner
        if not spoken(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def visible_focusable(root: QWidget) -> int:
    return sum(
        1
        for w in root.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()
    )


def commit_button(dialog: QWidget) -> QAbstractButton:
    """The dialog's Save/OK: the accept button of its button box, else its default button."""
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole:
                return button
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisible()]
    assert defaults, f"{type(dialog).__name__} has no Save/OK button"
    return defaults[0]


def tab_reaches(qtbot: Any, dialog: QWidget, target: QWidget, presses: int = 120) -> list[str]:
    """Press Tab from the dialog's first focus until ``target`` has focus; returns the names
    passed on the way (fails when Tab never gets there, e.g. a text box keeps the Tab)."""
    dialog.raise_()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    focus = QApplication.focusWidget()
    if focus is None or focus.window() is not dialog:
        dialog.focusNextChild()  # as Tab in a window that has nothing focused yet
    passed: list[str] = []
    for _ in range(presses):
        focus = QApplication.focusWidget()
        assert focus is not None and focus.window() is dialog
        if focus is target:
            return passed
        passed.append(spoken(focus))
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {spoken(target)!r}; it went {passed[:30]}")


def _shown(qtbot: Any, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


# -- every dialog the app has -------------------------------------------------------------
def _intake(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.clinic.intake_dialog import IntakeDialog

    return IntakeDialog(seeded["worker"].submit, seeded["client"].id, window)


def _client(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.chart.client_dialog import ClientDialog

    return ClientDialog(None, window)


def _visit(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.chart.visit_dialog import VisitDialog

    return VisitDialog(seeded["visit"], window)


def _finding(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.clinic.finding_dialogs import FindingDialog

    return FindingDialog(window.knowledge.muscle("upper_trapezius"), "right", parent=window)


def _treatment(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.clinic.finding_dialogs import TreatmentDialog

    return TreatmentDialog(window.knowledge.muscle("upper_trapezius"), "right", parent=window)


def _follow_up(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.clinic.follow_up_dialog import FollowUpDialog

    return FollowUpDialog("Mon 23 Nov 2026", None, window)


def _settings(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.settings_dialog import SettingsDialog

    return SettingsDialog(window)


def _about(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.about_dialog import AboutDialog

    return AboutDialog(window)


def _clearance(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.clinic.red_flag_banner import ClearanceDialog

    return ClearanceDialog(window)


def _sign_in(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.access.sign_in_dialog import SignInDialog

    return SignInDialog(["Ana", "Ben"], window)


def _first_account(window: Any, seeded: dict[str, Any]) -> QWidget:
    from nmt_bodymap.ui.access.sign_in_dialog import FirstAccountDialog

    return FirstAccountDialog(offer_encryption=True, parent=window)


DIALOGS: dict[str, Callable[[Any, dict[str, Any]], QWidget]] = {
    "intake": _intake,
    "client": _client,
    "visit": _visit,
    "finding": _finding,
    "treatment": _treatment,
    "follow-up": _follow_up,
    "settings": _settings,
    "about": _about,
    "clearance": _clearance,
    "sign-in": _sign_in,
    "first-account": _first_account,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_is_named_and_tab_reaches_its_save_button(
    accessible: AccessibilityFilter,
    qtbot: Any,
    window: Any,
    seeded: dict[str, Any],
    name: str,
) -> None:
    dialog = _shown(qtbot, DIALOGS[name](window, seeded))
    if hasattr(dialog, "loaded"):
        qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert visible_focusable(dialog) >= 2  # the walk does see the dialog's controls
    assert unnamed(dialog) == []
    target = commit_button(dialog)
    passed = tab_reaches(qtbot, dialog, target)
    assert all(passed), f"Tab passed an unnamed control: {passed}"


def test_the_accounts_dialog_is_named_and_tab_reaches_add(
    accessible: AccessibilityFilter, qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    from nmt_bodymap.ui.access.accounts_dialog import AccountsDialog

    worker = seeded["worker"]
    call_on_worker(
        qtbot, worker, lambda s: AccountBook.for_store(s).create_first_account("Ana", "4321")
    )
    owner = Account(id=1, name="Ana", role="owner", disabled=False)
    dialog = _shown(qtbot, AccountsDialog(worker, owner, window))
    qtbot.waitUntil(lambda: dialog.accounts.count() == 1, timeout=10_000)
    assert unnamed(dialog) == []
    assert spoken(dialog.accounts)  # the list of accounts is named too
    tab_reaches(qtbot, dialog, dialog.add_button)


def test_history_progress_and_education_windows_are_named(
    accessible: AccessibilityFilter, qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    from nmt_bodymap.ui.education.education_mode import EducationWindow
    from nmt_bodymap.ui.progress.progress_view import ProgressView

    window.actions_by_key["client-history"].trigger()
    history = window.findChild(QDialog, "history-view") or next(
        w for w in QApplication.topLevelWidgets() if type(w).__name__ == "HistoryView"
    )
    qtbot.waitUntil(history.isVisible, timeout=10_000)
    progress = _shown(qtbot, ProgressView(seeded["worker"].submit, seeded["client"].id))
    education = _shown(qtbot, EducationWindow(["upper_trapezius"]))
    for shown in (history, progress, education):
        assert visible_focusable(shown) >= 2, type(shown).__name__
        assert unnamed(shown) == [], type(shown).__name__


# -- the main window, the map and the candidate list ----------------------------------------
def test_the_window_is_named_and_the_map_and_list_are_read(
    reader: AccessibilityFilter, qtbot: Any, window: Any
) -> None:
    assert visible_focusable(window) >= 10
    # the controls shown before the window's first paint are named just after it (issue 18:
    # AFTER_PAINT_MS), well before a screen reader user could reach them
    qtbot.waitUntil(lambda: unnamed(window) == [], timeout=5_000)
    front = window.body_map.views["anterior"]
    assert spoken(front) == "Anterior body view"
    assert front.accessibleDescription().startswith("Anterior body view: no pain marks")

    click_region(qtbot, window, "anterior", "temple", "right")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1, timeout=10_000)
    qtbot.waitUntil(
        lambda: front.accessibleDescription().startswith("Anterior body view: 1 pain mark: "),
        timeout=10_000,
    )
    assert "Right temple" in front.accessibleDescription()
    back = window.body_map.views["posterior"]
    assert back.accessibleDescription().startswith("Posterior body view: no pain marks")

    tree = window.findChild(QWidget, "candidate-list")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=10_000)
    first = tree.topLevelItem(0)
    qtbot.waitUntil(lambda: bool(first.data(0, Qt.ItemDataRole.AccessibleTextRole)), timeout=10_000)
    speech = first.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert speech.startswith(first.text(0))
    assert first.text(1) in speech and first.text(2) in speech  # side and why
    assert spoken(tree)
    assert unnamed(window) == []  # the rows and panels filled in later are named too


def test_the_region_picker_is_in_the_menu_named_and_places_a_mark(
    accessible: AccessibilityFilter, qtbot: Any, window: Any
) -> None:
    action = window.actions_by_key["place-by-name"]
    # Menus found as children of the bar: PySide6 6.9 deletes the wrapper QAction.menu() returns.
    menus = window.menuBar().findChildren(QMenu)
    assert any(action in menu.actions() for menu in menus)
    action.trigger()
    picker = window.region_picker
    qtbot.waitUntil(picker.isVisible)
    assert spoken(picker.edit) == "Place mark by name"
    assert "r temple" in picker.edit.accessibleDescription()
    assert unnamed(picker) == []
    qtbot.keyClicks(picker.edit, "r temple")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 1, timeout=10_000)
    assert window.marks.marks()[0].region == "temple"


def test_a_control_nothing_names_is_still_caught(
    accessible: AccessibilityFilter, qtbot: Any
) -> None:
    """The check itself can fail: a bare line edit with no label, tip or placeholder in a
    window without a title stays unnamed, and a text box that keeps the Tab is found."""
    bare = QWidget()
    QLineEdit(bare)
    _shown(qtbot, bare)
    assert unnamed(bare) == ["QLineEdit ''"]
    dialog = QDialog()
    dialog.setWindowTitle("Notes")
    notes = QPlainTextEdit(dialog)
    notes.setTabChangesFocus(False)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
    from PySide6.QtWidgets import QVBoxLayout

    layout = QVBoxLayout(dialog)
    layout.addWidget(notes)
    layout.addWidget(box)
    _shown(qtbot, dialog)
    assert notes.tabChangesFocus(), "the filter lets Tab leave a text box"
    assert spoken(notes) == "Notes"
    tab_reaches(qtbot, dialog, box.button(QDialogButtonBox.StandardButton.Ok))
