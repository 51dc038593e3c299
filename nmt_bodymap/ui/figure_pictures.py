"""The first frame's figures as pictures kept on disk (issue 18).

Drawing the two body figures from their SVG drawings (parse and anti-aliased render) was
the largest part of the first paint after the imports: ~10 ms to parse both drawings and
~30 ms to render them at window size, on every start. The window opens at the size it had
last time (``window_state``), so the figures are rendered once per size and kept: the first
paint reads the two pictures (raw premultiplied pixels, no decoding) and draws them.

An entry is found by a key over everything its pixels come from: the SVG bytes (length
and two checksums), the pixel size, the device pixel ratio, the Qt version and
:data:`FORMAT_VERSION`; a regenerated drawing or another size simply misses. An entry
carries its whole key and a checksum of its pixels, so a truncated or foreign file is a
miss, never drawn; writing is best effort (temporary file, then ``os.replace``: a read-only
cache folder only costs speed). The folder is ``core.atlas_cache``'s (the user cache folder
or ``NMT_BODYMAP_CACHE_DIR``); zlib's checksums, not hashlib's (OpenSSL alone took 3 ms to
load), keep the start light. The drawings' ``viewBox`` is read from the SVG text itself, so
the first paint needs no ``QSvgRenderer`` at all when both pictures are kept.
"""

from __future__ import annotations

import re
import struct
import zlib
from functools import cache
from pathlib import Path

from PySide6 import QtCore, QtGui

from nmt_bodymap.core.cache_files import CACHE_DIR_ENV as CACHE_DIR_ENV  # re-exported
from nmt_bodymap.core.cache_files import cache_dir, write_entry_file
from nmt_bodymap.resources import asset_path

KIND = "figure-picture"
FORMAT_VERSION = "1"
_MAGIC = b"NMTBODYMAP-FIGURE-1\n"
_HEAD = struct.Struct("<IIIiI")  # width, height, bytes per line, QImage.Format, pixels' crc32
_VIEW_BOX = re.compile(
    rb"<svg\b[^>]*?\sviewBox=\"\s*([-\d.eE+]+)[\s,]+([-\d.eE+]+)[\s,]+"
    rb"([-\d.eE+]+)[\s,]+([-\d.eE+]+)\s*\"",
    re.DOTALL,
)
_PIXELS = QtGui.QImage.Format.Format_ARGB32_Premultiplied


@cache
def drawing_bytes(view: str) -> bytes:
    """The SVG text of ``view``'s drawing (read once per process)."""
    return Path(asset_path("body_svgs", f"{view}.svg")).read_bytes()


@cache
def view_box(view: str) -> QtCore.QRectF | None:
    """The drawing's ``viewBox`` read from its root element, or None when it has none
    (then only a ``QSvgRenderer`` knows its box)."""
    found = _VIEW_BOX.search(drawing_bytes(view)[:4096])
    if found is None:
        return None
    x, y, width, height = (float(part) for part in found.groups())
    if width <= 0 or height <= 0:
        return None
    return QtCore.QRectF(x, y, width, height)


def picture_key(view: str, width: int, height: int, ratio: float) -> bytes:
    """Everything the picture's pixels are made from, spelt out (the entry keeps it whole)."""
    svg = drawing_bytes(view)
    return (
        f"{FORMAT_VERSION}|{QtCore.qVersion()}|{view}|{width}x{height}@{ratio:g}|"
        f"{len(svg)}:{zlib.crc32(svg):08x}:{zlib.adler32(svg):08x}"
    ).encode("ascii")


def _entry_path(key: bytes) -> Path:
    return cache_dir() / f"{KIND}-{zlib.crc32(key):08x}.bin"


def read_picture(view: str, width: int, height: int, ratio: float) -> QtGui.QImage | None:
    """The kept picture of ``view`` at ``width`` x ``height`` device pixels, or None when
    there is none or it is truncated, foreign or damaged. The pixels are read straight into
    the picture's own memory (no copy of the file's ~1 MB in between, issue 18)."""
    key = picture_key(view, width, height, ratio)
    start = len(_MAGIC) + len(key) + 1
    try:
        with _entry_path(key).open("rb") as entry:
            head = entry.read(start + _HEAD.size)
            if not head.startswith(_MAGIC) or head[len(_MAGIC) : start] != key + b"\n":
                return None  # written for another drawing or size under a clashing name
            if len(head) < start + _HEAD.size:
                return None
            w, h, per_line, form, checksum = _HEAD.unpack_from(head, start)
            if (w, h, form) != (width, height, _PIXELS.value):
                return None
            image = QtGui.QImage(w, h, _PIXELS)
            if image.isNull() or image.bytesPerLine() != per_line:
                return None
            pixels = image.bits()
            if entry.readinto(pixels) != per_line * h or entry.read(1):
                return None  # truncated, or longer than its picture
    except OSError:
        return None
    if zlib.crc32(pixels) != checksum:
        return None
    image.setDevicePixelRatio(ratio)
    return image


def write_picture(view: str, image: QtGui.QImage) -> bool:
    """Keep ``image`` (a rendered figure) for the next start; False when it cannot."""
    image = image.convertToFormat(_PIXELS)
    pixels = bytes(image.constBits())
    key = picture_key(view, image.width(), image.height(), image.devicePixelRatio())
    head = _HEAD.pack(
        image.width(), image.height(), image.bytesPerLine(), _PIXELS.value, zlib.crc32(pixels)
    )
    return write_entry_file(_entry_path(key), KIND, _MAGIC + key + b"\n" + head + pixels)


def render_picture(renderer: object, width: int, height: int, ratio: float) -> QtGui.QImage:
    """The drawing of ``renderer`` (a ``QSvgRenderer``) rendered at the given pixel size on
    a transparent picture, drawn over the widget's own background as the SVG itself was."""
    image = QtGui.QImage(width, height, _PIXELS)
    image.fill(0)
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QtCore.QRectF(0, 0, width, height))  # type: ignore[attr-defined]
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image
