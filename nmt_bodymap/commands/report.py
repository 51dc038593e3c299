"""``nmt-bodymap report --visit ID --out FILE.pdf [--paper a4|letter]``: the visit report."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from nmt_bodymap.commands.chart_command import add_chart_parser, run_chart_command


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = add_chart_parser(
        subparsers, "report", "write the visit report as a PDF", run, target="visit"
    )
    parser.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size (default: the settings' paper)"
    )


def run(args: argparse.Namespace) -> int:
    def write(store: Any, out: Path) -> tuple[dict[str, Any], str]:
        from nmt_bodymap.settings import load_settings
        from nmt_bodymap.ui.documents.report import write_report_pdf
        from nmt_bodymap.ui.documents.visit_data import collect_visit

        data = collect_visit(store, args.visit)
        settings = load_settings()
        paper = args.paper or settings.paper
        pages = write_report_pdf(data, out, paper, settings)
        result = {"visit": args.visit, "out": str(out), "pages": pages, "paper": paper}
        return result, f"Wrote the report of visit {args.visit} to {out} ({pages} pages)"

    return run_chart_command(args, write)
