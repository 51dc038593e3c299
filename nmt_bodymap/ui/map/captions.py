"""The words drawn on the body pictures ("Client's right", "Anterior (front) view", "Left
sole"), in the therapist's language.

The drawings keep these captions in a hidden layer (``id="captions"``): there they are the
places and the English source, but no renderer draws them, because SVG text cannot be
translated. The window, the education view and the printed pictures paint them through
:func:`tr` instead, at the same places, in the same size and colour. A caption whose
translation is wider than the room beside the edge of the drawing is kept inside it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from nmt_bodymap.resources import asset_path
from nmt_bodymap.ui.i18n import tr, tr_noop

LAYER = "captions"
SIZE = 22.0  # view units, as the drawing's .caption style
COLOR = QColor("#7a6a5c")
EDGE = 6.0  # a caption stays this far inside the drawing's edges
CAPTION_KEY = 7  # the item data key holding a caption item's English source
WORDS = {
    "Client's right": tr_noop("Client's right"),
    "Client's left": tr_noop("Client's left"),
    "Anterior (front) view": tr_noop("Anterior (front) view"),
    "Posterior (back) view": tr_noop("Posterior (back) view"),
    "Right sole": tr_noop("Right sole"),
    "Left sole": tr_noop("Left sole"),
}
_SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Caption:
    x: float  # the middle of the text (text-anchor: middle)
    y: float  # its baseline
    source: str  # the English words in the drawing

    @property
    def text(self) -> str:
        """The words in the therapist's language (as written when none is known)."""
        word = WORDS.get(self.source)
        return tr(word) if word else self.source


@cache
def _drawing(view: str) -> tuple[tuple[Caption, ...], tuple[float, float]]:
    """The captions of ``view``'s drawing and the drawing's left and right edges."""
    root = ET.parse(asset_path("body_svgs", f"{view}.svg")).getroot()
    min_x, _min_y, width, _height = (float(v) for v in root.get("viewBox", "0 0 0 0").split())
    found: list[Caption] = []
    for group in root.iter(f"{_SVG}g"):
        if group.get("id") != LAYER:
            continue
        for text in group.iter(f"{_SVG}text"):
            words = " ".join((text.text or "").split())
            if words:
                found.append(Caption(float(text.get("x", 0)), float(text.get("y", 0)), words))
    return tuple(found), (min_x, min_x + width)


def view_captions(view: str) -> tuple[Caption, ...]:
    return _drawing(view)[0]


def caption_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(round(SIZE))
    return font


def _left(view: str, caption: Caption, width: float) -> float:
    """Where the caption's text starts: centred on its place, kept inside the drawing."""
    low, high = _drawing(view)[1]
    left = caption.x - width / 2
    return max(low + EDGE, min(left, high - EDGE - width))


def paint_captions(painter: QPainter, view: str) -> None:
    """Paint ``view``'s captions; the painter draws in the view's units (SVG user units)."""
    font = caption_font()
    metrics = QFontMetricsF(font)
    painter.save()
    painter.setFont(font)
    painter.setPen(COLOR)
    for caption in view_captions(view):
        text = caption.text
        left = _left(view, caption, metrics.horizontalAdvance(text))
        painter.drawText(QPointF(left, caption.y), text)
    painter.restore()


def caption_items(view: str, dx: float = 0.0) -> list[QGraphicsSimpleTextItem]:
    """``view``'s captions as scene items (scene units = view units), moved right by
    ``dx``; they take no clicks."""
    font = caption_font()
    metrics = QFontMetricsF(font)
    items = []
    for caption in view_captions(view):
        item = QGraphicsSimpleTextItem(caption.text)
        item.setFont(font)
        item.setBrush(QBrush(COLOR))
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        left = _left(view, caption, metrics.horizontalAdvance(caption.text))
        item.setPos(left + dx, caption.y - metrics.ascent())
        item.setData(CAPTION_KEY, caption.source)
        item.setZValue(3)
        items.append(item)
    return items
