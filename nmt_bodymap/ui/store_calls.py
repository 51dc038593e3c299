"""Every chart-store call the window makes, in one place.

These functions run on the worker thread (see :mod:`nmt_bodymap.ui.worker`);
they take the store service as first argument and return its frozen records.
Keeping them together means the rest of the UI never depends on the service's
exact signatures.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from nmt_bodymap.core.operations import (
    ROW_FIELDS,
    Change,
    Operation,
    OpKind,
    RowKind,
    change_for,
    new_row_id,
)
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.store.errors import ChartStoreError
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


# -- the open visit as a document of operations (issue 12) ------------------------------------
# With a store that applies operations (``ChartStore.apply``), an operation is handed over as
# is: one transaction, a version check, a history row. A store without it (before revision
# 0004) gets the matching per-kind calls for pain marks; ``ids`` maps row uids to database ids.

MARK_FIELDS = ("view", "x", "y", "region", "side", "intensity", "quality", "note")


def change_of(kind: RowKind) -> Change:
    return change_for(kind)


def _mark_values(record: Any) -> dict[str, Any]:
    values = {name: getattr(record, name, "") for name in MARK_FIELDS}
    values["x"] = None if record.x is None else float(record.x)
    values["y"] = None if record.y is None else float(record.y)
    values["intensity"] = int(record.intensity)
    return values


def visit_uid(store: Store, visit_id: int) -> str:
    uid = getattr(store.get_visit(visit_id), "uid", "") if hasattr(store, "get_visit") else ""
    return uid or f"visit-{visit_id}"


def load_visit_document(store: Store, visit_id: int) -> tuple[VisitDocument, dict[str, int]]:
    """The open visit as a document, and the database id of each row by uid."""
    loader = getattr(store, "load_visit_document", None)
    if loader is not None:
        return loader(visit_id), {}
    doc = VisitDocument(visit_uid(store, visit_id))
    ids: dict[str, int] = {}
    for kind, records in (
        (RowKind.PAIN_MARK, store.list_pain_marks(visit_id)),
        (RowKind.FINDING, store.list_findings(visit_id)),
        (RowKind.TREATMENT, store.list_treatments(visit_id)),
    ):
        for record in records:
            uid = getattr(record, "uid", "") or new_row_id()
            ids[uid] = record.id
            doc.set_row(kind, uid, _values(kind, record), getattr(record, "version", 0) or 1)
    return doc, ids


def _values(kind: RowKind, record: Any) -> dict[str, Any]:
    if kind is RowKind.PAIN_MARK:
        return _mark_values(record)
    return {name: getattr(record, name, None) for name in sorted(ROW_FIELDS[kind])}


# The per-kind calls of a store without ``apply`` (kinds the window edits there).
_LEGACY = {
    RowKind.FINDING: ("add_finding", "delete_finding", "restore_finding"),
    RowKind.TREATMENT: ("add_treatment", "delete_treatment", "restore_treatment"),
}


def _legacy_record(store: Store, op: Operation, visit_id: int, ids: dict[str, int]) -> Any:
    add, delete, restore = _LEGACY[op.kind]
    if op.op is OpKind.ADD:
        record = getattr(store, add)(visit_id, **dict(op.after or {}))
        ids[op.row] = record.id
        return record
    row_id = ids.get(op.row)
    if row_id is None:
        raise ChartStoreError(f"The {op.kind.value}'s first save failed; Retry saving stores it.")
    if op.op is OpKind.DELETE:
        return getattr(store, delete)(row_id)
    if op.op is OpKind.RESTORE:
        return getattr(store, restore)(row_id)
    raise ChartStoreError("This chart needs upgrading before it can store that change.")


def apply_operation(
    store: Store, op: Operation, who: str, visit_id: int | None, ids: dict[str, int]
) -> Any:
    """Store one operation (worker thread)."""
    if hasattr(store, "apply"):
        return store.apply(op, who=who)
    if op.kind in _LEGACY and visit_id is not None:
        return _legacy_record(store, op, visit_id, ids)
    if op.kind is not RowKind.PAIN_MARK or visit_id is None:
        raise ChartStoreError("This chart needs upgrading before it can store that change.")
    if op.op is OpKind.ADD:
        record = store.add_pain_mark(visit_id, **dict(op.after or {}))
        ids[op.row] = record.id
        return record
    mark_id = ids.get(op.row)
    if mark_id is None:
        raise ChartStoreError("The mark's first save failed; Retry saving stores it.")
    after = dict(op.after or {})
    if op.op is OpKind.MOVE:
        return store.move_pain_mark(
            mark_id, after["x"], after["y"], after["region"], after["side"], view=after.get("view")
        )
    if op.op is OpKind.CHANGE:
        return store.update_pain_mark(mark_id, **after)
    if op.op is OpKind.DELETE:
        return store.delete_pain_mark(mark_id)
    return store.restore_pain_mark(mark_id)


def stored_row(
    store: Store, kind: RowKind, uid: str, ids: dict[str, int], visit_id: int | None = None
) -> tuple[dict[str, Any], int, bool] | None:
    """A row as the store holds it now: (values, version, deleted), or None if not stored."""
    reader = getattr(store, "stored_row", None)
    if reader is not None:
        return reader(kind, uid)
    mark_id = ids.get(uid)
    if kind is not RowKind.PAIN_MARK or mark_id is None:
        return None
    found = [m for m in store.list_pain_marks(visit_id) if m.id == mark_id] if visit_id else []
    if not found:
        return None
    record = found[0]
    return _mark_values(record), getattr(record, "version", 0) or 1, record.deleted_at is not None


def store_as_shown(
    store: Store,
    kind: RowKind,
    uid: str,
    values: dict[str, Any],
    deleted: bool,
    who: str,
    visit_id: int | None,
    ids: dict[str, int],
) -> None:
    """Bring the stored row to what the screen shows (Retry saving), whatever it holds now."""
    stored = stored_row(store, kind, uid, ids, visit_id)
    visit = visit_uid(store, visit_id) if visit_id is not None else None
    if stored is None:
        if not deleted:
            apply_operation(
                store, Operation(OpKind.ADD, kind, uid, visit, None, values), who, visit_id, ids
            )
        return
    old, version, was_deleted = stored
    if was_deleted and not deleted:
        apply_operation(
            store,
            Operation(OpKind.RESTORE, kind, uid, visit, None, old, version),
            who,
            visit_id,
            ids,
        )
        version += 1
    place = {
        k for k in MARK_FIELDS[:5] if kind is RowKind.PAIN_MARK and old.get(k) != values.get(k)
    }
    if place:
        before = {k: old.get(k) for k in MARK_FIELDS[:5]}
        after = {k: values.get(k) for k in MARK_FIELDS[:5]}
        op = Operation(OpKind.MOVE, kind, uid, visit, before, after, version)
        apply_operation(store, op, who, visit_id, ids)
        version += 1
    rest = {
        k
        for k in values
        if (k not in place and k not in MARK_FIELDS[:5]) or kind is not RowKind.PAIN_MARK
    }
    changed = {k for k in rest if old.get(k) != values.get(k)}
    if changed:
        op = Operation(
            OpKind.CHANGE,
            kind,
            uid,
            visit,
            {k: old.get(k) for k in changed},
            {k: values.get(k) for k in changed},
            version,
        )
        apply_operation(store, op, who, visit_id, ids)
        version += 1
    if deleted and not was_deleted:
        apply_operation(
            store,
            Operation(OpKind.DELETE, kind, uid, visit, values, None, version),
            who,
            visit_id,
            ids,
        )
