"""Screenshots of the desktop conventions (off screen) into docs/screenshots/.

    .venv/bin/python tools/desktop_screenshots.py                  # 1x
    QT_SCALE_FACTOR=2 .venv/bin/python tools/desktop_screenshots.py  # device pixel ratio 2

The About dialog (its Licence and Clinical sources tabs), the Settings dialog, the window
at 1366x768 with the visit-list thumbnails, and the icon sizes. Files at ratio 2 get an
``@2x`` suffix. A throw-away chart and config folder: nothing touches the user's data.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NMT_BODYMAP_CONFIG_DIR"] = tempfile.mkdtemp(prefix="nmt-bodymap-shots-config-")

from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from nmt_bodymap.settings import Settings, save_settings  # noqa: E402
from nmt_bodymap.ui.about_dialog import AboutDialog  # noqa: E402
from nmt_bodymap.ui.app import ensure_application, open_store_blocking  # noqa: E402
from nmt_bodymap.ui.chart.worker import StoreWorker  # noqa: E402
from nmt_bodymap.ui.settings_dialog import SettingsDialog  # noqa: E402
from nmt_bodymap.ui.theme import apply_theme  # noqa: E402
from tools.screenshots import seed_visit, wait_until  # noqa: E402  (sets the data folder)

OUT = ROOT / "docs" / "screenshots"


def save(widget: QWidget, name: str, suffix: str) -> Path:
    path = OUT / f"{name}{suffix}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))
    return path


def icon_sheet(path: Path) -> None:
    sizes = (256, 128, 64, 48, 32, 24, 16)
    sheet = Image.new("RGBA", (sum(sizes) + 8 * (len(sizes) + 1), 272), (255, 255, 255, 255))
    x = 8
    for size in sizes:
        sheet.paste(Image.open(ROOT / "resources" / "icons" / f"nmt-bodymap-{size}.png"), (x, 8))
        x += size + 8
    sheet.save(path)
    print(path.relative_to(ROOT))


def main() -> None:
    app = ensure_application()
    apply_theme(app)
    ratio = app.devicePixelRatio()
    suffix = "@2x" if ratio >= 2 else ""
    save_settings(
        Settings(
            clinic_name="Harbour Street Clinic",
            clinic_address="4 Harbour Street\nKiel",
            therapist_name="J. Weber",
            backup_folder=str(Path.home()),
        )
    )
    about = AboutDialog()
    about.show()
    save(about, "about", suffix)
    about.tabs.setCurrentIndex(1)
    save(about, "about-sources", suffix)
    settings = SettingsDialog()
    settings.show()
    save(settings, "settings", suffix)

    from nmt_bodymap.ui.main_window import MainWindow

    worker = StoreWorker()
    try:
        open_store_blocking(worker, str(Path(tempfile.mkdtemp()) / "charts.sqlite3"))
        seed_visit(worker)
        window = MainWindow(worker)
        window.resize(1366, 768)
        window.show()
        window.start()
        wait_until(lambda: window.visits.list.count() == 2)
        wait_until(
            lambda: all(
                not window.visits.list.item(i).icon().isNull()
                for i in range(window.visits.list.count())
            )
        )
        save(window, "visit-list-thumbnails", suffix)
        window.close()
    finally:
        worker.shutdown()
    if not suffix:
        icon_sheet(OUT / "icon.png")


if __name__ == "__main__":
    main()
