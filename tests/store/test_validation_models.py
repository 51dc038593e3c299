"""The store's pydantic row models keep the plain-words refusals the therapist reads: the
messages below are those the hand-made checks gave before the models (issue 20), word for
word, each naming its field."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from nmt_bodymap.core.operations import ROW_FIELDS, RowKind
from nmt_bodymap.store import validation as v
from nmt_bodymap.store.errors import ChartValidationError

LONG = "a" * 201
MANY = [20] * 101
SHOWN = ", ".join(["20"] * 101)

REFUSALS: list[tuple[type[v.RowInput], dict[str, Any], bool, str, str]] = [
    (v.ClientInput, {}, False, "Client name is required.", "name"),
    (v.ClientInput, {"name": "  "}, False, "Client name is required.", "name"),
    (
        v.ClientInput,
        {"name": LONG},
        False,
        "Client name is too long (201 characters, at most 200).",
        "name",
    ),
    (v.ClientInput, {"name": 5}, False, "Client name must be text.", "name"),
    (
        v.ClientInput,
        {"name": "Ana", "notes": "a\x00b"},
        False,
        "Notes contains a NUL character, which cannot be stored.",
        "notes",
    ),
    (
        v.ClientInput,
        {"name": "Ana \ud800"},
        False,
        "Client name contains a broken character (half of a surrogate pair); retype it.",
        "name",
    ),
    (
        v.ClientInput,
        {"name": "Ana", "date_of_birth": "1899-12-31"},
        False,
        "Date of birth 1899-12-31 is not possible; check the year.",
        "date_of_birth",
    ),
    (
        v.ClientInput,
        {"name": "Ana", "date_of_birth": "03/02/1980"},
        False,
        "Date of birth must be a date written YYYY-MM-DD (got '03/02/1980').",
        "date_of_birth",
    ),
    (
        v.ClientInput,
        {"name": "Ana", "date_of_birth": "2999-01-01"},
        False,
        "Date of birth cannot be in the future (2999-01-01).",
        "date_of_birth",
    ),
    (
        v.ClientInput,
        {"name": "Ana", "date_of_birth": 1980},
        False,
        "Date of birth must be a date (got 1980).",
        "date_of_birth",
    ),
    (
        v.ClientInput,
        {"name": "Ana", "is_demo": "yes"},
        False,
        "Demo flag must be yes or no (got 'yes').",
        "is_demo",
    ),
    (
        v.ClientInput,
        {"nickname": "Ann", "age": 4},
        True,
        "'age' is not a field that can be saved here.",
        "age",
    ),
    (
        v.ComplaintInput,
        {"description": "neck", "duration_weeks": 5201},
        False,
        "Duration in weeks must be a number from 0 to 5200 (got 5201).",
        "duration_weeks",
    ),
    (
        v.ComplaintInput,
        {"description": "neck", "duration_weeks": float("nan")},
        False,
        "Duration in weeks must be a number from 0 to 5200 (got nan).",
        "duration_weeks",
    ),
    (
        v.IntakeInput,
        {"stress": 11},
        True,
        "Stress must be a whole number from 0 to 10 (got 11).",
        "stress",
    ),
    (
        v.IntakeInput,
        {"stress": 2.5},
        True,
        "Stress must be a whole number from 0 to 10 (got 2.5).",
        "stress",
    ),
    (
        v.IntakeInput,
        {"sleep_hours": 25},
        True,
        "Sleep (hours a night) must be a number from 0 to 24 (got 25).",
        "sleep_hours",
    ),
    (
        v.IntakeInput,
        {"hydration_litres": True},
        True,
        "Water (litres a day) must be a number from 0 to 20 (got True).",
        "hydration_litres",
    ),
    (
        v.IntakeInput,
        {"red_flags": ["q"]},
        True,
        "Red-flag screen must map each screening question to yes, no or not asked.",
        "red_flags",
    ),
    (
        v.IntakeInput,
        {"red_flags": {"Bad Id": True}},
        True,
        "Red-flag screen: 'Bad Id' is not a screening question id.",
        "red_flags",
    ),
    (
        v.IntakeInput,
        {"red_flags": {"night_pain": "yes"}},
        True,
        "Red-flag screen: the answer to night_pain must be yes, no or not asked.",
        "red_flags",
    ),
    (v.VisitInput, {}, False, "Visit time is required.", "started_at"),
    (
        v.VisitInput,
        {"started_at": "yesterday"},
        False,
        "Visit time must be a date and time such as 2025-03-01T14:30 (got 'yesterday').",
        "started_at",
    ),
    (
        v.VisitInput,
        {"started_at": datetime(1850, 1, 1)},
        False,
        "Visit time 1850-01-01 is not possible; check the year.",
        "started_at",
    ),
    (
        v.VisitInput,
        {"started_at": 5},
        False,
        "Visit time must be a date and time (got 5).",
        "started_at",
    ),
    (
        v.PainMarkInput,
        {"view": "anterior", "region": "temple", "side": "right", "quality": "ache"},
        False,
        "Intensity is required.",
        "intensity",
    ),
    (
        v.PainMarkInput,
        {"intensity": 11},
        True,
        "Intensity must be a whole number from 0 to 10 (got 11).",
        "intensity",
    ),
    (
        v.PainMarkInput,
        {"intensity": True},
        True,
        "Intensity must be a whole number from 0 to 10 (got True).",
        "intensity",
    ),
    (
        v.PainMarkInput,
        {"quality": "stabbing"},
        True,
        "Pain quality must be one of ache, sharp, burning, throbbing, tingling, numbness "
        "(got 'stabbing').",
        "quality",
    ),
    (v.PainMarkInput, {"x": float("inf")}, True, "Position x must be a number (got inf).", "x"),
    (v.PainMarkInput, {"region": ""}, True, "Region is required.", "region"),
    (
        v.FindingInput,
        {"muscle_id": "Upper Trap", "side": "right", "activity": "active"},
        False,
        "Muscle must be an id such as upper_trapezius (got 'Upper Trap').",
        "muscle_id",
    ),
    (
        v.FindingInput,
        {"muscle_id": "upper_trapezius", "side": "both", "activity": "active"},
        False,
        "Side must be one of left, right, midline (got 'both').",
        "side",
    ),
    (
        v.FindingInput,
        {"activity": "dormant"},
        True,
        "Active or latent must be one of active, latent (got 'dormant').",
        "activity",
    ),
    (
        v.FindingInput,
        {"tenderness": -1},
        True,
        "Tenderness must be a whole number from 0 to 10 (got -1).",
        "tenderness",
    ),
    (v.FindingInput, {"jump_sign": 1}, True, "Jump sign must be yes or no (got 1).", "jump_sign"),
    (
        v.TreatmentInput,
        {"muscle_id": "upper_trapezius", "side": "left"},
        False,
        "Technique is required.",
        "technique",
    ),
    (
        v.TreatmentInput,
        {"technique": LONG},
        True,
        "Technique is too long (201 characters, at most 200).",
        "technique",
    ),
    (
        v.TreatmentInput,
        {"pressure_tolerance": 12},
        True,
        "Pressure tolerance must be a whole number from 0 to 10 (got 12).",
        "pressure_tolerance",
    ),
    (
        v.TreatmentInput,
        {"hold_seconds": 601},
        True,
        "Hold (seconds) must be a whole number from 0 to 600 (got 601).",
        "hold_seconds",
    ),
    (
        v.TreatmentInput,
        {"repetitions": 101},
        True,
        "Repetitions must be a whole number from 0 to 100 (got 101).",
        "repetitions",
    ),
    (
        v.TreatmentInput,
        {"hold_lengths": [20, 601]},
        True,
        "Holds (seconds each) must be a whole number from 1 to 600 (got 601).",
        "hold_lengths",
    ),
    (
        v.TreatmentInput,
        {"hold_lengths": [20, None]},
        True,
        "Holds (seconds each) must be whole numbers from 1 to 600 (got None).",
        "hold_lengths",
    ),
    (
        v.TreatmentInput,
        {"hold_lengths": MANY},
        True,
        f"Holds (seconds each) must be a list of up to 100 lengths in seconds (got [{SHOWN}]).",
        "hold_lengths",
    ),
    (
        v.TreatmentInput,
        {"hold_lengths": "20, 10"},
        True,
        "Holds (seconds each) must be a list of up to 100 lengths in seconds (got '20, 10').",
        "hold_lengths",
    ),
    (
        v.FollowUpInput,
        {"soreness_hours": 337},
        True,
        "Soreness (hours) must be a number from 0 to 336 (got 337).",
        "soreness_hours",
    ),
    (
        v.FollowUpInput,
        {"relief_days": -0.5},
        True,
        "Relief (days) must be a number from 0 to 365 (got -0.5).",
        "relief_days",
    ),
    (
        v.ObservationInput,
        {"kind": "mood", "item": "x"},
        False,
        "Kind of observation must be one of posture, gait, ischemia, entrapment (got 'mood').",
        "kind",
    ),
    (v.ObservationInput, {"kind": "posture"}, False, "Observation is required.", "item"),
    (
        v.ObservationInput,
        {"severity": "severe"},
        True,
        "Severity must be one of mild, moderate, marked (got 'severe').",
        "severity",
    ),
]


@pytest.mark.parametrize(
    ("model", "values", "partial", "message", "field"),
    REFUSALS,
    ids=[f"{case[0].__name__}-{case[4]}-{index}" for index, case in enumerate(REFUSALS)],
)
def test_a_refusal_says_what_is_wrong_in_the_words_it_always_did(
    model: type[v.RowInput], values: dict[str, Any], partial: bool, message: str, field: str
) -> None:
    with pytest.raises(ChartValidationError) as caught:
        v.clean(model, values, partial=partial)
    assert str(caught.value) == message
    assert caught.value.field == field


def test_the_first_field_in_the_form_s_order_is_named_first() -> None:
    """Two wrong fields: the refusal names the one the form shows first (as before)."""
    with pytest.raises(ChartValidationError) as caught:
        v.clean(v.PainMarkInput, {"view": "anterior", "region": "temple", "intensity": 99})
    assert caught.value.field == "side"  # missing, and before the wrong intensity
    with pytest.raises(ChartValidationError) as caught:
        v.clean(v.TreatmentInput, {"pressure_tolerance": 11, "hold_seconds": 700}, partial=True)
    assert caught.value.field == "pressure_tolerance"


def test_clean_values_come_back_typed_and_only_those_given() -> None:
    cleaned = v.clean(
        v.VisitInput, {"started_at": "2025-03-01T14:30+02:00", "plan": "  Heat at home "}
    )
    assert cleaned == {
        "started_at": datetime(2025, 3, 1, 12, 30, tzinfo=UTC),
        "plan": "Heat at home",
    }
    assert v.clean(v.FollowUpInput, {"relief_days": 3}, partial=True) == {"relief_days": 3.0}
    assert v.clean(v.TreatmentInput, {"hold_lengths": (20, 10)}, partial=True) == {
        "hold_lengths": [20, 10]
    }
    assert v.clean_one(v.ClientInput, "date_of_birth", "") is None


def test_every_field_of_every_row_has_a_label_and_the_models_name_the_core_fields() -> None:
    """One list of fields: each model has exactly the fields core says a row has (the
    intake's complaints are their own model), each with the label the therapist reads."""
    for kind, model in v.ROW_INPUTS.items():
        expected = ROW_FIELDS[kind] - ({"complaints"} if kind is RowKind.INTAKE else set())
        assert set(model.model_fields) == expected, kind
        for name, info in model.model_fields.items():
            assert info.title and info.title[0].isupper(), f"{kind}.{name} has no label"


def test_a_treatment_without_a_list_of_holds_gets_the_holds_its_count_implies() -> None:
    assert v.with_hold_lengths({"hold_seconds": 20, "repetitions": 3})["hold_lengths"] == [20] * 3
    assert v.with_hold_lengths({"hold_seconds": 20})["hold_lengths"] == [20]
    assert v.with_hold_lengths({"repetitions": 3})["hold_lengths"] == []
    # an export written before revision 0007 has no list (its reader gives None)
    older = {"hold_lengths": None, "hold_seconds": 30, "repetitions": 2}
    assert v.with_hold_lengths(older)["hold_lengths"] == [30, 30]
    assert v.with_hold_lengths({"hold_lengths": [5], "hold_seconds": 20}) == {
        "hold_lengths": [5],
        "hold_seconds": 20,
    }
