"""Write screenshots of a realistic visit to docs/screenshots/ (off screen).

    python tools/screenshots.py [--out docs/screenshots]

A throw-away chart gets a client with a right-sided headache and neck pain; the
window shows the marks, the upper trapezius chosen among the candidates with
its referral zone and trigger points, then the treatment form with its timer.
Nothing touches the user's real data folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NMT_BODYMAP_DATA_DIR"] = tempfile.mkdtemp(prefix="nmt-bodymap-shots-")
# the window as a first start shows it: not the user's remembered tab or layout, none saved
os.environ["NMT_BODYMAP_CONFIG_DIR"] = os.path.join(os.environ["NMT_BODYMAP_DATA_DIR"], "settings")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot_chart import wait_until  # noqa: E402  # tools/, the script's own folder

from nmt_bodymap.ui.app import ensure_application, open_store_blocking  # noqa: E402
from nmt_bodymap.ui.chart.worker import StoreWorker  # noqa: E402
from nmt_bodymap.ui.theme import apply_theme  # noqa: E402

MARKS = (  # view, region, side, intensity, quality
    ("anterior", "temple", "right", 7, "ache"),
    ("anterior", "forehead", "right", 4, "ache"),
    ("posterior", "posterior_neck", "right", 6, "ache"),
    ("posterior", "neck_shoulder_angle", "right", 5, "sharp"),
    ("posterior", "occiput", "right", 3, "throbbing"),
)


SHOTS = (
    "visit-light.png",
    "body-map-highlight.png",
    "treatment-timer.png",
    "guide.png",
    "visit-summary.png",
    "visit-dark.png",
)


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2f33",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#202326",
        QPalette.ColorRole.AlternateBase: "#2b2f33",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353a3f",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2f7dd1",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353a3f",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    return palette


def seed_visit(worker: StoreWorker) -> int:
    """A client with a right-sided headache and neck pain; returns the visit id."""
    from nmt_bodymap.core.atlas import load_atlas

    atlas = load_atlas()
    done: list[int] = []

    def seed(s: Any) -> int:
        client = s.create_client(name="Maria Keller", date_of_birth="1979-03-14")
        earlier = s.create_visit(
            client.id,
            started_at=datetime.now(UTC) - timedelta(days=8),
            chief_complaint="Headaches at the right temple",
        )
        s.add_follow_up(earlier.id, soreness_hours=30, relief_days=5, note="Fewer headaches")
        visit = s.create_visit(
            client.id, chief_complaint="Right-sided headache and stiff neck after desk work"
        )
        s.add_finding(
            visit.id,
            muscle_id="upper_trapezius",
            side="right",
            trigger_point_id="tp1",
            activity="active",
            tenderness=8,
            referral_reproduced=True,
        )
        s.add_finding(visit.id, muscle_id="sternocleidomastoid", side="right", activity="latent")
        s.add_treatment(
            visit.id,
            muscle_id="upper_trapezius",
            side="right",
            trigger_point_id="tp1",
            technique="Static pressure",
            hold_seconds=20,
            repetitions=3,
            pressure_tolerance=6,
            response="Referral to the temple faded",
        )
        for view, region, side, intensity, quality in MARKS:
            x, y = atlas.region(view, region, side).point
            s.add_pain_mark(
                visit.id,
                view=view,
                x=x,
                y=y,
                region=region,
                side=side,  # type: ignore[attr-defined]
                intensity=intensity,
                quality=quality,
            )
        return visit.id

    worker.submit(seed, done.append)
    wait_until(lambda: bool(done))
    return done[0]


def build_window(worker: StoreWorker, visit_id: int) -> object:
    from nmt_bodymap.ui.main_window import MainWindow

    window = MainWindow(worker)
    window.resize(1600, 980)
    window.show()
    window.clients.search_edit.setText("Keller")
    window.clients.refresh(select_first=True)
    wait_until(lambda: window.marks.visit_id == visit_id)
    wait_until(lambda: len(window.marks.marks()) == len(MARKS))
    wait_until(lambda: worker.pending() == 0)
    wait_until(lambda: window.candidates.choose("upper_trapezius", "right"))
    QCoreApplication.processEvents()
    return window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    apply_theme(app)
    worker = StoreWorker()
    try:
        chart = Path(os.environ["NMT_BODYMAP_DATA_DIR"]) / "shots.sqlite3"
        open_store_blocking(worker, str(chart))
        visit_id = seed_visit(worker)
        window = build_window(worker, visit_id)
        window.grab().save(str(args.out / "visit-light.png"))  # type: ignore[attr-defined]
        map_panel = window.body_map  # type: ignore[attr-defined]
        map_panel.grab().save(str(args.out / "body-map-highlight.png"))

        from nmt_bodymap.ui.clinic.finding_dialogs import TreatmentDialog

        dialog = TreatmentDialog(
            window.knowledge.muscle("upper_trapezius"),
            "right",
            "tp1",  # type: ignore[attr-defined]
            window,
        )  # type: ignore[arg-type]
        dialog.show()
        dialog.timer.start(20)
        wait_until(lambda: dialog.timer.remaining_ms() < 13_500)
        dialog.grab().save(str(args.out / "treatment-timer.png"))
        dialog.close()
        for tab, name in ((window.guide, "guide.png"), (window.summary, "visit-summary.png")):  # type: ignore[attr-defined]
            window.side_tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
            if tab is window.guide:  # type: ignore[attr-defined]
                tab.select_muscle("levator_scapulae")
            wait_until(lambda: worker.pending() == 0)
            QCoreApplication.processEvents()
            window.grab().save(str(args.out / name))  # type: ignore[attr-defined]
        window.close()  # type: ignore[attr-defined]

        QApplication.setPalette(dark_palette())
        dark = build_window(worker, visit_id)
        dark.grab().save(str(args.out / "visit-dark.png"))  # type: ignore[attr-defined]
        dark.close()  # type: ignore[attr-defined]
    finally:
        worker.shutdown()
    for name in SHOTS:
        print(args.out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
