"""Suggested SOAP text for a visit, from what the chart already holds (no Qt here).

Subjective from the chief complaint; Objective from the pain map, the trigger-point findings
and the assessment observations; Assessment from the findings that reproduced the client's
pain; Plan from the treatments, the after-care given and the next-visit follow-up. They are
suggestions the therapist edits: the SOAP tab fills only sections that are still empty.
"""

from __future__ import annotations

from nmt_bodymap.core.after_care import follow_up_reading, soreness_window
from nmt_bodymap.core.assessment import load_assessment
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.ui.clinic.assessment_text import observation_text
from nmt_bodymap.ui.clinic.findings_panel import finding_text, treatment_text
from nmt_bodymap.ui.documents.visit_data import VisitDocument
from nmt_bodymap.ui.map.labels import mark_place_label, muscle_label, side_label

SECTIONS = ("subjective", "objective", "assessment", "plan")


def _muscle(knowledge: KnowledgeBase, muscle_id: str) -> str:
    return muscle_label(muscle_id) if muscle_id in knowledge else muscle_id


def soap_suggestions(data: VisitDocument, knowledge: KnowledgeBase) -> dict[str, str]:
    visit = data.visit
    subjective = [f"Chief complaint: {visit.chief_complaint}."] if visit.chief_complaint else []
    objective = []
    if data.marks:
        objective.append(
            "Pain map: "
            + "; ".join(f"{mark_place_label(m)} {m.intensity}/10 {m.quality}" for m in data.marks)
            + "."
        )
    objective += [f"Trigger point: {finding_text(knowledge, f)}." for f in data.findings]
    assessment_file = load_assessment()
    objective += [f"{observation_text(assessment_file, o)}." for o in data.observations]
    reproduced = [
        f"{_muscle(knowledge, f.muscle_id)} ({side_label(f.side).lower()})"
        for f in data.findings
        if f.referral_reproduced
    ]
    active = [
        f"{_muscle(knowledge, f.muscle_id)} ({side_label(f.side).lower()})"
        for f in data.findings
        if f.activity == "active" and not f.referral_reproduced
    ]
    assessment = []
    if reproduced:
        assessment.append(
            "Pressure on trigger points in " + ", ".join(reproduced) + " reproduced the pain."
        )
    if active:
        assessment.append("Active trigger points also in " + ", ".join(active) + ".")
    plan = [f"Treated: {treatment_text(knowledge, t)}." for t in data.treatments]
    window = soreness_window(visit.started_at.astimezone())
    plan.append(f"After-care given; soreness expected to ease {window.wording()}.")
    if data.next_visit is not None:
        when = data.next_visit.started_at.astimezone().strftime("%d %b %Y")
        plan.append(f"Next visit {when}.")
    readings = [
        line
        for row in data.follow_ups
        for line in follow_up_reading(row.soreness_hours, row.relief_days)
    ]
    if readings:
        plan.append("Follow-up: " + " ".join(readings))
    else:
        plan.append("At the next visit: ask how long the soreness lasted and the days of relief.")
    return {
        "subjective": "\n".join(subjective),
        "objective": "\n".join(objective),
        "assessment": "\n".join(assessment),
        "plan": "\n".join(plan),
    }
