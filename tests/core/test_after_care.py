"""After-care: the soreness window of the visit summary and the reading of a follow-up."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nmt_bodymap.core.after_care import (
    follow_up_reading,
    follow_up_summary,
    follow_up_wording,
    judge_relief,
    judge_soreness,
    soreness_window,
)


def test_window_runs_from_a_day_to_a_day_and_a_half_after_the_visit() -> None:
    visit = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # a Monday morning
    window = soreness_window(visit)
    assert window.earliest == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert window.latest == datetime(2026, 11, 24, 22, 0, tzinfo=UTC)
    assert window.wording() == "by Tuesday 24 Nov, between 10:00 and 22:00"


def test_window_over_midnight_names_both_days() -> None:
    window = soreness_window(datetime(2026, 11, 23, 18, 30, tzinfo=UTC))
    assert window.wording() == "between Tuesday 24 Nov 18:30 and Wednesday 25 Nov 06:30"


@pytest.mark.parametrize(
    ("hours", "verdict"),
    [(None, None), (0, "none"), (12, "within"), (36, "within"), (36.5, "longer"), (72, "longer")],
)
def test_soreness_is_judged_against_36_hours(hours: float | None, verdict: str | None) -> None:
    assert judge_soreness(hours) == verdict


@pytest.mark.parametrize(
    ("days", "verdict"),
    [(None, None), (0, "none"), (2, "short"), (4, "expected"), (14, "expected"), (20, "lasting")],
)
def test_relief_is_judged_against_4_to_14_days(days: float | None, verdict: str | None) -> None:
    assert judge_relief(days) == verdict


def test_negative_figures_are_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="negative"):
        judge_soreness(-1)
    with pytest.raises(ValueError, match="negative"):
        judge_relief(-3)


def test_summary_line_for_the_timeline() -> None:
    assert follow_up_summary(30, 6) == "soreness 30 h · relief 6 days"
    assert follow_up_summary(0, 1) == "no soreness · relief 1 day"
    assert follow_up_summary(None, None) == "follow-up not recorded"


def test_reading_points_at_pressure_when_soreness_lasted_too_long() -> None:
    lines = follow_up_reading(60, 2)
    assert lines[0].startswith("Soreness 60 h: longer than the expected 36 h")
    assert "lighter pressure" in lines[0]
    assert "perpetuating factors" in lines[1]
    assert follow_up_reading(None, None) == []


def test_readings_are_templates_the_ui_translates() -> None:
    """The core words a reading as an English template with its figures (no Qt): the UI
    passes its tr and its number format; the CLI gets plain English."""
    soreness, relief = follow_up_wording(1.5, 1)
    assert soreness.template == "Soreness {hours} h: within the expected {low}-{high} h."
    assert soreness.text() == "Soreness 1.5 h: within the expected 24-36 h."
    german = {soreness.template: "Muskelkater {hours} h: innerhalb von {low}–{high} h."}
    assert (
        soreness.text(lambda t: german.get(t, t), lambda n: f"{n:g}".replace(".", ","))
        == "Muskelkater 1,5 h: innerhalb von 24–36 h."
    )
    assert relief.text().startswith("Relief 1 day: short relief")
    assert follow_up_reading(0, 0) == [
        "No soreness after the visit.",
        "No relief: re-examine the referral sources and review perpetuating factors.",
    ]
