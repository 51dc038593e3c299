"""``bench_click`` with the window set up as the app sets it up (branch listcost, issue 18).

``run_app`` installs the accessibility filter (``install_accessibility``: every control
named, the candidate list's rows given their spoken text by ``speak_tree_rows``) and the
theme (``apply_theme``: Fusion, a 10 pt font); ``bench_click`` opens its window without
either. The spoken row texts follow every change of the candidate list, so a click's cost in
the app includes them: until 2026-12-02 they were read again for each moved row and each
cell set (14 ms of a 22 ms click, bench/NOTES.md). This script runs ``bench_click.run``
after both, the figures printed alike.

    python bench/bench_click_app.py [--clicks 300]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

import bench_click  # after the paths above


def main() -> int:
    parser = argparse.ArgumentParser(description="click-to-highlight latency, as the app")
    parser.add_argument("--clicks", type=int, default=None)
    args = parser.parse_args()
    from nmt_bodymap.ui.accessibility import install_accessibility
    from nmt_bodymap.ui.app import ensure_application
    from nmt_bodymap.ui.theme import apply_theme

    app = ensure_application()
    install_accessibility(app)
    apply_theme(app)
    for name, value in bench_click.run(args.clicks).items():
        print(f"{name:<22} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
