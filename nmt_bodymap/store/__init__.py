"""Client chart store (SQLAlchemy + Alembic). Imports no Qt.

The UI uses ``ChartStore`` (``service.py``) and the records and errors it returns:

- ``apply.py``: applies one operation (version check, change, history entry);
  ``history.py``: the history table and the change token; ``reading.py``: records and
  the visit document; ``conflicts.py``: ``ChartConflict``
- ``base.py``, ``client_calls.py``, ``row_calls.py``: the parts of ``ChartStore``
- ``models.py``: the ORM schema; ``migrations/``: the Alembic scripts; ``migrate.py``: runs them
- ``database.py``: engine, SQLite settings, corrupt-file detection
- ``validation.py``: field checks; ``records.py``: the frozen records
- ``backups.py``: online backup, rotation, restore; ``demo.py``: the demo client
- ``chart_lock.py``: one app per chart; ``input_limits.py``: what no database can store
"""

from typing import TYPE_CHECKING, Any

from nmt_bodymap.store.conflicts import ChartConflict
from nmt_bodymap.store.errors import (
    ChartDatabaseCorrupt,
    ChartMigrationError,
    ChartNotFound,
    ChartStoreError,
    ChartValidationError,
)

if TYPE_CHECKING:
    from nmt_bodymap.store.service import ChartStore

__all__ = [
    "ChartConflict",
    "ChartDatabaseCorrupt",
    "ChartMigrationError",
    "ChartNotFound",
    "ChartStore",
    "ChartStoreError",
    "ChartValidationError",
]


def __getattr__(name: str) -> Any:
    # SQLAlchemy and Alembic load only when the service is used, not for every CLI command.
    if name == "ChartStore":
        from nmt_bodymap.store.service import ChartStore

        return ChartStore
    raise AttributeError(name)
