"""The after-care sentences of the printed documents in the therapist's language.

The core's ``SorenessWindow.wording`` and ``soreness_advice`` stay English (the CLI and the
logs use them); the report and the handout print these instead, whole sentences through
``tr`` with the days and times written by ``QLocale`` (German weekday and month names).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QLocale

from nmt_bodymap.core.after_care import SorenessWindow
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
