"""The progress view's comparison of two visits draws each figure's outline from the
drawing's outline layer parsed alone (``ui/map/figure_layers``, as the body scene does,
issue 18), pixel for pixel as from the whole drawing, with the changed places over it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QImage

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.map import figure_layers
from nmt_bodymap.ui.progress import marks_comparison
from nmt_bodymap.ui.progress.marks_comparison import MarksComparison

PLACES = {
    ("anterior", "temple", "right"): "new",
    ("posterior", "interscapular", "left"): "resolved",
    ("posterior", "lumbar_paraspinal", "right"): "unchanged",
}


def _drawn(qtbot: Any) -> tuple[QImage, MarksComparison]:
    view = MarksComparison(load_atlas())
    qtbot.addWidget(view)
    view.resize(520, 420)
    view.show()
    qtbot.waitExposed(view)
    view.show_places(PLACES)
    qtbot.wait(20)
    return view.grab().toImage(), view


def test_the_outline_layer_alone_draws_the_same_comparison(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut, view = _drawn(qtbot)
    assert all(
        renderer is figure_layers.layers_renderer(name)
        for name, renderer in view._renderers.items()
    )  # the cut layers, not the whole drawing
    monkeypatch.setattr(marks_comparison, "layers_renderer", lambda _view: None)
    whole, whole_view = _drawn(qtbot)
    assert whole_view._renderers["anterior"] is not view._renderers["anterior"]
    assert cut == whole
    drawn = sum(
        1
        for y in range(0, cut.height(), 4)
        for x in range(0, cut.width(), 4)
        if cut.pixelColor(x, y).lightness() < 250
    )
    assert drawn > 500, drawn  # the figures and places are there, not a blank view
    assert view.shown == PLACES
