"""``nmt-bodymap report --visit ID --out FILE.pdf [--paper a4|letter]``: the visit report."""

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
    parser = subparsers.add_parser("report", help="write the visit report as a PDF")
    parser.add_argument("--visit", type=int, required=True, metavar="ID", help="visit id")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    parser.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size (default: the settings' paper)"
    )
    add_common(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = output_path(args.out)

    def body() -> int:
        from nmt_bodymap.settings import load_settings
        from nmt_bodymap.ui.documents.report import write_report_pdf
        from nmt_bodymap.ui.documents.visit_data import collect_visit

        with open_chart(args) as store:
            data = collect_visit(store, args.visit)
        settings = load_settings()
        paper = args.paper or settings.paper
        pages = write_report_pdf(data, out, paper, settings)
        result = {"visit": args.visit, "out": str(out), "pages": pages, "paper": paper}
        report(args, result, f"Wrote the report of visit {args.visit} to {out} ({pages} pages)")
        return 0

    return run_guarded(body)
