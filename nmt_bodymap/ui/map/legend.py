"""The key to the map: intensity colours, quality symbols, zone and pin styles."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from nmt_bodymap.ui.chart.marks import QUALITIES
from nmt_bodymap.ui.i18n import tr, tr_noop
from nmt_bodymap.ui.map.map_items import quality_symbol
from nmt_bodymap.ui.map.palette import MAX_INTENSITY, MapColors, intensity_color, text_color_on

# the legend's words, for the catalogue (the mark qualities and the muscle keys)
LEGEND_WORDS = (
    tr_noop("ache"),
    tr_noop("sharp"),
    tr_noop("burning"),
    tr_noop("throbbing"),
    tr_noop("tingling"),
    tr_noop("numbness"),
    tr_noop("muscle"),
    tr_noop("trigger pt"),
)

BOX = 20.0  # an intensity swatch
GAP = 10.0  # between one key's label and the next key
ONE_ROW = 58  # the legend's height on one row
ROW = 56.0  # the second row's offset when the map is too narrow for one (below the labels)


class MapLegend(QWidget):
    """A compact strip: 0-10 swatches, one symbol per quality, zone and pin keys."""

    def __init__(self, colors: MapColors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colors = colors
        self.setObjectName("map-legend")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._height = ONE_ROW
        self.setToolTip(
            tr(
                "Intensity 0 (no pain) to 10 (worst imaginable); the symbol shape "
                "gives the quality; blue = referral zone of the selected muscle."
            )
        )

    def sizeHint(self) -> QSize:
        return QSize(840, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(400, self._height)

    def _font(self, pixels: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(pixels)
        return font

    def _place(
        self, metrics: QFontMetricsF, two_rows: bool
    ) -> tuple[float, list[tuple[str, float, float, QRectF]]]:
        x = 6.0 + 11 * (BOX + 1) + 18
        first_quality = x
        placed: list[tuple[str, float, float, QRectF]] = []
        for quality in QUALITIES:
            width = metrics.horizontalAdvance(tr(quality)) + 2
            placed.append((f"quality:{quality}", x, 0.0, QRectF(x - 2, 40, width, 14)))
            x += max(22.0, width + GAP)
        widest = x
        x, y = (first_quality, ROW) if two_rows else (x + 8, 0.0)
        for label in ("essential", "spillover", "muscle", "trigger pt"):
            width = metrics.horizontalAdvance(tr(label)) + 2
            placed.append((f"key:{label}", x, y, QRectF(x - 2, 40 + y, width, 14)))
            x += max(26.0, width + GAP)
        return max(widest, x), placed

    def layout_keys(self) -> tuple[QFont, list[tuple[str, float, float, QRectF]]]:
        """Where each key goes: (kind, symbol x, row offset y, label rect). Each label is
        as wide as its text and the next key starts after it, so labels never run into
        each other (they did: "throbbingtingling"). On a narrow map the text gets
        smaller, down to 9 px, then the muscle keys go to a second row (and shrink again)."""
        for two_rows in (False, True):
            for pixels in range(11, 8, -1):
                font = self._font(pixels)
                right, placed = self._place(QFontMetricsF(font), two_rows)
                if right <= self.width():
                    return font, placed
        return font, placed  # narrower than any map gets: the smallest, two rows

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        _font, placed = self.layout_keys()
        height = ONE_ROW + (round(ROW) if any(y for _k, _x, y, _r in placed) else 0)
        if height != self._height:
            self._height = height
            self.setFixedHeight(height)
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_pen = self.palette().windowText().color()
        font, placed = self.layout_keys()
        painter.setFont(font)
        x = 6.0
        painter.setPen(text_pen)
        painter.drawText(QRectF(x, 2, 200, 14), Qt.AlignmentFlag.AlignLeft, tr("Intensity"))
        for level in range(MAX_INTENSITY + 1):
            rect = QRectF(x + level * (BOX + 1), 18, BOX, BOX)
            fill = intensity_color(level)
            painter.setPen(QPen(text_pen, 0.6))
            painter.setBrush(fill)
            painter.drawRect(rect)
            painter.setPen(text_color_on(fill))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(level))
        painter.setPen(text_pen)
        painter.drawText(QRectF(x, 40, 60, 14), Qt.AlignmentFlag.AlignLeft, tr("mild"))
        painter.drawText(
            QRectF(x + 11 * (BOX + 1) - 60, 40, 60, 14), Qt.AlignmentFlag.AlignRight, tr("worst")
        )
        first_quality = placed[0][1]
        first_key, key_y = next((px, y) for kind, px, y, _r in placed if kind.startswith("key:"))
        painter.drawText(
            QRectF(first_quality, 2, 200, 14), Qt.AlignmentFlag.AlignLeft, tr("Quality")
        )
        painter.drawText(
            QRectF(first_key, 2 + key_y, 200, 14), Qt.AlignmentFlag.AlignLeft, tr("Selected muscle")
        )
        brushes = {
            "essential": QBrush(self._colors.essential),
            "spillover": QBrush(self._colors.spillover, Qt.BrushStyle.BDiagPattern),
            "muscle": QBrush(self._colors.muscle),
        }
        for kind, px, y, rect in placed:
            name = kind.split(":", 1)[1]
            if kind.startswith("quality:"):
                painter.save()
                painter.translate(px + 8, 28)
                painter.setPen(QPen(text_pen, 1.2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(quality_symbol(name, 6.5))
                painter.restore()
            elif name in brushes:
                painter.setPen(QPen(self._colors.spillover, 1))
                painter.setBrush(brushes[name])
                painter.drawRect(QRectF(px, 19 + y, 18, 18))
            else:
                painter.setPen(QPen(Qt.GlobalColor.white, 2))
                painter.setBrush(self._colors.pin)
                painter.drawEllipse(QPointF(px + 9, 28 + y), 7, 7)
            painter.setPen(text_pen)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, tr(name))
        painter.end()
