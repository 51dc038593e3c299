"""The limits of the chart's forms, written once (Qt-free).

The store's row models (``store/validation.py``) refuse a value beyond them and the UI's
spin boxes and form checks (``ui/clinic/finding_dialogs.py``, ``ui/clinic/follow_up_dialog.py``)
stop at them, so a form never offers a value the chart would refuse. The 0-10 scales
(intensity, tenderness, pressure, stress) are in ``core/pain.py``.

A treatment keeps every hold's length (revision 0007: ``hold_lengths``, in order);
``every_hold`` reads them from a row's values (an older row or history entry without the
list: ``repetitions`` holds of ``hold_seconds``) and ``holds_words`` says them
("2 holds: 20 s, 10 s"), for the visit's findings, the history view and the exports alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

HOLD_MIN, HOLD_MAX = 1, 600  # seconds of one hold
MAX_HOLDS = 100  # holds in one treatment (also the most repetitions)
SORENESS_HOURS_MAX = 24 * 14  # a follow-up's soreness: two weeks at the most
RELIEF_DAYS_MAX = 365  # a follow-up's relief: a year at the most
SLEEP_HOURS_MAX = 24  # the intake's sleep, hours a night
WATER_LITRES_MAX = 20  # the intake's water, litres a day
COMPLAINT_WEEKS_MAX = 5200  # how long a complaint has lasted: a hundred years


def _count(value: Any) -> int | None:
    """A whole number (not a yes/no), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def implied_holds(hold_seconds: Any, repetitions: Any) -> list[int]:
    """The holds a treatment written without ``hold_lengths`` stands for: ``repetitions``
    holds of ``hold_seconds`` (one when the count is missing or out of range); none when
    there is no length."""
    seconds, count = _count(hold_seconds), _count(repetitions)
    if seconds is None or seconds <= 0:
        return []
    times = count if count is not None and 0 < count <= MAX_HOLDS else 1
    return [seconds] * times


def every_hold(values: Mapping[str, Any]) -> list[int]:
    """Every hold of a treatment's values (a row, a record's fields or a history entry):
    its ``hold_lengths`` when it lists any, else the holds ``hold_seconds`` and
    ``repetitions`` imply."""
    listed = values.get("hold_lengths")
    if isinstance(listed, list | tuple) and listed:
        return [int(length) for length in listed if _count(length) is not None]
    return implied_holds(values.get("hold_seconds"), values.get("repetitions"))


def holds_words(holds: list[int]) -> str:
    """Every hold in words: "3 holds: 20 s, 10 s, 30 s"; one: "20 s"; none: ""."""
    if not holds:
        return ""
    lengths = ", ".join(f"{length} s" for length in holds)
    return lengths if len(holds) == 1 else f"{len(holds)} holds: {lengths}"
