"""The layers of a body drawing that the map's background draws (issue 18): the outline and
the landmarks, parsed on their own.

The body scene paints its static background from the drawing's ``outline`` and
``landmarks`` layers (``BodyScene.drawBackground``). Parsing the whole drawing for them
put ~3 ms per view on the first click's path whenever the first frame had painted from its
kept pictures (then nothing had parsed the drawing before): the regions, captions, muscles
and axes layers are five sixths of its text. Here a document made of the drawing's head
(the root element, its title and style) and those two layers only is parsed. A drawing
whose layers cannot be cut out so (not found, or referring to something by ``url(#...)`` or
``href``, which may be cut away) gives None: the scene parses the whole drawing then.
"""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtSvg import QSvgRenderer

from nmt_bodymap.ui.figure_pictures import drawing_bytes

LAYERS = ("outline", "landmarks")
_GROUP_TAG = re.compile(rb"<g\b[^>]*>|</g\s*>")
_REFERENCES = (b"url(#", b"href")  # what the kept layers refer to may be cut away
_RENDERERS: dict[str, QSvgRenderer] = {}


def layer_text(text: bytes, layer: str) -> bytes | None:
    """The element ``<g id="layer">...</g>`` of ``text`` (nested groups and all), or None."""
    named = text.find(b' id="' + layer.encode() + b'"')
    start = text.rfind(b"<g", 0, named)
    if named < 0 or start < 0 or b">" in text[start:named]:  # not the id of a group
        return None
    depth = 0
    for tag in _GROUP_TAG.finditer(text, start):
        if tag.group().startswith(b"</"):
            depth -= 1
            if depth == 0:
                return text[start : tag.end()]
        elif not tag.group().endswith(b"/>"):
            depth += 1
        elif depth == 0:  # the layer itself is an empty ``<g .../>``
            return tag.group()
    return None


def layers_document(text: bytes, layers: tuple[str, ...] = LAYERS) -> bytes | None:
    """The drawing ``text`` with only ``layers`` in its body, or None when it cannot be cut."""
    first = text.find(b"<g")
    parts = [layer_text(text, layer) for layer in layers]
    if first < 0 or any(part is None for part in parts):
        return None
    document = text[:first] + b"\n".join(p for p in parts if p is not None) + b"\n</svg>\n"
    return None if any(ref in document for ref in _REFERENCES) else document


def layers_renderer(view: str) -> QSvgRenderer | None:
    """The outline and landmarks of ``view``'s drawing, parsed once per application (GUI
    thread); None when they cannot be cut out (parse the whole drawing then)."""
    renderer = _RENDERERS.get(view)
    if renderer is not None and shiboken6.isValid(renderer):
        return renderer
    document = layers_document(drawing_bytes(view))
    if document is None:
        return None
    renderer = QSvgRenderer(QByteArray(document))
    if not renderer.isValid():
        return None
    renderer.setParent(QCoreApplication.instance())  # gone with the application
    _RENDERERS[view] = renderer
    return renderer
