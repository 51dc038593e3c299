"""The ``nmt-bodymap`` command: the GUI by default, sub-commands for scripting.

Each sub-command lives in ``nmt_bodymap.commands.<name>`` and exposes
``add_parser(subparsers)``, which registers its parser and sets ``func`` to a
callable taking the parsed arguments and returning the exit status.
Errors go to stderr as one line; bad input exits with status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from nmt_bodymap import __version__
from nmt_bodymap.commands import UsageError

COMMAND_MODULES: tuple[str, ...] = (
    "nmt_bodymap.commands.selftest",
    "nmt_bodymap.commands.regions",
    "nmt_bodymap.commands.lookup",
    "nmt_bodymap.commands.backup",
    # Chart commands (docs/cli.md); a module not written yet is skipped.
    "nmt_bodymap.commands.init",
    "nmt_bodymap.commands.history",
    "nmt_bodymap.commands.report",
    "nmt_bodymap.commands.handout",
    "nmt_bodymap.commands.export",
    "nmt_bodymap.commands.import_chart",
    "nmt_bodymap.commands.encrypt",
)


__all__ = ["UsageError", "build_parser", "gui_main", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nmt-bodymap",
        description="Body map for neuromuscular therapy: opens the charting window "
        "unless a sub-command is given.",
    )
    parser.add_argument("--version", action="version", version=f"nmt-bodymap {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="chart database: a SQLite file path or a SQLAlchemy URL "
        "(default: charts.sqlite3 in the user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    try:
        if func is None:
            return _run_gui(args.db)
        return int(func(args) or 0)
    except UsageError as exc:
        print(f"nmt-bodymap: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one line, never a traceback; details in the log
        from nmt_bodymap.logs import report_cli_error

        return report_cli_error(exc)


def gui_main() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main()


def _run_gui(db: str | None) -> int:
    from nmt_bodymap.ui.app import run_app

    return run_app(db)
