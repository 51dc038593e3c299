"""What the first look (``store/first_look.py``) must know of the schema, without SQLAlchemy
or Alembic (issue 18): the head revision read from the migration scripts' text, and how each
column it reads is typed.

The revision reading (``script_revisions``, ``head``) is also ``store/migrate.py``'s
(``quick_head``): Alembic finds the revisions by importing every script (~0.7 s at each
start; one script imports the accounts module, which hashes a password at import), and an
open of a chart already at head needs only the ids. When a script does not state its ids
plainly, ``known_revisions`` asks ``migrate`` (Alembic) as before and ``head`` answers None
(the first look then steps aside).

``COLUMNS``: per table the first look reads, each column's kind as ``store/models.py``
types it ("date", "moment" (``UtcDateTime``), "bool", "json", or "plain": a value SQLite
hands back as SQLAlchemy does). A test holds it equal to the models.
"""

from __future__ import annotations

import re
from pathlib import Path

from nmt_bodymap.core.operations import VISIT_TEXT_FIELDS

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# ``revision = "0010"`` / ``down_revision: str | None = "0009"`` at the start of a line.
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*([^#\n]+)", re.MULTILINE)
_ID = re.compile(r"""\s*(["'])([\w.-]+)\1\s*""")


def _revision_value(text: str) -> str | tuple[str, ...] | None:
    """``"0010"``, ``None`` or a tuple/list of quoted ids; anything else raises ValueError.

    Read with regular expressions, not ``ast.literal_eval``: on Python 3.11 the ast module
    shares one recursion counter between threads (CPython gh-106905), and stations opening
    one chart at once failed with ``SystemError`` (CI, stop 23).
    """
    text = text.strip()
    if text == "None":
        return None
    if (single := _ID.fullmatch(text)) is not None:
        return single.group(2)
    if text[:1] + text[-1:] in ("()", "[]"):
        parts = text[1:-1].split(",")
        if parts and not parts[-1].strip():
            parts.pop()  # a trailing comma
        matches = [_ID.fullmatch(part) for part in parts]
        if all(match is not None for match in matches):
            return tuple(match.group(2) for match in matches if match is not None)
    raise ValueError(text)


def script_revisions(script_location: Path = MIGRATIONS_DIR) -> dict[str, tuple[str, ...]] | None:
    """Each migration's revision and the revisions it follows, read from the scripts' text;
    None when a script does not state them plainly."""
    revisions: dict[str, tuple[str, ...]] = {}
    for script in sorted((script_location / "versions").glob("*.py")):
        found: dict[str, object] = {}
        for name, value in _ASSIGNMENT.findall(script.read_text(encoding="utf-8")):
            try:
                found.setdefault(name, _revision_value(value))
            except ValueError:
                return None
        revision, down = found.get("revision"), found.get("down_revision", ())
        if not isinstance(revision, str) or revision in revisions:
            return None
        if down is None:
            down = ()
        elif isinstance(down, str):
            down = (down,)
        if not isinstance(down, tuple | list) or not all(isinstance(d, str) for d in down):
            return None
        revisions[revision] = tuple(down)
    return revisions or None


def head(script_location: Path = MIGRATIONS_DIR) -> str | None:
    """The one head revision read from the scripts' text (None: only Alembic can tell)."""
    revisions = script_revisions(script_location)
    if revisions is None:
        return None
    followed = {down for downs in revisions.values() for down in downs}
    heads = [rev for rev in revisions if rev not in followed]
    if len(heads) != 1 or not followed <= set(revisions):
        return None
    return heads[0]


def known_revisions(script_location: Path = MIGRATIONS_DIR) -> set[str]:
    """Every revision this version knows (``migrate.known_revisions``, from the text when
    the chain is plain, else from Alembic)."""
    if head(script_location) is not None:
        return set(script_revisions(script_location) or ())
    from nmt_bodymap.store.migrate import known_revisions as from_alembic

    return from_alembic(script_location)


_STAMPS = {"uid": "plain", "version": "plain", "created_at": "moment", "updated_at": "moment"}
_VISIT_ROW = {**_STAMPS, "id": "plain", "visit_id": "plain", "deleted_at": "moment"}
_MUSCLE = {"muscle_id": "plain", "side": "plain", "trigger_point_id": "plain"}

COLUMNS: dict[str, dict[str, str]] = {
    "clients": {
        **_STAMPS,
        "deleted_at": "moment",
        "id": "plain",
        "name": "plain",
        "name_key": "plain",
        "surname_key": "plain",
        "date_of_birth": "date",
        "phone": "plain",
        "email": "plain",
        "address": "plain",
        "notes": "plain",
        "is_demo": "bool",
    },
    "visits": {
        **_STAMPS,
        "deleted_at": "moment",
        "id": "plain",
        "client_id": "plain",
        "started_at": "moment",
        "signed_at": "moment",
        **dict.fromkeys((*VISIT_TEXT_FIELDS, "signed_by", "signature"), "plain"),
    },
    "pain_marks": {
        **_VISIT_ROW,
        **dict.fromkeys(
            ("view", "x", "y", "region", "side", "intensity", "quality", "note"), "plain"
        ),
    },
    "findings": {
        **_VISIT_ROW,
        **_MUSCLE,
        "activity": "plain",
        "tenderness": "plain",
        "note": "plain",
        **dict.fromkeys(
            ("jump_sign", "local_twitch", "referral_reproduced", "ischemia", "entrapment"),
            "bool",
        ),
    },
    "treatments": {
        **_VISIT_ROW,
        **_MUSCLE,
        **dict.fromkeys(
            ("technique", "pressure_tolerance", "hold_seconds", "repetitions", "response"),
            "plain",
        ),
        "hold_lengths": "json",
    },
    "observations": {
        **_VISIT_ROW,
        **dict.fromkeys(("kind", "item", "region", "side", "severity", "note"), "plain"),
    },
    "follow_ups": {
        **_VISIT_ROW,
        **dict.fromkeys(("soreness_hours", "relief_days", "note"), "plain"),
    },
}
