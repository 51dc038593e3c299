"""Whether the window can open the chart named on the command line (``ui.app.run_app``).

Qt-free and light: a file path is judged without SQLAlchemy (issue 18); an address
(``scheme://``) is parsed as the store will parse it.
"""

from __future__ import annotations

from pathlib import Path


def refuse_target(db: str | None) -> str | None:
    """One line saying why ``db`` cannot be opened in the window, or None when it can."""
    if db is None:
        return None
    if "://" in db:  # a URL: SQLAlchemy reads it (a file path needs no SQLAlchemy, issue 18)
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
