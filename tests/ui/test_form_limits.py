"""Issue 20: each form stops where the chart does. The limits live once in core
(``core/limits.py``, ``core/pain.py``); the forms' spin boxes and checks and the store's
row models take them from there, so a form never offers a value the store refuses and
never refuses one it would keep."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.store import ChartValidationError
from nmt_bodymap.store import validation as v
from nmt_bodymap.ui.clinic.finding_dialogs import FindingDialog, TreatmentDialog, holds_problem
from nmt_bodymap.ui.clinic.follow_up_dialog import FollowUpDialog


def _accepted(model: type[v.RowInput], name: str, value: Any) -> bool:
    try:
        v.clean(model, {name: value}, partial=True)
    except ChartValidationError:
        return False
    return True


@pytest.fixture(scope="module")
def trapezius() -> Any:
    return load_knowledge().muscle("upper_trapezius")


def test_the_follow_up_form_stops_at_the_store_s_limits(qtbot: Any) -> None:
    dialog = FollowUpDialog("3 March")
    qtbot.addWidget(dialog)
    for box, name in ((dialog.soreness_box, "soreness_hours"), (dialog.relief_box, "relief_days")):
        box.setValue(box.maximum() + 50)  # typed past the end: the box stops at its maximum
        highest = dialog.fields()[name]
        assert highest == box.maximum()
        assert _accepted(v.FollowUpInput, name, highest)
        assert not _accepted(v.FollowUpInput, name, highest + 0.1)


def test_the_finding_and_treatment_scores_stop_at_the_store_s_limits(
    qtbot: Any, trapezius: Any
) -> None:
    finding = FindingDialog(trapezius, "right")
    treatment = TreatmentDialog(trapezius, "right")
    qtbot.addWidget(finding)
    qtbot.addWidget(treatment)
    for box, model, name in (
        (finding.tenderness, v.FindingInput, "tenderness"),
        (treatment.pressure, v.TreatmentInput, "pressure_tolerance"),
    ):
        assert _accepted(model, name, box.minimum()) and _accepted(model, name, box.maximum())
        assert not _accepted(model, name, box.minimum() - 1)
        assert not _accepted(model, name, box.maximum() + 1)


@pytest.mark.parametrize(
    "holds",
    [[1], [600], [20] * 100, [0], [601], [20] * 101, [20, 10, 600]],
    ids=["shortest", "longest", "most", "zero", "too-long", "too-many", "mixed"],
)
def test_the_treatment_form_refuses_exactly_the_holds_the_store_refuses(
    qtbot: Any, trapezius: Any, holds: list[int]
) -> None:
    dialog = TreatmentDialog(trapezius, "right")
    qtbot.addWidget(dialog)
    dialog.holds.setText(", ".join(str(h) for h in holds))
    form_saves = holds_problem(dialog.hold_lengths()) == ""
    assert form_saves == _accepted(v.TreatmentInput, "hold_lengths", holds)
    dialog.accept()  # Save: the form says why it stays, or closes with the holds
    assert dialog.holds_error.isHidden() is form_saves
    assert (dialog.result() == QDialog.DialogCode.Accepted) is form_saves
