"""The intake's consent-to-treatment section: the text of ``resources/consent.yaml`` (with
its version id), the date, the client's typed name and/or a drawn signature.

``SignaturePad`` keeps the strokes as SVG path data in a 0-1000 box ("M x y L x y ..."), the
form the store keeps (``core/consent.py``); it draws them back the same way. The section
records a consent only when something was entered that differs from the consent on file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from nmt_bodymap.core.consent import check_consent, load_consent
from nmt_bodymap.ui.clinic.intake_fields import FormError
from nmt_bodymap.ui.i18n import tr

BOX = 1000.0  # the drawing's coordinate box


def path_of(strokes: list[list[tuple[float, float]]]) -> str:
    """Strokes in the 0-1000 box as SVG path data."""
    parts = []
    for stroke in strokes:
        for index, (x, y) in enumerate(stroke):
            parts.append(f"{'M' if index == 0 else 'L'} {x:.0f} {y:.0f}")
    return " ".join(parts)


def strokes_of(path: str) -> list[list[tuple[float, float]]]:
    """SVG path data of ``path_of`` back as strokes."""
    strokes: list[list[tuple[float, float]]] = []
    words = path.replace("M", " M ").replace("L", " L ").split()
    for index in range(0, len(words) - 2, 3):
        command, x, y = words[index : index + 3]
        if command == "M" or not strokes:
            strokes.append([])
        strokes[-1].append((float(x), float(y)))
    return strokes


def draw_strokes(
    painter: QPainter, strokes: list[list[tuple[float, float]]], w: float, h: float
) -> None:
    """Draw strokes of the 0-1000 box into a ``w`` x ``h`` area."""
    sx, sy = w / BOX, h / BOX
    for stroke in strokes:
        line = QPainterPath(QPointF(stroke[0][0] * sx, stroke[0][1] * sy))
        for x, y in stroke[1:]:
            line.lineTo(x * sx, y * sy)
        painter.drawPath(line)


def drawing_image(path: str, width: int = 900, height: int = 300) -> QImage:
    """The drawn signature as a picture (for the report)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.GlobalColor.black, 4))
    draw_strokes(painter, strokes_of(path), width, height)
    painter.end()
    return image


class SignaturePad(QWidget):
    """Draw with the mouse, pen or finger; ``path()`` is the drawing as SVG path data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature-pad")
        self.setMinimumSize(320, 110)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(tr("The client signs here with the mouse, a pen or a finger"))
        self.strokes: list[list[tuple[float, float]]] = []

    def _box_point(self, pos: QPointF) -> tuple[float, float]:
        x = min(max(pos.x() / max(self.width(), 1), 0.0), 1.0) * BOX
        y = min(max(pos.y() / max(self.height(), 1), 0.0), 1.0) * BOX
        return round(x), round(y)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.strokes.append([self._box_point(event.position())])
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.strokes and event.buttons() & Qt.MouseButton.LeftButton:
            self.strokes[-1].append(self._box_point(event.position()))
            self.update()

    def path(self) -> str:
        return path_of([s for s in self.strokes if len(s) > 1])

    def set_path(self, path: str) -> None:
        self.strokes = strokes_of(path)
        self.update()

    def clear(self) -> None:
        self.strokes = []
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(Qt.GlobalColor.gray, 1, Qt.PenStyle.DashLine))
        painter.drawLine(10, self.height() - 20, self.width() - 10, self.height() - 20)
        painter.setPen(QPen(Qt.GlobalColor.black, 2))
        draw_strokes(painter, self.strokes, self.width(), self.height())


class ConsentSection(QGroupBox):
    """The consent part of the intake form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Consent to treatment", parent)
        self.text = load_consent().latest
        self.stored: Any | None = None
        words = QTextBrowser()
        words.setObjectName("consent-text")
        words.setPlainText(self.text.text)
        words.setFixedHeight(150)
        self.version_label = QLabel(
            tr("{title} (text version {id})").format(title=self.text.title, id=self.text.id)
        )
        self.version_label.setObjectName("consent-version")
        self.date_edit = QLineEdit(date.today().isoformat())
        self.date_edit.setObjectName("consent-date")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("consent-name")
        self.name_edit.setPlaceholderText(tr("The client types their full name"))
        self.pad = SignaturePad()
        clear = QPushButton(tr("C&lear drawing"))
        clear.clicked.connect(self.pad.clear)
        pad_row = QHBoxLayout()
        pad_row.addWidget(self.pad, 1)
        pad_row.addWidget(clear, 0, Qt.AlignmentFlag.AlignBottom)
        self.on_file = QLabel(tr("No consent on file yet."))
        self.on_file.setObjectName("consent-on-file")
        form = QFormLayout(self)
        form.addRow(self.version_label)
        form.addRow(words)
        form.addRow(tr("Consent &date"), self.date_edit)
        form.addRow(tr("Typed &name"), self.name_edit)
        form.addRow(tr("Drawn signature"), pad_row)
        form.addRow(self.on_file)

    def show_consent(self, consent: Any | None) -> None:
        """Show the consent on file (None: none yet)."""
        self.stored = consent
        if consent is None:
            return
        self.on_file.setText(
            tr("On file: consent given {isoformat} (text version {text_version}).").format(
                isoformat=consent.consented_on.isoformat(), text_version=consent.text_version
            )
        )
        self.date_edit.setText(consent.consented_on.isoformat())
        self.name_edit.setText(consent.typed_name)
        self.pad.set_path(consent.drawing)

    def values(self) -> dict[str, Any] | None:
        """The consent to record, or None when nothing new was entered."""
        name, drawing = self.name_edit.text().strip(), self.pad.path()
        if not name and not drawing:
            return None
        values = {
            "text_version": self.text.id,
            "consented_on": self.date_edit.text().strip(),
            "typed_name": name,
            "drawing": drawing,
        }
        stored = self.stored
        if stored is not None and (
            stored.text_version,
            stored.consented_on.isoformat(),
            stored.typed_name,
            stored.drawing,
        ) == tuple(values.values()):
            return None
        return values

    def checked_values(self) -> dict[str, Any] | None:
        """``values()``, checked as the store will; ``FormError`` names what to fix."""
        values = self.values()
        if values is not None:
            try:
                check_consent(*values.values())
            except ValueError as exc:
                raise FormError(tr("Consent: {exc}").format(exc=exc), self.date_edit) from None
        return values
