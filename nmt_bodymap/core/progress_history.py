"""What the progress view reads of a client's visits, made on the store worker (Qt-free).

Issue 18: the view over 2,000 visits shows its list and charts first; the thumbnails of
the first screenful are drawn in a second worker job (``ui/chart/thumbnail_painter``'s
``paint_thumbnails``, with Qt), once the list is on screen, so the pictures never hold the
list back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nmt_bodymap.core.atlas import Atlas
from nmt_bodymap.core.operations import RowKind
from nmt_bodymap.core.pain_extent import VisitMeasures, visit_measures

KINDS = (RowKind.PAIN_MARK, RowKind.FINDING, RowKind.FOLLOW_UP)


@dataclass(frozen=True)
class VisitHistory:
    """What the progress view shows of one visit (read on the worker thread)."""

    visit: Any
    marks: tuple[Any, ...]
    measures: VisitMeasures
    follow_up: Any | None = None  # how the client fared after this visit


def load_history(store: Any, client_id: int, atlas: Atlas | None = None) -> list[VisitHistory]:
    """Every visit of the client, oldest first, with its marks and figures (worker thread).

    All the visits' rows are read in one session (issue 18: 2,000 visits took 6,000 calls).
    No thumbnails here: see the module's note."""
    read = store.client_visits(client_id, KINDS)
    history: list[VisitHistory] = []
    for visit in reversed(read.visits):
        marks = tuple(read.of(RowKind.PAIN_MARK, visit.id))
        follow_ups = read.of(RowKind.FOLLOW_UP, visit.id)
        history.append(
            VisitHistory(
                visit,
                marks,
                visit_measures(visit.id, marks, read.of(RowKind.FINDING, visit.id), atlas),
                follow_ups[-1] if follow_ups else None,
            )
        )
    return history
