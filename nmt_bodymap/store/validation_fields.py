"""The kinds of value a chart row holds, as checks with plain-words refusals.

Each name below is (or makes) a ``Check`` for a field of a row model
(``store/validation.py``): it returns the cleaned value, or raises ``Refusal``, whose
message names the field by its label ("Intensity must be a whole number from 0 to 10
(got 11)."). The label is the field's ``title``, filled in when the refusal becomes a
``ChartValidationError`` (``validation.clean``), so one check serves every field of its
kind. Plain functions: no pydantic on the path that opens a chart (issue 18).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from nmt_bodymap.core.limits import HOLD_MAX, HOLD_MIN, MAX_HOLDS
from nmt_bodymap.store.input_limits import storable

EARLIEST_BIRTH = date(1900, 1, 1)
EARLIEST_MOMENT = date(1900, 1, 1)
LATEST_MOMENT = date(2200, 12, 31)
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")

Check = Callable[[Any], Any]
"""A field's check: the value cleaned, or ``Refusal``."""


class Refusal(ValueError):
    """A value refused: ``template`` names the field ``{label}``; its other placeholders
    are filled from ``values``, so what was typed is never read as a template."""

    def __init__(self, template: str, **values: Any) -> None:
        super().__init__(template)
        self.template = template
        self.values = values

    def words(self, label: str) -> str:
        return self.template.format(label=label, **self.values)


def text(max_length: int = 10_000) -> Check:
    """Text, stripped; nothing (None) is ""."""

    def check(value: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise Refusal("{label} must be text.")
        try:
            storable(value, "{label}")  # its words hold no typed text: a safe template
        except ValueError as exc:
            raise Refusal(str(exc)) from None
        cleaned = value.strip()
        if len(cleaned) > max_length:
            raise Refusal(
                "{label} is too long ({length} characters, at most {most}).",
                length=len(cleaned),
                most=max_length,
            )
        return cleaned

    return check


def _whole(value: Any, low: int, high: int) -> int | None:
    if value is None:
        return None
    wanted = "{label} must be a whole number from {low} to {high} (got {got})."
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refusal(wanted, low=low, high=high, got=repr(value))
    if not low <= value <= high:
        raise Refusal(wanted, low=low, high=high, got=value)
    return value


def whole(low: int, high: int) -> Check:
    """A whole number from ``low`` to ``high``; nothing is None."""
    return lambda value: _whole(value, low, high)


def _holds(value: Any) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list | tuple) or len(value) > MAX_HOLDS:
        raise Refusal(
            "{label} must be a list of up to {most} lengths in seconds (got {got}).",
            most=MAX_HOLDS,
            got=repr(value),
        )
    lengths = [_whole(item, HOLD_MIN, HOLD_MAX) for item in value]
    if any(length is None for length in lengths):
        raise Refusal(
            "{label} must be whole numbers from {low} to {high} (got None).",
            low=HOLD_MIN,
            high=HOLD_MAX,
        )
    return [int(length) for length in lengths if length is not None]


hold_list = _holds
"""Every hold's length in seconds, in the order given (``[20, 10]``); None is none."""


def decimal(low: float, high: float) -> Check:
    """A number from ``low`` to ``high`` (stored as a float); nothing is None."""

    def check(value: Any) -> float | None:
        if value is None:
            return None
        wanted = "{label} must be a number from {low:g} to {high:g} (got {got})."
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise Refusal(wanted, low=low, high=high, got=repr(value))
        if not low <= value <= high:
            raise Refusal(wanted, low=low, high=high, got=format(value, "g"))
        return float(value)

    return check


def _coordinate(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise Refusal("{label} must be a number (got {got}).", got=repr(value))
    return float(value)


coordinate = _coordinate


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Refusal("{label} must be yes or no (got {got}).", got=repr(value))
    return value


flag = _flag


def _choice(value: Any, options: tuple[str, ...]) -> str:
    if value not in options:
        raise Refusal(
            "{label} must be one of {options} (got {got}).",
            options=", ".join(options),
            got=repr(value),
        )
    return str(value)


def choice(options: tuple[str, ...]) -> Check:
    """One of ``options``."""
    return lambda value: _choice(value, options)


def choice_of(options: Callable[[], tuple[str, ...]]) -> Check:
    """One of ``options()``, asked when a value is checked (a data file's list)."""
    return lambda value: _choice(value, options())


def _severity(value: Any) -> str | None:
    if value is None or value == "":
        return None
    from nmt_bodymap.core.assessment import SEVERITIES  # its data file: not at chart open

    return _choice(value, SEVERITIES)


grade = _severity
"""Mild, moderate or marked; nothing (None or "") when the therapist did not grade it."""


def _identifier(value: Any) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or not _IDENTIFIER.match(value):
        raise Refusal("{label} must be an id such as upper_trapezius (got {got}).", got=repr(value))
    return value


identifier = _identifier


def _from_text(value: Any, parse: Callable[[str], Any], wanted: str) -> Any:
    """``value`` parsed when it is text (refused "<wanted> (got '...')." when it cannot
    be); any other value as it is."""
    if not isinstance(value, str):
        return value
    try:
        return parse(value.strip())
    except ValueError:
        raise Refusal(wanted + " (got {got}).", got=repr(value)) from None


def _calendar_date(value: Any) -> date | None:
    """A date, or a "YYYY-MM-DD" string; never in the future (these are all past events)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    value = _from_text(value, date.fromisoformat, "{label} must be a date written YYYY-MM-DD")
    if not isinstance(value, date):
        raise Refusal("{label} must be a date (got {got}).", got=repr(value))
    if value > date.today():
        raise Refusal("{label} cannot be in the future ({when}).", when=value.isoformat())
    return value


calendar_date = _calendar_date


def _birth_date(value: Any) -> date | None:
    born = _calendar_date(value)
    if born is not None and born < EARLIEST_BIRTH:
        raise Refusal("{label} {when} is not possible; check the year.", when=born.isoformat())
    return born


birth_date = _birth_date


def _moment(value: Any) -> datetime:
    """A point in time; naive values are taken as local time. Stored in UTC."""
    wanted = "{label} must be a date and time such as 2025-03-01T14:30"
    value = _from_text(value, datetime.fromisoformat, wanted)
    if not isinstance(value, datetime):
        raise Refusal("{label} must be a date and time (got {got}).", got=repr(value))
    if not EARLIEST_MOMENT.year <= value.year <= LATEST_MOMENT.year:
        raise Refusal(
            "{label} {when} is not possible; check the year.", when=value.date().isoformat()
        )
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise Refusal("{label} is out of range; check the date.") from None


moment = _moment


def _red_flag_answers(value: Any) -> dict[str, bool | None]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise Refusal("{label} must map each screening question to yes, no or not asked.")
    answers: dict[str, bool | None] = {}
    for key, answer in value.items():
        if not isinstance(key, str) or not _IDENTIFIER.match(key):
            raise Refusal("{label}: {key} is not a screening question id.", key=repr(key))
        if answer is not None and not isinstance(answer, bool):
            raise Refusal("{label}: the answer to {key} must be yes, no or not asked.", key=key)
        answers[key] = answer
    return answers


red_flag_answers = _red_flag_answers
