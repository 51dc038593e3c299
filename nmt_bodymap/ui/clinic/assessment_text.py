"""Assessment observations in words: the lines the Assessment tab and the visit summary show.

Kept apart from the widgets so the summary can word a visit's assessment the same way the
tab does, without building the tab.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nmt_bodymap.core.assessment import Assessment, load_assessment
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.ui.chart.visit_observations import VisitObservations
from nmt_bodymap.ui.i18n import tr, tr_noop
from nmt_bodymap.ui.map.labels import muscle_label, observation_label, place_label, surface_label

KIND_TITLES = (  # shown through tr(title)
    ("posture", tr_noop("Posture")),
    ("gait", tr_noop("Gait")),
    ("ischemia", tr_noop("Ischemia")),
    ("entrapment", tr_noop("Entrapment")),
)
SIDE_WORDS = {  # a side inside a sentence
    "left": tr_noop("left", "side in a sentence"),
    "right": tr_noop("right", "side in a sentence"),
    "both": tr_noop("both sides"),
    "midline": tr_noop("midline", "side in a sentence"),
}
SEVERITY_WORDS = {
    "mild": tr_noop("mild", "severity"),
    "moderate": tr_noop("moderate", "severity"),
    "marked": tr_noop("marked", "severity"),
}


def side_words(side: str) -> str:
    """The side as it reads inside a sentence: "left", "both sides"."""
    word = SIDE_WORDS.get(side)
    if word is None:
        return side
    return tr(word) if side == "both" else tr(word, "side in a sentence")


def severity_word(severity: str) -> str:
    word = SEVERITY_WORDS.get(severity)
    return tr(word, "severity") if word else severity


def capital(text: str) -> str:
    """``text`` with its first letter capitalised (the rest left as written)."""
    return text[:1].upper() + text[1:]


def place_text(region: str, side: str) -> str:
    """ "Right calf", "Calf (both sides)", "Sternum": a region of the map with its side."""
    label = surface_label(region)
    if side in ("left", "right"):
        return capital(place_label(region, side))
    if side == "both":
        return tr("{place} (both sides)").format(place=capital(label))
    return capital(label)


def observation_text(assessment: Assessment, record: Any) -> str:
    """One line for a charted observation, as the therapist would write it."""
    text = observation_label(record.kind, record.item, assessment.label(record.kind, record.item))
    if record.kind == "ischemia":
        text += f" — {place_text(record.region, record.side)}"
    elif record.side:
        text += f" ({side_words(record.side)})"
    if record.kind == "entrapment" and record.region:
        text += ", " + tr("felt at the {place}").format(place=surface_label(record.region))
    if record.severity:
        text += f", {severity_word(record.severity)}"
    if record.note:
        text += f": {record.note}"
    return text


def assessment_lines(model: VisitObservations) -> list[str]:
    """The visit's assessment for its summary: one line per kind that has observations."""
    assessment = load_assessment()
    lines = []
    for kind, title in KIND_TITLES:
        texts = [observation_text(assessment, r) for r in model.of_kind(kind)]
        if texts:
            lines.append(tr("{title}: {text}").format(title=tr(title), text="; ".join(texts)))
    return lines


def muscle_names(knowledge: KnowledgeBase, muscle_ids: Iterable[str]) -> list[str]:
    """The muscles' names; an id the knowledge base lacks is shown as it is."""
    return [muscle_label(m) if m in knowledge else m for m in muscle_ids]
