"""``nmt-bodymap init [--demo]``: create the chart database at the newest schema.

A chart that already exists is left exactly as it is (exit 0, and the command says so).
With ``--demo`` a new chart also gets the demo client with its visits; this and the very
first start of the default chart are the only places the demo client is ever added.
A ``--db`` path whose folder does not exist is refused (a typo must not create folders).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from nmt_bodymap import paths
from nmt_bodymap.store.errors import ChartStoreError

_DB_HELP = "chart database (SQLite path or SQLAlchemy URL; default: the user's chart)"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    init = subparsers.add_parser("init", help="create the chart database if there is none")
    init.add_argument("--db", dest="command_db", metavar="PATH_OR_URL", help=_DB_HELP)
    init.add_argument("--demo", action="store_true", help="add the demo client to a new chart")
    init.add_argument("--json", action="store_true", help="print the result as JSON")
    init.set_defaults(func=run_init)


def _exists(target: str, explicit: bool) -> tuple[bool, Path | None]:
    """(the chart is already there, its file) for a path or URL."""
    from nmt_bodymap.commands import UsageError
    from nmt_bodymap.store.database import database_url, sqlite_path

    url = database_url(target)
    path = sqlite_path(url)
    if url.get_backend_name() == "sqlite" and path is None:
        raise UsageError("an in-memory database (sqlite://) cannot be kept; give a chart file")
    if path is None:
        from sqlalchemy import inspect

        from nmt_bodymap.store.database import make_engine

        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                return "alembic_version" in inspect(conn).get_table_names(), None
        except ChartStoreError:
            raise
        except Exception as exc:
            raise ChartStoreError(
                "Cannot reach the chart database server; details are in the log."
            ) from exc
        finally:
            engine.dispose()
    if explicit and not path.parent.is_dir():
        raise UsageError(f"there is no folder {path.parent} (a typo in --db?); create it first")
    return path.is_file() and path.stat().st_size > 0, path


def run_init(args: argparse.Namespace) -> int:
    from nmt_bodymap.commands import UsageError

    explicit = args.command_db or args.db
    target = str(explicit or paths.default_database_path())
    try:
        existed, path = _exists(target, bool(explicit))
        if existed:
            result: dict[str, Any] = {"database": str(path or target), "created": False}
            line = f"The chart {path or 'database'} already exists; it was left as it is."
        else:
            from nmt_bodymap.store.accounts import first_account_from_environment
            from nmt_bodymap.store.service import ChartStore

            with ChartStore.open(target, backup_on_close=False) as store:
                # With NMT_BODYMAP_SECRET: encrypted, first account NMT_BODYMAP_USER (docs/cli.md)
                account, recovery = first_account_from_environment(store)
                demo = None
                if args.demo:
                    from nmt_bodymap.store.demo import seed_demo_client

                    demo = seed_demo_client(store).id
            result = {
                "database": str(path or target),
                "created": True,
                "demo_client": demo,
                "encrypted": recovery is not None,
                "account": account.name if account is not None else None,
            }
            line = f"Created the chart {path or 'database'}" + (
                " with the demo client." if demo else "."
            )
            if recovery is not None:
                result["recovery_key"] = recovery
                line += (
                    f"\nRecovery key (shown once; keep it on paper, away from this computer): "
                    f"{recovery}"
                )
    except UsageError:
        raise
    except ChartStoreError as exc:
        print(f"nmt-bodymap: error: {exc}".splitlines()[0], file=sys.stderr)
        return 1
    print(json.dumps(result) if args.json else line)
    return 0
