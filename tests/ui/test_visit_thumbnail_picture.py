"""What the visit list's thumbnail shows (issue 18 redrew it with Qt, not Pillow): both
outlines in skin colour with a dark edge, and a dot per mark in its intensity's colour at
the mark's place, drawn at twice the icon's size."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from nmt_bodymap.core.atlas import load_atlas
from tests.ui.conftest import click_region

ICON = 56  # the visit list's icon size (points); drawn at 2x
# The map's warm ramp, mild to worst (what a therapist reads as the mark's strength).
RAMP = ((252, 190, 90), (235, 110, 45), (190, 40, 60), (110, 20, 90))
SKIN = (241, 236, 230)


def ramp_colour(intensity: int) -> tuple[int, int, int]:
    t = min(10, max(0, intensity)) / 10 * (len(RAMP) - 1)
    i = min(int(t), len(RAMP) - 2)
    f = t - i
    a, b = RAMP[i], RAMP[i + 1]
    return (
        round(a[0] + (b[0] - a[0]) * f),
        round(a[1] + (b[1] - a[1]) * f),
        round(a[2] + (b[2] - a[2]) * f),
    )


def close(colour: QColor, rgb: tuple[int, int, int], tolerance: int = 4) -> bool:
    got = (colour.red(), colour.green(), colour.blue())
    near = all(abs(g - w) <= tolerance for g, w in zip(got, rgb, strict=True))
    return colour.alpha() == 255 and near


def icon_picture(item: Any) -> QImage:
    return item.icon().pixmap(QSize(ICON, ICON), 2.0).toImage()


def pixel_of(image: QImage, view: str, x: float, y: float) -> tuple[int, int]:
    """Where a point of ``view`` falls in the thumbnail: the two views side by side, both
    scaled to the picture's height."""
    min_x, min_y, width, height = load_atlas().view_box("anterior")
    scale = image.height() / height
    column = ("anterior", "posterior").index(view)
    return int(column * round(width * scale) + (x - min_x) * scale), int((y - min_y) * scale)


def test_the_open_visits_thumbnail_shows_the_outlines_and_a_dot_per_mark(
    window: Any, qtbot: Any
) -> None:
    item = window.visits.list.currentItem()
    qtbot.waitUntil(lambda: not item.icon().isNull(), timeout=10_000)
    before = icon_picture(item)
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "posterior", "calf", "left")
    qtbot.waitUntil(lambda: len(window.marks.marks()) == 2, timeout=5_000)
    qtbot.waitUntil(lambda: icon_picture(item) != before, timeout=5_000)
    qtbot.wait(400)  # the redraw follows the last mark by 150 ms
    image = icon_picture(item)
    assert (image.width(), image.height()) == (2 * ICON, 2 * ICON)  # sharp at 2x

    for mark in window.marks.marks():
        px, py = pixel_of(image, mark.view, mark.x, mark.y)
        assert close(image.pixelColor(px, py), ramp_colour(mark.intensity)), (mark.view, px, py)
        # the other view's same spot has no dot
        other = "posterior" if mark.view == "anterior" else "anterior"
        ox, oy = pixel_of(image, other, mark.x, mark.y)
        assert not close(image.pixelColor(ox, oy), ramp_colour(mark.intensity), 20)

    colours = [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]
    skin = sum(close(c, SKIN, 2) for c in colours)
    edge = sum(c.alpha() > 128 and c.lightness() < 150 for c in colours)  # the outline
    clear = sum(c.alpha() == 0 for c in colours)
    assert skin > 0.07 * len(colours)  # two filled figures
    assert edge > 4 * image.height()  # a dark edge round both, top to bottom
    assert clear > 0.3 * len(colours)  # transparent round the figures
    # both figures: skin on each half
    half = image.width() // 2
    assert any(close(image.pixelColor(x, image.height() // 2), SKIN, 2) for x in range(half))
    assert any(
        close(image.pixelColor(x, image.height() // 2), SKIN, 2) for x in range(half, image.width())
    )


def test_thumbnails_painted_on_another_thread_are_the_same_pictures(qapp: Any) -> None:
    """The store worker paints a listing's thumbnails, the GUI thread the open visit's:
    the same marks give the same pixels on either thread (and for the progress view's
    rows, ``paint_thumbnails``)."""
    import threading
    from dataclasses import dataclass

    from nmt_bodymap.ui.chart.thumbnail_painter import paint_thumbnail, paint_thumbnails

    @dataclass(frozen=True)
    class Mark:
        view: str
        x: float
        y: float
        region: str
        side: str
        intensity: int

    atlas = load_atlas()
    temple = atlas.region("anterior", "temple", "right").point
    calf = atlas.region("posterior", "calf", "left").point
    rows = {
        0: [],
        1: [Mark("anterior", *temple, "temple", "right", 8)],
        2: [
            Mark("anterior", *temple, "temple", "right", 2),
            Mark("posterior", *calf, "calf", "left", 9),
        ],
    }
    here = {row: paint_thumbnail(marks, 144, atlas) for row, marks in rows.items()}
    there: dict[int, QImage] = {}
    thread = threading.Thread(target=lambda: there.update(paint_thumbnails(rows, 144, atlas)))
    thread.start()
    thread.join(30)
    assert set(there) == set(rows)
    assert all(there[row] == here[row] for row in rows)
    assert len({bytes(image.constBits()) for image in here.values()}) == 3  # marks show
