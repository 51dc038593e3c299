"""What the candidates panel says about a candidate: the per-click summary (muscle, side,
zone at each spot, the trigger points that explain them) and the text about the muscle."""

from __future__ import annotations

import html
from collections.abc import Sequence

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.ranking import Candidate
from nmt_bodymap.ui.i18n import tr, tr_noop
from nmt_bodymap.ui.map.labels import side_label

ZONE_WORDS = {
    "essential": tr_noop("essential"),
    "spillover": tr_noop("spillover"),
    "local": tr_noop("local"),
    None: "—",
}


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>"


def summary_html(knowledge: KnowledgeBase, candidate: Candidate, spot_labels: Sequence[str]) -> str:
    """The top of the detail: the muscle and side, its depth, and its zone at each spot."""
    muscle = knowledge.muscle(candidate.muscle)
    e = html.escape
    parts = [
        f"<h3 style='margin-bottom:2px'>{e(muscle.name)} — {e(side_label(candidate.side))}</h3>"
    ]
    depth = (
        tr("deep (palpate through the overlying muscle)")
        if muscle.layer == "deep"
        else tr("superficial")
    )
    parts.append(f"<p style='margin-top:0;color:gray'>{e(depth)}</p>")
    if spot_labels:
        rows = "".join(
            f"<tr><td>{e(label)}</td><td>&nbsp;<b>{e(tr(ZONE_WORDS.get(zone, str(zone))))}</b>"
            f"</td></tr>"
            for label, zone in zip(spot_labels, candidate.zones, strict=False)
        )
        parts.append(f"<table>{rows}</table>")
    if candidate.explaining:
        muscle_tps = {tp.id: tp.label for tp in muscle.trigger_points}
        named = "; ".join(muscle_tps[t] for t in dict.fromkeys(candidate.explaining))
        explained = tr("Explained by: {named}").format(named=e(named))
        parts.append(f"<p style='margin-top:2px'>{explained}</p>")
    if candidate.other_tp_spots:
        others = ", ".join(
            e(spot_labels[i]) for i in candidate.other_tp_spots if i < len(spot_labels)
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
    parts = [f"<h4>{tr('For the client')}</h4><p>{e(muscle.client_explanation)}</p>"]
    if muscle.symptoms:
        parts.append(f"<h4>{tr('Symptoms')}</h4>" + _list(muscle.symptoms))
    palpation = [
        f"{tp.label}: {tp.palpation}" if tp.palpation else tp.label for tp in muscle.trigger_points
    ]
    parts.append(f"<h4>{tr('Trigger points and palpation')}</h4>" + _list(palpation))
    if muscle.perpetuating_factors:
        parts.append(f"<h4>{tr('What keeps it going')}</h4>" + _list(muscle.perpetuating_factors))
    parts.append(f"<h4>{tr('Self-care')}</h4>" + _list(muscle.self_care))
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
