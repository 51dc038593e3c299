"""Help > About (version, licence, clinical sources, third-party notices) and Help > Open
data folder.

``install_help_actions(window)`` adds both to the window's existing Help menu, so the
main window needs one call line. The sources are the validated bibliography of the
knowledge base (``resources/sources.yaml``); the notices are the file shipped in the
wheel and the installer (``resources/licenses/THIRD-PARTY-NOTICES.md``).
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap import __version__, paths
from nmt_bodymap.resources import resource_path
from nmt_bodymap.ui.actions import menu_titled
from nmt_bodymap.ui.app_icon import app_icon
from nmt_bodymap.ui.i18n import tr, tr_noop

if TYPE_CHECKING:
    from nmt_bodymap.core.knowledge_schema import SourceDef

APP_NAME = "NMT Body Map"


def _knowledge_sources() -> list[SourceDef]:
    """The knowledge's sources (imported here: the About box is not on the start path)."""
    from nmt_bodymap.core.knowledge import load_knowledge

    return list(load_knowledge().sources.values())


LICENCE = tr_noop(
    "Proprietary software of the NMT Body Map developers. Built on open-source components, "
    "each under its own licence (see Third-party notices)."
)
NOTICES_FILE = ("licenses", "THIRD-PARTY-NOTICES.md")


def notices_text() -> str:
    return resource_path(*NOTICES_FILE).read_text(encoding="utf-8")


def sources_html() -> str:
    """The bibliography as an ordered list (the citation text of each source)."""
    items = "".join(
        f"<li>{escape(source.citation())} <span style='color:gray'>[{source.id}]</span></li>"
        for source in _knowledge_sources()
    )
    return (
        "<p>Trigger-point locations, referral patterns and advice are written in our own "
        "words from these published references; every muscle names the ones it draws on.</p>"
        f"<ol>{items}</ol>"
    )


def environment_line() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    python = ".".join(str(part) for part in sys.version_info[:3])
    return f"Python {python} · Qt {qVersion()} · PySide6 {pyside_version}"


class AboutDialog(QDialog):
    """Version and licence, then the clinical sources and the third-party notices as tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About {app_name}").format(app_name=APP_NAME))
        self.setObjectName("about-dialog")
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAccessibleName(tr("NMT Body Map icon"))
        heading = QLabel(
            tr(
                "<h2>{app_name}</h2><p>Version {version}</p><p>From where the client "
                "hurts to the trigger points to palpate.</p>"
            ).format(app_name=APP_NAME, version=escape(__version__))
        )
        heading.setObjectName("about-heading")
        head = QHBoxLayout()
        head.addWidget(icon)
        head.addWidget(heading, 1)

        about = QLabel(
            tr(
                "<p>{licence}</p><p>{environment_line}</p><p>Charts are kept on this "
                "computer in:<br><code>{data_dir}</code></p><p>The app makes no "
                "network connection except to the clinic's own database server when "
                "one is configured.</p>"
            ).format(
                licence=escape(tr(LICENCE)),
                environment_line=escape(environment_line()),
                data_dir=escape(str(paths.data_dir(create=False))),
            )
        )
        about.setWordWrap(True)
        about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        about.setMargin(8)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about.setObjectName("about-licence")
        self.sources = QTextBrowser()
        self.sources.setObjectName("about-sources")
        self.sources.setAccessibleName(tr("Clinical sources"))
        self.sources.setHtml(sources_html())
        self.notices = QTextBrowser()
        self.notices.setObjectName("about-notices")
        self.notices.setAccessibleName(tr("Third-party notices"))
        self.notices.setOpenExternalLinks(False)
        self.notices.setMarkdown(notices_text())
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("About sections"))
        self.tabs.addTab(about, tr("&Licence"))
        self.tabs.addTab(self.sources, tr("Clinical &sources"))
        self.tabs.addTab(self.notices, tr("&Third-party notices"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(tr("Close"))
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system file manager (module level: tests patch it)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(parent: QWidget | None = None) -> AboutDialog:
    dialog = AboutDialog(parent)
    dialog.exec()
    return dialog


def install_help_actions(window: QMainWindow) -> None:
    """Add "Open data folder" and "About" to the window's Help menu."""
    menu = menu_titled(window, "Help")
    assert menu is not None  # made when missing
    registry = getattr(window, "actions_by_key", {})
    menu.addSeparator()
    folder = QAction(tr("Open &data folder"), window)
    folder.setObjectName("action-open-data-folder")
    folder.setStatusTip(tr("Show the folder holding the chart database and its backups"))
    folder.triggered.connect(lambda: open_folder(paths.data_dir()))
    about = QAction(tr("&About {app_name}").format(app_name=APP_NAME), window)
    about.setObjectName("action-about")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_about(window))
    for key, action in (("open-data-folder", folder), ("about", about)):
        menu.addAction(action)
        registry[key] = action
