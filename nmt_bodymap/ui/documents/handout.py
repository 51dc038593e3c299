"""The client handout: large type, plain words, nothing from the therapist's notes.

For each muscle treated: a picture of where it is (blue), where it sends pain (red) and
where to press (black dots), the knowledge base's plain explanation and self-care; then the
after-care with the expected soreness window and when to call. Built only from the visit's
treated muscles and sides, the visit time, the client's name and the clinic's settings:
never a note, a finding's detail, the SOAP text or the intake.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtGui import QImage, QPagedPaintDevice

from nmt_bodymap.core.after_care import RELIEF_FOLLOW_DAYS, soreness_window
from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.settings import Settings, load_settings
from nmt_bodymap.ui.documents.after_care_words import advice_words, window_words
from nmt_bodymap.ui.documents.figures import muscle_picture, muscle_views
from nmt_bodymap.ui.documents.paged import (
    content_width_mm,
    ensure_gui_app,
    image_tag,
    paper_of,
    render_document,
    set_paper,
    write_pdf,
)
from nmt_bodymap.ui.documents.report import header_html
from nmt_bodymap.ui.documents.visit_data import VisitDocument
from nmt_bodymap.ui.i18n import long_datetime, tr, tr_noop
from nmt_bodymap.ui.map.highlight import zone_regions
from nmt_bodymap.ui.map.labels import knowledge_lines, knowledge_text, muscle_label, place_label

BASE_PT = 14.0
PICTURE_HEIGHT_MM = 95.0
STYLE = """
h1 { font-size: 20pt; margin: 0; }
.title { font-size: 16pt; font-weight: bold; margin: 0; }
h2 { font-size: 18pt; margin-top: 14px; margin-bottom: 4px; color: #1d3f63; }
h3 { font-size: 15pt; margin-top: 8px; margin-bottom: 2px; }
p { margin-top: 2px; margin-bottom: 6px; }
li { margin-bottom: 3px; }
.muted { color: #444444; }
"""
SIDE_WORDS = (tr_noop("both sides"), tr_noop("left side"), tr_noop("right side"))
PICTURE_KEY = tr_noop(
    "Blue: where the muscle is. Red: where it can send pain (striped: sometimes). "
    "Black dots: the tender spots to press."
)
PRESS_TEXT = tr_noop(
    "The black dots show where the tender spots usually are. Press there only as your "
    "therapist showed you: firm enough to feel it, never so hard that it hurts more."
)


def treated(data: VisitDocument) -> list[tuple[str, str]]:
    """(muscle id, side words) for each muscle treated, both sides merged."""
    sides: dict[str, set[str]] = {}
    for row in data.treatments:
        sides.setdefault(row.muscle_id, set()).add(row.side)
    result = []
    for muscle_id, found in sides.items():
        both = {"left", "right"} <= found
        result.append((muscle_id, "both sides" if both else f"{sorted(found)[0]} side"))
    return result


def long_day(moment: object) -> str:
    """The visit's day in the therapist's language: "Wednesday 02 December 2026"."""
    when: Any = moment
    return QLocale().toString(QDateTime(when), tr("dddd dd MMMM yyyy"))


def _side_for_picture(words: str) -> str:
    return "left" if words == "left side" else "right"


def handout_html(
    data: VisitDocument, settings: Settings, knowledge: KnowledgeBase, pictures: dict[str, str]
) -> str:
    visit = data.visit
    day = long_day(visit.started_at.astimezone())
    parts = [
        f"<html><head><style>{STYLE}</style></head><body>",
        header_html(settings, tr("Your after-care")),
        tr("<p>For <b>{name}</b>, after your visit on {day}.</p>").format(
            name=escape(data.client.name), day=escape(day)
        ),
    ]
    muscles = [(m, side) for m, side in treated(data) if m in knowledge]
    if muscles:
        parts.append(tr("<p>These are the muscles we worked on today.</p>"))
    else:
        parts.append(tr("<p>No muscle was treated at this visit.</p>"))
    for muscle_id, side in muscles:
        muscle = knowledge.muscle(muscle_id)
        zones = zone_regions(muscle, _side_for_picture(side))  # type: ignore[arg-type]
        main = [place_label(r, s) for (r, s), kind in zones.items() if kind == "essential"]
        parts += [
            f"<h2>{escape(muscle_label(muscle_id))} ({escape(tr(side))})</h2>",
            pictures.get(muscle_id, ""),
            f"<p class='muted'>{escape(tr(PICTURE_KEY))}</p>",
            tr("<h3>Where it is</h3>"),
            f"<p>{escape(knowledge_text('muscle', muscle_id, 'client_explanation'))}</p>",
            tr("<h3>Where it sends pain</h3>"),
            f"<p>{escape(', '.join(main))}.</p>",
            tr("<h3>Where to press</h3>"),
            f"<p>{escape(tr(PRESS_TEXT))}</p>",
            tr("<h3>What you can do</h3>") + "<ul>",
            *(
                f"<li>{escape(line)}</li>"
                for line in knowledge_lines("muscle", muscle_id, "self_care")
            ),
            "</ul>",
        ]
    window = soreness_window(visit.started_at.astimezone())
    low, high = RELIEF_FOLLOW_DAYS
    contact = escape(settings.clinic_name) or escape(tr("your therapist"))
    parts += [
        tr("<h2>After your treatment</h2>"),
        f"<p>{escape(advice_words())}</p>",
        tr("<p><b>The soreness should ease {window}.</b></p>").format(
            window=escape(window_words(window))
        ),
        tr("<h3>When to call</h3>"),
        tr(
            "<p>Call {contact} if the soreness has not eased by {latest}, if it gets worse, "
            "or if you notice anything new such as numbness, weakness, fever or a severe "
            "headache.</p>"
        ).format(contact=contact, latest=escape(long_datetime(window.latest))),
        tr(
            "<p>Over the next {low} to {high} days, notice how long the relief lasts: we will "
            "ask at your next visit.</p>"
        ).format(low=low, high=high),
        "</body></html>",
    ]
    return "".join(parts)


def _pictures(
    data: VisitDocument, knowledge: KnowledgeBase, paper: str
) -> tuple[dict[str, QImage], dict[str, str]]:
    images: dict[str, QImage] = {}
    tags: dict[str, str] = {}
    for muscle_id, side in treated(data):
        if muscle_id not in knowledge:
            continue
        muscle = knowledge.muscle(muscle_id)
        picture_side = _side_for_picture(side)
        views = muscle_views(muscle, picture_side)  # type: ignore[arg-type]
        cells = []
        for view in views:
            image = muscle_picture(muscle, picture_side, view)  # type: ignore[arg-type]
            name = f"muscle-{muscle_id}-{view}"
            images[name] = image
            width = PICTURE_HEIGHT_MM * image.width() / image.height()
            width = min(width, content_width_mm(paper) / max(1, len(views)) - 12)
            caption = tr("Front") if view == "anterior" else tr("Back")
            cells.append(f"<td align='center'>{image_tag(name, image, width)}<br>{caption}</td>")
        tags[muscle_id] = f"<table cellspacing='14'><tr>{''.join(cells)}</tr></table>"
    return images, tags


def _draw(data: VisitDocument, device: QPagedPaintDevice, paper: str, settings: Settings) -> int:
    ensure_gui_app()
    set_paper(device, paper)
    knowledge = load_knowledge()
    images, tags = _pictures(data, knowledge, paper)
    html = handout_html(data, settings, knowledge, tags)
    footer = settings.clinic_name or "NMT Body Map"
    return render_document(device, html, images, footer, base_font_pt=BASE_PT)


def write_handout_pdf(
    data: VisitDocument, path: Path, paper: str | None = None, settings: Settings | None = None
) -> int:
    ensure_gui_app()
    settings = settings or load_settings()
    paper = paper or settings.paper
    return write_pdf(
        Path(path),
        paper,
        tr("Your after-care"),
        lambda writer: _draw(data, writer, paper, settings),
    )


def print_handout(
    data: VisitDocument, printer: QPagedPaintDevice, settings: Settings | None = None
) -> int:
    settings = settings or load_settings()
    return _draw(data, printer, paper_of(printer, settings.paper), settings)
