"""One row of the intake's complaints table, read and checked (split out of
``intake_dialog.py``): a blank row is skipped, a half-filled one names what to fix."""

from __future__ import annotations

from datetime import date
from typing import Any

from nmt_bodymap.ui.clinic.intake_fields import FormError
from nmt_bodymap.ui.i18n import tr


def complaint_row(
    row: int, description: str, onset_text: str, weeks_text: str
) -> dict[str, Any] | None:
    """The complaint in table row ``row`` (0-based) as ``save_intake`` takes it; None when
    the row is blank; FormError when it cannot be saved as typed."""
    description = description.strip()
    onset_text = onset_text.strip()
    weeks_text = weeks_text.strip().replace(",", ".")
    if not (description or onset_text or weeks_text):
        return None
    where = f"Complaint {row + 1}"
    if not description:
        raise FormError(
            tr("{where}: describe the complaint or remove the row.").format(where=where)
        )
    onset = None
    if onset_text:
        try:
            onset = date.fromisoformat(onset_text)
        except ValueError:
            raise FormError(
                tr(
                    "{where}: write the onset date as YYYY-MM-DD, e.g. 2025-01-31 (got "
                    "{onset_text!r})."
                ).format(where=where, onset_text=onset_text)
            ) from None
        if onset > date.today():
            raise FormError(
                tr("{where}: the onset date cannot be in the future.").format(where=where)
            )
    weeks = None
    if weeks_text:
        try:
            weeks = float(weeks_text)
        except ValueError:
            raise FormError(
                tr("{where}: the duration must be a number of weeks (got {weeks_text!r}).").format(
                    where=where, weeks_text=weeks_text
                )
            ) from None
        if weeks < 0:
            raise FormError(
                tr("{where}: the duration cannot be negative ({weeks:g} weeks).").format(
                    where=where, weeks=weeks
                )
            )
    return {"description": description, "onset_date": onset, "duration_weeks": weeks}
