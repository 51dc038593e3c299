"""Every chart-store call the window makes, in one place.

These functions run on the worker thread (see :mod:`nmt_bodymap.ui.chart.worker`);
they take the store service as first argument and return its frozen records.
Keeping them together means the rest of the UI never depends on the service's
exact signatures.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from nmt_bodymap.core.operations import Change, Operation, RowKind, change_for
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.ui.chart.marks import MarkState

Store = Any


def open_store(db: str | None) -> Store:
    """The chart's store, on the worker. An existing chart at the current schema gets
    the first look (``store/first_look``, issue 18): the start's reads answered with
    ``sqlite3``, the real ``ChartStore`` opened on the first other call (a save), so the
    first visit and the first click's answer need no SQLAlchemy; any other chart (new, at
    an older revision, encrypted without its key) is opened by ``ChartStore`` at once, as
    before. A clinic server's chart gets its own first look over ``psycopg``
    (``store/first_look_server``) on the same terms."""
    first_look: Any
    if db is not None and "://" in db:
        from nmt_bodymap.store.first_look_server import ServerFirstLook

        first_look = ServerFirstLook.open_server(db)
    else:
        from nmt_bodymap.store.first_look import FirstLook

        first_look = FirstLook.open(db)
    if first_look is not None:
        return first_look
    from nmt_bodymap.store.service import ChartStore

    return ChartStore.open(db)


def open_fully(store: Store) -> None:
    """Open the real store behind a first look now (SQLAlchemy's import, ~200 ms of CPU):
    run while the therapist reads the sign-in screen, so signing in does not wait for it."""
    real_store = getattr(store, "real_store", None)
    if real_store is not None:
        real_store()


def has_accounts(store: Store) -> bool:
    """The chart has a therapist account: the sign-in screen (else the first account's)."""
    ask = getattr(store, "has_accounts", None)  # the first look answers without SQLAlchemy
    if ask is not None:
        return bool(ask())
    from nmt_bodymap.store.accounts import AccountBook

    return AccountBook.for_store(store).has_accounts()


def sign_in_names(store: Store) -> list[str]:
    """The names the sign-in screen offers (enabled accounts, by name)."""
    ask = getattr(store, "sign_in_names", None)
    if ask is not None:
        return list(ask())
    from nmt_bodymap.store.accounts import AccountBook

    return AccountBook.for_store(store).sign_in_names()


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


def get_intake(store: Store, client_id: int) -> Any:
    return store.get_intake(client_id)


def save_intake(store: Store, client_id: int, fields: dict[str, Any]) -> Any:
    return store.save_intake(client_id, **fields)


def client_history(store: Store, client_id: int) -> Any:
    """Every change of the client's chart, oldest first (the History view)."""
    return store.history(client_id)


def get_visit(store: Store, visit_id: int) -> Any:
    return store.get_visit(visit_id)


def update_visit(store: Store, visit_id: int, fields: dict[str, Any]) -> Any:
    return store.update_visit(visit_id, **fields)


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
# An operation is handed to the store as is: one transaction, a version check (ChartConflict
# when the row moved on), a history row naming ``who``.

PLACE_FIELDS = ("view", "x", "y", "region", "side")


def change_of(kind: RowKind) -> Change:
    return change_for(kind)


def load_visit_document(store: Store, visit_id: int) -> VisitDocument:
    """The open visit as a document: every row with its uid, version and removed flag."""
    document: VisitDocument = store.load_visit_document(visit_id)
    return document


def apply_operation(store: Store, op: Operation, who: str) -> Any:
    """Store one operation (worker thread)."""
    return store.apply(op, who=who or None)


def stored_row(
    store: Store, visit_id: int, kind: RowKind, uid: str
) -> tuple[dict[str, Any], int, bool] | None:
    """A row as the store holds it now: (values, version, deleted), or None if not stored."""
    state = store.load_visit_document(visit_id).row(kind, uid)
    return None if state is None else (dict(state.values), state.version, state.deleted)


def store_as_shown(
    store: Store,
    visit_id: int,
    kind: RowKind,
    uid: str,
    values: dict[str, Any],
    deleted: bool,
    who: str,
) -> int | None:
    """Bring the stored row to what the screen shows (Retry saving), whatever it holds now:
    the operations are built at the stored version and applied in one transaction. Returns
    the row's stored version after it (None: not stored), which the screen's row takes: the
    next operation on it is built at that version, not at the one the screen had."""
    doc = store.load_visit_document(visit_id)
    state = doc.row(kind, uid)
    ops: list[Operation] = []
    if state is None:
        if not deleted:
            ops.append(doc.add_op(kind, values, row=uid))
            doc.apply(ops[-1])
    else:
        if state.deleted and not deleted:
            ops.append(doc.restore_op(kind, uid))
            doc.apply(ops[-1])
        old = dict(state.values)
        place = [
            k for k in PLACE_FIELDS if kind is RowKind.PAIN_MARK and old.get(k) != values.get(k)
        ]
        if place and not deleted:
            ops.append(doc.move_op(uid, **{k: values.get(k) for k in PLACE_FIELDS}))
            doc.apply(ops[-1])
        rest = {
            k: v
            for k, v in values.items()
            if old.get(k) != v and not (kind is RowKind.PAIN_MARK and k in PLACE_FIELDS)
        }
        if rest and not deleted:
            ops.append(doc.change_op(kind, uid, **rest))
            doc.apply(ops[-1])
        if deleted and not state.deleted:
            ops.append(doc.delete_op(kind, uid))
            doc.apply(ops[-1])
    if ops:
        store.apply_all(ops, who=who or None)
    stored = doc.row(kind, uid)
    return None if stored is None else stored.version
