"""The window's findings and treatments: the forms, recording them as operations, and
drawing them on the map. A mixin of :class:`~nmt_bodymap.ui.main_window.MainWindow`
(it uses the window's knowledge, atlas, findings, open visit, undo stack and panels)."""

from __future__ import annotations

from typing import Any

from nmt_bodymap.ui.commands import push_operations
from nmt_bodymap.ui.finding_dialogs import FindingDialog, TreatmentDialog
from nmt_bodymap.ui.findings_panel import finding_marks


class FindingsActions:
    """Recording findings and treatments from a candidate, a guide row or a pin."""

    knowledge: Any
    atlas: Any
    findings: Any
    open_visit: Any
    undo_stack: Any
    candidates: Any
    body_map: Any
    show_status: Any  # the window's status-bar note

    def ask_finding(self, muscle_id: str, side: str, tp_id: str | None) -> dict[str, Any] | None:
        """Run the finding form (patched in tests); None when cancelled."""
        dialog = FindingDialog(self.knowledge.muscle(muscle_id), side, tp_id, self)  # type: ignore[arg-type]
        return dialog.fields() if dialog.exec() else None

    def ask_treatment(self, muscle_id: str, side: str, tp_id: str | None) -> dict[str, Any] | None:
        """Run the treatment form with its hold timer (patched in tests)."""
        dialog = TreatmentDialog(self.knowledge.muscle(muscle_id), side, tp_id, self)  # type: ignore[arg-type]
        return dialog.fields() if dialog.exec() else None

    def record_finding(self, muscle_id: str, side: str, tp_id: str | None = None) -> None:
        if self.findings.visit_id is None:
            self.show_status("Open a visit first")
            return
        fields = self.ask_finding(muscle_id, side, tp_id)
        if fields is not None:
            name = self.knowledge.muscle(muscle_id).name
            self._record("finding", fields, f"Finding at {name}")

    def record_treatment(self, muscle_id: str, side: str, tp_id: str | None = None) -> None:
        if self.findings.visit_id is None:
            self.show_status("Open a visit first")
            return
        fields = self.ask_treatment(muscle_id, side, tp_id)
        if fields is not None:
            name = self.knowledge.muscle(muscle_id).name
            self._record("treatment", fields, f"Treatment of {name}")

    def _record(self, kind: str, fields: dict[str, Any], text: str) -> None:
        op = self.findings.add_op(kind, fields)  # type: ignore[arg-type]
        push_operations(self.undo_stack, self.open_visit, [op], text, f"Saved the {kind}")

    def _finding_for_current(self) -> None:
        candidate = self.candidates.current_candidate()
        if candidate is None:
            self.show_status("Choose a candidate muscle first (Ctrl+L)")
        else:
            self.record_finding(candidate.muscle, candidate.side)

    def _treatment_for_current(self) -> None:
        candidate = self.candidates.current_candidate()
        if candidate is None:
            self.show_status("Choose a candidate muscle first (Ctrl+L)")
        else:
            self.record_treatment(candidate.muscle, candidate.side)

    def _on_pin(self, muscle_id: str, side: str, tp_id: str) -> None:
        self.record_finding(muscle_id, side, tp_id)

    def _show_findings_on_map(self) -> None:
        self.body_map.show_findings(
            finding_marks(self.atlas, self.knowledge, list(self.findings.findings.values()))
        )
