"""What every part of ``ChartStore`` shares: sessions, the therapist named ``who``, and the
helpers that turn the id-based methods (``add_finding(visit_id, ...)``,
``update_finding(finding_id, ...)``) into operations, so every write, old or new, goes
through ``store/apply.py``: one transaction, a version bump and a history entry."""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from nmt_bodymap.core.operations import Operation, OpKind, RowKind, new_row_id
from nmt_bodymap.store import history
from nmt_bodymap.store.apply import SPECS, apply_operation, locked
from nmt_bodymap.store.database import sqlite_path
from nmt_bodymap.store.errors import ChartNotFound
from nmt_bodymap.store.models import Client, Visit
from nmt_bodymap.store.reading import MODELS, get_row, record_of, visit_rows
from nmt_bodymap.store.records import Applied


def default_who() -> str:
    """The signed-in account for scripts (``NMT_BODYMAP_USER``), else the therapist name of
    the settings, else the name the computer knows the user by. The app sets ``store.who``
    from the sign-in."""
    from_environment = os.environ.get("NMT_BODYMAP_USER", "").strip()
    if from_environment:
        return from_environment
    try:
        from nmt_bodymap.settings import load_settings

        name = load_settings().therapist_name.strip()
    except Exception:  # settings are optional: never stop a chart from opening
        name = ""
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


class ChartStoreBase:
    """Sessions and the shared mechanics of the id-based methods."""

    def __init__(self, engine: Engine, backup_on_close: bool = True, who: str | None = None):
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.path = sqlite_path(engine.url)
        self.backup_on_close = backup_on_close
        self._changed = False
        # Who the history names for every change made through this store (sign-in sets it).
        self.who: str = who if who is not None else default_who()

    def _write(self) -> Any:
        self._changed = True
        return self._sessions.begin()

    def _apply(self, session: Session, op: Operation) -> Applied:
        return apply_operation(session, op, self.who)

    @staticmethod
    def _visit_uid(session: Session, kind: RowKind, row: Any) -> str | None:
        if kind is RowKind.VISIT:
            return str(row.uid)
        if kind in (RowKind.CLIENT, RowKind.INTAKE):
            return None
        visit = session.get(Visit, row.visit_id)
        return None if visit is None else visit.uid

    def _add_row(self, kind: RowKind, parent_id: int | None, values: Mapping[str, Any]) -> Any:
        """Add a row under the visit (or, for a visit or intake, the client) ``parent_id``."""
        with self._write() as session:
            visit = client = None
            if kind in (RowKind.VISIT, RowKind.INTAKE):
                client = get_row(session, Client, parent_id, "Client").uid  # type: ignore[arg-type]
            elif kind is not RowKind.CLIENT:
                visit = get_row(session, Visit, parent_id, "Visit").uid  # type: ignore[arg-type]
            row = new_row_id()
            if kind is RowKind.VISIT:
                visit = row
            op = Operation(OpKind.ADD, kind, row, visit, None, values, None, client)
            return self._apply(session, op).record

    def _locked_by_id(
        self, session: Session, kind: RowKind, row_id: int, deleted_ok: bool = False
    ) -> Any:
        model = MODELS[kind]
        row = locked(session, model, model.id, row_id)
        if row is None or (row.deleted_at is not None and not deleted_ok):
            raise ChartNotFound(f"{SPECS[kind].label} {row_id} does not exist.")
        return row

    def _change_ops(
        self, session: Session, kind: RowKind, row: Any, changes: Mapping[str, Any], op: OpKind
    ) -> Operation:
        before = history.row_values(session, kind, row, changes)
        return Operation(
            op, kind, row.uid, self._visit_uid(session, kind, row), before, changes, row.version
        )

    def _edit_row(
        self,
        kind: RowKind,
        row_id: int,
        changes: Mapping[str, Any],
        op: OpKind = OpKind.CHANGE,
    ) -> Any:
        """Change fields of the row ``row_id`` at its stored version (last writer wins, as
        these id-based calls always did; the history keeps what it replaced)."""
        with self._write() as session:
            row = self._locked_by_id(session, kind, row_id)
            if not changes:
                return record_of(session, kind, row)
            return self._apply(session, self._change_ops(session, kind, row, changes, op)).record

    def _set_deleted(self, kind: RowKind, row_id: int, deleted: bool) -> Any:
        """Soft delete (``deleted=True``) or undo it; a row already so is left as it is."""
        with self._write() as session:
            row = self._locked_by_id(session, kind, row_id, deleted_ok=True)
            if (row.deleted_at is not None) == deleted:
                return record_of(session, kind, row)
            values = history.row_values(session, kind, row)
            visit = self._visit_uid(session, kind, row)
            if deleted:
                op = Operation(OpKind.DELETE, kind, row.uid, visit, values, None, row.version)
            else:
                op = Operation(OpKind.RESTORE, kind, row.uid, visit, None, values, row.version)
            return self._apply(session, op).record

    def _list(self, kind: RowKind, visit_id: int, include_deleted: bool) -> list[Any]:
        with self._sessions() as session:
            get_row(session, Visit, visit_id, "Visit")
            rows = visit_rows(session, MODELS[kind], visit_id, include_deleted)
            return [record_of(session, kind, row) for row in rows]
