"""The first frame's figures kept as pictures (issue 18): the second start at the same
window size paints them without parsing or rendering the SVG drawings; what it shows is
the same figure; a damaged, foreign or stale picture is never drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from nmt_bodymap.resources import asset_path
from nmt_bodymap.ui import figure_pictures, first_frame
from nmt_bodymap.ui.first_frame import VIEWS, FirstFrame


@pytest.fixture
def picture_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(figure_pictures.CACHE_DIR_ENV, str(folder))
    return folder


def _shown(qtbot: Any, size: tuple[int, int] = (900, 700)) -> FirstFrame:
    frame = FirstFrame()
    qtbot.addWidget(frame)
    frame.resize(*size)
    frame.show()
    qtbot.waitExposed(frame)
    return frame


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{figure_pictures.KIND}-*.bin"))


def _no_svg(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record any parse of a drawing (the first frame must not need one)."""
    parsed: list[str] = []
    real = first_frame.shared_renderer

    def spy(view: str) -> QSvgRenderer:
        parsed.append(view)
        return real(view)

    monkeypatch.setattr(first_frame, "shared_renderer", spy)
    return parsed


def test_the_view_box_read_from_the_svg_text_is_the_one_qt_parses() -> None:
    for view in VIEWS:
        parsed = QSvgRenderer(str(asset_path("body_svgs", f"{view}.svg"))).viewBoxF()
        assert figure_pictures.view_box(view) == parsed


def test_the_second_start_paints_the_kept_pictures_without_the_svg(
    qtbot: Any, picture_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _shown(qtbot)
    qtbot.waitUntil(lambda: len(_kept(picture_dir)) == 2)  # written after the paint
    drawn_first = first.grab().toImage()
    assert drawn_first.pixelColor(first.figure_rects()["anterior"].center().toPoint()).alpha()
    first.close()

    parsed = _no_svg(monkeypatch)
    second = _shown(qtbot)
    drawn_second = second.grab().toImage()
    assert parsed == []  # neither drawing parsed nor rendered: both pictures were kept
    assert drawn_second == drawn_first  # the same figures, pixel for pixel
    assert len(_kept(picture_dir)) == 2


def test_the_picture_is_the_figure_the_svg_draws(qtbot: Any, picture_dir: Path) -> None:
    """A kept picture, drawn 1:1, shows what rendering the drawing there would show."""
    frame = _shown(qtbot)
    qtbot.waitUntil(lambda: len(_kept(picture_dir)) == 2)
    rect = frame.figure_rects()["posterior"]
    ratio = frame.devicePixelRatioF()
    width, height = round(rect.width() * ratio), round(rect.height() * ratio)
    kept = figure_pictures.read_picture("posterior", width, height, ratio)
    assert kept is not None
    fresh = figure_pictures.render_picture(
        QSvgRenderer(str(asset_path("body_svgs", "posterior.svg"))), width, height, ratio
    )
    assert kept == fresh
    opaque = sum(
        kept.pixelColor(x, y).alpha() > 0 for x in range(0, width, 7) for y in range(0, height, 7)
    )
    assert opaque > 0.1 * (width // 7) * (height // 7)  # a figure, not an empty picture


@pytest.mark.parametrize("damage", ["truncated", "lengthened", "flipped pixel", "other drawing"])
def test_a_damaged_or_foreign_picture_is_never_drawn(
    qtbot: Any, picture_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    first = _shown(qtbot)
    qtbot.waitUntil(lambda: len(_kept(picture_dir)) == 2)
    drawn_first = first.grab().toImage()
    first.close()
    for entry in _kept(picture_dir):
        data = bytearray(entry.read_bytes())
        if damage == "truncated":
            data = data[: len(data) // 2]
        elif damage == "lengthened":
            data += b"\0" * 64
        elif damage == "flipped pixel":
            data[-100] ^= 0xFF
        else:  # the drawing was changed since: its key no longer matches
            data = data.replace(b"|anterior|", b"|posterior|").replace(b"|posterior|", b"|other|")
        entry.write_bytes(bytes(data))

    parsed = _no_svg(monkeypatch)
    second = _shown(qtbot)
    assert second.grab().toImage() == drawn_first  # drawn from the SVG again, not the file
    assert sorted(parsed) == ["anterior", "posterior"]


def test_an_unusable_cache_folder_only_costs_speed(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv(figure_pictures.CACHE_DIR_ENV, str(blocker / "cache"))
    frame = _shown(qtbot)
    image = QImage(frame.grab().toImage())
    assert not image.isNull()
    assert not figure_pictures.write_picture("anterior", frame.pictures["anterior"])


def test_the_figures_take_clicks_with_a_cross_cursor_once_painted(
    qtbot: Any, picture_dir: Path
) -> None:
    from PySide6.QtCore import Qt

    frame = _shown(qtbot)
    qtbot.waitUntil(lambda: frame.cursor().shape() == Qt.CursorShape.CrossCursor)
