"""The visit report: what a referring physician or the chart on paper needs from one visit.

Clinic header, client, visit date and therapist; both body views with the visit's marks and
a numbered legend; the charted muscles with their referral zones and trigger points;
findings, treatments, assessment, red flags and clearance; the after-care with the soreness
window; the SOAP note when the visit has one; the signature and every amendment with its
original (``signed.py``); page numbers. A4 or Letter; a PDF file
(``write_report_pdf``) or any printer (``print_report``).
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtGui import QImage, QPagedPaintDevice

from nmt_bodymap.core.after_care import RELIEF_FOLLOW_DAYS, soreness_window
from nmt_bodymap.core.assessment import load_assessment
from nmt_bodymap.core.clinical import load_red_flags
from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.settings import Settings, load_settings
from nmt_bodymap.ui.clinic.assessment_text import KIND_TITLES, observation_text
from nmt_bodymap.ui.clinic.findings_panel import finding_text, treatment_text
from nmt_bodymap.ui.documents.after_care_words import advice_words, follow_up_lines, window_words
from nmt_bodymap.ui.documents.figures import VIEW_TITLES, body_chart, number_marks
from nmt_bodymap.ui.documents.paged import (
    content_width_mm,
    ensure_gui_app,
    image_tag,
    paper_of,
    render_document,
    set_paper,
    write_pdf,
)
from nmt_bodymap.ui.documents.signed import consent_html, signature_html
from nmt_bodymap.ui.documents.visit_data import VisitDocument
from nmt_bodymap.ui.i18n import long_datetime, tr, tr_noop
from nmt_bodymap.ui.map.highlight import zone_regions
from nmt_bodymap.ui.map.labels import (
    knowledge_text,
    mark_place_label,
    muscle_label,
    place_label,
    side_label,
    trigger_point_label,
)

# the assessment kinds' titles (assessment_text.KIND_TITLES), for the catalogue
OBSERVATION_TITLES = (
    tr_noop("Posture"),
    tr_noop("Gait"),
    tr_noop("Ischemia"),
    tr_noop("Entrapment"),
)
FIGURE_HEIGHT_MM = 150.0  # both views fit beside each other under the header on page 1
QUALITY_SYMBOLS = {"●": "ache", "▲": "sharp", "◆": "burning", "■": "tingling", "⬢": "throbbing"}
STYLE = """
h1 { font-size: 15pt; margin: 0; }
.title { font-size: 15pt; font-weight: bold; margin: 0; }
h2 { font-size: 12pt; margin-top: 10px; margin-bottom: 3px; color: #1d3f63; }
h3 { font-size: 10.5pt; margin-top: 6px; margin-bottom: 1px; }
p { margin-top: 1px; margin-bottom: 3px; }
td { padding: 1px 6px 1px 0; vertical-align: top; }
.muted { color: #555555; }
"""


def when(moment: object) -> str:
    """A visit's date in the therapist's language (German month and weekday names)."""
    return long_datetime(moment.astimezone())  # type: ignore[attr-defined]


def quality_key() -> str:
    """The key of the symbols in the therapist's words: "● ache  ▲ sharp ..."."""
    return "  ".join(f"{symbol} {tr(word)}" for symbol, word in QUALITY_SYMBOLS.items())


def short_day(moment: object) -> str:
    """A visit's day for a page footer: "02 Dec 2026" / "02. Dez. 2026"."""
    when: Any = moment.astimezone()  # type: ignore[attr-defined]
    return QLocale().toString(QDateTime(when), tr("dd MMM yyyy"))


def _list(lines: list[str], empty: str) -> str:
    if not lines:
        return f"<p class='muted'><i>{escape(empty)}</i></p>"
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def _section(title: str, body: str) -> str:
    return f"<h2>{escape(title)}</h2>{body}"


def header_html(settings: Settings, title: str) -> str:
    clinic = escape(settings.clinic_name) or "NMT Body Map"
    address = escape(settings.clinic_address).replace("\n", "<br>")
    return (
        "<table width='100%' cellspacing='0'><tr>"
        f"<td><h1>{clinic}</h1><p class='muted'>{address}</p></td>"
        f"<td align='right'><p class='title'>{escape(title)}</p></td></tr></table><hr>"
    )


def mark_lines(data: VisitDocument) -> list[str]:
    views = {"anterior": tr("front"), "posterior": tr("back")}
    lines = []
    for m in number_marks(data.marks):
        line = tr("{number}. {place} — intensity {intensity}/10, {quality} ({view})").format(
            number=m.number,
            place=mark_place_label(m.record),
            intensity=m.record.intensity,
            quality=tr(m.record.quality),
            view=views.get(m.record.view, tr("internal site")),
        )
        lines.append(
            tr("{line}: {note}").format(line=line, note=m.record.note) if m.record.note else line
        )
    return lines


def muscle_html(knowledge: KnowledgeBase, data: VisitDocument) -> str:
    parts = []
    for muscle_id, side in data.treated_muscles():
        if muscle_id not in knowledge:
            parts.append(f"<h3>{escape(muscle_id)} ({escape(side_label(side).lower())})</h3>")
            continue
        muscle = knowledge.muscle(muscle_id)
        shown_side = side if side in ("left", "right") else "right"
        zones = zone_regions(muscle, shown_side)  # type: ignore[arg-type]
        essential = [place_label(r, s) for (r, s), k in zones.items() if k == "essential"]
        spillover = [place_label(r, s) for (r, s), k in zones.items() if k == "spillover"]
        charted = {
            row.trigger_point_id
            for row in (*data.findings, *data.treatments)
            if row.muscle_id == muscle_id and row.side == side and row.trigger_point_id
        }
        points = [
            trigger_point_label(muscle_id, tp.id, tp.label)
            + (tr(" (charted)") if tp.id in charted else "")
            for tp in muscle.trigger_points
        ]
        parts.append(
            f"<h3>{escape(muscle_label(muscle_id))} ({escape(side_label(side).lower())})</h3>"
            + tr(
                "<p><b>Essential referral zone:</b> {essential}<br>"
                "<b>Spillover:</b> {spillover}<br><b>Trigger points:</b> {points}</p>"
            ).format(
                essential=escape(", ".join(essential) or "—"),
                spillover=escape(", ".join(spillover) or "—"),
                points=escape("; ".join(points)),
            )
        )
    empty = tr("No muscle charted at this visit.")
    return "".join(parts) or f"<p class='muted'><i>{escape(empty)}</i></p>"


def red_flag_html(data: VisitDocument) -> str:
    intake = data.intake
    if intake is None:
        empty = tr("No intake (red-flag screen) on file.")
        return f"<p class='muted'><i>{escape(empty)}</i></p>"
    screen = load_red_flags()
    raised = [
        knowledge_text("red_flag", q.id, "question", q.question)
        for q in screen.raised(intake.red_flags)
    ]
    unknown = [k for k, a in intake.red_flags.items() if a is True and k not in screen_ids()]
    lines = raised + [
        tr("{question} (question no longer asked)").format(question=k.replace("_", " "))
        for k in unknown
    ]
    asked = sum(1 for a in intake.red_flags.values() if a is not None)
    if not lines:
        body = tr("<p>No red flag raised ({asked} screening questions answered).</p>").format(
            asked=asked
        )
    else:
        body = tr("<p><b>Red flags raised:</b></p>") + _list(lines, "")
    if intake.red_flag_clearance:
        on = intake.red_flag_cleared_on
        body += tr("<p><b>Clearance:</b> {clearance}{date}</p>").format(
            clearance=escape(intake.red_flag_clearance), date=f" ({on.isoformat()})" if on else ""
        )
    elif lines:
        body += tr("<p><b>No medical clearance on record.</b></p>")
    return body


def screen_ids() -> set[str]:
    return {q.id for q in load_red_flags().questions}


def after_care_html(data: VisitDocument) -> str:
    window = soreness_window(data.visit.started_at.astimezone())
    low, high = RELIEF_FOLLOW_DAYS
    return tr(
        "<p>{advice}<br><b>Expected soreness window: it should have eased {window}.</b><br>"
        "Relief is followed over the next {low} to {high} days.</p>"
    ).format(advice=escape(advice_words()), window=escape(window_words(window)), low=low, high=high)


def follow_up_html(data: VisitDocument) -> str:
    lines: list[str] = []
    for row in data.follow_ups:
        lines.extend(follow_up_lines(row.soreness_hours, row.relief_days))
        if row.note:
            lines.append(tr("Client's report: {note}").format(note=row.note))
    return _list(lines, tr("No follow-up recorded yet for this visit."))


def soap_html(data: VisitDocument) -> str:
    visit = data.visit
    parts = [
        (title, text)
        for title, text in (
            (tr("Subjective"), visit.subjective),
            (tr("Objective"), visit.objective),
            (tr("Assessment"), visit.assessment),
            (tr("Plan"), visit.plan),
        )
        if text
    ]
    if not parts:
        return ""
    body = "".join(
        tr("<p><b>{title}:</b> {text}</p>").format(
            title=title, text=escape(text).replace(chr(10), "<br>")
        )
        for title, text in parts
    )
    return _section(tr("SOAP note"), body)


def row_names(knowledge: KnowledgeBase, data: VisitDocument) -> dict[str, str]:
    """The visit's rows by uid, in words (what an amendment names)."""
    names = {m.uid: mark_place_label(m) for m in data.marks}
    for row in (*data.findings, *data.treatments):
        muscle = muscle_label(row.muscle_id) if row.muscle_id in knowledge else row.muscle_id
        names[row.uid] = f"{muscle}, {side_label(row.side).lower()}"
    return names


def report_html(
    data: VisitDocument, settings: Settings, figure_tags: dict[str, str], knowledge: KnowledgeBase
) -> str:
    client, visit = data.client, data.visit
    born = client.date_of_birth.isoformat() if client.date_of_birth else "—"
    therapist = visit.therapist or settings.therapist_name or "—"
    figures = "".join(
        f"<td align='center'>{figure_tags[v]}<br><b>{escape(tr(VIEW_TITLES[v]))}</b></td>"
        for v in ("anterior", "posterior")
    )
    assessment = load_assessment()
    observation_lines = [
        tr("{title}: {text}").format(title=tr(title), text=observation_text(assessment, row))
        for kind, title in KIND_TITLES
        for row in data.observations
        if row.kind == kind
    ]
    observation_lines += [
        tr("{title} (notes): {text}").format(title=title, text=text)
        for title, text in ((tr("Posture"), visit.posture), (tr("Gait"), visit.gait))
        if text
    ]
    return (
        f"<html><head><style>{STYLE}</style></head><body>"
        + header_html(settings, tr("Visit report"))
        + "<table cellspacing='0' cellpadding='1' width='100%'>"
        f"<tr><td width='23%'><b>{escape(tr('Client'))}</b></td>"
        f"<td width='37%'>{escape(client.name)}</td>"
        f"<td width='18%'><b>{escape(tr('Date of birth'))}</b></td><td width='22%'>{born}</td></tr>"
        f"<tr><td><b>{escape(tr('Visit'))}</b></td><td>{escape(when(visit.started_at))}</td>"
        f"<td><b>{escape(tr('Therapist'))}</b></td><td>{escape(therapist)}</td></tr>"
        f"<tr><td><b>{escape(tr('Chief complaint'))}</b></td>"
        f"<td colspan='3'>{escape(visit.chief_complaint or '—')}</td></tr></table>"
        + _section(tr("Pain marked"), f"<table width='100%'><tr>{figures}</tr></table>")
        + "<p class='muted'>"
        + escape(
            tr(
                "Key: the symbol's shape is the quality of the pain ({key}); its colour and "
                "the number inside are the intensity (0 no pain to 10 worst, pale yellow to "
                "deep purple); the boxed number is the mark in this list; tinted regions hold "
                "a mark."
            ).format(key=quality_key())
        )
        + "</p>"
        + (
            "".join(f"<p>{escape(line)}</p>" for line in mark_lines(data))
            or f"<p class='muted'><i>{escape(tr('No pain marked at this visit.'))}</i></p>"
        )
        + _section(tr("Muscles charted"), muscle_html(knowledge, data))
        + _section(
            tr("Trigger-point findings"),
            _list(
                [
                    tr("{finding}. Note: {note}").format(
                        finding=finding_text(knowledge, f), note=f.note
                    )
                    if f.note
                    else finding_text(knowledge, f)
                    for f in data.findings
                ],
                tr("No findings recorded."),
            ),
        )
        + _section(
            tr("Treatment"),
            _list([treatment_text(knowledge, t) for t in data.treatments], tr("No treatment.")),
        )
        + _section(tr("Assessment"), _list(observation_lines, tr("No assessment charted.")))
        + _section(tr("Red flags and clearance"), red_flag_html(data))
        + _section(
            tr("Consent to treatment"), consent_html(data.consent, figure_tags.get("consent", ""))
        )
        + _section(tr("After-care given"), after_care_html(data))
        + _section(tr("Follow-up of this visit"), follow_up_html(data))
        + soap_html(data)
        + signature_html(visit, data.amendments, row_names(knowledge, data))
        + "</body></html>"
    )


def _draw(data: VisitDocument, device: QPagedPaintDevice, paper: str, settings: Settings) -> int:
    ensure_gui_app()
    set_paper(device, paper)
    numbered = number_marks(data.marks)
    images: dict[str, QImage] = {}
    tags: dict[str, str] = {}
    for view in ("anterior", "posterior"):
        image = body_chart(view, numbered, height_px=2000)
        name = f"figure-{view}"
        images[name] = image
        width_mm = FIGURE_HEIGHT_MM * image.width() / image.height()
        width_mm = min(width_mm, content_width_mm(paper) / 2 - 4)
        tags[view] = image_tag(name, image, width_mm)
    if data.consent is not None and data.consent.drawing:
        from nmt_bodymap.ui.clinic.consent_section import drawing_image

        images["consent-signature"] = drawing_image(data.consent.drawing)
        tags["consent"] = image_tag("consent-signature", images["consent-signature"], 60.0)
    html = report_html(data, settings, tags, load_knowledge())
    footer = tr("Visit report · {name} · {day}").format(
        name=data.client.name, day=short_day(data.visit.started_at)
    )
    return render_document(device, html, images, footer)


def write_report_pdf(
    data: VisitDocument, path: Path, paper: str | None = None, settings: Settings | None = None
) -> int:
    """Write the report to ``path`` (A4 or Letter; default from the settings); page count."""
    ensure_gui_app()
    settings = settings or load_settings()
    paper = paper or settings.paper
    return write_pdf(
        Path(path),
        paper,
        tr("Visit report {day}").format(day=f"{data.visit.started_at:%Y-%m-%d}"),
        lambda writer: _draw(data, writer, paper, settings),
    )


def print_report(
    data: VisitDocument, printer: QPagedPaintDevice, settings: Settings | None = None
) -> int:
    settings = settings or load_settings()
    return _draw(data, printer, paper_of(printer, settings.paper), settings)
