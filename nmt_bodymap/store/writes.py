"""Where ``ChartStore.apply`` writes: one transaction per call on a ``Connection`` (no ORM
``Session``: ``store/apply.py: apply_on``), committed before it returns.

On a SQLite chart the connection is kept between calls for the thread that writes (the
app's store worker): taking a pooled connection and handing it back (with the pool's reset
rollback) was a fifth of the worker's interpreter time per saved mark (issue 18). Each call
still begins and commits its own transaction (``BEGIN IMMEDIATE``, ``synchronous=FULL``);
between calls the connection holds no transaction and no lock (autocommit). A call that
raises gives its connection back to the pool (which rolls back whatever a failed commit left,
and its write lock with it). Another thread, a connection lost or closed, and PostgreSQL
(whose pool pings a connection before lending it) take a pooled connection per call, as
every other store call does.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine

from nmt_bodymap.store.apply import apply_on
from nmt_bodymap.store.records import Applied


class OperationWriter:
    """Applies operations, each call in one transaction (see the module docstring)."""

    def __init__(self, engine: Engine, keep: bool) -> None:
        self._engine = engine
        self._keep = keep  # keep a connection for the writing thread (SQLite files)
        self._kept: tuple[int, Connection] | None = None

    def apply(self, ops: Sequence[Any], who: str) -> list[Applied]:
        """Apply ``ops`` in ONE transaction: all or none."""
        with self._transaction() as connection:
            return [apply_on(connection, op, who) for op in ops]

    def close(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None:
            kept[1].close()

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        connection, kept = self._connection()
        try:
            with connection.begin():
                yield connection
        except BaseException:
            if kept:  # refused or failed: never keep what a failed commit may have left
                self.close()  # (the pool rolls it back), the next call takes a fresh one
            raise
        finally:
            if not kept:
                connection.close()

    def _connection(self) -> tuple[Connection, bool]:
        """This thread's kept connection (made when there is none), else a pooled one."""
        if not self._keep:
            return self._engine.connect(), False
        me, kept = threading.get_ident(), self._kept
        if kept is not None and kept[0] == me:
            if not (kept[1].closed or kept[1].invalidated):
                return kept[1], True
            kept[1].close()  # lost: a fresh connection from the pool
            kept = self._kept = None
        if kept is not None:  # kept by another thread: it writes there
            return self._engine.connect(), False
        connection = self._engine.connect()
        self._kept = (me, connection)
        return connection, True
