"""Off-screen rendering of the body views (used by self-test and the docs pictures)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.map.render import render_view


@pytest.mark.parametrize("view", ["anterior", "posterior"])
def test_rendered_figure_sits_where_the_outline_is(qapp, tmp_path, view):
    target = render_view(view, tmp_path / f"{view}.png", show_labels=False, width_px=500)
    image = QImage(str(target))
    assert not image.isNull() and image.width() == 500 and image.height() == 1000
    atlas = load_atlas()
    scale = 0.5
    inside = outside = 0
    # sample region points (inside) and points far off the figure (outside)
    for region in atlas.regions(view)[::3]:
        x, y = region.point
        color = image.pixelColor(int(x * scale), int(y * scale))
        inside += color.lightness() < 252
    for x, y in [(20, 20), (980, 20), (500, 1300), (20, 1000), (980, 700)]:
        color = image.pixelColor(int(x * scale), int(y * scale))
        outside += color.lightness() >= 252
    total = len(atlas.regions(view)[::3])
    assert inside >= 0.95 * total
    assert outside == 5


def test_rendering_with_muscles_differs_from_plain(qapp, tmp_path):
    plain = QImage(str(render_view("posterior", tmp_path / "a.png", width_px=300)))
    with_muscles = QImage(
        str(render_view("posterior", tmp_path / "b.png", show_muscles=True, width_px=300))
    )
    if not load_atlas().muscle_ids():
        pytest.skip("muscle layer not drawn yet")
    assert plain != with_muscles
