"""After the treatment: when the soreness should have eased, and how to read a follow-up.

The visit summary tells the client when post-treatment soreness should have settled (24 to
36 hours after the visit, :data:`nmt_bodymap.core.clinical.SORENESS_HOURS`); at the next
visit the therapist records how long the soreness really lasted and how many days of relief
followed. Soreness well past the window suggests the pressure or the number of holds was
more than the tissue tolerated; relief that fades within a few days points at perpetuating
factors still at work (Travell & Simons Vol. 1, ch. 3-4; Chaitow & DeLany Vol. 1, ch. 6).
These are prompts for the therapist's judgement, worded as such, never diagnoses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from nmt_bodymap.core.clinical import SORENESS_HOURS
from nmt_bodymap.core.wording import Wording, tr_noop

RELIEF_FOLLOW_DAYS = (4, 14)
"""Relief after a course of trigger-point work is followed over the next 4 to 14 days."""

SorenessVerdict = Literal["none", "within", "longer"]
ReliefVerdict = Literal["none", "short", "expected", "lasting"]


@dataclass(frozen=True)
class SorenessWindow:
    """When soreness after a visit is expected to have eased (local times of the visit)."""

    earliest: datetime
    latest: datetime

    def wording(self) -> str:
        """ "by Tuesday 24 Nov, between 10:00 and 22:00" in the visit's time zone."""
        day = self.earliest.strftime("%A %d %b")
        if self.earliest.date() == self.latest.date():
            return f"by {day}, between {self.earliest:%H:%M} and {self.latest:%H:%M}"
        return f"between {day} {self.earliest:%H:%M} and {self.latest:%A %d %b %H:%M}"


def soreness_window(treated_at: datetime) -> SorenessWindow:
    """The window after a visit at ``treated_at`` in which soreness should ease."""
    low, high = SORENESS_HOURS
    return SorenessWindow(treated_at + timedelta(hours=low), treated_at + timedelta(hours=high))


def judge_soreness(hours: float | None) -> SorenessVerdict | None:
    """How the reported soreness compares with the expected window (None: not reported)."""
    if hours is None:
        return None
    if hours < 0:
        raise ValueError(f"Soreness cannot last a negative time (got {hours:g} hours).")
    if hours == 0:
        return "none"
    return "within" if hours <= SORENESS_HOURS[1] else "longer"


def judge_relief(days: float | None) -> ReliefVerdict | None:
    """How the reported days of relief compare with the 4-14 days followed up."""
    if days is None:
        return None
    if days < 0:
        raise ValueError(f"Relief cannot last a negative time (got {days:g} days).")
    low, high = RELIEF_FOLLOW_DAYS
    if days == 0:
        return "none"
    if days < low:
        return "short"
    return "expected" if days <= high else "lasting"


# Whole sentences (English templates the UI translates: see core/wording.py), so a German
# reading is one German sentence, not German words around English ones.
SORENESS_READINGS: dict[SorenessVerdict, str] = {
    "none": tr_noop("No soreness after the visit."),
    "within": tr_noop("Soreness {hours} h: within the expected {low}-{high} h."),
    "longer": tr_noop(
        "Soreness {hours} h: longer than the expected {high} h: consider lighter pressure, "
        "shorter holds or fewer trigger points next time."
    ),
}
RELIEF_READINGS: dict[ReliefVerdict, str] = {
    "none": tr_noop("No relief: re-examine the referral sources and review perpetuating factors."),
    "short": tr_noop(
        "Relief {days} days: short relief: look for perpetuating factors (posture, habits, "
        "stress, sleep)."
    ),
    "expected": tr_noop("Relief {days} days: relief as hoped for after trigger-point work."),
    "lasting": tr_noop("Relief {days} days: lasting relief."),
}
SHORT_RELIEF_ONE_DAY = tr_noop(
    "Relief 1 day: short relief: look for perpetuating factors (posture, habits, stress, sleep)."
)
SUMMARY_WORDS = {
    "no soreness": tr_noop("no soreness"),
    "soreness": tr_noop("soreness {hours} h"),
    "no relief": tr_noop("no relief"),
    "relief one day": tr_noop("relief 1 day"),
    "relief": tr_noop("relief {days} days"),
    "not recorded": tr_noop("follow-up not recorded"),
}
SUMMARY_SEPARATOR = " · "


def follow_up_summary_wording(
    soreness_hours: float | None, relief_days: float | None
) -> list[Wording]:
    """The parts of the timeline's follow-up line (joined with :data:`SUMMARY_SEPARATOR`)."""
    parts = []
    if soreness_hours is not None:
        parts.append(
            Wording(SUMMARY_WORDS["no soreness"])
            if soreness_hours == 0
            else Wording(SUMMARY_WORDS["soreness"], {"hours": soreness_hours})
        )
    if relief_days is not None:
        if relief_days == 0:
            parts.append(Wording(SUMMARY_WORDS["no relief"]))
        elif relief_days == 1:
            parts.append(Wording(SUMMARY_WORDS["relief one day"]))
        else:
            parts.append(Wording(SUMMARY_WORDS["relief"], {"days": relief_days}))
    return parts or [Wording(SUMMARY_WORDS["not recorded"])]


def follow_up_summary(soreness_hours: float | None, relief_days: float | None) -> str:
    """One line for the timeline: "soreness 30 h · relief 6 days" (or "not recorded")."""
    parts = follow_up_summary_wording(soreness_hours, relief_days)
    return SUMMARY_SEPARATOR.join(part.text() for part in parts)


def follow_up_wording(soreness_hours: float | None, relief_days: float | None) -> list[Wording]:
    """What the follow-up suggests, one sentence per figure reported (to be translated)."""
    low, high = SORENESS_HOURS
    lines = []
    soreness = judge_soreness(soreness_hours)
    if soreness is not None and soreness_hours is not None:
        figures = {"hours": soreness_hours, "low": low, "high": high}
        lines.append(Wording(SORENESS_READINGS[soreness], figures))
    relief = judge_relief(relief_days)
    if relief is not None and relief_days is not None:
        template = SHORT_RELIEF_ONE_DAY if relief_days == 1 else RELIEF_READINGS[relief]
        lines.append(Wording(template, {"days": relief_days}))
    return lines


def follow_up_reading(soreness_hours: float | None, relief_days: float | None) -> list[str]:
    """What the follow-up suggests, in English (the CLI; the UI translates the wording)."""
    return [line.text() for line in follow_up_wording(soreness_hours, relief_days)]
