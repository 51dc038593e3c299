"""Issue 15: safety dialogs readable, the intake form does not jump, every window fits
a 1366x768 laptop and 1920x1080 at 150 %, and the window remembers how it was left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLabel

from nmt_bodymap.ui.clinic.intake_dialog import IntakeDialog
from nmt_bodymap.ui.clinic.red_flag_banner import RedFlagBanner
from nmt_bodymap.ui.main_window import MainWindow
from tests.ui.conftest import open_window

LAPTOP = QRect(0, 0, 1366, 728)  # 1366x768 less a 40 px task bar
HIDPI_150 = QRect(0, 0, 1280, 680)  # 1920x1080 at 150 %, less the task bar


def test_the_clearance_form_is_readable_dark_on_light(qtbot: Any) -> None:
    banner = RedFlagBanner()
    qtbot.addWidget(banner)
    banner.show_answers({"fever_chills": True}, None)
    banner.show()
    dialog = banner.clearance_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for label in dialog.findChildren(QLabel):
        if label.text() and label is not dialog.error_label:
            text = label.palette().color(label.foregroundRole())
            back = dialog.palette().color(dialog.backgroundRole())
            assert abs(text.lightness() - back.lightness()) > 100, label.text()


def test_a_red_flag_answer_does_not_move_the_form(
    qtbot: Any, seeded: dict[str, Any], no_dialogs: list[str]
) -> None:
    dialog = IntakeDialog(seeded["worker"].submit, seeded["client"].id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    yes = dialog.red_flag_groups["fever_chills"].button(1)
    before = yes.mapTo(dialog, yes.rect().topLeft())
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.banner.isHidden())
    qtbot.wait(0)  # let the layout settle (no sleep: one event-loop turn)
    dialog.layout().activate()
    assert yes.mapTo(dialog, yes.rect().topLeft()) == before


def test_first_start_sizes_the_window_to_the_screen() -> None:
    from nmt_bodymap.ui.window_state import initial_size

    for screen in (LAPTOP, HIDPI_150):
        size = initial_size(screen)
        assert size.width() <= screen.width() and size.height() <= screen.height()
    assert initial_size(QRect(0, 0, 2560, 1400)) == QSize(1500, 920)


def test_the_window_and_dialogs_fit_the_laptop_and_hidpi_screens(
    qtbot: Any, seeded: dict[str, Any], no_dialogs: list[str]
) -> None:
    from nmt_bodymap.ui.progress.progress_view import ProgressView

    window = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    intake = IntakeDialog(seeded["worker"].submit, seeded["client"].id)
    progress = ProgressView(seeded["worker"].submit, seeded["client"].id)
    for widget in (intake, progress):
        qtbot.addWidget(widget)
    for screen in (LAPTOP, HIDPI_150):
        for widget in (window, intake, progress):
            hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
            assert hint.width() <= screen.width(), type(widget).__name__
            assert hint.height() <= screen.height(), type(widget).__name__
    assert window.screen() is not None
    available = window.screen().availableGeometry()
    assert MainWindow(seeded["worker"]).size().height() <= available.height()


def test_geometry_splitters_and_view_are_remembered(
    qtbot: Any, seeded: dict[str, Any], no_dialogs: list[str]
) -> None:
    window = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    window.body_map.set_layout_mode("posterior")
    window.resize(window.minimumSizeHint().width(), 640)  # fits the 800-wide test screen best
    window.splitter.setSizes([250, 500, 250])
    sizes = window.splitter.sizes()
    window.side_tabs.setCurrentIndex(2)
    window.close()
    again = MainWindow(seeded["worker"])
    qtbot.addWidget(again)
    # (read before the off-screen test screen, 800 wide, squeezes the window on show)
    assert again.splitter.sizes() == sizes
    assert again.body_map.views["anterior"].isHidden()
    assert not again.body_map.views["posterior"].isHidden()
    assert again.side_tabs.currentIndex() == 2
    assert again.height() == 640
