"""Everything a visit's documents need, read in one go from the chart (no Qt here).

``collect_visit`` runs where the store lives (the worker thread in the window, the command
itself in the CLI) and returns frozen records; the report, the handout and the body-chart
picture are then drawn from this snapshot on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class VisitDocument:
    client: Any
    intake: Any | None
    visit: Any
    marks: tuple[Any, ...]
    findings: tuple[Any, ...]
    treatments: tuple[Any, ...]
    observations: tuple[Any, ...]
    follow_ups: tuple[Any, ...]  # recorded at the next visit, about this one
    next_visit: Any | None  # the client's visit after this one, if any
    amendments: tuple[Any, ...] = ()  # of a signed visit, oldest first (store/signing.py)
    consent: Any | None = None  # the consent to treatment in force (store/consent.py)

    def treated_muscles(self) -> list[tuple[str, str]]:
        """(muscle id, side) of every treatment, then of every finding, each once."""
        seen: dict[tuple[str, str], None] = {}
        for row in (*self.treatments, *self.findings):
            seen.setdefault((row.muscle_id, row.side), None)
        return list(seen)


def collect_visit(store: Any, visit_id: int) -> VisitDocument:
    """The visit and what was charted in it (raises ``ChartNotFound`` if it is absent)."""
    visit = store.get_visit(visit_id)
    visits = sorted(store.list_visits(visit.client_id), key=lambda v: (v.started_at, v.id))
    later = [v for v in visits if (v.started_at, v.id) > (visit.started_at, visit.id)]
    return VisitDocument(
        client=store.get_client(visit.client_id),
        intake=store.get_intake(visit.client_id),
        visit=visit,
        marks=tuple(store.list_pain_marks(visit_id)),
        findings=tuple(store.list_findings(visit_id)),
        treatments=tuple(store.list_treatments(visit_id)),
        observations=tuple(store.list_observations(visit_id)),
        follow_ups=tuple(store.list_follow_ups(visit_id)),
        next_visit=later[0] if later else None,
        amendments=tuple(store.list_amendments(visit_id)),
        consent=store.latest_consent(visit.client_id),
    )
