"""Suggested SOAP text for a visit, from what the chart already holds (text, no widgets).

Subjective from the chief complaint; Objective from the pain map, the trigger-point findings
and the assessment observations; Assessment from the findings that reproduced the client's
pain; Plan from the treatments, the after-care given and the next-visit follow-up. They are
suggestions the therapist edits: the SOAP tab fills only sections that are still empty.
They are written in the therapist's language (whole sentences through ``tr``).
"""

from __future__ import annotations

from typing import Any

from nmt_bodymap.core.after_care import soreness_window
from nmt_bodymap.core.assessment import load_assessment
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.ui.clinic.assessment_text import observation_text
from nmt_bodymap.ui.clinic.findings_panel import finding_text, treatment_text
from nmt_bodymap.ui.documents.after_care_words import follow_up_lines, short_date, window_words
from nmt_bodymap.ui.documents.visit_data import VisitDocument
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import mark_place_label, muscle_label, side_label

SECTIONS = ("subjective", "objective", "assessment", "plan")


def _muscle(knowledge: KnowledgeBase, muscle_id: str) -> str:
    return muscle_label(muscle_id) if muscle_id in knowledge else muscle_id


def _muscle_side(knowledge: KnowledgeBase, finding: Any) -> str:
    return f"{_muscle(knowledge, finding.muscle_id)} ({side_label(finding.side).lower()})"


def soap_suggestions(data: VisitDocument, knowledge: KnowledgeBase) -> dict[str, str]:
    """The four sections in the therapist's language (sentences through ``tr``)."""
    visit = data.visit
    subjective = (
        [tr("Chief complaint: {complaint}.").format(complaint=visit.chief_complaint)]
        if visit.chief_complaint
        else []
    )
    objective = []
    if data.marks:
        places = "; ".join(
            f"{mark_place_label(m)} {m.intensity}/10 {tr(m.quality)}" for m in data.marks
        )
        objective.append(tr("Pain map: {places}.").format(places=places))
    objective += [
        tr("Trigger point: {finding}.").format(finding=finding_text(knowledge, f))
        for f in data.findings
    ]
    assessment_file = load_assessment()
    objective += [f"{observation_text(assessment_file, o)}." for o in data.observations]
    reproduced = [_muscle_side(knowledge, f) for f in data.findings if f.referral_reproduced]
    active = [
        _muscle_side(knowledge, f)
        for f in data.findings
        if f.activity == "active" and not f.referral_reproduced
    ]
    assessment = []
    if reproduced:
        assessment.append(
            tr("Pressure on trigger points in {muscles} reproduced the pain.").format(
                muscles=", ".join(reproduced)
            )
        )
    if active:
        assessment.append(
            tr("Active trigger points also in {muscles}.").format(muscles=", ".join(active))
        )
    plan = [
        tr("Treated: {treatment}.").format(treatment=treatment_text(knowledge, t))
        for t in data.treatments
    ]
    window = soreness_window(visit.started_at.astimezone())
    plan.append(
        tr("After-care given; soreness expected to ease {window}.").format(
            window=window_words(window)
        )
    )
    if data.next_visit is not None:
        plan.append(tr("Next visit {date}.").format(date=short_date(data.next_visit.started_at)))
    readings = [
        line
        for row in data.follow_ups
        for line in follow_up_lines(row.soreness_hours, row.relief_days)
    ]
    if readings:
        plan.append(tr("Follow-up: {readings}").format(readings=" ".join(readings)))
    else:
        plan.append(
            tr("At the next visit: ask how long the soreness lasted and the days of relief.")
        )
    return {
        "subjective": "\n".join(subjective),
        "objective": "\n".join(objective),
        "assessment": "\n".join(assessment),
        "plan": "\n".join(plan),
    }
