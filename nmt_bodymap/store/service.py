"""``ChartStore``: the one object the UI calls to read and change client charts.

No widget juggles sessions: every method is one transaction that commits before it
returns (durable: SQLite runs with ``synchronous=FULL``), or changes nothing and raises.
Input is checked first (``ChartValidationError``, message fit for the screen); rows that
do not exist raise ``ChartNotFound``. Results are frozen records (``store/records.py``).

Every change is an operation (``core/operations.py``) applied by ``store/apply.py``: the
row's version is checked and bumped and one history entry is appended in the same
transaction. The window sends operations (``apply``); the id-based calls below build the
operation themselves (at the row's stored version), so their writes are in the history too.

    store = ChartStore.open(who="Sam")          # default chart; or a path / SQLAlchemy URL
    doc = store.load_visit_document(visit.uid)  # the open visit: rows by uid, with versions
    op = doc.add_op(RowKind.PAIN_MARK, {...});  doc.apply(op)   # screen first, then:
    applied = store.apply(op)                   # Applied(record, id, version, history)
    store.apply(doc.inverse_op(op))             # undo; ChartConflict if the row moved on
    token = store.change_token()                # poll; when it moved: changes_since(last)
    store.history(client.id)                    # every change, oldest first

Operations: apply, apply_all (one gesture, one transaction), load_visit_document,
history, change_token, changes_since; ``who`` names the therapist in the history.
Clients: create_client, update_client, get_client, search_clients (name prefix of the
full name or the surname, case-insensitive, and/or date of birth), recent_clients,
demo_client. Intake: get_intake, save_intake (with its complaints). Visits: create_visit,
get_visit, list_visits, update_visit, open_chart. Pain marks: add_pain_mark (a mark on a
diagram needs x and y), move_pain_mark, update_pain_mark, set_pain_mark (place and score
in one transaction), delete_pain_mark, restore_pain_mark, list_pain_marks. Findings,
treatments, follow-ups, assessment observations (``*_observation(s)``: posture, gait,
ischemia and entrapment, checked against ``resources/assessment.yaml``): add_*, update_*,
delete_*, restore_*, list_*. Backups: backup, backup_if_due (and automatically on close).
Signed visits (``store/signing_calls.py``): sign_visit, amend, list_amendments,
signature_intact.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from nmt_bodymap import paths
from nmt_bodymap.core.operations import Operation, RowKind
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.store import history
from nmt_bodymap.store.apply import name_keys
from nmt_bodymap.store.backups import (
    POSTGRES_BACKUP_HINT,
    backup_is_due,
    latest_backup,
    take_backup,
)
from nmt_bodymap.store.chart_lock import ChartLock
from nmt_bodymap.store.client_calls import ClientCalls
from nmt_bodymap.store.database import (
    database_url,
    make_engine,
    open_sqlite_chart,
    sqlite_path,
)
from nmt_bodymap.store.errors import ChartDatabaseCorrupt, ChartStoreError, driver_line
from nmt_bodymap.store.migrate import upgrade_database
from nmt_bodymap.store.models import Client
from nmt_bodymap.store.reading import ClientVisits, client_visits, get_row, visit_document
from nmt_bodymap.store.records import Applied, HistoryRecord
from nmt_bodymap.store.row_calls import VisitRowCalls
from nmt_bodymap.store.signing_calls import SigningCalls
from nmt_bodymap.store.writes import OperationWriter

# Re-exported: the search keys of a client name (tests and the demo use them from here).
__all__ = ["ChartStore", "name_keys"]


class ChartStore(ClientCalls, VisitRowCalls, SigningCalls):
    """Client charts in one database. Create with ``ChartStore.open(...)``."""

    def __init__(
        self, engine: Engine, backup_on_close: bool = True, who: str | None = None
    ) -> None:
        super().__init__(engine, backup_on_close, who)
        self._watch: Any = None  # the connection change_token watches with (SQLite)
        self._lock: ChartLock | None = None  # the one-app-per-chart lock (SQLite files)
        self._writes = OperationWriter(engine, keep=self.path is not None)  # apply, apply_all

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str] | None = None,
        *,
        backup_on_close: bool = True,
        who: str | None = None,
        exclusive: bool = True,
    ) -> ChartStore:
        """Open (creating or upgrading as needed) a SQLite file or a SQLAlchemy URL.

        ``who`` names the therapist in the history of every change made through this store
        (default: the settings' therapist name, else the computer's user name).
        ``exclusive`` (the app) takes the chart's one-app lock; scripts that read or add
        beside a running app pass False (see ``store/chart_lock.py``).

        Raises ``ChartDatabaseCorrupt`` for a damaged file, ``ChartMigrationError`` when the
        schema cannot be brought up to date, ``ChartStoreError`` when a server is unreachable.
        """
        url = database_url(target if target is not None else paths.default_database_path())
        path = sqlite_path(url)
        lock = open_sqlite_chart(path, exclusive) if path is not None else None  # lock, diagnosis
        engine = make_engine(url)
        try:
            try:
                upgrade_database(engine)
            except BaseException:
                if lock is not None:
                    lock.release()
                raise
        except OperationalError as exc:
            engine.dispose()
            where = path or url.render_as_string(hide_password=True)
            raise ChartStoreError(
                f"Cannot open the chart database {where}: {driver_line(exc.orig)}"
            ) from exc
        except DatabaseError as exc:
            engine.dispose()
            if path is None:
                raise ChartStoreError(
                    f"The chart database failed: {driver_line(exc.orig)}"
                ) from exc
            raise ChartDatabaseCorrupt(path, str(exc.orig), latest_backup(path)) from exc
        except BaseException:
            engine.dispose()
            raise
        store = cls(engine, backup_on_close=backup_on_close, who=who)
        store._lock = lock
        return store

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Back up a SQLite chart changed since it was opened, then release the database."""
        try:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
            self._writes.close()
            if self.backup_on_close and self._changed and self.path is not None:
                take_backup(self.path)
        finally:
            self._engine.dispose()
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> ChartStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- backups ---------------------------------------------------------------------------

    def backup(self, destination: Path | None = None) -> Path:
        """Take an online backup now; returns its path (SQLite only)."""
        return take_backup(self._require_file(), destination)

    def backup_if_due(self) -> Path | None:
        """The daily backup: taken when the newest is a day old or there is none."""
        if self.path is None or not backup_is_due(self.path):
            return None
        return take_backup(self.path)

    def _require_file(self) -> Path:
        if self.path is None:
            raise ChartStoreError(POSTGRES_BACKUP_HINT)
        return self.path

    # -- operations, the visit document, history and change polling -----------------------

    def apply(self, op: Operation, who: str | None = None) -> Applied:
        """Apply one operation in one transaction: version checked (``ChartConflict`` when
        the row moved on since ``op.base_version``), validated (``ChartValidationError``),
        row changed, history appended. Nothing is written when it raises."""
        self._changed = True
        # One Connection transaction, no ORM Session: a visit's row (a click's save) is
        # written with Core alone; the others join a Session to it (store/writes.py).
        return self._writes.apply((op,), who or self.who)[0]

    def apply_all(self, ops: Sequence[Operation], who: str | None = None) -> list[Applied]:
        """Apply several operations (one gesture) in ONE transaction: all or none."""
        self._changed = True
        return self._writes.apply(ops, who or self.who)

    def load_visit_document(self, visit: int | str) -> VisitDocument:
        """The visit (integer id or uid) as a ``VisitDocument``: every row with its uid,
        version and removed flag."""
        with self._sessions() as session:
            return visit_document(session, visit)

    def client_visits(self, client_id: int, kinds: Iterable[RowKind]) -> ClientVisits:
        """The client's visits (newest first) with their rows of ``kinds``, read in one
        session (``store/reading.client_visits``; the progress view, issue 18)."""
        with self._sessions() as session:
            return client_visits(session, client_id, kinds)

    def history(self, client: int | str) -> list[HistoryRecord]:
        """Every change to the client's chart (integer id or uid), in time order."""
        with self._sessions() as session:
            row = get_row(session, Client, client, "Client", deleted_ok=True)
            return history.client_history(session, row.id)

    def change_token(self) -> tuple[int, int]:
        """Cheap to ask; differs from the last answer when anything was committed since.

        SQLite: (``PRAGMA data_version`` of a long-lived watching connection, newest history
        id); PostgreSQL: (0, newest history id). Poll it (e.g. every second); when it moved,
        ask ``changes_since(last history id seen)``.
        """
        if self.path is None:
            return 0, history.newest_id_of(self._engine)
        if self._watch is None:
            # One pool connection kept for watching (opened as every chart connection is,
            # in autocommit: these reads take no lock); data_version is per connection.
            self._watch = self._engine.raw_connection()
        cursor = self._watch.cursor()
        try:
            version = cursor.execute("PRAGMA data_version").fetchone()[0]
            newest = cursor.execute("SELECT max(id) FROM history").fetchone()[0] or 0
        finally:
            cursor.close()
        return int(version), int(newest)

    def changes_since(self, history_id: int, limit: int = 1000) -> list[HistoryRecord]:
        """History entries newer than ``history_id`` (any client), oldest first."""
        with self._sessions() as session:
            return history.entries_since(session, history_id, limit)

    # -- the id-based calls: clients, intake, visits (client_calls.py); pain marks, findings,
    # treatments, follow-ups, observations (row_calls.py) ------------------------------------
