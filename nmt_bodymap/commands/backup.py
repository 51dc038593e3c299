"""``nmt-bodymap backup`` and ``nmt-bodymap restore``: copies of the chart database.

``backup`` takes a consistent copy while the app may be running (SQLite's online backup
API) into ``backups/`` beside the chart, or ``--to`` a file or folder; regular backups are
rotated. ``restore`` checks a backup's integrity first, keeps a copy of the current chart,
then puts the backup in its place (``--latest`` picks the newest intact one). While an app
has the chart open, ``restore`` is refused (the chart's lock) and changes nothing.
A PostgreSQL chart is backed up with pg_dump; the command says so rather than pretend,
and refuses outright while other stations are connected to the clinic server.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from nmt_bodymap import paths
from nmt_bodymap.store.backups import (
    POSTGRES_BACKUP_HINT,
    latest_backup,
    restore_backup,
    take_backup,
)
from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.store.second_copy import second_copy_status

_DB_HELP = "chart database (SQLite path or SQLAlchemy URL; default: the user's chart)"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup", help="copy the chart database (safe while the app runs)"
    )
    backup.add_argument("--db", dest="command_db", metavar="PATH_OR_URL", help=_DB_HELP)
    backup.add_argument("--to", type=Path, metavar="PATH", help="backup file or folder")
    backup.add_argument("--json", action="store_true", help="print the result as JSON")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser("restore", help="replace the chart database by a backup")
    restore.add_argument("--db", dest="command_db", metavar="PATH_OR_URL", help=_DB_HELP)
    source = restore.add_mutually_exclusive_group(required=True)
    source.add_argument("--from", dest="source", type=Path, metavar="PATH", help="backup file")
    source.add_argument("--latest", action="store_true", help="the newest backup of the chart")
    restore.add_argument("--json", action="store_true", help="print the result as JSON")
    restore.set_defaults(func=run_restore)


def _chart_file(args: argparse.Namespace) -> Path:
    from nmt_bodymap.commands import UsageError
    from nmt_bodymap.store.database import database_url, sqlite_path

    target = args.command_db or args.db or paths.default_database_path()
    url = database_url(target)
    path = sqlite_path(url)
    if path is None:
        if url.get_backend_name() == "sqlite":
            raise UsageError("an in-memory database (sqlite://) has nothing to back up")
        if args.func is run_restore:
            from nmt_bodymap.store.database import other_sessions

            others = other_sessions(url)
            if others:
                raise ChartStoreError(
                    f"{others} other station(s) are connected to the chart server; restoring "
                    "now would lose what they save. Close NMT Body Map everywhere first."
                )
        raise ChartStoreError(POSTGRES_BACKUP_HINT)
    if not path.parent.is_dir():
        raise UsageError(f"there is no folder {path.parent} (a typo in --db?)")
    if args.func is run_backup and not path.is_file():
        raise UsageError(f"there is no chart database at {path}")
    return path


def _report(args: argparse.Namespace, result: dict[str, Any], line: str) -> None:
    print(json.dumps(result) if args.json else line)


def run_backup(args: argparse.Namespace) -> int:
    try:
        chart = _chart_file(args)
        copy = take_backup(chart, args.to)
    except ChartStoreError as exc:
        print(f"nmt-bodymap: error: {exc}", file=sys.stderr)
        return 1
    size = copy.stat().st_size
    result: dict[str, Any] = {"database": str(chart), "backup": str(copy), "bytes": size}
    line = f"Backed up {chart} to {copy} ({size:,} bytes)"
    second = second_copy_status(chart) if args.to is None else None
    if second is not None:
        result["second_copy"] = second
        if second.get("ok"):
            line += f"; copied to {second['folder']}"
        else:
            last = second.get("last_success") or "never"
            line += (
                f"; NOT copied to {second['folder']} ({second.get('error')}; last success {last})"
            )
    _report(args, result, line)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from nmt_bodymap.commands import UsageError

    try:
        chart = _chart_file(args)
        source = latest_backup(chart) if args.latest else args.source
        if source is None:
            raise UsageError(f"there is no backup of {chart} in {chart.parent / 'backups'}")
        if not source.is_file():
            raise UsageError(f"there is no backup file at {source}")
        kept = restore_backup(chart, source)
    except ChartStoreError as exc:
        print(f"nmt-bodymap: error: {exc}", file=sys.stderr)
        return 1
    result = {
        "database": str(chart),
        "restored_from": str(source),
        "previous_copy": str(kept) if kept else None,
    }
    kept_line = f"; the previous chart was kept as {kept}" if kept else ""
    _report(args, result, f"Restored {chart} from {source}{kept_line}")
    return 0
