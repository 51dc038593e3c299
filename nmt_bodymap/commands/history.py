"""``nmt-bodymap history --client ID [--json]``: every change to a client's chart, in time
order (docs/cli.md): ``[{"at", "who", "kind", "row", "op", "before", "after"}, ...]``.

``ID`` is the client's integer id (as the other commands show it) or its uid. Bad usage
exits 2, a chart that refuses (no such chart or client, unreadable database) exits 1; one
line on stderr, never client data in it. Reads only: the chart is not backed up or changed
(an older chart is brought to the current schema first, as the app does).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from nmt_bodymap import paths
from nmt_bodymap.store.errors import ChartNotFound, ChartStoreError

_DB_HELP = "chart database (SQLite path or SQLAlchemy URL; default: the user's chart)"
_UID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
VALUE_WIDTH = 60


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "history", help="every change to a client's chart: who, when, before and after"
    )
    parser.add_argument("--db", dest="command_db", metavar="PATH_OR_URL", help=_DB_HELP)
    parser.add_argument("--client", metavar="ID", help="the client's id (or uid)")
    parser.add_argument("--json", action="store_true", help="print the history as JSON")
    parser.set_defaults(func=run_history)


def client_ref(text: str | None) -> int | str:
    """The client named on the command line: a positive integer id or a uid."""
    from nmt_bodymap.commands import UsageError

    if text is None or not text.strip():
        raise UsageError("history needs --client ID (the client's id)")
    text = text.strip()
    if text.isdigit() and int(text) > 0:
        return int(text)
    if _UID.match(text):
        return text.lower()
    raise UsageError("--client must be a client id: a whole number such as 12, or a uid")


def run_history(args: argparse.Namespace) -> int:
    ref = client_ref(args.client)
    target = args.command_db or args.db or paths.default_database_path()
    try:
        entries = _read(target, ref)
    except ChartNotFound:
        _fail(f"there is no client with id {ref} in this chart")
        return 1
    except ChartStoreError as exc:
        _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return 1
    if args.json:
        print(json.dumps(entries, ensure_ascii=False))
    else:
        print(table(entries))
    return 0


def _fail(message: str) -> None:
    print(f"nmt-bodymap: error: {message}", file=sys.stderr)


def _read(target: Any, ref: int | str) -> list[dict[str, Any]]:
    from nmt_bodymap.store.database import database_url, sqlite_path
    from nmt_bodymap.store.service import ChartStore

    path = sqlite_path(database_url(target))
    if path is not None and not path.is_file():
        raise ChartStoreError(f"there is no chart database at {path}")
    with ChartStore.open(target, backup_on_close=False, exclusive=False) as store:
        return [entry.to_json() for entry in store.history(ref)]


def _values(values: dict[str, Any] | None, whole_row: bool) -> str:
    """Values in one cell; a whole row (add, delete, restore) without its empty fields."""
    if values is None:
        return "-"
    shown = {k: v for k, v in values.items() if not whole_row or v not in ("", None, False, [])}
    text = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in shown.items())
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


def table(entries: list[dict[str, Any]]) -> str:
    """A readable table: one line per change, oldest first."""
    if not entries:
        return "No changes recorded for this client."
    rows = [("when (UTC)", "who", "what", "row", "change", "before", "after")]
    for e in entries:
        rows.append(
            (
                e["at"][:19].replace("T", " "),
                e["who"],
                e["kind"].replace("_", " "),
                e["row"][:8],
                e["op"],
                _values(e["before"], e["op"] not in ("change", "move")),
                _values(e["after"], e["op"] not in ("change", "move")),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
