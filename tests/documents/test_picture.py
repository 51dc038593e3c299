"""The body-chart PNG: the marks on both views, and nothing about who it is in the file."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from PIL import Image

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.store import ChartStore
from nmt_bodymap.ui.documents.picture import HEIGHT_PX, write_body_chart_png
from nmt_bodymap.ui.documents.visit_data import collect_visit


def _chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    kinds, i = [], 8
    while i < len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        kinds.append(data[i + 4 : i + 8])
        i += 12 + length
    return kinds


def test_body_chart_png_has_the_marks_and_no_metadata(
    qapp: Any, demo_store: ChartStore, demo_visit: Any, tmp_path: Path
) -> None:
    data = collect_visit(demo_store, demo_visit.id)
    path = write_body_chart_png(data, tmp_path / "chart.png")
    raw = path.read_bytes()
    assert set(_chunks(raw)) == {b"IHDR", b"IDAT", b"IEND"}, "no text, time or other chunk"
    assert b"Demo Client" not in raw
    with Image.open(path) as picture:
        assert picture.info == {} or set(picture.info) <= {"dpi"}
        pixels = picture.convert("RGB")
        width = pixels.width
        # The temple mark (intensity 7: a dark purple symbol) sits at its place on the front view.
        temple = next(m for m in data.marks if m.region == "temple")
        atlas = load_atlas()
        outline = atlas.outline("anterior").bounds
        margin = 0.02 * (outline[3] - outline[1])
        scale = HEIGHT_PX / (outline[3] - outline[1] + 2 * margin)
        x = round(temple.x * scale)
        y = round((temple.y - outline[1] + margin) * scale)
        r, g, b = pixels.getpixel((x, y - 4))
        assert r < 160 and g < 80 and b < 160, "the symbol's intensity colour at the mark"
        assert width > 2 * HEIGHT_PX * 0.45
