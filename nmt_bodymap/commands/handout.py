"""``nmt-bodymap handout --visit ID --out FILE.pdf``: the client handout of a visit."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from nmt_bodymap.commands.chart_command import add_chart_parser, run_chart_command


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    add_chart_parser(
        subparsers,
        "handout",
        "write the client's after-care handout as a PDF",
        run,
        target="visit",
    )


def run(args: argparse.Namespace) -> int:
    def write(store: Any, out: Path) -> tuple[dict[str, Any], str]:
        from nmt_bodymap.settings import load_settings
        from nmt_bodymap.ui.documents.handout import write_handout_pdf
        from nmt_bodymap.ui.documents.visit_data import collect_visit

        data = collect_visit(store, args.visit)
        settings = load_settings()
        pages = write_handout_pdf(data, out, settings.paper, settings)
        result = {"visit": args.visit, "out": str(out), "pages": pages, "paper": settings.paper}
        return result, f"Wrote the handout of visit {args.visit} to {out} ({pages} pages)"

    return run_chart_command(args, write)
