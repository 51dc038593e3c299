"""What a visit's thumbnail shows, Qt-free (``core.thumbnails``): a dot per mark, where the
mark is (or on its region's point), sized and coloured by its intensity. The pictures drawn
from these parts are checked in tests/ui/test_visit_thumbnail_marks.py."""

from __future__ import annotations

from dataclasses import dataclass

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.thumbnails import MarkDot, dot_radius, dots_of, intensity_colour, layout


@dataclass(frozen=True)
class Mark:
    view: str
    x: float | None
    y: float | None
    region: str
    side: str
    intensity: int
    deleted_at: str | None = None


def temple(intensity: int = 6) -> Mark:
    point = load_atlas().region("anterior", "temple", "right").point
    return Mark("anterior", point[0], point[1], "temple", "right", intensity)


def calf(intensity: int = 6) -> Mark:
    point = load_atlas().region("posterior", "calf", "left").point
    return Mark("posterior", point[0], point[1], "calf", "left", intensity)


def test_a_dot_per_mark_at_its_place_whatever_the_marks_order() -> None:
    atlas = load_atlas()
    dots = dots_of([calf(9), temple(2)], atlas)
    at_temple = atlas.region("anterior", "temple", "right").point
    at_calf = atlas.region("posterior", "calf", "left").point
    assert set(dots) == {
        MarkDot("anterior", at_temple[0], at_temple[1], 2),
        MarkDot("posterior", at_calf[0], at_calf[1], 9),
    }
    assert dots == dots_of([temple(2), calf(9)], atlas)  # the same picture either way
    assert dots_of([], atlas) == ()


def test_marks_without_a_point_use_their_region_and_internal_sites_are_left_out() -> None:
    atlas = load_atlas()
    no_point = Mark("anterior", None, None, "temple", "right", 4)
    internal = Mark("internal", None, None, "upper_teeth", "right", 4)
    deleted = Mark("posterior", 1.0, 2.0, "calf", "left", 4, deleted_at="2025-01-01")
    (dot,) = dots_of([no_point, internal, deleted], atlas)
    assert (dot.x, dot.y) == atlas.region("anterior", "temple", "right").point


def test_stronger_marks_are_larger_and_darker() -> None:
    sizes = [dot_radius(i, 144) for i in range(11)]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    darkness = [sum(intensity_colour(i)[:3]) for i in range(11)]
    assert darkness == sorted(darkness, reverse=True) and darkness[0] > darkness[-1]
    assert intensity_colour(-3) == intensity_colour(0)  # clamped to the scale
    assert intensity_colour(14) == intensity_colour(10)


def test_both_views_share_one_scale_at_the_asked_height() -> None:
    atlas = load_atlas()
    scale, min_x, min_y, cell = layout(atlas, 144)
    view_min_x, view_min_y, width, height = atlas.view_box("anterior")
    assert (min_x, min_y) == (view_min_x, view_min_y)
    assert scale * height == 144
    assert cell == round(width * scale)
