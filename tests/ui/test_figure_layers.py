"""The map's background from the drawing's outline and landmarks layers parsed alone
(issue 18): the same picture as from the whole drawing, without parsing the whole drawing;
a drawing that cannot be cut so is parsed whole."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui import first_frame
from nmt_bodymap.ui.figure_pictures import drawing_bytes
from nmt_bodymap.ui.map import body_scene, figure_layers
from nmt_bodymap.ui.map.body_scene import BodyScene
from nmt_bodymap.ui.map.palette import MapColors


def _picture(scene: BodyScene) -> QImage:
    """The scene's background and items at 0.6 scale (the whole scene rect)."""
    rect = scene.sceneRect()
    image = QImage(
        round(rect.width() * 0.6), round(rect.height() * 0.6), QImage.Format.Format_ARGB32
    )
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


@pytest.mark.parametrize("view", ["anterior", "posterior"])
def test_the_background_from_the_cut_drawing_is_the_whole_drawings_picture(
    qapp: Any, view: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    atlas, colors = load_atlas(), MapColors()
    # The map's scene never parses the whole drawing when its layers can be cut out.
    monkeypatch.setattr(body_scene, "shared_renderer", lambda _view: pytest.fail("parsed"))
    cut = BodyScene(view, atlas, colors)
    monkeypatch.undo()
    whole = BodyScene(view, atlas, colors)
    whole._renderer = first_frame.shared_renderer(view)  # the drawing parsed whole
    assert cut._renderer is not whole._renderer
    for layer in figure_layers.LAYERS:
        assert cut._renderer is not None and cut._renderer.elementExists(layer)
        assert cut._renderer.boundsOnElement(layer) == whole._renderer.boundsOnElement(layer)
    assert _picture(cut) == _picture(whole)
    assert figure_layers.layers_renderer(view) is cut._renderer  # parsed once


def test_a_drawing_that_cannot_be_cut_is_not_cut() -> None:
    text = drawing_bytes("anterior")
    document = figure_layers.layers_document(text)
    assert document is not None and len(document) < len(text) / 3
    assert b'id="regions"' not in document and b'id="muscles"' not in document
    assert figure_layers.layer_text(text, "landmarks") in document
    # a layer missing, or referring to something that may be cut away: parse it whole
    assert figure_layers.layers_document(text.replace(b'id="landmarks"', b'id="other"')) is None
    referring = text.replace(b'class="outline"', b'class="outline" fill="url(#skin)"', 1)
    assert figure_layers.layers_document(referring) is None
    nested = b'<svg><g id="a"><g id="b"><path/></g><g/></g><g id="c"/></svg>'
    assert figure_layers.layer_text(nested, "a") == b'<g id="a"><g id="b"><path/></g><g/></g>'
    assert figure_layers.layer_text(nested, "c") == b'<g id="c"/>'
    assert figure_layers.layer_text(nested, "d") is None
