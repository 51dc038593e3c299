"""Pixel comparison of the body map between two checkouts (issue 18, branch mappaint).

Grabs both body views for a fixed set of states and saves them as PNG files; run it with
each checkout's package first on the path and compare the folders byte for byte:

    PYTHONPATH=/path/to/old python bench/map_pixels.py /tmp/px/old
    PYTHONPATH=/path/to/new python bench/map_pixels.py /tmp/px/new
    python bench/map_pixels.py --compare /tmp/px/old /tmp/px/new

``QT_SCALE_FACTOR=2`` in the environment grabs at device pixel ratio 2. The states:

- ``scene-*``: a view on its own, light and dark, both views: marks of every quality and
  intensity (saving, saved, unsaved, moved aside from close neighbours), a selection, zones
  (essential, spillover), muscles (solid and deep), pins; the highlight changed, put out
  and lit again; a score changed, a mark moved; zoomed in, panned, fitted again.
- ``window-*``: the real window with a chart in a temporary folder: seeded clicks on the
  figure (both views), one of the three best candidates chosen, every third click undone.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

ARM = ("upper_trapezius", "right")
CHEST = ("pectoralis_major", "left")


def _settle() -> None:
    from PySide6.QtTest import QTest

    for _round in range(5):
        QTest.qWait(20)


def _scene_shots(out: Path) -> int:
    from PySide6.QtTest import QTest

    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.ui.chart.marks import QUALITIES, MarkState
    from nmt_bodymap.ui.map.body_scene import BodyScene
    from nmt_bodymap.ui.map.body_view import BodyView
    from nmt_bodymap.ui.map.palette import MapColors

    atlas = load_atlas()
    shots = 0
    kept: list[tuple[Any, Any]] = []

    def mark(view: str, n: int, status: Any) -> MarkState:
        x, y = 60.0 + 21.0 * (n % 7), 110.0 + 90.0 * (n // 7)
        quality = QUALITIES[n % len(QUALITIES)]
        return MarkState(f"{view}{n}", view, x, y, "sternum", "midline", n % 11, quality, status)

    for dark in (False, True):
        for name in ("anterior", "posterior"):
            scene = BodyScene(name, atlas, MapColors(dark=dark))
            view = BodyView(scene, "Title")
            view.resize(430, 660)
            view.show()
            QTest.qWaitForWindowExposed(view)

            def shot(step: int, view: Any = view, name: str = name, dark: bool = dark) -> None:
                nonlocal shots
                _settle()
                view.grab().save(
                    str(out / f"scene-{'dark' if dark else 'light'}-{name}-{step}.png")
                )
                shots += 1

            marks = [mark(name, n, "unsaved" if n in (4, 9) else "saving") for n in range(22)]
            for m in marks:
                scene.put_mark(m)
            shot(0)
            for m in marks:
                scene.put_mark(m.with_status("saved") if m.status == "saving" else m)
            scene.show_selection({f"{name}3", f"{name}12"})
            zones = {("acromion", "right"): "essential", ("antecubital", "right"): "spillover"}
            scene.set_highlight(
                {**zones, ("acromion", "left"): "spillover"}, [(ARM, False), (CHEST, True)]
            )
            scene.add_pin(*ARM, "tp1", "TP1", (150.0, 160.0))
            scene.add_pin(*ARM, "tp2", "TP2", (120.0, 260.0))
            shot(1)
            scene.set_highlight({("acromion", "right"): "essential"}, [(ARM, False)])
            scene.add_pin(*ARM, "tp1", "TP1", (200.0, 190.0))
            scene.put_mark(marks[5].with_details(10, "burning"))
            scene.put_mark(marks[6].moved(250.0, 400.0, "sternum", "midline"))
            scene.show_selection({f"{name}6"})
            shot(2)
            view.zoom_in()
            shot(3)
            scene.clear_highlight()
            scene.show_selection(set())
            shot(4)
            scene.set_highlight({("acromion", "right"): "spillover"}, [(CHEST, True)])
            shot(5)
            scene.set_highlight({("acromion", "right"): "essential"}, [(ARM, False), (CHEST, True)])
            shot(6)
            view.pan_by(13, -7)
            shot(7)
            scene.set_highlight({}, [(ARM, False)])
            _settle()
            scene.set_highlight({}, [(CHEST, True), (ARM, False)])
            shot(8)
            view.fit()
            shot(9)
            view.close()
            kept.append((scene, view))
    for _scene, view in kept:  # the views let go of their scenes before either is deleted
        view.setScene(None)  # type: ignore[arg-type]
        view.deleteLater()
    _settle()
    kept.clear()
    return shots


def _window_shots(out: Path, clicks: int = 40) -> int:
    import bench_click as bc
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from nmt_bodymap.ui.map.map_items import TriggerPointPin

    with tempfile.TemporaryDirectory(prefix="nmt-map-pixels-") as tmp:
        window, worker = bc._open_window(Path(tmp) / "charts.sqlite3")
        window.side_tabs.setCurrentWidget(window.candidates)
        paints = bc._PaintCounter(window)
        shots = 0

        def shot() -> None:
            nonlocal shots
            bc._wait_until(lambda: worker.pending() == 0)
            bc._event_loop_turn(paints)
            for name, body_view in window.body_map.views.items():
                body_view.viewport().grab().save(str(out / f"window-{shots:03d}-{name}.png"))
            shots += 1

        for k, (view, pos) in enumerate(bc._click_points(window, 2 * clicks, random.Random(11))):
            if shots >= clicks:
                break
            if isinstance(window.body_map.views[view]._item_at(pos), TriggerPointPin):
                continue
            viewport = window.body_map.views[view].viewport()
            QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
            listed = window.candidates.candidates()
            if listed:
                chosen = listed[k % min(3, len(listed))]
                window.candidates.choose(chosen.muscle, chosen.side)
            shot()
            if k % 3 == 2:
                window.undo_stack.undo()
                shot()
        window.close()
        worker.shutdown()
    return shots


def _compare(old: Path, new: Path) -> int:
    names = sorted(p.name for p in old.glob("*.png"))
    differ = [n for n in names if (old / n).read_bytes() != (new / n).read_bytes()]
    missing = [n for n in names if not (new / n).is_file()]
    print(f"{len(names)} grabs compared, {len(differ)} differ, {len(missing)} missing")
    for name in differ + missing:
        print("  ", name)
    return 1 if differ or missing or not names else 0


def main() -> int:
    if sys.argv[1:2] == ["--compare"]:
        return _compare(Path(sys.argv[2]), Path(sys.argv[3]))
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_click
    from nmt_bodymap.ui.app import ensure_application

    app = ensure_application()
    _scene_shots(out)
    _window_shots(out)
    grabs = len(list(out.glob("*.png")))
    print(f"{grabs} grabs at device pixel ratio {app.devicePixelRatio()} in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
