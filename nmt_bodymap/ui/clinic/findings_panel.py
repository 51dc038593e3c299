"""The visit's findings and treatments as a list, and where findings sit on the map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.atlas import Atlas
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.ui.chart.visit_findings import VisitFindings
from nmt_bodymap.ui.clinic.finding_dialogs import HOLDS_PREFIX, holds_text
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import muscle_label, side_label, trigger_point_label


def _muscle_name(knowledge: KnowledgeBase, muscle_id: str) -> str:
    return muscle_label(muscle_id) if muscle_id in knowledge else muscle_id


def _tp_label(knowledge: KnowledgeBase, muscle_id: str, tp_id: str) -> str:
    if not tp_id or muscle_id not in knowledge:
        return ""
    for tp in knowledge.muscle(muscle_id).trigger_points:
        if tp.id == tp_id:
            return trigger_point_label(muscle_id, tp_id, tp.label)
    return tp_id


def finding_text(knowledge: KnowledgeBase, finding: Any) -> str:
    signs = [
        s
        for s, on in (
            ("jump sign", finding.jump_sign),
            ("twitch", finding.local_twitch),
            ("referral reproduced", finding.referral_reproduced),
        )
        if on
    ]
    tender = f", tenderness {finding.tenderness}/10" if finding.tenderness is not None else ""
    where = _tp_label(knowledge, finding.muscle_id, finding.trigger_point_id)
    return (
        f"{_muscle_name(knowledge, finding.muscle_id)} ({side_label(finding.side).lower()})"
        f"{' — ' + where if where else ''}: {finding.activity}{tender}"
        + (f"; {', '.join(signs)}" if signs else "")
    )


def treatment_text(knowledge: KnowledgeBase, treatment: Any) -> str:
    parts = [treatment.technique]
    # issue 15: every hold's length ("3 holds: 20 s, 10 s, 30 s"); a row without the list
    # (written by an older version and not migrated) still shows its one length and count.
    holds = list(getattr(treatment, "hold_lengths", None) or [])
    each_listed = bool(holds) or treatment.response.startswith(HOLDS_PREFIX)
    if holds:
        parts.append(holds_text(holds))
    if treatment.hold_seconds and not each_listed:
        parts.append(f"{treatment.hold_seconds} s")
    if treatment.repetitions and not each_listed:
        parts.append(f"× {treatment.repetitions}")
    if treatment.pressure_tolerance is not None:
        parts.append(f"pressure {treatment.pressure_tolerance}/10")
    where = _tp_label(knowledge, treatment.muscle_id, treatment.trigger_point_id)
    text = (
        f"{_muscle_name(knowledge, treatment.muscle_id)} "
        f"({side_label(treatment.side).lower()}){' — ' + where if where else ''}: "
        + ", ".join(parts)
    )
    return text + (f" — {treatment.response}" if treatment.response else "")


def finding_marks(
    atlas: Atlas, knowledge: KnowledgeBase, findings: list[Any]
) -> list[tuple[str, tuple[float, float], bool, str]]:
    """(view, point, active, tooltip) for each finding whose trigger point is drawn."""
    placed = []
    for finding in findings:
        if finding.muscle_id not in knowledge:
            continue
        muscle = knowledge.muscle(finding.muscle_id)
        tps = [tp for tp in muscle.trigger_points if tp.id == finding.trigger_point_id]
        tp = tps[0] if tps else muscle.trigger_points[0]
        point = atlas.point_on_muscle(tp.view, muscle.id, finding.side, tp.along, tp.across)
        if point is not None:
            placed.append(
                (tp.view, point, finding.activity == "active", finding_text(knowledge, finding))
            )
    return placed


class FindingsPanel(QWidget):
    """Lists findings and treatments of the visit; removing one goes through undo."""

    remove_requested = Signal(str, int)  # kind, record id

    def __init__(
        self, model: VisitFindings, knowledge: KnowledgeBase, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.knowledge = knowledge
        self.list = QListWidget()
        self.list.setObjectName("findings-list")
        self.list.setWordWrap(True)
        self.list.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.hint = QLabel(
            tr(
                "Choose a candidate muscle and use Record finding / Record "
                "treatment, or click a trigger-point pin on the map."
            )
        )
        self.hint.setWordWrap(True)
        self.remove_button = QPushButton(tr("&Remove selected"))
        self.remove_button.setMinimumHeight(32)
        self.remove_button.clicked.connect(self._remove_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove_button)
        model.changed.connect(self.refresh)

    def refresh(self) -> None:
        self.list.clear()
        for finding in self.model.findings.values():
            item = QListWidgetItem("● Finding: " + finding_text(self.knowledge, finding))
            item.setData(Qt.ItemDataRole.UserRole, ("finding", finding.id))
            self.list.addItem(item)
        for treatment in self.model.treatments.values():
            item = QListWidgetItem("✓ Treatment: " + treatment_text(self.knowledge, treatment))
            item.setData(Qt.ItemDataRole.UserRole, ("treatment", treatment.id))
            self.list.addItem(item)
        self.remove_button.setEnabled(self.list.count() > 0)

    def _remove_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            kind, record_id = item.data(Qt.ItemDataRole.UserRole)
            self.remove_requested.emit(kind, record_id)
