"""Screenshots of the charting window and its forms on clinic screens (issue 15).

    python tools/screenshots_fit.py [--out docs/screenshots]

Each screen runs in its own off-screen process whose one screen is set through the
offscreen platform's config file and QT_SCALE_FACTOR: a 1366x768 laptop at 100 %,
1920x1080 at 150 % (1280x720 logical pixels) and a 2732x1536 screen at 200 % (1366x768
logical). The window sizes itself from the screen as on a first start; the grabs are in
device pixels, so the high-DPI files have 1.5x / 2x the pixels.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from screenshot_chart import (  # tools/, the script's own folder
    chart_example_visit,
    throwaway_chart,
    wait_until,
)

ROOT = Path(__file__).resolve().parents[1]

SCREENS = {  # name: (device pixels wide, high, QT_SCALE_FACTOR)
    "1366x768": (1366, 768, 1.0),
    "1920x1080-150": (1920, 1080, 1.5),
    "1366x768-200": (2732, 1536, 2.0),
}


def child(name: str, out: Path) -> None:
    """Runs in the per-screen process: build the scene, grab the window and forms."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from nmt_bodymap.ui.clinic.finding_dialogs import TreatmentDialog
    from nmt_bodymap.ui.clinic.intake_dialog import IntakeDialog
    from nmt_bodymap.ui.main_window import MainWindow
    from nmt_bodymap.ui.theme import apply_theme

    app = QApplication([])
    apply_theme(app)
    worker, client = throwaway_chart("Right temple headache", timeout=20.0)
    window = MainWindow(worker)
    window.setWindowTitle("NMT Body Map — charts (this computer)")
    window.show()
    window.start()
    chart_example_visit(window, worker)
    screen = window.screen()
    print(
        f"{name}: screen {screen.availableGeometry().width()}x"
        f"{screen.availableGeometry().height()} dpr {screen.devicePixelRatio()}, "
        f"window {window.width()}x{window.height()}",
        file=sys.stderr,
    )
    window.grab().save(str(out / f"fit-{name}-window.png"))

    intake = IntakeDialog(worker.submit, client.id, window)
    intake.show()
    wait_until(lambda: intake.loaded)
    intake.set_answer("fever_chills", True)
    for _ in range(10):
        QApplication.processEvents()
    intake.grab().save(str(out / f"fit-{name}-intake.png"))
    intake.close()

    treatment = TreatmentDialog(
        window.knowledge.muscle("upper_trapezius"),
        "right",
        window.knowledge.muscle("upper_trapezius").trigger_points[0].id,
        window,
        warning="Screening answered yes: fever or chills",
    )
    treatment.holds.setText("20 s, 10 s")
    treatment.show()
    for _ in range(10):
        QApplication.processEvents()
    treatment.grab().save(str(out / f"fit-{name}-treatment.png"))
    treatment.close()
    window.close()
    worker.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        child(args.child, args.out)
        return 0
    for name, (width, height, ratio) in SCREENS.items():
        with tempfile.TemporaryDirectory(prefix="nmt-shots-") as folder:
            config = Path(folder) / "screen.json"
            screen = {"name": name, "x": 0, "y": 0, "width": width, "height": height}
            screen.update({"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1})
            config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
            env = dict(os.environ)
            env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
            env["QT_SCALE_FACTOR"] = str(ratio)
            env["NMT_BODYMAP_DATA_DIR"] = str(Path(folder) / "data")
            env["NMT_BODYMAP_CONFIG_DIR"] = str(Path(folder) / "config")
            env["NMT_BODYMAP_CACHE_DIR"] = env.get(
                "NMT_BODYMAP_CACHE_DIR", str(Path(folder) / "cache")
            )
            command = [sys.executable, __file__, "--out", str(args.out), "--child", name]
            subprocess.run(command, env=env, check=True, timeout=300)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
