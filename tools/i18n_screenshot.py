"""The German window on a 1366x768 screen (issue 19), and what would not fit.

    python tools/i18n_screenshot.py [--out docs/screenshots] [--language de]

Runs itself in an off-screen process with one 1366x768 screen (like
tools/screenshots_fit.py), installs the language as the app does at start, opens a
throw-away chart with a client and a visit, marks four places and grabs the window
(``main-window-<lang>.png``), the Settings dialog (``settings-<lang>.png``) and the About
dialog (``about-<lang>.png``). Every
visible button, check box, label and tab whose text is wider than the space it got is
listed on stderr ("clipped: ..."); the exit status is 1 when there is one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from screenshot_chart import chart_example_visit, throwaway_chart  # tools/, its own folder
from screenshot_chart import wait_until as _wait_until

wait_until = partial(_wait_until, timeout=30.0)

ROOT = Path(__file__).resolve().parents[1]


def clipped(top: Any) -> list[str]:
    """Visible texts under ``top`` that are wider than their widget (or tab)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

    found: list[str] = []
    for widget in [top, *top.findChildren(QAbstractButton), *top.findChildren(QLabel)]:
        if not widget.isVisibleTo(top) or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        if not isinstance(widget, (QAbstractButton, QLabel)) or not widget.text():
            continue
        if widget.sizeHint().width() > widget.width() + 1:
            found.append(f"{type(widget).__name__} {widget.text()!r}")
    for bar in top.findChildren(QTabBar):
        if not bar.isVisibleTo(top):
            continue
        for index in range(bar.count()):
            text = bar.tabText(index).replace("&", "")
            need = bar.fontMetrics().horizontalAdvance(text)
            if need > bar.tabRect(index).width() - 8:
                found.append(f"tab {text!r}")
    return found


def child(language: str, out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from nmt_bodymap.ui.about_dialog import AboutDialog
    from nmt_bodymap.ui.i18n import install_language
    from nmt_bodymap.ui.main_window import MainWindow
    from nmt_bodymap.ui.map.labels import set_knowledge_language
    from nmt_bodymap.ui.settings_dialog import SettingsDialog
    from nmt_bodymap.ui.theme import apply_theme

    app = QApplication([])
    install_language(app, language)
    set_knowledge_language(language)  # place and muscle names too, as Settings would give
    apply_theme(app)
    worker, _client = throwaway_chart("Kopfschmerz rechte Schläfe", timeout=30.0)
    window = MainWindow(worker)
    window.setWindowTitle("NMT Body Map — Karteien (dieser Computer)")
    window.show()
    window.resize(1366, 768)
    window.start()
    chart_example_visit(window, worker, timeout=30.0)
    window.grab().save(str(out / f"main-window-{language}.png"))
    problems = [f"window: {text}" for text in clipped(window)]

    dialog = SettingsDialog(window)
    dialog.show()
    for _ in range(10):
        QApplication.processEvents()
    dialog.grab().save(str(out / f"settings-{language}.png"))
    problems += [f"settings: {text}" for text in clipped(dialog)]
    dialog.close()

    about = AboutDialog(window)
    about.show()
    for _ in range(10):
        QApplication.processEvents()
    about.grab().save(str(out / f"about-{language}.png"))
    problems += [f"about: {text}" for text in clipped(about)]
    about.close()
    print(f"window {window.width()}x{window.height()}", file=sys.stderr)
    for line in problems:
        print(f"clipped: {line}", file=sys.stderr)
    window.close()
    worker.shutdown()
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", default="de")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return child(args.language, args.out)
    with tempfile.TemporaryDirectory(prefix="nmt-shots-") as folder:
        config = Path(folder) / "screen.json"
        screen = {"name": "1366x768", "x": 0, "y": 0, "width": 1366, "height": 768}
        screen.update({"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1})
        config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        env["QT_SCALE_FACTOR"] = "1"
        env["NMT_BODYMAP_DATA_DIR"] = str(Path(folder) / "data")
        env["NMT_BODYMAP_CONFIG_DIR"] = str(Path(folder) / "config")
        env.setdefault("NMT_BODYMAP_CACHE_DIR", str(Path(folder) / "cache"))
        command = [sys.executable, __file__, "--out", str(args.out), "--child"]
        command += ["--language", args.language]
        return subprocess.run(command, env=env, timeout=300).returncode


if __name__ == "__main__":
    raise SystemExit(main())
