"""The words on the body pictures ("Client's right", "Anterior (front) view", "Left sole")
are painted through tr(), not drawn as SVG text: German in the window, the education view
and the printed pictures, English again after switching back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem

from nmt_bodymap.resources import asset_path
from nmt_bodymap.ui.education.education_mode import EducationWindow
from nmt_bodymap.ui.i18n import install_language
from nmt_bodymap.ui.map.captions import CAPTION_KEY, WORDS, view_captions
from nmt_bodymap.ui.map.render import render_view

ENGLISH = set(WORDS)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert install_language(qapp, "de")
    yield
    install_language(qapp, "en")


def _captions(scene: Any) -> list[str]:
    return sorted(
        item.text()
        for item in scene.items()
        if isinstance(item, QGraphicsSimpleTextItem) and item.data(CAPTION_KEY)
    )


def test_the_captions_come_from_a_hidden_layer_of_the_drawing() -> None:
    assert [c.source for c in view_captions("anterior")] == [
        "Anterior (front) view",
        "Client's right",
        "Client's left",
    ]
    assert {c.source for c in view_captions("posterior")} == ENGLISH - {"Anterior (front) view"}
    # The drawing itself paints no text: rendering it with and without the captions layer
    # gives the same pixels.
    svg = asset_path("body_svgs", "posterior.svg").read_bytes()
    without = svg.replace(b'id="captions"', b'id="gone"').replace(b"<text ", b"<desc ")
    without = without.replace(b"</text>", b"</desc>")
    images = []
    for data in (svg, without):
        image = QImage(250, 500, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        QSvgRenderer(QByteArray(data)).render(painter, QRectF(0, 0, 250, 500))
        painter.end()
        images.append(image)
    assert images[0] == images[1]


def test_window_shows_the_captions_in_german(
    qtbot: Any, seeded: dict[str, Any], german: None, no_dialogs: list[str]
) -> None:
    from tests.ui.conftest import open_window

    window = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    front = _captions(window.body_map.scenes["anterior"])
    back = _captions(window.body_map.scenes["posterior"])
    assert front == ["Linke Körperseite", "Rechte Körperseite", "Vorderansicht"]
    assert "Rechte Fußsohle" in back and "Rückansicht" in back
    assert not ENGLISH & set(front + back)
    # every caption lies inside its scene (a longer German word is not cut at the edge)
    for scene in window.body_map.scenes.values():
        for item in scene.items():
            if isinstance(item, QGraphicsSimpleTextItem) and item.data(CAPTION_KEY):
                assert scene.sceneRect().contains(item.sceneBoundingRect())


def test_education_view_shows_the_captions_in_german(qtbot: Any, german: None) -> None:
    window = EducationWindow(["upper_trapezius"])
    qtbot.addWidget(window)
    shown = _captions(window.scene)
    assert "Rechte Körperseite" in shown and "Rückansicht" in shown
    assert not ENGLISH & set(shown)


def test_english_captions_again_after_switching_back(qtbot: Any, qapp: QApplication) -> None:
    window = EducationWindow(["upper_trapezius"])
    qtbot.addWidget(window)
    assert "Client's right" in _captions(window.scene)


def test_printed_picture_paints_the_translated_words(tmp_path: Path, qapp: QApplication) -> None:
    """The top corner of the picture, where "Client's right" stands, changes with the
    language: the words are painted by the app, not by the drawing."""
    corners = {}
    for language in ("en", "de"):
        install_language(qapp, language)
        path = render_view("anterior", tmp_path / f"{language}.png", width_px=500)
        image = QImage(str(path))
        corners[language] = image.copy(0, 0, image.width() // 3, image.height() // 30)
    install_language(qapp, "en")
    assert corners["en"] != corners["de"]
    for corner in corners.values():  # something is written there in both languages
        colours = {
            corner.pixel(x, y) for x in range(corner.width()) for y in range(corner.height())
        }
        assert len(colours) > 2
