"""``nmt-bodymap export --client ID --format json|csv|fhir --out PATH``: a client's chart.

``json`` is the app's documented, versioned schema (docs/export-format.md), ``csv`` a zip of
one file per table, ``fhir`` an HL7 FHIR R4 Bundle (JSON).
"""

from __future__ import annotations

import argparse

from nmt_bodymap.commands.chart_command import (
    add_common,
    open_chart,
    output_path,
    report,
    run_guarded,
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help="export a client's whole chart")
    parser.add_argument("--client", type=int, required=True, metavar="ID", help="client id")
    parser.add_argument(
        "--format", required=True, choices=("json", "csv", "fhir"), help="file format"
    )
    parser.add_argument("--out", required=True, metavar="PATH", help="the file to write")
    add_common(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = output_path(args.out)

    def body() -> int:
        from nmt_bodymap.store.exports import export_chart

        with open_chart(args) as store:
            written = export_chart(store, args.client, args.format, out)
        size = written.stat().st_size
        result = {"client": args.client, "format": args.format, "out": str(written), "bytes": size}
        report(args, result, f"Exported client {args.client} as {args.format} to {written}")
        return 0

    return run_guarded(body)
