"""Sample documents of the demo visit, as PDFs and as PNG pages for docs/documents/.

    python -m nmt_bodymap.ui.documents.samples docs/documents

Seeds the demo client in a throw-away chart, writes the visit report (A4 and Letter), the
handout and the body-chart picture, and renders pages with ``pdftoppm`` at 96 dpi (A4 at
100 % on a screen) so the pictures can be looked at.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from nmt_bodymap.settings import Settings

SAMPLE_CLINIC = Settings(
    clinic_name="Harbour Street Clinic",
    clinic_address="12 Harbour Street\nPortsmouth PO1 2AB",
    therapist_name="Sam Lee",
)


def render_samples(folder: Path) -> list[Path]:
    from nmt_bodymap.store import ChartStore
    from nmt_bodymap.store.demo import seed_demo_client
    from nmt_bodymap.ui.documents.handout import write_handout_pdf
    from nmt_bodymap.ui.documents.report import write_report_pdf
    from nmt_bodymap.ui.documents.visit_data import collect_visit

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        store = ChartStore.open(Path(tmp) / "demo.sqlite3", backup_on_close=False)
        try:
            client = seed_demo_client(store, today=datetime(2026, 12, 1, tzinfo=UTC))
            visit = store.list_visits(client.id)[-1]
            data = collect_visit(store, visit.id)
        finally:
            store.close()
        pdfs: dict[str, tuple[Callable[[Path], int], int]] = {  # name -> (writer, last page)
            "report-a4": (lambda p: write_report_pdf(data, p, "a4", SAMPLE_CLINIC), 2),
            "report-letter": (lambda p: write_report_pdf(data, p, "letter", SAMPLE_CLINIC), 1),
            "handout-a4": (lambda p: write_handout_pdf(data, p, "a4", SAMPLE_CLINIC), 2),
        }
        for name, (write, last) in pdfs.items():
            pdf = Path(tmp) / f"{name}.pdf"
            write(pdf)
            subprocess.run(
                ["pdftoppm", "-r", "96", "-l", str(last), "-png", str(pdf), str(folder / name)],
                check=True,
            )
    for png in sorted(folder.glob("*.png")):
        written.append(png)
    return written


if __name__ == "__main__":
    for path in render_samples(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/documents")):
        print(path)
