"""``nmt-bodymap import FILE.json``: add a client exported by this app to this chart.

The whole file is checked before anything is written (docs/export-format.md); a file that
does not validate is refused with the reason (exit 1) and the chart is left as it was.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nmt_bodymap.commands.chart_command import add_common, open_chart, report, run_guarded


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help="add a client from a JSON chart export")
    parser.add_argument("file", metavar="FILE.json", help="a file written by export --format json")
    add_common(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from nmt_bodymap.commands import UsageError

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise UsageError(f"there is no file {source}")

    def body() -> int:
        from nmt_bodymap.store.import_chart import import_chart, read_export

        read_export(source)  # refuse a bad file before the chart is even opened
        with open_chart(args, must_exist=False) as store:
            client = import_chart(store, source)
            visits = len(store.list_visits(client.id))
        result = {"client": client.id, "visits": visits, "file": str(source)}
        report(args, result, f"Imported {source.name} as client {client.id} ({visits} visits)")
        return 0

    return run_guarded(body)
