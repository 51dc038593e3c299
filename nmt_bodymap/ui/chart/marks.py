"""The pain marks of the open visit as the window shows them, saved or not yet.

A mark on screen is known by a local key from the moment it is drawn; its
database id arrives later from the worker. ``status`` tells whether the chart
store holds the mark as drawn: ``saving`` (a job is queued), ``saved``, or
``unsaved`` (the last save failed; the mark stays on screen for a retry).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from nmt_bodymap.core.pain import PAIN_QUALITIES
from nmt_bodymap.core.sides import Side
from nmt_bodymap.ui.i18n import tr

SaveStatus = Literal["saving", "saved", "unsaved"]

QUALITIES: tuple[str, ...] = PAIN_QUALITIES  # ache, sharp, burning... (shared with the store)


@dataclass(frozen=True)
class MarkState:
    """One pain mark on the map: where, how bad, what it feels like, and its save state."""

    key: str
    view: str
    x: float | None  # None for an internal site (view "internal"): it has no point
    y: float | None
    region: str
    side: Side
    intensity: int
    quality: str
    status: SaveStatus = "saving"
    error: str = ""

    def moved(self, x: float, y: float, region: str, side: Side) -> MarkState:
        return replace(self, x=x, y=y, region=region, side=side)

    def with_details(self, intensity: int, quality: str) -> MarkState:
        return replace(self, intensity=intensity, quality=quality)

    def with_status(self, status: SaveStatus, error: str = "") -> MarkState:
        return replace(self, status=status, error=error)


def saved_note(marks: list[MarkState], intensity: int | None, quality: str | None) -> str:
    """The status-bar note of a score change: "Saved: Right temple, ache 6/10"."""
    from nmt_bodymap.ui.map.labels import mark_place_label

    parts = [
        tr("{place}, {quality} {intensity}/10").format(
            place=mark_place_label(m),
            quality=tr(quality or m.quality),
            intensity=m.intensity if intensity is None else intensity,
        )
        for m in marks
    ]
    return tr("Saved: {marks}").format(marks="; ".join(parts))
