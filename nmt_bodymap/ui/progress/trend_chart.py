"""A small line chart over visits, drawn with QPainter.

PySide6-Essentials has no QtCharts, so the progress view draws its own: one point per visit
for each series, a y axis that ends on a round number, dates along the bottom, a legend.

Over many visits (issue 18: 2,000 visits drew 2,000 overlapping dates and 2,000 dots per
series, most of the progress view's time) the chart draws the dates that fit side by side
(:func:`label_indices`, the first and the last always), each series as one polyline, and a
dot per visit only while the dots stand apart (:data:`DOT_SPACING`; closer, the line is
drawn thin and without antialiasing).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from nmt_bodymap.ui.i18n import tr

LABEL_WIDTH = 90  # px a date along the bottom takes
DOT_SPACING = 6.0  # px between visits under which the dots would merge into a band


def label_indices(count: int, width: float) -> list[int]:
    """The visits whose dates are written under a plot ``width`` px wide: evenly spaced,
    never closer than a date's width, the first and the last always."""
    if count <= 0:
        return []
    if count == 1:
        return [0]
    fit = max(2, int(width // LABEL_WIDTH) + 1)
    if count <= fit:
        return list(range(count))
    step = math.ceil((count - 1) / (fit - 1))
    shown = list(range(0, count - 1, step))
    if (count - 1 - shown[-1]) * width / (count - 1) < LABEL_WIDTH:
        shown.pop()  # the last date would overlap the one before it
    return [*shown, count - 1]


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]
    color: QColor


def nice_ceiling(value: float) -> float:
    """The axis top at or above ``value`` whose quarter steps read well (1, 2, 4, 5, 8 x 10^k)."""
    scale = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 4, 5, 8, 10):
        if step * scale >= value - 1e-9:
            return float(step * scale)
    return float(10 * scale)


class TrendChart(QWidget):
    """A small line chart: one point per visit for each series, with its own y range."""

    def __init__(
        self,
        title: str,
        y_max: float | None = None,
        counts: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.y_max = y_max
        self.counts = counts  # whole numbers: the axis steps by whole numbers too
        self.labels: list[str] = []
        self.series: dict[str, Series] = {}
        self.setMinimumSize(320, 200)

    def set_data(self, labels: Sequence[str], series: Sequence[Series]) -> None:
        self.labels = list(labels)
        self.series = {s.label: s for s in series}
        self.update()

    def values(self, label: str) -> tuple[float | None, ...]:
        return self.series[label].values

    def _top(self) -> float:
        if self.y_max is not None:
            return self.y_max
        found = [v for s in self.series.values() for v in s.values if v is not None]
        top = max(found, default=1.0)
        if self.counts:
            return float(max(4, 4 * math.ceil(top * 1.1 / 4)))
        return nice_ceiling(max(1.0, top * 1.1))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor("#222"))
        painter.drawText(
            QRectF(8, 4, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft, self.title
        )
        painter.setFont(self.font())
        plot = QRectF(44, 34, self.width() - 60, self.height() - 34 - 46)
        inner = plot.adjusted(40, 0, -40, 0)  # room for the first and last date
        top = self._top()
        painter.setPen(QPen(QColor("#ddd"), 1))
        for i in range(5):
            y = plot.bottom() - plot.height() * i / 4
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#666"))
            painter.drawText(
                QRectF(0, y - 8, plot.left() - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{top * i / 4:g}" if self.counts else f"{top * i / 4:.3g}",
            )
            painter.setPen(QPen(QColor("#ddd"), 1))
        count = len(self.labels)

        def x_of(index: int) -> float:
            if count <= 1:
                return inner.center().x()
            return inner.left() + inner.width() * index / (count - 1)

        painter.setPen(QColor("#666"))
        for index in label_indices(count, inner.width()):
            painter.drawText(
                QRectF(x_of(index) - LABEL_WIDTH / 2, plot.bottom() + 4, LABEL_WIDTH, 16),
                Qt.AlignmentFlag.AlignHCenter,
                self.labels[index],
            )
        dots = count <= 1 or inner.width() / (count - 1) >= DOT_SPACING
        legend_x = plot.left()
        # the same sums as x_of and the y below, with the rectangles' numbers read once
        # (issue 18: Qt calls per point were most of the charts' paint over 2,000 visits)
        left, width, span = inner.left(), inner.width(), max(1, count - 1)
        bottom, height = plot.bottom(), plot.height()
        for series in self.series.values():
            if count <= 1:
                points = [
                    QPointF(x_of(i), bottom - height * min(v, top) / top)
                    for i, v in enumerate(series.values)
                    if v is not None
                ]
            else:
                points = [
                    QPointF(left + width * i / span, bottom - height * min(v, top) / top)
                    for i, v in enumerate(series.values)
                    if v is not None
                ]
            # Dense: a thin line without antialiasing (a 2,000-point antialiased wide
            # polyline took 20 ms a series; the band it draws looks the same).
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, dots)
            painter.setPen(QPen(series.color, 2.5 if dots else 1))
            painter.drawPolyline(QPolygonF(points))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QBrush(series.color))
            for point in points if dots else ():
                painter.drawEllipse(point, 4.5, 4.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.fillRect(QRectF(legend_x, self.height() - 20, 14, 10), series.color)
            painter.setPen(QColor("#333"))
            text_rect = QRectF(legend_x + 18, self.height() - 25, 180, 18)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, series.label)
            legend_x += 24 + painter.fontMetrics().horizontalAdvance(series.label) + 16
        if not self.labels:
            painter.setPen(QColor("#888"))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, tr("No visits yet"))
        painter.end()
