"""The ``nmt-bodymap`` command: the GUI by default, sub-commands for scripting.

Each sub-command lives in ``nmt_bodymap.commands.<name>`` and exposes
``add_parser(subparsers)``, which registers its parser and sets ``func`` to a
callable taking the parsed arguments and returning the exit status.
Errors go to stderr as one line; bad input exits with status 2.

Starting the window (no sub-command named) imports none of the sub-command modules:
they pull in the store and the ranking (SQLAlchemy, pydantic, YAML), which the window
loads on its worker and loader threads after its first paint (issue 18).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from nmt_bodymap import __version__
from nmt_bodymap.commands import UsageError

if TYPE_CHECKING:
    import argparse

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


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The command's parser; ``with_commands=False`` leaves the sub-commands out (the
    window's start, which names none of them)."""
    import argparse

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
    for module_name in COMMAND_MODULES if with_commands else ():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.add_parser(subparsers)
    return parser


def names_a_command(argv: Sequence[str]) -> bool:
    """Whether ``argv`` may name a sub-command or ask for help (then every sub-command's
    parser is needed); False for the window's start (only ``--db``, ``--version``)."""
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--db":
            i += 2
            continue
        if not arg.startswith("-") or arg in ("-", "--", "-h", "--help"):
            return True
        i += 1
    return False


def window_only(argv: Sequence[str]) -> tuple[str | None] | None:
    """``(db,)`` when ``argv`` only starts the window (nothing, ``--db PATH`` or
    ``--db=PATH``): what argparse would make of it, without building the parser (the
    desktop launcher's start, issue 18). None for anything else, which the parser reads."""
    if not argv:
        return (None,)
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return (argv[1],)
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return (argv[0][len("--db=") :],)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window = window_only(argv)
    try:
        if window is not None:
            return _run_gui(window[0])
        args = build_parser(with_commands=names_a_command(argv)).parse_args(argv)
        func = getattr(args, "func", None)
        if func is None:
            return _run_gui(args.db)
        _log_to_file()
        return int(func(args) or 0)
    except UsageError as exc:
        print(f"nmt-bodymap: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one line, never a traceback; details in the log
        from nmt_bodymap.logs import report_cli_error

        return report_cli_error(exc)


def _log_to_file() -> None:
    """A command's log records go to the log file (scrubbed of row values), not to stderr:
    without a handler Python prints warnings and errors there (the engine's "database
    error: ..." with the driver's text, before the command's own one line). No log folder:
    they are dropped."""
    import logging

    from nmt_bodymap.logs import setup_logging

    try:
        setup_logging(crash_file=False)
    except OSError:
        logging.getLogger().addHandler(logging.NullHandler())


def gui_main() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main()


def _run_gui(db: str | None) -> int:
    unwrap_key_at_launch(db)
    from nmt_bodymap.ui.app import run_app

    return run_app(db)


def unwrap_key_at_launch(db: str | None) -> bool:
    """An encrypted chart with the secret in the environment: its key is unwrapped on a
    thread from now on (``store/key_soon``), before the window's imports, while the process
    holds least memory (argon2id's 64 MiB on top of ~10 MiB, not of the window's, issue 18).
    Only the standard library is imported for it here."""
    if db is None:
        from nmt_bodymap import paths

        db = str(paths.default_database_path())
    from nmt_bodymap.store import key_soon

    return key_soon.start(db)
