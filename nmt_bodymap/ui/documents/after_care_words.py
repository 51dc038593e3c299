"""The after-care sentences of the printed documents in the therapist's language.

The core's ``SorenessWindow.wording`` and ``soreness_advice`` stay English (the CLI and the
logs use them); the report and the handout print these instead, whole sentences through
``tr`` with the days and times written by ``QLocale`` (German weekday and month names).
The follow-up readings come from the core as templates (``core.wording.Wording``) and are
translated here, their figures written in the therapist's locale ("1,5 h").
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QLocale

from nmt_bodymap.core.after_care import (
    SUMMARY_SEPARATOR,
    SorenessWindow,
    follow_up_summary_wording,
    follow_up_wording,
)
from nmt_bodymap.core.clinical import SORENESS_HOURS
from nmt_bodymap.ui.i18n import tr


def _local(moment: datetime, pattern: str) -> str:
    when: Any = moment  # PySide6 converts a datetime; its stubs do not say so
    return QLocale().toString(QDateTime(when), pattern)


def window_words(window: SorenessWindow) -> str:
    """ "by Tuesday 24 Nov, between 10:00 and 22:00" / "bis Dienstag, 24. Nov., zwischen ..."."""
    day = _local(window.earliest, tr("dddd dd MMM"))
    start, end = _local(window.earliest, "HH:mm"), _local(window.latest, "HH:mm")
    if window.earliest.date() == window.latest.date():
        return tr("by {day}, between {start} and {end}").format(day=day, start=start, end=end)
    return tr("between {day} {start} and {last_day} {end}").format(
        day=day, start=start, last_day=_local(window.latest, tr("dddd dd MMM")), end=end
    )


def advice_words() -> str:
    """The after-care advice: soreness is normal for a day or so, what helps, when to call."""
    low, high = SORENESS_HOURS
    return tr(
        "Some soreness in the treated muscles is normal for {low} to {high} hours; warmth, "
        "gentle movement and drinking water help. Call if it lasts longer or gets worse."
    ).format(low=low, high=high)


def number(value: float) -> str:
    """A figure in the therapist's locale, without trailing zeros ("1.5" / "1,5")."""
    return QLocale().toString(float(value), "g", 6)


def follow_up_lines(soreness_hours: float | None, relief_days: float | None) -> list[str]:
    """What a follow-up suggests, one sentence per figure, in the therapist's language."""
    return [w.text(tr, number) for w in follow_up_wording(soreness_hours, relief_days)]


def follow_up_summary_words(soreness_hours: float | None, relief_days: float | None) -> str:
    """ "soreness 30 h · relief 6 days" / "Muskelkater 30 h · Linderung 6 Tage"."""
    parts = follow_up_summary_wording(soreness_hours, relief_days)
    return SUMMARY_SEPARATOR.join(w.text(tr, number) for w in parts)


def short_date(moment: datetime) -> str:
    """A day as "09 Dec 2026" / "09. Dez. 2026" (the visit's local time)."""
    return _local(moment.astimezone(), tr("dd MMM yyyy"))


def day_words(moment: datetime) -> str:
    """A visit's day as "Wed 02 Dec 2026" / "Mi. 02. Dez. 2026" (local time)."""
    return _local(moment.astimezone(), tr("ddd dd MMM yyyy"))
