"""Check the body drawings after an edit: ``python tools/validate_drawings.py [FOLDER]``.

The SVGs in ``assets/body_svgs`` are the source of the body map's geometry (edit them in
Inkscape, keep the ids); ``tools/bodygen`` only bootstrapped them. This prints one line per
problem (ids against ``resources/regions.yaml``, tiling of the outline, sides, mirroring)
and exits 1 when there is any, 0 with "drawings OK" when there is none.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nmt_bodymap.core.drawing_check import check_drawings  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="check the body drawings (SVG)")
    parser.add_argument(
        "folder",
        nargs="?",
        default=str(ROOT / "assets" / "body_svgs"),
        help="folder holding anterior.svg and posterior.svg (default: the app's drawings)",
    )
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"validate_drawings: error: {folder} is not a folder", file=sys.stderr)
        return 2
    problems = check_drawings(folder)
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    print(f"drawings OK: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
