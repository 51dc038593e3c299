"""Charting at the speed of the table (issue 15): the task "5 pain marks + 1 finding +
1 treatment", driven through the real window off screen, counted in user actions and
timed with the keystroke-level model (KLM) of Card, Moran & Newell (1980, "The
keystroke-level model for user performance time with interactive systems", CACM 23(7);
also *The Psychology of Human-Computer Interaction*, 1983).

Operators: K = 0.28 s (a key or a mouse button, average non-secretarial typist),
P = 1.1 s (point with the mouse), H = 0.4 s (hand between keyboard and mouse),
M = 1.35 s (mental preparation, one before each decision: each mark, each form).
The hold itself (ischaemic compression, 20 s) is the therapist's hands at work and is not
counted, as in the issue. Actions = mouse clicks + keys or shortcuts (a chord such as
Ctrl+Shift+F is one action and 3 K) + typed characters (one each).

Two paths perform the same task on the same chart:

* before: the path today's users took with the defects of the issue: focus starts in the
  client search (a digit there searches), so the first intensity is set in its spin box;
  the finding and treatment forms are opened with their buttons, the trigger point is
  chosen again in the treatment form (it was not carried) and Save is clicked after the
  hold (Enter restarted the timer).
* after: intensity digits on the map (focus is on the map), "/" region picker for marks
  the hand is not near, shortcuts for the forms, the finding's trigger point carried, the
  hold started with H and saved with Enter.

Each step is executed on the real widgets (clicks and keys through QTest); the counts and
the KLM time are the sum of the steps' operators. The stored chart is checked at the end
(5 marks, 1 finding, 1 treatment on the carried trigger point).

    python bench/bench_charting.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from klm import Tally

TARGET_ACTIONS, TARGET_SECONDS = 20, 30.0
MARKS = (  # (view, region, side, intensity): a tension-type headache and a sore heel
    ("anterior", "temple", "right", 7),
    ("anterior", "jaw", "right", 5),
    ("posterior", "posterior_neck", "right", 6),
    ("posterior", "infraspinous", "right", 4),
    ("posterior", "plantar_heel", "left", 3),
)
# What the keyboard-only path types in the region picker for each mark (shortest words).
PICKER_TEXT = {
    "temple": "r te",
    "jaw": "r ja",
    "posterior_neck": "r back n",
    "infraspinous": "r infra",
    "plantar_heel": "l under",
}


def _wait(predicate: Callable[[], bool], timeout_s: float = 20.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.005)


class Run:
    """The real window on a fresh chart holding one client with one open visit."""

    def __init__(self, folder: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from nmt_bodymap.ui.chart import store_calls
        from nmt_bodymap.ui.chart.worker import StoreWorker
        from nmt_bodymap.ui.main_window import MainWindow

        self.app = QApplication.instance() or QApplication([])
        self.worker = StoreWorker()
        done: list[Any] = []
        self.worker.open(lambda: store_calls.open_store(str(folder / "c.sqlite3")), done.append)
        _wait(lambda: bool(done))
        self.store_result: list[Any] = []
        client = self.call(lambda s: s.create_client(name="Bench Client"))
        self.visit = self.call(lambda s: s.create_visit(client.id, chief_complaint="Headache"))
        self.window = MainWindow(self.worker)
        self.window.resize(1366, 728)
        self.window.show()
        self.window.activateWindow()
        self.window.start()
        _wait(lambda: self.window.marks.visit_id == self.visit.id)
        _wait(lambda: self.worker.pending() == 0)

    def call(self, job: Callable[[Any], Any]) -> Any:
        out: list[Any] = []
        self.worker.submit(job, out.append, out.append)
        _wait(lambda: bool(out))
        if isinstance(out[0], BaseException):
            raise out[0]
        return out[0]

    def close(self) -> None:
        self.window.marks.retry_unsaved()
        _wait(lambda: self.worker.pending() == 0)
        self.window.close()
        self.worker.shutdown()

    # -- gestures on the real widgets --------------------------------------------------------
    def focus(self) -> Any:
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget() or self.window

    def press(self, key: Any, modifiers: Any = None, widget: Any = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        target = widget or self.focus()
        QTest.keyClick(target, key, modifiers or Qt.KeyboardModifier.NoModifier)

    def click_region(self, view: str, region: str, side: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        body_view = self.window.body_map.views[view]
        point = self.window.atlas.region(view, region, side).point  # type: ignore[arg-type]
        QTest.mouseClick(
            body_view.viewport(), Qt.MouseButton.LeftButton, pos=body_view.map_to_widget(point)
        )

    def click_widget(self, widget: Any, pos: Any = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())

    def click_first_candidate(self) -> None:
        tree = self.window.candidates.tree
        _wait(lambda: tree.topLevelItemCount() > 0)
        item = tree.topLevelItem(0)
        self.click_widget(tree.viewport(), tree.visualItemRect(item).center())

    def marks_count(self) -> int:
        return len(self.window.marks.marks())


def _back_to(window: Any) -> None:
    """The window is active again once a form closes (the system does it; off screen,
    the bench does), so its shortcuts answer."""
    window.activateWindow()
    _wait(lambda: window.isActiveWindow())


def _finding_form(run: Run, drive: Callable[[Any], None]) -> None:
    """Answer the finding form with ``drive`` (it runs on the open, non-modal form)."""
    from nmt_bodymap.ui.clinic.finding_dialogs import FindingDialog

    def ask(muscle_id: str, side: str, tp_id: str | None) -> dict[str, Any] | None:
        dialog = FindingDialog(run.window.knowledge.muscle(muscle_id), side, tp_id, run.window)
        dialog.setModal(True)  # as exec() makes it: the window's shortcuts wait
        dialog.show()
        dialog.activateWindow()
        _wait(lambda: dialog.isActiveWindow())
        drive(dialog)
        _wait(lambda: not dialog.isVisible())
        _back_to(run.window)
        return dialog.fields() if dialog.result() else None

    run.window.ask_finding = ask  # type: ignore[method-assign]


def _treatment_form(run: Run, drive: Callable[[Any], None]) -> None:
    from nmt_bodymap.ui.clinic.finding_dialogs import TreatmentDialog

    def ask(muscle_id: str, side: str, tp_id: str | None) -> dict[str, Any] | None:
        dialog = TreatmentDialog(run.window.knowledge.muscle(muscle_id), side, tp_id, run.window)
        dialog.timer.set_preset(1)  # the hold is not counted: 1 s instead of 20 s
        dialog.setModal(True)  # as exec() makes it: the window's shortcuts wait
        dialog.show()
        dialog.activateWindow()
        _wait(lambda: dialog.isActiveWindow())
        drive(dialog)
        _wait(lambda: not dialog.isVisible())
        _back_to(run.window)
        return dialog.fields() if dialog.result() else None

    run.window.ask_treatment = ask  # type: ignore[method-assign]


def before_path(run: Run) -> Tally:
    from PySide6.QtCore import Qt

    t = Tally()
    spin = run.window.body_map.intensity_box
    for index, (view, region, side, intensity) in enumerate(MARKS):
        t.think()
        if index == 0:  # focus is in the client search: the spin box it is
            run.click_widget(spin.lineEdit())
            t.click()
            run.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, spin.lineEdit())
            t.key(2)
            run.press(Qt.Key.Key_0 + intensity, widget=spin.lineEdit())
            t.type(str(intensity))
            run.click_region(view, region, side)
            t.click()
            _wait(lambda i=index: run.marks_count() == i + 1)
        else:  # the map has focus since the first click: click, then the digit on the new mark
            run.click_region(view, region, side)
            t.click()
            _wait(lambda i=index: run.marks_count() == i + 1)
            run.press(Qt.Key.Key_0 + intensity)
            t.key_left_hand()
    t.think()
    run.click_first_candidate()
    t.click()

    def finding(dialog: Any) -> None:
        t.think()
        run.click_widget(dialog.tenderness.lineEdit())
        t.click()
        run.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, dialog.tenderness.lineEdit())
        t.key(2)
        run.press(Qt.Key.Key_7, widget=dialog.tenderness.lineEdit())
        t.type("7")
        run.click_widget(dialog.save_button)
        t.click()

    _finding_form(run, finding)
    t.think()
    run.click_widget(run.window.candidates.finding_button)
    t.click()
    _wait(lambda: len(run.window.findings.findings) == 1)

    def found_tp() -> str:
        return next(iter(run.window.findings.findings.values())).trigger_point_id

    def treatment(dialog: Any) -> None:
        t.think()  # the trigger point was not carried: choose it again
        run.click_widget(dialog.tp_box)
        t.click()
        dialog.tp_box.hidePopup()
        dialog.tp_box.setCurrentIndex(dialog.tp_box.findData(found_tp()))
        t.click()  # the item in the list
        run.click_widget(dialog.timer.preset_buttons[20])
        dialog.timer.start(1)  # the 20 s button, held 1 s here (the hold is not counted)
        t.click()
        _wait(lambda: not dialog.timer.running)
        run.click_widget(dialog.save_button)  # Enter restarted the timer: Save by mouse
        t.click()

    _treatment_form(run, treatment)
    t.think()
    run.click_widget(run.window.candidates.treatment_button)
    t.click()
    _wait(lambda: len(run.window.findings.treatments) == 1)
    return t


def after_path(run: Run, typed: bool = False) -> Tally:
    """Today's path; ``typed``: every mark placed with the region picker and the candidate
    chosen from the keyboard (no mouse at all)."""
    from PySide6.QtCore import Qt

    t = Tally(hand="keyboard" if typed else "mouse")
    for index, (view, region, side, intensity) in enumerate(MARKS):
        t.think()
        if typed:  # "/" r te Enter
            run.press(Qt.Key.Key_Slash)
            t.key()
            from PySide6.QtTest import QTest

            QTest.keyClicks(run.window.region_picker.edit, PICKER_TEXT[region])
            t.type(PICKER_TEXT[region])
            run.press(Qt.Key.Key_Return, widget=run.window.region_picker.edit)
            t.key()
        else:
            run.click_region(view, region, side)
            t.click()
        _wait(lambda i=index: run.marks_count() == i + 1)
        # The digit acts on the new mark (it is selected once placed): click, then the digit.
        # A digit typed before the click would re-score the previous mark, which is still
        # selected (issue 15's flow is "click, then a digit and a quality key").
        run.press(Qt.Key.Key_0 + intensity)
        t.key_left_hand()
        _wait(lambda i=index, n=intensity: run.window.marks.marks()[i].intensity == n)
    t.think()
    if typed:
        run.press(Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # Go to candidates
        t.key(2)
        run.press(Qt.Key.Key_Down)  # the best candidate
        t.key()
        _wait(lambda: run.window.candidates.current_candidate() is not None)
    else:
        run.click_first_candidate()
        t.click()

    def finding(dialog: Any) -> None:
        t.think()
        run.press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier, dialog)  # &Tenderness
        t.key(2)
        run.press(Qt.Key.Key_7)
        t.type("7")  # Alt+T selects the spin box's value: the typed 7 replaces the 5
        run.press(Qt.Key.Key_Return)
        t.key()

    _finding_form(run, finding)
    t.think()
    run.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    t.key(3)
    _wait(lambda: len(run.window.findings.findings) == 1)

    def treatment(dialog: Any) -> None:
        t.think()
        run.press(Qt.Key.Key_H, widget=dialog.side_box)  # the hold starts from the keyboard
        t.key()
        _wait(lambda: not dialog.timer.running)
        run.press(Qt.Key.Key_Return)  # focus went to Save: Enter saves
        t.key()

    _treatment_form(run, treatment)
    t.think()
    run.press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    t.key(3)
    _wait(lambda: len(run.window.findings.treatments) == 1)
    return t


def _check(run: Run) -> None:
    """The task really happened: what the store holds after the path."""
    _wait(lambda: run.worker.pending() == 0)
    visit_id = run.visit.id
    marks = run.call(lambda s: s.list_pain_marks(visit_id))
    findings = run.call(lambda s: s.list_findings(visit_id))
    treatments = run.call(lambda s: s.list_treatments(visit_id))
    want = sorted((v, r, s, i) for v, r, s, i in MARKS)
    got = sorted((m.view, m.region, m.side, m.intensity) for m in marks)
    if got != want:
        raise AssertionError(f"marks stored {got}, wanted {want}")
    if len(findings) != 1 or findings[0].tenderness != 7:
        raise AssertionError(f"findings stored: {findings}")
    if len(treatments) != 1 or treatments[0].trigger_point_id != findings[0].trigger_point_id:
        raise AssertionError(f"treatment not on the finding's trigger point: {treatments}")
    if not treatments[0].hold_seconds:
        raise AssertionError("the hold was not recorded")


def run() -> dict[str, Any]:
    figures: dict[str, Any] = {}
    paths: tuple[tuple[str, Callable[[Run], Tally]], ...] = (
        ("before", before_path),
        ("after", after_path),
        ("after_keyboard_only", lambda r: after_path(r, typed=True)),
    )
    for name, path in paths:
        with tempfile.TemporaryDirectory(prefix="nmt-bench-charting-") as folder:
            os.environ["NMT_BODYMAP_CONFIG_DIR"] = str(Path(folder) / "config")
            session = Run(Path(folder))
            try:
                tally = path(session)
                _check(session)
            finally:
                session.close()
        figures[name] = tally.figures()
    figures["after_vs_before_time_ratio"] = round(
        figures["after"]["klm_s"] / figures["before"]["klm_s"], 3
    )
    figures["target_actions_met"] = int(figures["after"]["actions"] <= TARGET_ACTIONS)
    figures["target_time_met"] = int(figures["after"]["klm_s"] <= TARGET_SECONDS)
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
