"""Test-session setup shared by every tier.

Qt runs off screen, and the app's data folder points at a throw-away folder so
no test ever touches a therapist's real charts (nor the user's geometry cache).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SESSION_DATA = Path(tempfile.mkdtemp(prefix="nmt-bodymap-tests-"))
os.environ["NMT_BODYMAP_DATA_DIR"] = str(_SESSION_DATA)
os.environ["NMT_BODYMAP_CACHE_DIR"] = str(_SESSION_DATA / "cache")  # never the real cache
os.environ["NMT_BODYMAP_CONFIG_DIR"] = str(_SESSION_DATA / "config")  # never the real settings
os.environ["NMT_BODYMAP_LOG_DIR"] = str(_SESSION_DATA / "logs")  # never the real log

REPO_ROOT = Path(__file__).resolve().parents[1]


def body_point(view: str, region: str, side: str) -> tuple[float, float]:
    """A point on the body: the representative point of ``region`` on ``side`` of ``view``
    (a mark's position must lie on the figure, not just inside the view box)."""
    from nmt_bodymap.core.atlas import load_atlas

    x, y = load_atlas().region(view, region, side).point  # type: ignore[arg-type]
    return float(x), float(y)
