"""What the chart sub-commands (report, handout, export, import) share.

``--db`` (also accepted after the sub-command), ``--json``; opening the chart; one line on
stderr for a refusal (exit 1) or bad usage (exit 2, raised as ``UsageError``), never a
traceback and never client data: messages name ids and paths only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from nmt_bodymap import paths

DB_HELP = "chart database (SQLite path or SQLAlchemy URL; default: the user's chart)"


def add_chart_parser(
    subparsers: argparse._SubParsersAction,
    name: str,
    help_text: str,
    run: Callable[[argparse.Namespace], int],
    *,
    target: str,
    out_metavar: str = "FILE.pdf",
    out_help: str = "the PDF to write",
) -> argparse.ArgumentParser:
    """A chart sub-command: ``--<target> ID --out PATH`` plus the common options.

    Extra options are added to the returned parser by the caller.
    """
    parser = subparsers.add_parser(name, help=help_text)
    parser.add_argument(f"--{target}", type=int, required=True, metavar="ID", help=f"{target} id")
    parser.add_argument("--out", required=True, metavar=out_metavar, help=out_help)
    add_common(parser)
    parser.set_defaults(func=run)
    return parser


def run_chart_command(
    args: argparse.Namespace, write: Callable[[Any, Path], tuple[dict[str, Any], str]]
) -> int:
    """Check ``--out``, open the chart, let ``write(store, out)`` make the file and report
    its (result, line); refusals and failed writes become one line (exit 1)."""
    out = output_path(args.out)

    def body() -> int:
        with open_chart(args) as store:
            result, line = write(store, out)
        report(args, result, line)
        return 0

    return run_guarded(body)


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", dest="command_db", metavar="PATH_OR_URL", help=DB_HELP)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def chart_target(args: argparse.Namespace, must_exist: bool = True) -> str:
    """The chart the command works on; a SQLite file that is not there is bad usage."""
    from nmt_bodymap.commands import UsageError
    from nmt_bodymap.store.database import database_url, sqlite_path

    target = args.command_db or getattr(args, "db", None) or str(paths.default_database_path())
    path = sqlite_path(database_url(target))
    if must_exist and path is not None and not path.is_file():
        raise UsageError(f"there is no chart database at {path}")
    return str(target)


@contextmanager
def open_chart(args: argparse.Namespace, must_exist: bool = True) -> Iterator[Any]:
    from nmt_bodymap.store import ChartStore

    store = ChartStore.open(chart_target(args, must_exist), exclusive=False)
    try:
        yield store
    finally:
        store.close()


def output_path(value: str) -> Path:
    """``--out``: its folder must exist (nothing is created in a place the user mistyped)."""
    from nmt_bodymap.commands import UsageError

    path = Path(value).expanduser()
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise UsageError(f"the folder {path.parent} does not exist")
    return path


def refuse(message: str) -> int:
    print(f"nmt-bodymap: error: {message}", file=sys.stderr)
    return 1


def report(args: argparse.Namespace, result: dict[str, Any], line: str) -> None:
    print(json.dumps(result) if args.json else line)


def run_guarded(body: Callable[[], int]) -> int:
    """Run the command; a chart refusal or a failed write becomes exit 1 with one line."""
    from nmt_bodymap.store.errors import ChartStoreError
    from nmt_bodymap.store.import_chart import ImportRefused

    try:
        return body()
    except (ChartStoreError, ImportRefused) as exc:
        return refuse(" ".join(str(exc).split()))
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        return refuse(f"cannot write{where}: {exc.strerror or exc}")
