"""The take-home sheet in education mode: the client handout of the open visit, on screen.

The same content as the handout PDF (``ui/documents/handout.py``: for each treated muscle
where it is, where it sends pain, where to press and its self-care; the after-care with the
soreness window and when to call), drawn by the same ``handout_html`` in large type on a
white page that faces the client. Like the handout it is built only from the treated
muscles and sides, the visit time, the client's name and the clinic's settings: no note,
no finding's detail, no SOAP text, no intake. Print… and Save as PDF… call the handout's own
``print_handout`` and ``write_handout_pdf``, so paper and screen never differ.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.settings import Settings, load_settings
from nmt_bodymap.ui.documents.handout import (
    BASE_PT,
    _pictures,
    handout_html,
    print_handout,
    write_handout_pdf,
)
from nmt_bodymap.ui.documents.paged import page_size, text_font
from nmt_bodymap.ui.documents.visit_data import VisitDocument, collect_visit
from nmt_bodymap.ui.i18n import tr

SCREEN_SCALE = 1.5  # the paper's 14 pt body becomes 21 pt on screen; headings alike
StoreCall = Callable[[Callable[[Any], Any], Callable[[Any], None], Callable[[Any], None]], None]


def large_type(html: str, scale: float = SCREEN_SCALE) -> str:
    """The handout's html with every point size in its style sheet ``scale`` times larger."""
    return re.sub(
        r"font-size:\s*([0-9.]+)pt",
        lambda m: f"font-size: {float(m.group(1)) * scale:.0f}pt",
        html,
    )


class TakeHomeSheet(QWidget):
    """The handout of one visit in large type, with Print… and Save as PDF…."""

    left = Signal()  # "Back to the muscles" (or Esc in the education window)
    told = Signal(str)  # a line for the client-facing status label

    def __init__(
        self,
        data: VisitDocument,
        settings: Settings | None = None,
        knowledge: KnowledgeBase | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("take-home-sheet")
        self.data = data
        self.settings = settings or load_settings()
        knowledge = knowledge or load_knowledge()
        images, tags = _pictures(data, knowledge, self.settings.paper)
        self.browser = QTextBrowser()
        self.browser.setObjectName("take-home-text")
        self.browser.setStyleSheet("background: white; color: #222; border: none;")
        document = self.browser.document()
        document.setDefaultFont(text_font(BASE_PT * SCREEN_SCALE))
        document.setDocumentMargin(36)
        for name, image in images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        self.browser.setHtml(large_type(handout_html(data, self.settings, knowledge, tags)))
        self.print_button = QPushButton(tr("&Print…"))
        self.pdf_button = QPushButton(tr("Save as P&DF…"))
        self.back_button = QPushButton(tr("Back to the muscles"))
        for button in (self.print_button, self.pdf_button, self.back_button):
            button.setStyleSheet("font-size: 18px; padding: 8px 18px;")
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.back_button.clicked.connect(self.left.emit)
        self.status = QLabel("")
        self.status.setStyleSheet("font-size: 16px; color: #444;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)

    def text(self) -> str:
        return self.browser.toPlainText()

    # -- dialogs (patched in tests) ----------------------------------------------------------
    def ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size(self.settings.paper))
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def ask_save_path(self) -> str:
        return QFileDialog.getSaveFileName(
            self, tr("Save the take-home sheet as PDF"), "after-care.pdf", tr("PDF (*.pdf)")
        )[0]

    # -- paper ---------------------------------------------------------------------------------
    def print_sheet(self) -> None:
        printer = self.ask_printer()
        if printer is None:
            return
        pages = print_handout(self.data, printer, self.settings)
        self._say(tr("Sent to the printer ({pages} pages).").format(pages=pages))

    def save_pdf(self) -> None:
        chosen = self.ask_save_path()
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        try:
            pages = write_handout_pdf(self.data, path, settings=self.settings)
        except OSError as exc:
            self._say(tr("The file could not be written: {reason}").format(reason=exc.strerror))
            return
        self._say(tr("Saved as {name} ({pages} pages).").format(name=path.name, pages=pages))

    def _say(self, line: str) -> None:
        self.status.setText(line)
        self.told.emit(line)


def visit_source(parent: object) -> tuple[StoreCall | None, int | None]:
    """The window's store call and open visit (none when education mode stands alone)."""
    worker = getattr(parent, "worker", None)
    marks = getattr(parent, "marks", None)
    return getattr(worker, "submit", None), getattr(marks, "visit_id", None)


def load_take_home(
    store_call: StoreCall,
    visit_id: int,
    done: Callable[[TakeHomeSheet], None],
    failed: Callable[[str], None],
) -> None:
    """Read the visit on the store worker, then build its sheet on the GUI thread."""
    store_call(
        lambda store: collect_visit(store, visit_id),
        lambda data: done(TakeHomeSheet(data)),
        lambda _exc: failed(tr("The take-home sheet could not be read from the chart.")),
    )
