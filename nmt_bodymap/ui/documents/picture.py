"""The body chart of a visit as a PNG picture: both views, the numbered marks, their list.

Drawn with Qt off screen, written with Pillow from the raw pixels so the file carries no
metadata at all: no text chunks, no time stamp, no software name, and never the client's
name (a picture may be attached to a message; who it is about stays out of the file).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from nmt_bodymap.ui.documents.figures import VIEW_TITLES, body_chart, number_marks
from nmt_bodymap.ui.documents.paged import ensure_gui_app, text_font
from nmt_bodymap.ui.documents.visit_data import VisitDocument
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import mark_place_label

HEIGHT_PX = 1600
LINE_PX = 34


def body_chart_image(data: VisitDocument) -> QImage:
    """Both views side by side with the marks, their titles and the numbered list below."""
    ensure_gui_app()
    numbered = number_marks(data.marks)
    views = [body_chart(view, numbered, HEIGHT_PX) for view in ("anterior", "posterior")]
    views_px = {"anterior": tr("front"), "posterior": tr("back")}
    lines = [
        tr("{number}. {place}: {intensity}/10, {quality} ({view})").format(
            number=m.number,
            place=mark_place_label(m.record),
            intensity=m.record.intensity,
            quality=tr(m.record.quality),
            view=views_px.get(m.record.view, tr("internal")),
        )
        for m in numbered
    ]
    width = sum(v.width() for v in views) + 40
    height = HEIGHT_PX + 70 + LINE_PX * max(1, len(lines)) + 30
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        x = 0
        painter.setFont(text_font(16))
        painter.setPen(QColor("#1a1a1a"))
        for view, picture in zip(("anterior", "posterior"), views, strict=True):
            painter.drawImage(QPointF(x, 0), picture)
            painter.drawText(
                QRectF(x, HEIGHT_PX + 5, picture.width(), 50),
                Qt.AlignmentFlag.AlignCenter,
                tr(VIEW_TITLES[view]),
            )
            x += picture.width() + 40
        painter.setFont(text_font(13))
        y = HEIGHT_PX + 70
        for line in lines or ["No pain marked at this visit."]:
            painter.drawText(QPointF(30, y + LINE_PX * 0.75), line)
            y += LINE_PX
    finally:
        painter.end()
    return image


def write_body_chart_png(data: VisitDocument, path: Path) -> Path:
    """Save the body chart as a PNG without any metadata; returns the path."""
    image = body_chart_image(data).convertToFormat(QImage.Format.Format_RGB888)
    stride = image.bytesPerLine()
    raw = bytes(image.constBits())[: stride * image.height()]
    picture = Image.frombuffer("RGB", (image.width(), image.height()), raw, "raw", "RGB", stride, 1)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = Image.new("RGB", picture.size)  # a new image: no info dict to carry over
    clean.paste(picture)
    clean.save(path, "PNG", optimize=True)
    return path
