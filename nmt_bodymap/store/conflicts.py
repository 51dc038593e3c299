"""``ChartConflict``: an operation made from a version of a row that has since moved on."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from nmt_bodymap.store.errors import ChartStoreError

_WHAT = {
    "pain_mark": "pain mark",
    "follow_up": "follow-up",
}


def kind_words(kind: str) -> str:
    """A row kind as the therapist says it: "pain mark", "follow-up", "finding"."""
    return _WHAT.get(kind, kind.replace("_", " "))


class ChartConflict(ChartStoreError):
    """Refused: the row changed after the screen read it; nothing was written.

    Carries what the screen needs to offer "keep mine" or "take theirs": ``kind`` and
    ``row`` (uid), ``current`` (the stored values now, JSON values), ``version`` and
    ``deleted`` (as stored now), ``expected`` (the version the operation named), and who
    changed it last and when (``changed_by``/``changed_at``; None when no history names it).
    The message says so in plain words and carries no client data.
    """

    def __init__(
        self,
        kind: str,
        row: str,
        current: dict[str, Any],
        version: int,
        deleted: bool,
        expected: int | None,
        changed_by: str | None,
        changed_at: datetime | None,
    ) -> None:
        who = f" by {changed_by}" if changed_by else ""
        when = f" at {changed_at:%Y-%m-%d %H:%M} UTC" if changed_at else ""
        now = "removed" if deleted else "changed"
        super().__init__(
            f"This {kind_words(kind)} was {now}{who}{when} after this screen read it, so "
            "this change was not saved. Keep yours or take the newer version."
        )
        self.kind = kind
        self.row = row
        self.current = current
        self.version = version
        self.deleted = deleted
        self.expected = expected
        self.changed_by = changed_by
        self.changed_at = changed_at
