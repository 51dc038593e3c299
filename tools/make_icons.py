"""Render the application icon from its SVG source into every size the platforms want.

    .venv/bin/python tools/make_icons.py      # writes into resources/icons/

Qt's SVG renderer draws ``resources/icons/nmt-bodymap.svg`` at each size (a PNG per size,
16 to 512 px, anti-aliased, transparent corners); pillow packs the Windows ``.ico``
(16-256) and the macOS ``.icns`` (16-512) from those PNGs. Output is deterministic:
re-running on an unchanged SVG rewrites identical files. Run it after editing the SVG and
commit the results (the installer spec and the window use them).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
SOURCE = ICON_DIR / "nmt-bodymap.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn at ``size`` x ``size`` pixels as an RGBA pillow image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def png_path(size: int, folder: Path = ICON_DIR) -> Path:
    return folder / f"nmt-bodymap-{size}.png"


def make_icons(source: Path = SOURCE, folder: Path = ICON_DIR) -> list[Path]:
    """Write the PNG sizes, the ICO and the ICNS; returns the files written."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG")
    images = {size: render(renderer, size) for size in PNG_SIZES}
    retina = render(renderer, 1024)  # the ICNS 512@2x entry, drawn rather than upscaled
    written = []
    for size, image in images.items():
        path = png_path(size, folder)
        image.save(path, optimize=True)
        written.append(path)
    largest = images[max(PNG_SIZES)]
    ico = folder / "nmt-bodymap.ico"
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    icns = folder / "nmt-bodymap.icns"
    retina.save(icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES])
    written += [ico, icns]
    return written


if __name__ == "__main__":
    for path in make_icons():
        print(path.relative_to(ICON_DIR.parents[1]))
