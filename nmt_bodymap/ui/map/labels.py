"""Plain names for places, sides and the knowledge, as the therapist reads them.

Every knowledge name the UI shows goes through here: the language is the therapist's
setting (``nmt_bodymap.settings``, read once per run: the Settings dialog says a new
language takes effect at the next start), the texts come from the per-language overlay
files through :mod:`nmt_bodymap.core.translations`, English when a text has no
translation. The knowledge objects themselves, their ids and the CLI's JSON stay English.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Protocol

from nmt_bodymap import settings as _settings
from nmt_bodymap.core import translations
from nmt_bodymap.core.atlas import mark_side  # no shapely: the click path imports nothing
from nmt_bodymap.core.vocabulary import load_vocabulary, region_label, surface_regions
from nmt_bodymap.ui.i18n import tr, tr_noop

_SIDE_WORDS = {"left": "Left", "right": "Right", "bilateral": "Both sides", "midline": "Midline"}


_chosen: list[str] = []  # a language set for this run (tests, a future live switch)


@cache
def _language_in(settings_file: str) -> str:
    return _settings.load_settings(Path(settings_file)).language


_found: dict[tuple[object, ...], str] = {}  # the setting per settings location
_WHERE = (_settings.CONFIG_DIR_ENV, "XDG_CONFIG_HOME", "HOME")  # what that location reads
# The environment's own table, as os.environ keeps it (its keys encoded once): a label is
# made dozens of times per click, and os.environ.get encodes the key and decodes the value
# on every call (issue 18: 3 look-ups, 2.6 us per label). The values are only compared.
_ENV_TABLE: dict[object, object] | None = getattr(os.environ, "_data", None)
_ENV_KEYS = tuple(map(os.environ.encodekey, _WHERE)) if _ENV_TABLE is not None else ()


def _where() -> tuple[object, ...]:
    """The environment variables the settings location depends on, as they are now."""
    table = _ENV_TABLE
    if table is None:  # not CPython's os.environ: the plain look-ups
        return tuple(map(os.environ.get, _WHERE))
    a, b, c = _ENV_KEYS
    return (table.get(a), table.get(b), table.get(c))


def knowledge_language() -> str:
    """The language of the knowledge texts on screen: the therapist's setting (read once;
    remembered per settings location, so a label costs no look-up of the settings path)."""
    if _chosen:
        return _chosen[-1]
    # what the settings path depends on: the override, else the platform's config folder
    # (the settings module imported once, above: an import per call costs more with PySide6)
    where = _where()
    found = _found.get(where)
    if found is None:
        found = _found[where] = _language_in(str(_settings.settings_path()))
    return found


def set_knowledge_language(language: str | None) -> None:
    """Show the knowledge in ``language`` from now on; None reads the setting again."""
    _chosen.clear()
    _found.clear()
    _language_in.cache_clear()
    if language is not None:
        _chosen.append(language)


def _language() -> str:
    return knowledge_language()


def _english(language: str | None = None) -> bool:
    return (language or _language()) == translations.ENGLISH


# Every label below takes an optional ``language``: a caller making many labels at once (the
# candidate list: a name, a side and a place per row) looks the language up once and passes
# it down, instead of once per label (issue 18's click profile).


def knowledge_text(
    kind: str, item: str, field: str, fallback: str = "", language: str | None = None
) -> str:
    """One knowledge text on screen ("" or ``fallback`` when the entry has none)."""
    return translations.display_text(kind, item, field, language or _language()) or fallback


def knowledge_lines(
    kind: str, item: str, field: str, language: str | None = None
) -> tuple[str, ...]:
    """A list of knowledge texts on screen (symptoms, self-care...)."""
    return translations.display_lines(kind, item, field, language or _language())


def muscle_label(muscle_id: str, language: str | None = None) -> str:
    """The muscle's name on screen: "Upper trapezius" / "M. trapezius, absteigender Teil"."""
    return translations.muscle_name(muscle_id, language or _language())


def trigger_point_label(
    muscle_id: str, tp_id: str, fallback: str = "", language: str | None = None
) -> str:
    return knowledge_text(
        "trigger_point", f"{muscle_id}/{tp_id}", "label", fallback or tp_id, language
    )


def place_label(region: str, side: str, language: str | None = None) -> str:
    """ "Right temple"; falls back to the raw names for a region the vocabulary lacks."""
    language = language or _language()
    if _english(language):
        try:
            return region_label(region, side)  # type: ignore[arg-type]
        except KeyError:
            return f"{side.capitalize()} {region.replace('_', ' ')}"
    if not knowledge_text("region", region, "label", language=language):
        return f"{side_label(side, language)} {region.replace('_', ' ')}"
    return translations.place_name(region, side, language)


class MarkPlace(Protocol):
    """What a pain mark (a record, the map's state, a document's row) tells of its place."""

    @property
    def view(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def side(self) -> str: ...
    @property
    def x(self) -> float | None: ...


def mark_place_label(mark: MarkPlace, language: str | None = None) -> str:
    """A pain mark's place: a midline mark on a one-sided region named with the side of its
    point, "Left sternum" (the core rule: :func:`nmt_bodymap.core.atlas.mark_side`)."""
    view, x = getattr(mark, "view", ""), getattr(mark, "x", None)  # a summary row may lack them
    shown = mark_side(view, mark.region, mark.side, x)  # type: ignore[arg-type]
    return place_label(mark.region, shown, language)


def side_label(side: str, language: str | None = None) -> str:
    language = language or _language()
    if _english(language):
        return _SIDE_WORDS.get(side, side)
    word = translations.side_word(side, language)
    return word[:1].upper() + word[1:]


def region_word(region: str) -> str:
    """Any place of the vocabulary (surface or internal) by name, without a side."""
    entry = load_vocabulary().get(region)
    english = entry.label if entry is not None else region.replace("_", " ")
    return english if _english() else knowledge_text("region", region, "label", english)


def surface_label(region: str) -> str:
    """The body map's name for a surface region; the raw name for one the map lacks."""
    entry = surface_regions().get(region)
    if entry is None:
        return region.replace("_", " ")
    return entry.label if _english() else knowledge_text("region", region, "label", entry.label)


_OBSERVATION_KINDS = {
    "posture": "observation",
    "gait": "observation",
    "ischemia": "ischemia_sign",
    "entrapment": "entrapment_site",
}


def observation_label(kind: str, item: str, fallback: str) -> str:
    """A charted posture, gait, ischemia or entrapment item's name on screen."""
    text_kind = _OBSERVATION_KINDS.get(kind)
    return knowledge_text(text_kind, item, "label", fallback) if text_kind else fallback


# the kinds of chart rows as the History view and its messages name them
KIND_WORDS = {
    "pain_mark": tr_noop("pain mark"),
    "finding": tr_noop("finding"),
    "treatment": tr_noop("treatment"),
    "observation": tr_noop("observation"),
    "follow_up": tr_noop("follow-up"),
    "visit": tr_noop("visit"),
    "client": tr_noop("client details"),
    "intake": tr_noop("intake"),
}


def kind_word(kind: str) -> str:
    """A chart row's kind in the therapist's language: "pain mark" / "Schmerzmarkierung"."""
    word = KIND_WORDS.get(kind)
    return tr(word) if word else kind.replace("_", " ")
