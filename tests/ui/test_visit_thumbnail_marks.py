"""The thumbnail picture of the one Qt drawer (``ui/chart/thumbnail_painter``), at the visit
list's size (56 x 2 pixels) and the progress view's (72 x 2): both outlines, a dot at each
mark in its intensity's colour, the same picture whatever the marks' order, an empty visit
shows the outlines alone, a mark without a position sits on its region's point, internal
sites have no dot. (Ported from the Pillow drawer's tests, issue 18.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtGui import QImage

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.ui.chart.thumbnail_painter import paint_thumbnail
from tests.ui.test_visit_thumbnail_picture import SKIN, close, ramp_colour

HEIGHTS = (112, 144)  # the visit list's thumbnails and the progress view's


@dataclass(frozen=True)
class Mark:
    view: str
    x: float | None
    y: float | None
    region: str
    side: str
    intensity: int


def placed(view: str, region: str, side: str, intensity: int) -> Mark:
    x, y = load_atlas().region(view, region, side).point
    return Mark(view, x, y, region, side, intensity)


def temple(intensity: int = 6) -> Mark:
    return placed("anterior", "temple", "right", intensity)


def calf(intensity: int = 6) -> Mark:
    return placed("posterior", "calf", "left", intensity)


def pixel_of(image: QImage, view: str, x: float, y: float) -> tuple[int, int]:
    """Where a point of ``view`` falls: the two views side by side at the picture's height."""
    min_x, min_y, width, height = load_atlas().view_box("anterior")
    scale = image.height() / height
    column = ("anterior", "posterior").index(view)
    return int(column * round(width * scale) + (x - min_x) * scale), int((y - min_y) * scale)


def colours(image: QImage) -> list[Any]:
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]


@pytest.mark.parametrize("height", HEIGHTS)
def test_an_empty_visit_shows_both_outlines_and_no_dot(qapp: Any, height: int) -> None:
    image = paint_thumbnail([], height, load_atlas())
    assert image.height() == height
    assert image.width() >= height / 2  # two narrow figures side by side
    every = colours(image)
    assert sum(close(c, SKIN, 2) for c in every) > 0.07 * len(every)  # two filled figures
    assert sum(c.alpha() > 128 and c.lightness() < 150 for c in every) > 4 * height  # edges
    assert sum(c.alpha() == 0 for c in every) > 0.3 * len(every)  # clear round them
    half, middle = image.width() // 2, height // 2
    assert any(close(image.pixelColor(x, middle), SKIN, 2) for x in range(half))
    assert any(close(image.pixelColor(x, middle), SKIN, 2) for x in range(half, image.width()))
    dots = {ramp_colour(i) for i in range(11)}
    assert not any(close(c, rgb) for c in every for rgb in dots)


@pytest.mark.parametrize("height", HEIGHTS)
def test_a_dot_at_each_mark_in_its_intensity_colour(qapp: Any, height: int) -> None:
    marks = [temple(2), calf(9), placed("anterior", "shin", "right", 5)]
    image = paint_thumbnail(marks, height, load_atlas())
    for mark in marks:
        assert mark.x is not None and mark.y is not None
        px, py = pixel_of(image, mark.view, mark.x, mark.y)
        assert close(image.pixelColor(px, py), ramp_colour(mark.intensity)), (mark, px, py)
        other = "posterior" if mark.view == "anterior" else "anterior"  # no dot there
        ox, oy = pixel_of(image, other, mark.x, mark.y)
        assert not close(image.pixelColor(ox, oy), ramp_colour(mark.intensity), 20)


def test_the_marks_show_and_their_order_does_not_matter(qapp: Any) -> None:
    atlas = load_atlas()
    empty = paint_thumbnail([], 144, atlas)
    with_temple = paint_thumbnail([temple()], 144, atlas)
    with_calf = paint_thumbnail([calf()], 144, atlas)
    assert empty != with_temple and empty != with_calf and with_temple != with_calf
    assert paint_thumbnail([calf(2)], 144, atlas) != paint_thumbnail([calf(9)], 144, atlas)
    both = paint_thumbnail([temple(), calf()], 144, atlas)
    assert both == paint_thumbnail([calf(), temple()], 144, atlas)
    changed = [  # the calf's dot: the posterior view (right half), lower half
        (x, y)
        for y in range(empty.height())
        for x in range(empty.width())
        if empty.pixel(x, y) != with_calf.pixel(x, y)
    ]
    assert changed
    assert min(x for x, _ in changed) > empty.width() // 2
    assert min(y for _, y in changed) > empty.height() // 2


def test_a_mark_without_a_position_sits_on_its_regions_point(qapp: Any) -> None:
    atlas = load_atlas()
    no_point = Mark("anterior", None, None, "temple", "right", 4)
    image = paint_thumbnail([no_point], 144, atlas)
    assert image == paint_thumbnail([temple(4)], 144, atlas)
    px, py = pixel_of(image, "anterior", *atlas.region("anterior", "temple", "right").point)
    assert close(image.pixelColor(px, py), ramp_colour(4))


def test_internal_sites_have_no_dot(qapp: Any) -> None:
    atlas = load_atlas()
    internal = Mark("internal", None, None, "upper_teeth", "right", 7)
    assert paint_thumbnail([internal], 144, atlas) == paint_thumbnail([], 144, atlas)
    with_calf = paint_thumbnail([calf(7)], 144, atlas)
    assert paint_thumbnail([internal, calf(7)], 144, atlas) == with_calf
