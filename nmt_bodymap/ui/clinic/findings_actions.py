"""The window's findings and treatments: the forms, recording them as operations, and
drawing them on the map. A mixin of :class:`~nmt_bodymap.ui.main_window.MainWindow`
(it uses the window's knowledge, atlas, findings, open visit, undo stack and panels)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from nmt_bodymap.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from nmt_bodymap.core.atlas import Atlas
    from nmt_bodymap.core.knowledge import KnowledgeBase
    from nmt_bodymap.ui.candidates.candidates_panel import CandidatesPanel
    from nmt_bodymap.ui.chart.open_visit import OpenVisit
    from nmt_bodymap.ui.chart.visit_findings import Kind, VisitFindings
    from nmt_bodymap.ui.clinic.red_flag_banner import RedFlagBanner
    from nmt_bodymap.ui.map.body_map_panel import BodyMapPanel


def __getattr__(name: str) -> Any:
    """The finding forms, imported on first use: they are not on the start path (issue 18)."""
    if name in ("FindingDialog", "TreatmentDialog"):
        from nmt_bodymap.ui.clinic import finding_dialogs

        return getattr(finding_dialogs, name)
    raise AttributeError(name)


def _muscle_label(muscle_id: str) -> str:
    from nmt_bodymap.ui.map.labels import muscle_label

    return muscle_label(muscle_id)


def _dialog(name: str) -> Any:
    return getattr(sys.modules[__name__], name)  # a form patched in by a test wins


class FindingsActions:
    """Recording findings and treatments from a candidate, a guide row or a pin."""

    knowledge: KnowledgeBase
    atlas: Atlas
    findings: VisitFindings
    open_visit: OpenVisit
    undo_stack: QUndoStack
    candidates: CandidatesPanel
    body_map: BodyMapPanel
    red_flag_banner: RedFlagBanner

    def show_status(self, message: str) -> None:  # the window's status-bar note
        raise NotImplementedError

    _last_finding: tuple[str, str, str | None] | None = None

    def ask_finding(self, muscle_id: str, side: str, tp_id: str | None) -> dict[str, Any] | None:
        """Run the finding form (patched in tests); None when cancelled."""
        dialog = _dialog("FindingDialog")(self.knowledge.muscle(muscle_id), side, tp_id, self)
        return dialog.fields() if dialog.exec() else None

    def ask_treatment(self, muscle_id: str, side: str, tp_id: str | None) -> dict[str, Any] | None:
        """Run the treatment form with its hold timer (patched in tests)."""
        banner = self.red_flag_banner  # warn while the red-flag banner is up
        banner.wait_loaded()  # built or client chosen just now: its answer first
        warning = banner.detail.text() if banner.referral_needed else ""
        dialog = _dialog("TreatmentDialog")(
            self.knowledge.muscle(muscle_id), side, tp_id, self, warning
        )
        return dialog.fields() if dialog.exec() else None

    def _visit_is_signed(self) -> bool:
        """A signed visit takes no new finding or treatment (every way in: Enter on a
        candidate, a pin, the guide, the buttons); corrections are amendments (issue 16)."""
        signing = getattr(self, "signing", None)
        if signing is None or not signing.signed:
            return False
        self.show_status(tr("This visit is signed; record an amendment with a reason."))
        return True

    def record_finding(self, muscle_id: str, side: str, tp_id: str | None = None) -> None:
        if self.findings.visit_id is None:
            self.show_status(tr("Open a visit first"))
            return
        if self._visit_is_signed():
            return
        fields = self.ask_finding(muscle_id, side, tp_id)
        if fields is not None:
            name = _muscle_label(muscle_id)
            self._record("finding", fields, tr("Finding at {name}").format(name=name))
            self._last_finding = (
                muscle_id,
                fields.get("side", side),
                fields.get("trigger_point_id"),
            )

    def record_treatment(self, muscle_id: str, side: str, tp_id: str | None = None) -> None:
        if self.findings.visit_id is None:
            self.show_status(tr("Open a visit first"))
            return
        if self._visit_is_signed():
            return
        last = self._last_finding  # treat the trigger point just found
        if tp_id is None and last and last[0] == muscle_id and side in (last[1], "bilateral"):
            side, tp_id = last[1], last[2] or None
        fields = self.ask_treatment(muscle_id, side, tp_id)
        if fields is not None:
            name = _muscle_label(muscle_id)
            self._record("treatment", fields, tr("Treatment of {name}").format(name=name))

    def _record(self, kind: Kind, fields: dict[str, Any], text: str) -> None:
        from nmt_bodymap.ui.chart.commands import push_operations

        op = self.findings.add_op(kind, fields)
        push_operations(
            self.undo_stack, self.open_visit, [op], text, tr("Saved the {kind}").format(kind=kind)
        )

    def _finding_for_current(self) -> None:
        candidate = self.candidates.current_candidate()
        if candidate is None:
            self.show_status(tr("Choose a candidate muscle first (Ctrl+J)"))
        else:
            self.record_finding(candidate.muscle, candidate.side)

    def _treatment_for_current(self) -> None:
        candidate = self.candidates.current_candidate()
        if candidate is None:
            self.show_status(tr("Choose a candidate muscle first (Ctrl+J)"))
        else:
            self.record_treatment(candidate.muscle, candidate.side)

    def _on_pin(self, muscle_id: str, side: str, tp_id: str) -> None:
        self.record_finding(muscle_id, side, tp_id)

    def _show_findings_on_map(self) -> None:
        from nmt_bodymap.ui.clinic.findings_panel import (
            finding_marks,  # not on the start path (issue 18)
        )

        self.body_map.show_findings(
            finding_marks(self.atlas, self.knowledge, list(self.findings.findings.values()))
        )
