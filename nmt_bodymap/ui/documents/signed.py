"""The signature and the amendments of a signed visit, as the report prints them: who signed
and when, then each amendment with the original value beside the amended one, the reason,
who and when (``core/signing.py``; nothing is hidden: both versions are on paper). Also the
client's consent to treatment (``consent_html``)."""

from __future__ import annotations

from html import escape
from typing import Any

FIELD_TITLES = {
    "chief_complaint": "Chief complaint",
    "subjective": "Subjective",
    "objective": "Objective",
    "assessment": "Assessment",
    "plan": "Plan",
    "posture": "Posture notes",
    "gait": "Gait notes",
}


KIND_TITLES = {"pain_mark": "Pain mark", "follow_up": "Follow-up"}


def amended_what(amendment: Any, rows: dict[str, str] | None = None) -> str:
    """ "Subjective", "Finding (Upper trapezius, right): note" — what an amendment
    corrects, in words; ``rows`` names the visit's rows by uid."""
    field = str(FIELD_TITLES.get(amendment.field, amendment.field.replace("_", " ")))
    if amendment.kind == "visit":
        return field
    kind = KIND_TITLES.get(amendment.kind, amendment.kind.replace("_", " ").capitalize())
    row = (rows or {}).get(amendment.target)
    return f"{kind} ({row}): {field.lower()}" if row else f"{kind}: {field.lower()}"


def _value(value: Any) -> str:
    if value in ("", None):
        return "<i>(empty)</i>"
    return escape(str(value)).replace("\n", "<br>")


def _moment(moment: Any) -> str:
    return str(moment.astimezone().strftime("%d %B %Y, %H:%M"))


def signature_html(
    visit: Any, amendments: tuple[Any, ...], rows: dict[str, str] | None = None
) -> str:
    """The report's "Signature and amendments" section ("" for an unsigned visit)."""
    if getattr(visit, "signed_at", None) is None:
        return ""
    body = (
        f"<p><b>Signed by {escape(visit.signed_by)} on {escape(_moment(visit.signed_at))}.</b>"
        f"<br><span class='muted'>Signature {escape(visit.signature[:16])}… over the visit "
        "as charted when signed; the visit is read-only since.</span></p>"
    )
    if not amendments:
        body += "<p class='muted'><i>No amendment since signing.</i></p>"
    for number, amendment in enumerate(amendments, start=1):
        body += (
            f"<h3>Amendment {number}: {escape(amended_what(amendment, rows))}</h3>"
            f"<p><b>Original:</b> {_value(amendment.before)}<br>"
            f"<b>Amended to:</b> {_value(amendment.after)}<br>"
            f"<b>Reason:</b> {escape(amendment.reason)}<br>"
            f"<span class='muted'>By {escape(amendment.amended_by)} on "
            f"{escape(_moment(amendment.amended_at))}; signature "
            f"{escape(amendment.signature[:16])}…</span></p>"
        )
    return f"<h2>Signature and amendments</h2>{body}"


def consent_html(consent: Any | None, signature_tag: str = "") -> str:
    """The report's consent lines: the version agreed to, when, typed name, drawing."""
    from nmt_bodymap.core.consent import load_consent

    if consent is None:
        return "<p><b>No consent to treatment on file.</b></p>"
    text = load_consent().version(consent.text_version)
    title = text.title if text is not None else "Consent to treatment"
    parts = [
        f"<p><b>{escape(title)}</b> given on {consent.consented_on.isoformat()} "
        f"(text version {escape(consent.text_version)})."
    ]
    if consent.typed_name:
        parts.append(f"<br>Typed name: {escape(consent.typed_name)}")
    if signature_tag:
        parts.append(f"<br>Drawn signature:<br>{signature_tag}")
    return "".join(parts) + "</p>"
