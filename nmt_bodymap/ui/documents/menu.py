"""File-menu actions for the clinical documents: print and PDF of the visit report and the
client handout, chart export (JSON, CSV, FHIR), the body-chart picture, and client import.

``install_document_actions(window)`` adds them to the window's File menu (before Quit) and
to its action registry. Chart reads and writes run on the window's store worker, queued
after any pending save, so a document shows what is stored; drawing runs on the GUI thread.
Dialogs are methods of :class:`DocumentActions` so tests can patch them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QWidget

from nmt_bodymap.settings import load_settings
from nmt_bodymap.ui.actions import menu_titled
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.documents.visit_data import VisitDocument, collect_visit
from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from nmt_bodymap.ui.chart.open_visit import OpenVisit

EXPORT_FILTERS = {
    "json": "Chart, NMT Body Map JSON (*.json)",
    "csv": "Chart as CSV tables, zipped (*.zip)",
    "fhir": "Chart as HL7 FHIR R4 bundle (*.fhir.json)",
}
SUFFIXES = {"json": ".json", "csv": ".zip", "fhir": ".fhir.json"}
QUIT_GROUP = ("action-lock", "action-accounts")  # what may sit between the separator and Quit


class DocumentWindow(Protocol):
    """What the actions need of the window (``MainWindow`` has all of it)."""

    worker: StoreWorker
    actions_by_key: dict[str, QAction]
    visits: Any  # .client: the open client (or None)
    marks: Any  # .visit_id: the open visit (or None)
    clients: Any  # .refresh(select_id=...)
    knowledge: Any  # the trigger-point knowledge base
    side_tabs: Any  # the QTabWidget of the visit's panels
    open_visit: OpenVisit  # the SOAP tab's edits are operations on the open visit
    undo_stack: QUndoStack

    def menuBar(self) -> Any: ...
    def installEventFilter(self, watcher: QObject, /) -> None: ...
    def show_status(self, message: str) -> None: ...
    def show_error(self, message: Any) -> None: ...


class DocumentActions(QObject):
    def __init__(self, window: DocumentWindow) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.soap_tab: Any = None

    # -- dialogs (patched in tests) -------------------------------------------------------
    def ask_save_path(self, title: str, suggested: str, filters: str) -> tuple[str, str]:
        return QFileDialog.getSaveFileName(self._parent(), title, suggested, filters)

    def ask_open_path(self, title: str, filters: str) -> str:
        return QFileDialog.getOpenFileName(self._parent(), title, "", filters)[0]

    def ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from nmt_bodymap.ui.documents.paged import page_size  # on first print (issue 18)

        printer.setPageSize(page_size(load_settings().paper))
        dialog = QPrintDialog(printer, self._parent())
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def _parent(self) -> QWidget | None:
        return self.window if isinstance(self.window, QWidget) else None

    # -- the open visit ----------------------------------------------------------------------
    def _with_visit(self, then: Callable[[VisitDocument], None]) -> None:
        visit_id = self.window.marks.visit_id
        if visit_id is None:
            self.window.show_status(tr("Open a visit first."))
            return

        def done(data: VisitDocument) -> None:
            try:
                then(data)
            except OSError as exc:
                self.window.show_error(
                    tr("The file could not be written: {value1}").format(value1=exc.strerror or exc)
                )

        self.window.worker.submit(
            lambda store: collect_visit(store, visit_id), done, self.window.show_error
        )

    def _pdf_path(self, what: str, default_name: str) -> Path | None:
        path, _filter = self.ask_save_path(
            tr("Export {what} as PDF").format(what=what), default_name, tr("PDF (*.pdf)")
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")

    def print_report(self) -> None:
        from nmt_bodymap.ui.documents.report import print_report

        self._print(tr("visit report"), print_report)

    def print_handout(self) -> None:
        from nmt_bodymap.ui.documents.handout import print_handout

        self._print(tr("handout"), print_handout)

    def _print(self, what: str, draw: Callable[..., int]) -> None:
        def go(data: VisitDocument) -> None:
            printer = self.ask_printer()
            if printer is not None:
                pages = draw(data, printer)
                self.window.show_status(
                    tr("Sent the {what} to the printer ({pages} pages).").format(
                        what=what, pages=pages
                    )
                )

        self._with_visit(go)

    def export_report(self) -> None:
        from nmt_bodymap.ui.documents.report import write_report_pdf

        self._export_pdf(tr("visit report"), "visit-report.pdf", write_report_pdf)

    def export_handout(self) -> None:
        from nmt_bodymap.ui.documents.handout import write_handout_pdf

        self._export_pdf(tr("client handout"), "after-care.pdf", write_handout_pdf)

    def _export_pdf(self, what: str, name: str, write: Callable[..., int]) -> None:
        path = self._pdf_path(what, name)
        if path is None:
            return

        def go(data: VisitDocument) -> None:
            pages = write(data, path)
            self.window.show_status(
                tr("Saved the {what} ({pages} pages) to {path}.").format(
                    what=what, pages=pages, path=path
                )
            )

        self._with_visit(go)

    def export_picture(self) -> None:
        from nmt_bodymap.ui.documents.picture import write_body_chart_png

        chosen, _filter = self.ask_save_path(
            tr("Export body chart picture"), "body-chart.png", tr("PNG picture (*.png)")
        )
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".png") else chosen + ".png")

        def go(data: VisitDocument) -> None:
            write_body_chart_png(data, path)
            self.window.show_status(tr("Saved the body chart picture to {path}.").format(path=path))

        self._with_visit(go)

    # -- the whole chart ----------------------------------------------------------------------
    def export_chart(self) -> None:
        from nmt_bodymap.store.exports import export_chart

        client = self.window.visits.client
        if client is None:
            self.window.show_status(tr("Choose a client first."))
            return
        chosen, chosen_filter = self.ask_save_path(
            tr("Export chart"), "chart.json", ";;".join(EXPORT_FILTERS.values())
        )
        if not chosen:
            return
        fmt = next((k for k, v in EXPORT_FILTERS.items() if v == chosen_filter), "json")
        if chosen.lower().endswith(".zip"):
            fmt = "csv"
        elif chosen.lower().endswith(".fhir.json"):
            fmt = "fhir"
        path = Path(chosen if chosen.lower().endswith(SUFFIXES[fmt]) else chosen + SUFFIXES[fmt])
        client_id = client.id
        self.window.worker.submit(
            lambda store: export_chart(store, client_id, fmt, path),
            lambda written: self.window.show_status(
                tr("Exported the chart to {written}.").format(written=written)
            ),
            self.window.show_error,
        )

    def import_client(self) -> None:
        from nmt_bodymap.store.import_chart import import_chart

        chosen = self.ask_open_path(tr("Import client"), EXPORT_FILTERS["json"])
        if not chosen:
            return
        path = Path(chosen)

        def imported(client: Any) -> None:
            self.window.show_status(tr("Imported {name} as a new client.").format(name=path.name))
            self.window.clients.refresh(select_id=client.id)

        self.window.worker.submit(
            lambda store: import_chart(store, path), imported, self.window.show_error
        )


def _file_menu(window: DocumentWindow) -> QMenu:
    menu = menu_titled(window, "File")  # type: ignore[arg-type]
    assert menu is not None
    return menu


def _quit_group(menu: QMenu, quit_action: QAction | None) -> QAction | None:
    """The action to insert before: the separator opening Quit's group (Lock now and
    Accounts… may sit above Quit in it, issue 18), else Quit; None if absent."""
    items = menu.actions()
    if quit_action is None or quit_action not in items:
        return None
    index = items.index(quit_action)
    while index and not items[index - 1].isSeparator():
        if items[index - 1].objectName() not in QUIT_GROUP:
            return quit_action
        index -= 1
    return items[index - 1] if index else quit_action


def install_document_actions(window: DocumentWindow) -> DocumentActions:
    """Add the document actions to the File menu (before Quit) and the SOAP tab beside the
    visit's panels; returns the actions' owner (``.soap_tab`` is the tab)."""
    from nmt_bodymap.ui.documents.soap_tab import install_soap_tab

    actions = DocumentActions(window)
    actions.soap_tab = install_soap_tab(window)
    specs: list[tuple[str, str, str, Callable[[], None]] | None] = [
        None,
        ("print-report", tr("&Print visit report…"), "Ctrl+P", actions.print_report),
        ("export-report", tr("Export visit &report as PDF…"), "", actions.export_report),
        ("print-handout", tr("Print client &handout…"), "", actions.print_handout),
        ("export-handout", tr("Export client handout as P&DF…"), "", actions.export_handout),
        ("export-picture", tr("Export &body chart picture…"), "", actions.export_picture),
        None,
        ("export-chart", tr("E&xport chart (JSON/CSV/FHIR)…"), "", actions.export_chart),
        ("import-client", tr("&Import client…"), "", actions.import_client),
    ]
    menu = _file_menu(window)
    before = _quit_group(menu, window.actions_by_key.get("quit"))
    for spec in specs:
        action = QAction(menu)
        if spec is None:
            action.setSeparator(True)
        else:
            key, text, shortcut, slot = spec
            action.setText(text)
            action.setObjectName(f"action-{key}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            if isinstance(window, QMainWindow):
                window.addAction(action)
            window.actions_by_key[key] = action
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
    return actions
