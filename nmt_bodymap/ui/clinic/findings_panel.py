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
from nmt_bodymap.ui.clinic.finding_dialogs import HOLDS_PREFIX
from nmt_bodymap.ui.i18n import tr, tr_noop
from nmt_bodymap.ui.map.labels import muscle_label, side_label, trigger_point_label

# Stored values are English ids; these are their names in the therapist's language.
ACTIVITY_WORDS = {
    "active": tr_noop("active", "trigger point"),
    "latent": tr_noop("latent", "trigger point"),
}
SIGN_WORDS = (
    ("jump_sign", tr_noop("jump sign")),
    ("local_twitch", tr_noop("twitch")),
    ("referral_reproduced", tr_noop("referral reproduced")),
)
# The form's techniques (and the American spelling the demo chart uses); a technique the
# therapist typed is shown as typed.
TECHNIQUE_WORDS = {
    "Ischaemic compression": tr_noop("Ischaemic compression"),
    "Ischemic compression": tr_noop("Ischemic compression"),
    "Pincer compression": tr_noop("Pincer compression"),
    "Gliding stroke": tr_noop("Gliding stroke"),
    "Muscle energy technique": tr_noop("Muscle energy technique"),
    "Positional release": tr_noop("Positional release"),
    "Stretch": tr_noop("Stretch"),
}


def _muscle_name(knowledge: KnowledgeBase, muscle_id: str) -> str:
    return muscle_label(muscle_id) if muscle_id in knowledge else muscle_id


def _tp_label(knowledge: KnowledgeBase, muscle_id: str, tp_id: str) -> str:
    if not tp_id or muscle_id not in knowledge:
        return ""
    for tp in knowledge.muscle(muscle_id).trigger_points:
        if tp.id == tp_id:
            return trigger_point_label(muscle_id, tp_id, tp.label)
    return tp_id


def _where(knowledge: KnowledgeBase, row: Any) -> str:
    """ "Upper trapezius (right) — TP1": the muscle, its side and the trigger point."""
    text = f"{_muscle_name(knowledge, row.muscle_id)} ({side_label(row.side).lower()})"
    point = _tp_label(knowledge, row.muscle_id, row.trigger_point_id)
    return f"{text} — {point}" if point else text


def activity_word(activity: str) -> str:
    word = ACTIVITY_WORDS.get(activity)
    return tr(word, "trigger point") if word else activity


def technique_word(technique: str) -> str:
    word = TECHNIQUE_WORDS.get(technique)
    return tr(word) if word else technique


def holds_words(holds: list[int]) -> str:
    """The holds of a treatment line: "3 holds: 20 s, 10 s, 30 s"; one: "20 s"; none: ""."""
    lengths = ", ".join(tr("{seconds} s").format(seconds=h) for h in holds)
    if len(holds) < 2:
        return lengths
    return tr("{count} holds: {lengths}").format(count=len(holds), lengths=lengths)


def finding_text(knowledge: KnowledgeBase, finding: Any) -> str:
    details = activity_word(finding.activity)
    if finding.tenderness is not None:
        details += ", " + tr("tenderness {score}/10").format(score=finding.tenderness)
    signs = [tr(word) for field, word in SIGN_WORDS if getattr(finding, field)]
    if signs:
        details += "; " + ", ".join(signs)
    return f"{_where(knowledge, finding)}: {details}"


def treatment_text(knowledge: KnowledgeBase, treatment: Any) -> str:
    parts = [technique_word(treatment.technique)]
    # issue 15: every hold's length ("3 holds: 20 s, 10 s, 30 s"); a row without the list
    # (written by an older version and not migrated) still shows its one length and count.
    holds = list(getattr(treatment, "hold_lengths", None) or [])
    each_listed = bool(holds) or treatment.response.startswith(HOLDS_PREFIX)
    if holds:
        parts.append(holds_words(holds))
    if treatment.hold_seconds and not each_listed:
        parts.append(tr("{seconds} s").format(seconds=treatment.hold_seconds))
    if treatment.repetitions and not each_listed:
        parts.append(f"× {treatment.repetitions}")
    if treatment.pressure_tolerance is not None:
        parts.append(tr("pressure {score}/10").format(score=treatment.pressure_tolerance))
    text = f"{_where(knowledge, treatment)}: " + ", ".join(parts)
    return text + (f" — {treatment.response}" if treatment.response else "")


def finding_marks(
    atlas: Atlas, knowledge: KnowledgeBase, findings: list[Any]
) -> list[tuple[str, tuple[float, float], bool, str]]:
    """(view, point, active, tooltip) for each finding whose trigger point is drawn."""
    placed: list[tuple[str, tuple[float, float], bool, str]] = []
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
            item = QListWidgetItem(
                "● " + tr("Finding: {text}").format(text=finding_text(self.knowledge, finding))
            )
            item.setData(Qt.ItemDataRole.UserRole, ("finding", finding.id))
            self.list.addItem(item)
        for treatment in self.model.treatments.values():
            item = QListWidgetItem(
                "✓ "
                + tr("Treatment: {text}").format(text=treatment_text(self.knowledge, treatment))
            )
            item.setData(Qt.ItemDataRole.UserRole, ("treatment", treatment.id))
            self.list.addItem(item)
        self.remove_button.setEnabled(self.list.count() > 0)

    def _remove_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            kind, record_id = item.data(Qt.ItemDataRole.UserRole)
            self.remove_requested.emit(kind, record_id)
