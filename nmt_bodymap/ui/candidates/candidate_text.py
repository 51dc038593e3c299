"""What the candidates panel says about a candidate: the per-click summary (muscle, side,
zone at each spot, the trigger points that explain them) and the text about the muscle."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.ranking import Candidate, ZoneName
from nmt_bodymap.ui.i18n import tr, tr_noop
from nmt_bodymap.ui.map.labels import (
    knowledge_lines,
    knowledge_text,
    muscle_label,
    side_label,
    trigger_point_label,
)

ZONE_WORDS = {
    "essential": tr_noop("essential"),
    "spillover": tr_noop("spillover"),
    "local": tr_noop("local"),
    None: "—",
}


def place_zones(
    spot_labels: Sequence[str], zones: Sequence[ZoneName | None]
) -> list[tuple[str, ZoneName | None]]:
    """Each place once with the candidate's zone there, in the marks' order: a visit's
    10,000 marks read as its few hundred places, not a line per mark."""
    return list(dict.fromkeys(zip(spot_labels, zones, strict=False)))


PLACE_ROW = "margin-top:2px;margin-bottom:0;margin-left:2px;white-space:pre-wrap"
PLACE_GAP = 8.0  # pixels between the longest place and its zone


def place_column(spot_labels: Sequence[str], advance: Callable[[str], float]) -> float:
    """Where the zones' column starts: past the longest place (``advance``: a text's width
    in the summary's font)."""
    return max((advance(label) for label in set(spot_labels)), default=0.0) + PLACE_GAP


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>"


def summary_html(knowledge: KnowledgeBase, candidate: Candidate, spot_labels: Sequence[str]) -> str:
    """The top of the detail: the muscle and side, its depth, and its zone at each spot."""
    muscle = knowledge.muscle(candidate.muscle)
    e = html.escape
    parts = [
        f"<h3 style='margin-bottom:2px'>{e(muscle_label(muscle.id))} — "
        f"{e(side_label(candidate.side))}</h3>"
    ]
    depth = (
        tr("deep (palpate through the overlying muscle)")
        if muscle.layer == "deep"
        else tr("superficial")
    )
    below = "margin-bottom:0;" if spot_labels else ""  # the places follow closely
    parts.append(f"<p style='margin-top:0;{below}color:gray'>{e(depth)}</p>")
    if spot_labels:
        # A line per place, its zone after a tab (the detail sets the tab stop past the
        # longest place, :func:`place_column`): read as the two columns of a table, laid out
        # at half a table's cost (issue 18, branch clickfirst).
        words = {zone: e(tr(ZONE_WORDS.get(zone, str(zone)))) for zone in ZONE_WORDS}
        parts.extend(
            f"<p style='{PLACE_ROW}'>{e(label)}\t<b>{words.get(zone) or e(str(zone))}</b></p>"
            for label, zone in place_zones(spot_labels, candidate.zones)
        )
    if candidate.explaining:
        muscle_tps = {tp.id: trigger_point_label(muscle.id, tp.id) for tp in muscle.trigger_points}
        named = "; ".join(muscle_tps[t] for t in dict.fromkeys(candidate.explaining))
        explained = tr("Explained by: {named}").format(named=e(named))
        above = 4 if spot_labels else 2  # as far from the places as below a table
        parts.append(f"<p style='margin-top:{above}px'>{explained}</p>")
    if candidate.other_tp_spots:
        others = ", ".join(
            dict.fromkeys(
                e(spot_labels[i]) for i in candidate.other_tp_spots if i < len(spot_labels)
            )
        )
        also = tr(
            "Also {others}, from another trigger point of the same muscle "
            "(two trigger points of the same muscle)."
        ).format(others=others)
        parts.append(f"<p style='color:gray'>{also}</p>")
    return "".join(parts)


def muscle_html(knowledge: KnowledgeBase, muscle_id: str) -> str:
    """The rest of the detail, the same for every spot: plain explanation first, then what
    the therapist needs at the table."""
    muscle = knowledge.muscle(muscle_id)
    e = html.escape
    explanation = knowledge_text("muscle", muscle_id, "client_explanation")
    parts = [f"<h4>{e(tr('For the client'))}</h4><p>{e(explanation)}</p>"]
    if muscle.symptoms:
        symptoms = knowledge_lines("muscle", muscle_id, "symptoms")
        parts.append(f"<h4>{e(tr('Symptoms'))}</h4>" + _list(symptoms))
    palpation = []
    for tp in muscle.trigger_points:
        label = trigger_point_label(muscle_id, tp.id, tp.label)
        how = knowledge_text("trigger_point", f"{muscle_id}/{tp.id}", "palpation")
        palpation.append(f"{label}: {how}" if how else label)
    parts.append(f"<h4>{e(tr('Trigger points and palpation'))}</h4>" + _list(palpation))
    if muscle.perpetuating_factors:
        factors = knowledge_lines("muscle", muscle_id, "perpetuating_factors")
        parts.append(f"<h4>{e(tr('What keeps it going'))}</h4>" + _list(factors))
    self_care = knowledge_lines("muscle", muscle_id, "self_care")
    parts.append(f"<h4>{e(tr('Self-care'))}</h4>" + _list(self_care))
    sources = []
    for ref in muscle.sources:
        source = knowledge.sources.get(ref.ref)
        text = source.citation() if source is not None else ref.ref
        if ref.chapter:
            text += " " + tr("Chapter {chapter}.").format(chapter=ref.chapter)
        if ref.note:
            text += f" {ref.note}"
        sources.append(text)
    parts.append(f"<h4>{tr('Source')}</h4>" + _list(sources))
    return "".join(parts)


def candidate_html(
    knowledge: KnowledgeBase, candidate: Candidate, spot_labels: Sequence[str]
) -> str:
    """The whole detail of a candidate as one HTML text (summary, then the muscle)."""
    return summary_html(knowledge, candidate, spot_labels) + muscle_html(
        knowledge, candidate.muscle
    )
