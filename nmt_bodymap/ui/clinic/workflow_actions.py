"""The clinical workflow in the main window: Intake…, Education mode (F11), Progress…, and
the red-flag banner above the body map.

``install_workflow_actions(window)`` adds a "Clinic" menu and the banner without the
window having to know these screens. It needs of the window: ``worker`` (its ``submit`` is
the store call), ``clients.current_client()`` and ``clients.client_chosen`` (the client),
``marks.visit_id`` (the open visit), ``actions_by_key`` and, for the banner,
``visit_label`` (the banner goes just above it).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from nmt_bodymap.core.ranking import Spot, rank_candidates
from nmt_bodymap.ui.actions import ActionSpec, add_menu
from nmt_bodymap.ui.clinic.red_flag_banner import RedFlagBanner, StoreCall
from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from nmt_bodymap.ui.education.education_mode import EducationWindow
    from nmt_bodymap.ui.main_window import MainWindow

# The Clinic menu's windows, imported on first use (issue 18): Pillow, the handout and the
# progress charts are not loaded while the window starts.
_WINDOWS = {
    "EducationWindow": "nmt_bodymap.ui.education.education_mode",
    "IntakeDialog": "nmt_bodymap.ui.clinic.intake_dialog",
    "ProgressView": "nmt_bodymap.ui.progress.progress_view",
}


def __getattr__(name: str) -> Any:
    if name in _WINDOWS:
        return getattr(importlib.import_module(_WINDOWS[name]), name)
    raise AttributeError(name)


def _window(name: str) -> Any:
    return getattr(sys.modules[__name__], name)  # a window patched in by a test wins


EDUCATION_CANDIDATES = 8


def candidate_muscles(store: Any, visit_id: int) -> list[str]:
    """Muscle ids that may cause the visit's pain, best first (worker thread).

    Only ids leave this function: the education screen never sees the visit itself.
    """
    spots = [
        Spot(m.view, m.region, m.side, (m.x, m.y) if m.x is not None else None)
        for m in store.list_pain_marks(visit_id)
    ]
    if not spots:
        return []
    ids: list[str] = []
    for candidate in rank_candidates(spots):
        if candidate.muscle not in ids:
            ids.append(candidate.muscle)
    return ids[:EDUCATION_CANDIDATES]


def open_education(
    store_call: StoreCall | None,
    visit_id: int | None,
    parent: QWidget | None = None,
    on_open: Callable[[EducationWindow], None] | None = None,
    full_screen: bool = True,
    selected: str | None = None,
) -> None:
    """Open education mode on the candidates of ``visit_id`` (or the library alone),
    showing ``selected`` (the muscle the therapist chose) first."""

    def show(muscle_ids: list[str]) -> None:
        window = _window("EducationWindow")(muscle_ids, parent=parent, selected=selected)
        if full_screen:
            window.showFullScreen()
        else:
            window.show()
        if on_open is not None:
            on_open(window)

    if store_call is None or visit_id is None:
        show([])
        return
    store_call(lambda store: candidate_muscles(store, visit_id), show, lambda _exc: show([]))


def install_workflow_actions(window: MainWindow) -> RedFlagBanner:
    """Add the Clinic menu and the red-flag banner to ``window``; returns the banner."""
    w = window
    store_call: StoreCall = w.worker.submit
    opened: list[QWidget] = []  # keeps the non-modal windows alive
    w.workflow_windows = opened

    def current_client_id() -> int | None:
        client = w.clients.current_client()
        return None if client is None else client.id

    def status(message: str) -> None:
        show = getattr(w, "show_status", None)
        if callable(show):
            show(message)

    def keep(widget: QWidget) -> None:
        opened[:] = [o for o in opened if o.isVisible()]
        opened.append(widget)

    banner = RedFlagBanner(store_call)
    banner.failed.connect(status)
    label = getattr(w, "visit_label", None)
    layout = label.parentWidget().layout() if label is not None else None
    if layout is not None:
        layout.insertWidget(0, banner)
    w.clients.client_chosen.connect(
        lambda client: banner.load(None if client is None else client.id)
    )
    if current_client_id() is not None:  # installed after the client was chosen (issue 18)
        banner.load(current_client_id())

    def intake() -> None:
        client_id = current_client_id()
        if client_id is None:
            status(tr("Choose a client first"))
            return
        dialog = _window("IntakeDialog")(store_call, client_id, window)
        dialog.saved.connect(banner.show_intake)
        dialog.saved.connect(lambda _r: status(tr("Intake saved")))
        dialog.saved.connect(lambda _r: setattr(banner, "client_id", client_id))
        dialog.open()

    def education() -> None:
        chosen = w.candidates.current_candidate() if hasattr(w, "candidates") else None
        selected = chosen.muscle if chosen is not None else None  # issue 15: the chosen muscle
        open_education(store_call, w.marks.visit_id, None, keep, selected=selected)

    def progress() -> None:
        client_id = current_client_id()
        if client_id is None:
            status(tr("Choose a client first"))
            return
        view = _window("ProgressView")(store_call, client_id)
        # issue 18: a chart changed while the view is open (stored here or at another
        # station, as the change watcher finds it) is read again
        w.change_watcher.other_change.connect(view.schedule_reload)
        view.show()
        keep(view)

    add_menu(
        window,
        tr("&Clinic"),
        [
            ActionSpec(
                "intake", tr("&Intake…"), ("Ctrl+I",), intake, tr("Intake form and red-flag screen")
            ),
            ActionSpec(
                "education",
                tr("&Education mode"),
                ("F11",),
                education,
                tr("Full-screen muscle and referral pictures for the client (no private data)"),
            ),
            ActionSpec(
                "progress", tr("&Progress…"), ("Ctrl+Shift+P",), progress, tr("Charts over visits")
            ),
        ],
        w.actions_by_key,
    )
    return banner
