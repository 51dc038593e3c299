"""Lay an HTML document out on paper: A4 or Letter, margins, a footer with page numbers.

Works on any ``QPagedPaintDevice``: a ``QPdfWriter`` for a PDF file, a ``QPrinter`` from the
print dialog. Text stays text (``QTextDocument`` draws glyphs, not pictures), so the PDF
can be searched and read by screen readers, ``pdftotext`` and ``pypdf``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from nmt_bodymap.paths import private_file
from nmt_bodymap.ui.i18n import tr

MARGIN_MM = 15.0
FOOTER_MM = 8.0
PDF_DPI = 300


def ensure_gui_app() -> None:
    """A ``QGuiApplication`` for drawing off screen (the CLI has none; the window has one)."""
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_gui_app.app = QGuiApplication([])  # type: ignore[attr-defined]


def text_font(point_size: float) -> QFont:
    """DejaVu Sans without ligatures, so "fl" in the PDF reads and searches as f, l."""
    font = QFont("DejaVu Sans")
    font.setPointSizeF(point_size)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def page_size(paper: str) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)


def paper_of(device: QPagedPaintDevice, default: str) -> str:
    """The paper a printer was set to in the print dialog: letter, a4, or ``default``."""
    size_id = device.pageLayout().pageSize().id()
    if size_id == QPageSize.PageSizeId.Letter:
        return "letter"
    return "a4" if size_id == QPageSize.PageSizeId.A4 else default


def set_paper(device: QPagedPaintDevice, paper: str) -> None:
    layout = QPageLayout(
        page_size(paper),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    device.setPageLayout(layout)


def content_width_mm(paper: str) -> float:
    return page_size(paper).size(QPageSize.Unit.Millimeter).width() - 2 * MARGIN_MM


def write_pdf(path: Path, paper: str, title: str, draw: Callable[[QPdfWriter], int]) -> int:
    """Draw a PDF into a temporary file beside ``path``, make it owner-only (it holds client
    data) and move it into place; returns what ``draw`` returns (the page count)."""
    path = Path(path)
    with private_file(path, ".document-", ".pdf") as tmp:
        writer = pdf_writer(tmp, paper, title)
        pages = draw(writer)
        del writer  # closes the file
    return pages


def pdf_writer(path: Path, paper: str, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("NMT Body Map")
    set_paper(writer, paper)
    return writer


def render_document(
    device: QPagedPaintDevice,
    html: str,
    images: Mapping[str, QImage],
    footer: str,
    base_font_pt: float = 10.0,
) -> int:
    """Paint ``html`` (its ``<img src="name">`` taken from ``images``) on ``device``, page
    after page, with "footer · Page n of N" at the bottom of each; returns the page count."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(text_font(base_font_pt))
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    dpi = device.logicalDpiY()
    footer_px = FOOTER_MM / 25.4 * dpi
    page = QSizeF(device.width(), device.height() - footer_px)
    doc.setPageSize(page)
    doc.setDocumentMargin(0)
    keep_headings_with_next(doc, page)
    pages = max(1, doc.pageCount())
    painter = QPainter(device)
    try:
        footer_font = text_font(8)
        for number in range(pages):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * page.height())
            doc.drawContents(
                painter, QRectF(0, number * page.height(), page.width(), page.height())
            )
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(
                QRectF(0, device.height() - footer_px * 0.7, device.width(), footer_px * 0.7),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                tr("{footer}   ·   Page {number} of {pages}").format(
                    footer=footer, number=number + 1, pages=pages
                ),
            )
    finally:
        painter.end()
    return pages


def keep_headings_with_next(doc: QTextDocument, page: QSizeF, most: int = 50) -> None:
    """Headings left alone at the foot of a page (a section title and its first sub-title
    count as one) start the next page instead. One break at a time, each followed by a
    fresh layout, since every break moves what follows it."""
    for _ in range(most):
        if not _break_before_first_orphan(doc, page.height()):
            return
        doc.setPageSize(QSizeF(page.width(), page.height() + 1))  # lay it all out again
        doc.setPageSize(page)


def _break_before_first_orphan(doc: QTextDocument, page_height: float) -> bool:
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 0:
            block = block.next()
            continue
        first, following = block, block.next()
        while following.isValid() and following.blockFormat().headingLevel() > 0:
            following = following.next()
        if not following.isValid():
            return False
        top = layout.blockBoundingRect(first).top()
        after = layout.blockBoundingRect(following).bottom()
        policy = first.blockFormat().pageBreakPolicy()
        if int(top // page_height) != int(after // page_height) and not (
            policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        ):
            fmt = first.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(first).setBlockFormat(fmt)
            return True
        block = following
    return False


def image_tag(name: str, image: QImage, width_mm: float) -> str:
    """An ``<img>`` ``width_mm`` wide on paper (height kept in proportion).

    ``QTextDocument`` sizes images in screen pixels and scales them by the printer's DPI
    over the screen's, so the width is given at the screen's DPI.
    """
    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInchX() if screen is not None else 96.0
    width = width_mm / 25.4 * dpi
    height = width * image.height() / max(1, image.width())
    return f'<img src="{name}" width="{width:.0f}" height="{height:.0f}">'
