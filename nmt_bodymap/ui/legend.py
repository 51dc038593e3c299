"""The key to the map: intensity colours, quality symbols, zone and pin styles."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nmt_bodymap.ui.map_items import quality_symbol
from nmt_bodymap.ui.marks import QUALITIES
from nmt_bodymap.ui.palette import MAX_INTENSITY, MapColors, intensity_color, text_color_on

FULL_WIDTH = 940  # the legend's width with its keys at their natural spacing


class MapLegend(QWidget):
    """A compact strip: 0-10 swatches, one symbol per quality, zone and pin keys."""

    def __init__(self, colors: MapColors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colors = colors
        self.setObjectName("map-legend")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            "Intensity 0 (no pain) to 10 (worst imaginable); the symbol shape "
            "gives the quality; blue = referral zone of the selected muscle."
        )

    def sizeHint(self) -> QSize:
        return QSize(840, 58)

    def minimumSizeHint(self) -> QSize:
        return QSize(400, 58)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_pen = self.palette().windowText().color()
        font = QFont(self.font())
        font.setPixelSize(11)
        painter.setFont(font)
        x = 6.0
        # Quality and zone keys close up on a narrow map so the last key stays in view.
        squeeze = max(0.0, min(16.0, (FULL_WIDTH - self.width()) / 9))
        quality_step, key_step = 68 - squeeze, 66 - squeeze
        painter.setPen(text_pen)
        painter.drawText(QRectF(x, 2, 200, 14), Qt.AlignmentFlag.AlignLeft, "Intensity")
        box = 20.0
        for level in range(MAX_INTENSITY + 1):
            rect = QRectF(x + level * (box + 1), 18, box, box)
            fill = intensity_color(level)
            painter.setPen(QPen(text_pen, 0.6))
            painter.setBrush(fill)
            painter.drawRect(rect)
            painter.setPen(text_color_on(fill))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(level))
        painter.setPen(text_pen)
        painter.drawText(QRectF(x, 40, 60, 14), Qt.AlignmentFlag.AlignLeft, "mild")
        painter.drawText(
            QRectF(x + 11 * (box + 1) - 60, 40, 60, 14), Qt.AlignmentFlag.AlignRight, "worst"
        )
        x += 11 * (box + 1) + 18
        painter.drawText(QRectF(x, 2, 200, 14), Qt.AlignmentFlag.AlignLeft, "Quality")
        for quality in QUALITIES:
            painter.save()
            painter.translate(x + 8, 28)
            painter.setPen(QPen(text_pen, 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(quality_symbol(quality, 6.5))
            painter.restore()
            painter.drawText(QRectF(x - 6, 40, 60, 14), Qt.AlignmentFlag.AlignLeft, quality)
            x += quality_step
        x += 8
        painter.drawText(QRectF(x, 2, 200, 14), Qt.AlignmentFlag.AlignLeft, "Selected muscle")
        keys = (
            ("essential", QBrush(self._colors.essential)),
            ("spillover", QBrush(self._colors.spillover, Qt.BrushStyle.BDiagPattern)),
            ("muscle", QBrush(self._colors.muscle)),
        )
        for label, brush in keys:
            painter.setPen(QPen(self._colors.spillover, 1))
            painter.setBrush(brush)
            painter.drawRect(QRectF(x, 19, 18, 18))
            painter.setPen(text_pen)
            painter.drawText(QRectF(x - 4, 40, 70, 14), Qt.AlignmentFlag.AlignLeft, label)
            x += key_step
        painter.setPen(QPen(Qt.GlobalColor.white, 2))
        painter.setBrush(self._colors.pin)
        painter.drawEllipse(QPointF(x + 9, 28), 7, 7)
        painter.setPen(text_pen)
        painter.drawText(QRectF(x - 4, 40, 90, 14), Qt.AlignmentFlag.AlignLeft, "trigger pt")
        painter.end()
