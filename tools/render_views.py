"""Write the reference pictures of the body views to ``docs/views/``.

``python tools/render_views.py``: regions with their names, and the muscle layer, for both
views. Look at them after every change of the drawings.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nmt_bodymap.ui.map.render import render_view  # noqa: E402

OUT = ROOT / "docs" / "views"


def main() -> int:
    for view in ("anterior", "posterior"):
        for name, kwargs in (
            ("regions", {"show_regions": True, "show_labels": True, "show_muscles": False}),
            ("muscles", {"show_regions": False, "show_labels": False, "show_muscles": True}),
        ):
            target = render_view(view, OUT / f"{view}_{name}.png", width_px=1400, **kwargs)
            print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
