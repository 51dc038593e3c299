"""The signature and the amendments of a signed visit, as the report prints them: who signed
and when, then each amendment with the original value beside the amended one, the reason,
who and when (``core/signing.py``; nothing is hidden: both versions are on paper). Also the
client's consent to treatment (``consent_html``)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QDateTime, QLocale

from nmt_bodymap.ui.i18n import tr, tr_noop

FIELD_TITLES = {
    "chief_complaint": tr_noop("Chief complaint"),
    "subjective": tr_noop("Subjective"),
    "objective": tr_noop("Objective"),
    "assessment": tr_noop("Assessment"),
    "plan": tr_noop("Plan"),
    "posture": tr_noop("Posture notes"),
    "gait": tr_noop("Gait notes"),
}


KIND_TITLES = {"pain_mark": tr_noop("Pain mark"), "follow_up": tr_noop("Follow-up")}


def amended_what(amendment: Any, rows: dict[str, str] | None = None) -> str:
    """tr_noop("Subjective"), "Finding (Upper trapezius, right): note" — what an amendment
    corrects, in words; ``rows`` names the visit's rows by uid."""
    title = FIELD_TITLES.get(amendment.field)
    field = tr(title) if title else amendment.field.replace("_", " ")
    if amendment.kind == "visit":
        return field
    kind_title = KIND_TITLES.get(amendment.kind)
    kind = tr(kind_title) if kind_title else amendment.kind.replace("_", " ").capitalize()
    row = (rows or {}).get(amendment.target)
    if row:
        return tr("{kind} ({row}): {field}").format(kind=kind, row=row, field=field.lower())
    return tr("{kind}: {field}").format(kind=kind, field=field.lower())


def _value(value: Any) -> str:
    if value in ("", None):
        return "<i>" + escape(tr("(empty)")) + "</i>"
    return escape(str(value)).replace("\n", "<br>")


def _moment(moment: Any) -> str:
    when: Any = moment.astimezone()
    return QLocale().toString(QDateTime(when), tr("dd MMMM yyyy, HH:mm"))


def signature_html(
    visit: Any, amendments: tuple[Any, ...], rows: dict[str, str] | None = None
) -> str:
    """The report's "Signature and amendments" section ("" for an unsigned visit)."""
    if getattr(visit, "signed_at", None) is None:
        return ""
    body = tr(
        "<p><b>Signed by {who} on {when}.</b><br><span class='muted'>Signature {signature}… "
        "over the visit as charted when signed; the visit is read-only since.</span></p>"
    ).format(
        who=escape(visit.signed_by),
        when=escape(_moment(visit.signed_at)),
        signature=escape(visit.signature[:16]),
    )
    if not amendments:
        body += tr("<p class='muted'><i>No amendment since signing.</i></p>")
    for number, amendment in enumerate(amendments, start=1):
        body += tr(
            "<h3>Amendment {number}: {what}</h3><p><b>Original:</b> {before}<br>"
            "<b>Amended to:</b> {after}<br><b>Reason:</b> {reason}<br>"
            "<span class='muted'>By {who} on {when}; signature {signature}…</span></p>"
        ).format(
            number=number,
            what=escape(amended_what(amendment, rows)),
            before=_value(amendment.before),
            after=_value(amendment.after),
            reason=escape(amendment.reason),
            who=escape(amendment.amended_by),
            when=escape(_moment(amendment.amended_at)),
            signature=escape(amendment.signature[:16]),
        )
    return tr("<h2>Signature and amendments</h2>") + body


def consent_html(consent: Any | None, signature_tag: str = "") -> str:
    """The report's consent lines: the version agreed to, when, typed name, drawing."""
    from nmt_bodymap.core.consent import load_consent

    if consent is None:
        return tr("<p><b>No consent to treatment on file.</b></p>")
    text = load_consent().version(consent.text_version)
    title = text.title if text is not None else tr("Consent to treatment")
    parts = [
        tr("<p><b>{title}</b> given on {day} (text version {version}).").format(
            title=escape(title),
            day=consent.consented_on.isoformat(),
            version=escape(consent.text_version),
        )
    ]
    if consent.typed_name:
        parts.append(tr("<br>Typed name: {name}").format(name=escape(consent.typed_name)))
    if signature_tag:
        parts.append(tr("<br>Drawn signature:<br>{image}").format(image=signature_tag))
    return "".join(parts) + "</p>"
