"""Every chart-store call the window makes, in one place.

These functions run on the worker thread (see :mod:`nmt_bodymap.ui.worker`);
they take the store service as first argument and return its frozen records.
Keeping them together means the rest of the UI never depends on the service's
exact signatures.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from nmt_bodymap.ui.marks import MarkState

Store = Any


def open_store(db: str | None) -> Store:
    from nmt_bodymap.store.service import ChartStore

    return ChartStore.open(db)


def seed_demo_if_empty(store: Store) -> None:
    """On first start (no client at all) add the demo client, so the app is never blank."""
    if store.demo_client() is not None or store.recent_clients(1):
        return
    try:
        from nmt_bodymap.store import demo
    except ImportError:
        store.create_client(name="Demo Client", notes="Example chart; safe to edit.", is_demo=True)
        return
    seeder = getattr(demo, "seed_demo", None) or getattr(demo, "seed_demo_client", None)
    if seeder is not None:
        seeder(store)


def search_clients(store: Store, text: str, date_of_birth: date | None) -> list[Any]:
    return list(store.search_clients(text, date_of_birth=date_of_birth, limit=200))


def create_client(store: Store, fields: dict[str, Any]) -> Any:
    return store.create_client(**fields)


def update_client(store: Store, client_id: int, fields: dict[str, Any]) -> Any:
    return store.update_client(client_id, **fields)


def list_visits(store: Store, client_id: int) -> list[Any]:
    return list(store.list_visits(client_id))


def create_visit(store: Store, client_id: int, chief_complaint: str) -> Any:
    return store.create_visit(client_id, chief_complaint=chief_complaint)


def get_client(store: Store, client_id: int) -> Any:
    return store.get_client(client_id)


def list_pain_marks(store: Store, visit_id: int) -> list[Any]:
    return list(store.list_pain_marks(visit_id))


def add_pain_mark(store: Store, visit_id: int, mark: MarkState) -> Any:
    return store.add_pain_mark(
        visit_id,
        view=mark.view,
        x=mark.x,
        y=mark.y,
        region=mark.region,
        side=mark.side,
        intensity=mark.intensity,
        quality=mark.quality,
    )


def update_pain_mark(store: Store, mark_id: int, mark: MarkState) -> Any:
    """Bring the stored mark to the state on screen (place, then intensity and quality)."""
    store.move_pain_mark(mark_id, mark.x, mark.y, mark.region, mark.side)
    return store.update_pain_mark(mark_id, intensity=mark.intensity, quality=mark.quality)


def delete_pain_mark(store: Store, mark_id: int) -> None:
    store.delete_pain_mark(mark_id)


def restore_pain_mark(store: Store, mark_id: int) -> Any:
    return store.restore_pain_mark(mark_id)


def list_findings(store: Store, visit_id: int) -> list[Any]:
    return list(store.list_findings(visit_id))


def add_finding(store: Store, visit_id: int, fields: dict[str, Any]) -> Any:
    return store.add_finding(visit_id, **fields)


def delete_finding(store: Store, finding_id: int) -> Any:
    return store.delete_finding(finding_id)


def restore_finding(store: Store, finding_id: int) -> Any:
    return store.restore_finding(finding_id)


def list_treatments(store: Store, visit_id: int) -> list[Any]:
    return list(store.list_treatments(visit_id))


def add_treatment(store: Store, visit_id: int, fields: dict[str, Any]) -> Any:
    return store.add_treatment(visit_id, **fields)


def delete_treatment(store: Store, treatment_id: int) -> Any:
    return store.delete_treatment(treatment_id)


def restore_treatment(store: Store, treatment_id: int) -> Any:
    return store.restore_treatment(treatment_id)


def latest_follow_up(store: Store, visit_id: int) -> Any | None:
    """The follow-up recorded for a visit (the newest, should there be several)."""
    follow_ups = list(store.list_follow_ups(visit_id))
    return follow_ups[-1] if follow_ups else None


def add_follow_up(store: Store, visit_id: int, fields: dict[str, Any]) -> Any:
    return store.add_follow_up(visit_id, **fields)


def update_follow_up(store: Store, follow_up_id: int, fields: dict[str, Any]) -> Any:
    return store.update_follow_up(follow_up_id, **fields)


def delete_follow_up(store: Store, follow_up_id: int) -> Any:
    return store.delete_follow_up(follow_up_id)


def restore_follow_up(store: Store, follow_up_id: int) -> Any:
    return store.restore_follow_up(follow_up_id)
