"""Whether the window can open the chart named on the command line (``ui.app.run_app``).

Qt-free and light: a file path is judged without SQLAlchemy (issue 18); a SQLite address
(``sqlite://...``) is parsed as the store will parse it, to find its file. A server's address
(the clinic's PostgreSQL) is read when the store opens, after the window's first paint: a
malformed one gets its one line then, as a refused or unreachable server does, and the window
paints without importing SQLAlchemy (~100 ms) first.
"""

from __future__ import annotations

from pathlib import Path


def refuse_target(db: str | None) -> str | None:
    """One line saying why ``db`` cannot be opened in the window, or None when it can."""
    if db is None:
        return None
    if "://" in db and not _is_sqlite_address(db):
        return None  # a server: judged when the store opens, after the first paint
    if "://" in db:  # a SQLite URL: SQLAlchemy reads it (a file path needs none, issue 18)
        from nmt_bodymap.store.database import database_url, sqlite_path
        from nmt_bodymap.store.errors import ChartStoreError

        try:
            url = database_url(db)
        except ChartStoreError as exc:
            return str(exc)
        if url.get_backend_name() == "sqlite" and sqlite_path(url) is None:
            return "an in-memory database (sqlite://) would lose every change; give a chart file"
        path = sqlite_path(url)
    else:  # what database_url makes of a file path
        path = Path(db).expanduser().absolute()
    if path is not None and not path.parent.is_dir():
        return (
            f"there is no folder {path.parent} (a typo?); create it first, or use "
            "`nmt-bodymap init --db ...`"
        )
    return None


def _is_sqlite_address(db: str) -> bool:
    """``sqlite://``, ``sqlite+pysqlite://``, ...: the dialect's name before any driver."""
    return db.split("://", 1)[0].split("+", 1)[0].strip().lower() == "sqlite"
