"""Pillow is imported when the first thumbnail is made, not with the modules that make
thumbnails (issue 18: the window's modules import them on the start path). Run in a fresh
process, where nothing else has imported Pillow yet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import json, sys
    import nmt_bodymap.core.thumbnails as thumbnails
    import nmt_bodymap.core.progress_history
    import nmt_bodymap.ui.chart.visit_panel
    import nmt_bodymap.ui.progress.progress_view
    report = {"imported": "PIL" in sys.modules}
    png = thumbnails.marks_thumbnail([], height=32)
    report["made"] = png[:8] == b"\\x89PNG\\r\\n\\x1a\\n" and "PIL" in sys.modules
    print(json.dumps(report))
    """
)


def test_pillow_is_imported_with_the_first_thumbnail_only() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"imported": False, "made": True}
