"""``nmt-bodymap handout --visit ID --out FILE.pdf``: the client handout of a visit."""

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
    parser = subparsers.add_parser("handout", help="write the client's after-care handout as a PDF")
    parser.add_argument("--visit", type=int, required=True, metavar="ID", help="visit id")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    add_common(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = output_path(args.out)

    def body() -> int:
        from nmt_bodymap.settings import load_settings
        from nmt_bodymap.ui.documents.handout import write_handout_pdf
        from nmt_bodymap.ui.documents.visit_data import collect_visit

        with open_chart(args) as store:
            data = collect_visit(store, args.visit)
        settings = load_settings()
        pages = write_handout_pdf(data, out, settings.paper, settings)
        result = {"visit": args.visit, "out": str(out), "pages": pages, "paper": settings.paper}
        report(args, result, f"Wrote the handout of visit {args.visit} to {out} ({pages} pages)")
        return 0

    return run_guarded(body)
