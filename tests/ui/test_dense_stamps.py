"""Issue 18: the dense layer copies one drawn stamp per intensity and quality to each mark's
place instead of filling a path per mark; what it paints is what the paths paint."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.map.dense_marks import DenseMarks, plain_brush, plain_symbol

QUALITIES = ("ache", "burning", "sharp", "tingling", "numbness")


def _marks() -> dict[str, MarkState]:
    marks = {}
    for i in range(30):  # apart from each other: 40 scene units on a 6 x 5 grid
        key = f"m{i}"
        marks[key] = MarkState(
            key=key,
            view="anterior",
            x=20.0 + 40 * (i % 6),
            y=20.0 + 40 * (i // 6),
            region="temple",
            side="right",
            intensity=1 + i % 10,
            quality=QUALITIES[i % len(QUALITIES)],
        )
    return marks


def _painted(ratio: float, paint: Any) -> QImage:
    image = QImage(int(300 * ratio), int(300 * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.translate(7.5, 3.25)
    painter.scale(1.3, 1.1)
    paint(painter)
    painter.end()
    return image


def _by_paths(marks: dict[str, MarkState]) -> Any:
    def paint(painter: QPainter) -> None:  # the reference: each symbol's path filled
        to_device = painter.worldTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for mark in marks.values():
            point = to_device.map(QPointF(mark.x, mark.y))  # type: ignore[arg-type]
            painter.resetTransform()
            painter.translate(point)
            painter.setBrush(plain_brush(mark.intensity))
            painter.drawPath(plain_symbol(mark.quality))
        painter.setTransform(to_device)

    return paint


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_the_stamps_paint_what_the_symbols_paint(qapp: Any, ratio: float) -> None:
    marks = _marks()
    layer = DenseMarks(QRectF(0, 0, 260, 220))
    layer.set_marks(marks)
    stamped = _painted(ratio, lambda painter: layer.paint(painter, None))  # type: ignore[arg-type]
    reference = _painted(ratio, _by_paths(marks))
    differing = 0
    for y in range(stamped.height()):
        for x in range(stamped.width()):
            a, b = QColor(stamped.pixel(x, y)), QColor(reference.pixel(x, y))
            if (
                max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))
                > 96
            ):
                differing += 1
    coloured = sum(
        QColor(reference.pixel(x, y)) != QColor(Qt.GlobalColor.white)
        for y in range(0, reference.height())
        for x in range(0, reference.width())
    )
    assert coloured > 30 * 20 * ratio * ratio  # every symbol drawn
    # Only edge pixels differ: a stamp is placed on whole device pixels (at most 0.5 px off).
    assert differing <= coloured * 0.1
    for mark in marks.values():  # each mark's centre has its intensity's colour
        centre = QPointF(7.5 + 1.3 * mark.x, 3.25 + 1.1 * mark.y) * ratio  # type: ignore[operator]
        got = QColor(stamped.pixel(int(centre.x()), int(centre.y())))
        assert got.name() == plain_brush(mark.intensity).color().name(), mark.key
