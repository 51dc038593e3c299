"""Visit thumbnails (pillow): they show the marks, so different marks make different pictures."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest
from PIL import Image

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.thumbnails import dots_of, marks_thumbnail


@dataclass(frozen=True)
class Mark:
    view: str
    x: float | None
    y: float | None
    region: str
    side: str
    intensity: int


def temple() -> Mark:
    point = load_atlas().region("anterior", "temple", "right").point
    return Mark("anterior", point[0], point[1], "temple", "right", 6)


def calf(intensity: int = 6) -> Mark:
    point = load_atlas().region("posterior", "calf", "left").point
    return Mark("posterior", point[0], point[1], "calf", "left", intensity)


def picture(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGBA")


def test_thumbnail_is_a_png_of_both_outlines_at_the_asked_height() -> None:
    image = picture(marks_thumbnail([], height=64))
    assert image.height == 64
    assert image.width >= image.height / 2  # two narrow figures side by side
    opaque = image.width * image.height - image.getchannel("A").histogram()[0]
    assert opaque > 0.1 * image.width * image.height  # the silhouettes are drawn


def test_different_marks_give_different_thumbnails() -> None:
    empty = marks_thumbnail([])
    with_temple = marks_thumbnail([temple()])
    with_calf = marks_thumbnail([calf()])
    assert len({empty, with_temple, with_calf}) == 3
    assert marks_thumbnail([calf(2)]) != marks_thumbnail([calf(9)])  # intensity shows
    assert marks_thumbnail([temple(), calf()]) == marks_thumbnail([calf(), temple()])


def test_mark_dot_is_painted_where_the_mark_is() -> None:
    plain = picture(marks_thumbnail([], height=96))
    marked = picture(marks_thumbnail([calf(9)], height=96))
    changed = [
        (x, y)
        for y in range(plain.height)
        for x in range(plain.width)
        if plain.getpixel((x, y)) != marked.getpixel((x, y))
    ]
    assert changed
    # The calf is on the posterior view: the right half of the picture, lower half.
    assert min(x for x, _ in changed) > plain.width // 2
    assert min(y for _, y in changed) > plain.height // 2


def test_marks_without_a_point_use_their_region_and_internal_sites_are_left_out() -> None:
    atlas = load_atlas()
    no_point = Mark("anterior", None, None, "temple", "right", 4)
    internal = Mark("internal", None, None, "upper_teeth", "right", 4)
    (dot,) = dots_of([no_point, internal], atlas)
    assert (dot.x, dot.y) == atlas.region("anterior", "temple", "right").point


def test_scaling_only_around_the_dots_gives_the_pixels_of_the_whole_scaling() -> None:
    """Issue 18: the thumbnail scales only the patches around its dots onto the scaled
    silhouettes; the PNG's pixels are those of the whole supersampled picture scaled down,
    for dots on the body, overlapping, at the picture's edges and past them."""
    import random

    from nmt_bodymap.core import thumbnails

    atlas = load_atlas()
    rng = random.Random(18)
    body = [temple(), calf(9), calf(2)]
    cases: list[tuple[thumbnails.MarkDot, ...]] = [
        thumbnails.dots_of(body, atlas),
        (thumbnails.MarkDot("anterior", -30.0, 293.0, 5),),  # half off the left edge
        (thumbnails.MarkDot("posterior", 990.0, 1990.0, 10),),  # the bottom-right corner
    ]
    for _ in range(40):
        drawn: list[thumbnails.MarkDot] = []
        for _ in range(rng.choice([1, 3, 6])):
            view = rng.choice(thumbnails.VIEWS)
            min_x, min_y, width, height = atlas.view_box(view)
            x = min_x - 0.05 * width + rng.random() * 1.1 * width
            drawn.append(
                thumbnails.MarkDot(view, x, min_y + rng.random() * height, rng.randint(0, 10))
            )
        cases.append(tuple(drawn))
    changed = 0
    for height in (144, 64, 97):
        plain = thumbnails._full_reduction(atlas, (), height).tobytes()
        for dots in cases:
            whole = thumbnails._full_reduction(atlas, dots, height)
            png = thumbnails._thumbnail.__wrapped__(atlas, dots, height)
            assert picture(png).tobytes() == whole.tobytes()
            changed += whole.tobytes() != plain
    assert changed >= 3 * len(cases) - 3  # the dots do show (not the bare silhouettes)


def test_the_apps_thumbnails_scale_only_patches(monkeypatch: pytest.MonkeyPatch) -> None:
    """At the progress view's size (72 x 2 pixels) marks on the body never scale the whole
    supersampled picture: only patches around the dots (issue 18)."""
    from nmt_bodymap.core import thumbnails

    atlas = load_atlas()
    height = 144
    thumbnails._small_silhouettes(atlas, height)  # made once per size, then kept
    sizes: list[tuple[int, int]] = []
    original = Image.Image.resize

    def recording(self: Image.Image, size: tuple[int, int], *args: object, **kw: object) -> Any:
        sizes.append((size[0], size[1]))
        return original(self, size, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Image.Image, "resize", recording)
    jaw = atlas.region("anterior", "jaw", "right").point
    on_body = [Mark("anterior", jaw[0], jaw[1], "jaw", "right", 4), calf(9)]
    png = thumbnails._thumbnail.__wrapped__(atlas, thumbnails.dots_of(on_body, atlas), height)
    assert picture(png).height == height
    assert len(set(sizes)) == 2  # one patch per dot (Pillow scales RGBA through a 2nd call)
    assert all(w < height // 2 and h < height // 2 for w, h in sizes)
