"""``nmt-bodymap export --client ID --format json|csv|fhir --out PATH``: a client's chart.

``json`` is the app's documented, versioned schema (docs/export-format.md), ``csv`` a zip of
one file per table, ``fhir`` an HL7 FHIR R4 Bundle (JSON).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from nmt_bodymap.commands.chart_command import add_chart_parser, run_chart_command


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = add_chart_parser(
        subparsers,
        "export",
        "export a client's whole chart",
        run,
        target="client",
        out_metavar="PATH",
        out_help="the file to write",
    )
    parser.add_argument(
        "--format", required=True, choices=("json", "csv", "fhir"), help="file format"
    )


def run(args: argparse.Namespace) -> int:
    def write(store: Any, out: Path) -> tuple[dict[str, Any], str]:
        from nmt_bodymap.store.exports import export_chart

        written = export_chart(store, args.client, args.format, out)
        size = written.stat().st_size
        result = {"client": args.client, "format": args.format, "out": str(written), "bytes": size}
        return result, f"Exported client {args.client} as {args.format} to {written}"

    return run_chart_command(args, write)
