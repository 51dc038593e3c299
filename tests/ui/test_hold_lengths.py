"""Issue 15: a treatment keeps every hold's length (20 s then 10 s), not "10 s x 2"."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.ui.clinic.finding_dialogs import TreatmentDialog, holds_text
from nmt_bodymap.ui.clinic.findings_panel import treatment_text
from nmt_bodymap.ui.clinic.hold_timer import HoldTimer


@pytest.fixture(scope="module")
def knowledge() -> Any:
    return load_knowledge()


class FakeClock:
    """Stands in for the timer's QElapsedTimer: the test says how long was held."""

    def __init__(self) -> None:
        self.ms = 0

    def start(self) -> None:
        self.ms = 0

    def elapsed(self) -> int:
        return self.ms


def _dialog(qtbot: Any, knowledge: Any) -> TreatmentDialog:
    dialog = TreatmentDialog(knowledge.muscle("upper_trapezius"), "right")
    qtbot.addWidget(dialog)
    return dialog


def test_a_hold_released_early_is_recorded_with_the_seconds_held(
    qtbot: Any, knowledge: Any
) -> None:
    dialog = _dialog(qtbot, knowledge)
    clock = FakeClock()
    dialog.timer._clock = clock  # type: ignore[assignment]
    dialog.timer.start(20)
    clock.ms = 14_400
    with qtbot.waitSignal(dialog.timer.released, timeout=1_000) as released:
        dialog.timer.stop_button.click()
    assert released.args == [14]
    dialog.timer.start(30)
    clock.ms = 30_000
    with qtbot.waitSignal(dialog.timer.finished, timeout=2_000):
        pass  # the next tick ends the hold
    assert dialog.holds.text() == "14 s, 30 s"
    assert dialog.fields()["hold_lengths"] == [14, 30]


def test_a_hold_stopped_at_once_adds_nothing(qtbot: Any) -> None:
    timer = HoldTimer()
    qtbot.addWidget(timer)
    clock = FakeClock()
    timer._clock = clock  # type: ignore[assignment]
    got: list[int] = []
    timer.released.connect(got.append)
    timer.start(20)
    clock.ms = 600
    timer.stop()
    assert got == [] and not timer.running


def test_typed_holds_are_saved_in_order_and_a_bad_one_is_named_on_the_form(
    qtbot: Any, knowledge: Any
) -> None:
    dialog = _dialog(qtbot, knowledge)
    dialog.show()
    dialog.holds.setText("20, 0, 10")
    dialog.save_button.click()
    assert dialog.result() == 0 and dialog.isVisible()  # not saved
    assert dialog.holds_error.isVisible()
    assert dialog.holds_error.text() == "Each hold is 1 to 600 seconds."
    dialog.holds.setText("20 s, 10 s, 30 s")
    assert not dialog.holds_error.isVisible()
    dialog.save_button.click()
    assert dialog.result() == 1
    fields = dialog.fields()
    assert fields["hold_lengths"] == [20, 10, 30]
    assert (fields["hold_seconds"], fields["repetitions"]) == (None, 3)


def test_the_treatment_line_lists_every_hold(knowledge: Any) -> None:
    assert holds_text([20, 10, 30]) == "3 holds: 20 s, 10 s, 30 s"
    assert holds_text([20]) == "20 s"
    assert holds_text([]) == ""
    row = SimpleNamespace(
        muscle_id="upper_trapezius",
        side="right",
        trigger_point_id="",
        technique="Ischaemic compression",
        pressure_tolerance=6,
        hold_seconds=None,
        repetitions=3,
        hold_lengths=[20, 10, 30],
        response="softened",
    )
    line = treatment_text(knowledge, row)
    assert "Ischaemic compression, 3 holds: 20 s, 10 s, 30 s, pressure 6/10" in line
    assert line.endswith("— softened") and "×" not in line
    # A row from before the list (not migrated, e.g. an import of an old export).
    old = SimpleNamespace(**{**vars(row), "hold_lengths": None, "hold_seconds": 10})
    assert "10 s, × 3" in treatment_text(knowledge, old)
