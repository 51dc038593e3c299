"""The knowledge texts in the therapist's language: per-language overlay files.

The knowledge objects (muscles, regions, conditions, the regional guide, the red-flag
screen, the assessment vocabulary) stay English: their ids, their ranking and the CLI's
JSON never change with the language. What a therapist reads comes through
:func:`display_text`, which looks the text up in ``resources/i18n/<language>/*.yaml``
(keyed by the stable ids) and falls back to the English text of the knowledge files.

Every overlay file is validated on loading (pydantic, unknown keys refused): an id that no
knowledge entry has, a field the entry does not have, a list of another length than the
English one, or a phrase whose ``{placeholders}`` differ stops loading with a
:class:`TranslationError` naming the file, the entry and the reason.

A text is addressed by a key ``(kind, id, field)``; trigger points are ``muscle/tp`` and a
referral pattern's note is ``muscle/<first trigger point of the pattern>``. The schema of
the overlay files lives in :mod:`nmt_bodymap.core.translations_schema`.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Callable
from functools import cache
from pathlib import Path

from nmt_bodymap.core import knowledge_cache
from nmt_bodymap.resources import resource_path

Key = tuple[str, str, str]
Value = str | tuple[str, ...]

_log = logging.getLogger(__name__)

ENGLISH = "en"
SIDE_WORDS: dict[str, str] = {
    "left": "left",
    "right": "right",
    "both": "both sides",
    "bilateral": "both sides",
    "midline": "midline",
}
"""The English words for the client's sides, as the knowledge texts use them."""

PHRASES: dict[str, str] = {
    "place": "{side} {region}",
}
"""Sentence patterns around knowledge names ("Right temple"): one string with placeholders."""


class TranslationError(ValueError):
    """An overlay file is wrong; the message names the file, the entry and the reason."""


class _Texts(dict[Key, Value]):
    """English texts of one source, keyed like the overlay; empty texts are not keys."""

    def put(self, kind: str, item: str, field: str, value: object) -> None:
        if isinstance(value, str):
            if value.strip():
                self[(kind, item, field)] = value.strip()
        elif isinstance(value, list | tuple) and value:
            self[(kind, item, field)] = tuple(str(line) for line in value)


@cache
def _muscle_texts() -> _Texts:
    from nmt_bodymap.core.knowledge import load_knowledge

    texts = _Texts()
    knowledge = load_knowledge()
    for muscle in knowledge:
        texts.put("muscle", muscle.id, "name", muscle.name)
        texts.put("muscle", muscle.id, "client_explanation", muscle.client_explanation)
        for field in ("symptoms", "perpetuating_factors", "self_care"):
            texts.put("muscle", muscle.id, field, getattr(muscle, field))
        for tp in muscle.trigger_points:
            texts.put("trigger_point", f"{muscle.id}/{tp.id}", "label", tp.label)
            texts.put("trigger_point", f"{muscle.id}/{tp.id}", "palpation", tp.palpation)
        for pattern in muscle.patterns:
            texts.put("pattern", f"{muscle.id}/{pattern.trigger_points[0]}", "note", pattern.note)
    for condition in knowledge.conditions.values():
        texts.put("condition", condition.id, "label", condition.label)
    return texts


@cache
def _place_texts() -> _Texts:
    from nmt_bodymap.core.vocabulary import load_vocabulary

    texts = _Texts()
    for name, region in load_vocabulary().items():
        texts.put("region", name, "label", region.label)
    for side, word in SIDE_WORDS.items():
        texts.put("side", side, "label", word)
    for phrase, template in PHRASES.items():
        texts.put("phrase", phrase, "text", template)
    return texts


@cache
def _group_texts() -> _Texts:
    from nmt_bodymap.core.pain_areas import load_pain_areas

    texts = _Texts()
    for group in load_pain_areas().groups.values():
        texts.put("muscle_group", group.id, "label", group.label)
    return texts


@cache
def _clinical_texts() -> _Texts:
    from nmt_bodymap.core.clinical import load_protocols, load_red_flags

    texts = _Texts()
    for protocol in load_protocols():
        texts.put("protocol", protocol.id, "label", protocol.label)
    for question in load_red_flags().questions:
        texts.put("red_flag", question.id, "question", question.question)
        texts.put("red_flag", question.id, "why", question.why)
    return texts


@cache
def _assessment_texts() -> _Texts:
    from nmt_bodymap.core.assessment import load_assessment

    texts = _Texts()
    assessment = load_assessment()
    for area in assessment.posture:
        texts.put("posture_area", area.id, "label", area.label)
    observations = [o for _area, o in assessment.posture_observations()] + list(assessment.gait)
    for observation in observations:
        for field in ("label", "side_hint", "about", "caution"):
            texts.put("observation", observation.id, field, getattr(observation, field))
    for sign in assessment.ischemia_signs:
        texts.put("ischemia_sign", sign.id, "label", sign.label)
        texts.put("ischemia_sign", sign.id, "about", sign.about)
    for site in assessment.sites:
        for field in ("label", "nerve", "symptoms", "caution"):
            texts.put("entrapment_site", site.id, field, getattr(site, field))
    return texts


_SOURCES: dict[str, Callable[[], _Texts]] = {
    **dict.fromkeys(("muscle", "trigger_point", "pattern", "condition"), _muscle_texts),
    **dict.fromkeys(("region", "side", "phrase"), _place_texts),
    "muscle_group": _group_texts,
    **dict.fromkeys(("protocol", "red_flag"), _clinical_texts),
    **dict.fromkeys(
        ("posture_area", "observation", "ischemia_sign", "entrapment_site"), _assessment_texts
    ),
}
"""Kind of a text -> the knowledge file(s) its English comes from (each read when needed)."""


@cache
def english_texts() -> dict[Key, Value]:
    """Every user-visible text of the knowledge files, by key: what an overlay translates."""
    texts: dict[Key, Value] = {}
    for source in dict.fromkeys(_SOURCES.values()):
        texts.update(source())
    return texts


def _english(key: Key) -> Value:
    source = _SOURCES.get(key[0])
    if source is None:
        raise KeyError(key)
    return source()[key]


def overlay_folder(language: str) -> Path:
    return resource_path("i18n") / language


def languages() -> tuple[str, ...]:
    """English and every language with an overlay folder."""
    folder = resource_path("i18n")
    found = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    return (ENGLISH, *[name for name in found if name != ENGLISH])


@cache
def load_overlay(language: str, folder: Path | None = None) -> dict[Key, Value]:
    """The validated overlay texts of ``language`` (empty for English or a missing folder).

    It is read from the knowledge cache while neither its files nor any resource file
    changed (issue 18: no pydantic or YAML then); it is stored there only once validated.
    """
    if language == ENGLISH:
        return {}
    folder = folder or overlay_folder(language)
    key = knowledge_cache.overlay_key(language, folder, resource_path())
    if key is not None:
        cached = _overlay_from(knowledge_cache.read(knowledge_cache.OVERLAY_KIND, key))
        if cached is not None:
            return cached
    overlay = _validated_overlay(folder)
    if key is not None and key == knowledge_cache.overlay_key(language, folder, resource_path()):
        rows = [[*k, v if isinstance(v, str) else list(v)] for k, v in overlay.items()]
        knowledge_cache.write(knowledge_cache.OVERLAY_KIND, key, rows)
    return overlay


def _overlay_from(rows: object) -> dict[Key, Value] | None:
    """The overlay of a cache entry; None when the entry is not in the shape written."""
    if not isinstance(rows, list):
        return None
    overlay: dict[Key, Value] = {}
    for row in rows:
        if not (
            isinstance(row, list) and len(row) == 4 and all(isinstance(p, str) for p in row[:3])
        ):
            return None
        value = row[3]
        if isinstance(value, list) and all(isinstance(line, str) for line in value):
            overlay[(row[0], row[1], row[2])] = tuple(value)
        elif isinstance(value, str):
            overlay[(row[0], row[1], row[2])] = value
        else:
            return None
    return overlay


def _validated_overlay(folder: Path) -> dict[Key, Value]:
    english = english_texts()
    overlay: dict[Key, Value] = {}
    origin: dict[Key, Path] = {}
    paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    for path in paths:
        for key, value in _read_file(path).items():
            where = f"{path}: {_entry_name(key)}"
            if key in origin:
                raise TranslationError(f"{where}: already given in {origin[key].name}")
            problem = _problem(key, value, english)
            if problem:
                raise TranslationError(f"{where}: {problem}")
            overlay[key] = value
            origin[key] = path
    return overlay


def _read_file(path: Path) -> dict[Key, Value]:
    from nmt_bodymap.core.datafiles import read_model
    from nmt_bodymap.core.translations_schema import OverlayFile, flatten

    parsed = read_model(path, OverlayFile, TranslationError, unknown_key="no such field")
    return flatten(parsed)


_RECORD_KINDS = ("observation", "ischemia_sign", "entrapment_site")


def _entry_name(key: Key) -> str:
    """Where the text sits in the overlay file: ``muscles.masseter.trigger_points.tp1.label``."""
    from nmt_bodymap.core.translations_schema import SECTIONS

    kind, item, field = key
    if kind == "trigger_point":
        muscle, tp = item.split("/", 1)
        return f"muscles.{muscle}.trigger_points.{tp}.{field}"
    if kind == "pattern":
        muscle, tp = item.split("/", 1)
        return f"muscles.{muscle}.patterns.{tp}"
    if field in ("label", "text") and kind not in (
        "observation",
        "ischemia_sign",
        "entrapment_site",
    ):
        return f"{SECTIONS.get(kind, kind)}.{item}"
    return f"{SECTIONS.get(kind, kind)}.{item}.{field}"


def _problem(key: Key, value: Value, english: dict[Key, Value]) -> str | None:
    kind, item, field = key
    if key not in english:
        if not any(k[0] == kind and k[1] == item for k in english):
            return f"no {kind.replace('_', ' ')} has the id {item!r} (stale or misspelt id)"
        return f"the English entry has no text in {field!r} to translate"
    source = english[key]
    if isinstance(source, tuple) != isinstance(value, tuple):
        return "a list is wanted" if isinstance(source, tuple) else "one text is wanted, not a list"
    if isinstance(source, tuple) and len(source) != len(value):
        return f"{len(value)} lines where the English has {len(source)}"
    if isinstance(source, str) and _placeholders(source) != _placeholders(str(value)):
        return f"the placeholders must be {sorted(_placeholders(source))}"
    return None


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def missing(language: str) -> list[Key]:
    """The keys of every English text the overlay of ``language`` does not translate."""
    if language == ENGLISH:
        return []
    overlay = load_overlay(language)
    return [key for key in english_texts() if key not in overlay]


@cache
def _usable_overlay(language: str) -> dict[Key, Value]:
    """The overlay for display: a broken file shows English (logged once), never a crash."""
    try:
        return load_overlay(language)
    except TranslationError as exc:
        _log.warning("knowledge texts stay English: %s", exc)
        return {}


def display_value(kind: str, item: str, field: str, language: str) -> Value:
    """The text of ``(kind, item, field)`` in ``language``, else English (KeyError if none)."""
    if language != ENGLISH:
        found = _usable_overlay(language).get((kind, item, field))
        if found is not None:
            return found
    return _english((kind, item, field))


def display_text(kind: str, item: str, field: str, language: str) -> str:
    """One text in ``language`` with English fallback ("" for an empty optional field)."""
    try:
        value = display_value(kind, item, field, language)
    except KeyError:
        return ""
    return value if isinstance(value, str) else "\n".join(value)


def display_lines(kind: str, item: str, field: str, language: str) -> tuple[str, ...]:
    """A list field (symptoms, self-care...) in ``language`` with English fallback."""
    try:
        value = display_value(kind, item, field, language)
    except KeyError:
        return ()
    return (value,) if isinstance(value, str) else value


def muscle_name(muscle_id: str, language: str) -> str:
    """The muscle's display name; the id in words for a muscle the knowledge lacks."""
    return display_text("muscle", muscle_id, "name", language) or muscle_id.replace("_", " ")


def side_word(side: str, language: str) -> str:
    return display_text("side", side, "label", language) or side


def place_name(region: str, side: str, language: str) -> str:
    """ "Right temple" / "Schläfe rechts": a region with the client's side, if it has one."""
    label = display_text("region", region, "label", language) or region.replace("_", " ")
    if side == "midline":
        return label[:1].upper() + label[1:]
    pattern = display_text("phrase", "place", "text", language)
    text = pattern.format(side=side_word(side, language), region=label)
    return text[:1].upper() + text[1:]
