"""The schema of the per-language overlay files (``resources/i18n/<language>/*.yaml``).

One file may hold any of the sections below; every section maps stable ids to the
translated texts of that entry. Unknown sections and unknown fields are refused, so a typo
fails loudly. :func:`flatten` turns a parsed file into ``(kind, id, field) -> text`` keys,
the same keys as :func:`nmt_bodymap.core.translations.english_texts`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SnakeId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, Field(min_length=1)]
Lines = list[Text]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TriggerPointText(_Strict):
    label: Text | None = None
    palpation: Text | None = None


class MuscleText(_Strict):
    name: Text | None = None
    trigger_points: dict[SnakeId, TriggerPointText] = Field(default_factory=dict)
    patterns: dict[SnakeId, Text] = Field(default_factory=dict)  # first tp id -> note
    symptoms: Lines | None = None
    perpetuating_factors: Lines | None = None
    client_explanation: Text | None = None
    self_care: Lines | None = None


class RedFlagText(_Strict):
    question: Text | None = None
    why: Text | None = None


class ObservationText(_Strict):
    label: Text | None = None
    side_hint: Text | None = None
    about: Text | None = None
    caution: Text | None = None


class IschemiaSignText(_Strict):
    label: Text | None = None
    about: Text | None = None


class EntrapmentSiteText(_Strict):
    label: Text | None = None
    nerve: Text | None = None
    symptoms: Lines | None = None
    caution: Text | None = None


class OverlayFile(_Strict):
    """One overlay file: any of the sections, each keyed by the knowledge ids."""

    language: Literal["de"] | None = None
    muscles: dict[SnakeId, MuscleText] = Field(default_factory=dict)
    regions: dict[SnakeId, Text] = Field(default_factory=dict)
    conditions: dict[SnakeId, Text] = Field(default_factory=dict)
    muscle_groups: dict[SnakeId, Text] = Field(default_factory=dict)
    protocols: dict[SnakeId, Text] = Field(default_factory=dict)
    red_flags: dict[SnakeId, RedFlagText] = Field(default_factory=dict)
    posture_areas: dict[SnakeId, Text] = Field(default_factory=dict)
    observations: dict[SnakeId, ObservationText] = Field(default_factory=dict)
    ischemia_signs: dict[SnakeId, IschemiaSignText] = Field(default_factory=dict)
    entrapment_sites: dict[SnakeId, EntrapmentSiteText] = Field(default_factory=dict)
    sides: dict[Literal["left", "right", "both", "bilateral", "midline"], Text] = Field(
        default_factory=dict
    )
    phrases: dict[Literal["place"], Text] = Field(default_factory=dict)


SECTIONS: dict[str, str] = {
    "muscle": "muscles",
    "region": "regions",
    "condition": "conditions",
    "muscle_group": "muscle_groups",
    "protocol": "protocols",
    "red_flag": "red_flags",
    "posture_area": "posture_areas",
    "observation": "observations",
    "ischemia_sign": "ischemia_signs",
    "entrapment_site": "entrapment_sites",
    "side": "sides",
    "phrase": "phrases",
}
"""Kind of a key -> the section of the overlay file it comes from (for messages)."""

_LABEL_SECTIONS = {
    "regions": "region",
    "conditions": "condition",
    "muscle_groups": "muscle_group",
    "protocols": "protocol",
    "posture_areas": "posture_area",
    "sides": "side",
}
_RECORD_SECTIONS = {
    "red_flags": "red_flag",
    "observations": "observation",
    "ischemia_signs": "ischemia_sign",
    "entrapment_sites": "entrapment_site",
}

Flat = dict[tuple[str, str, str], "str | tuple[str, ...]"]


def flatten(parsed: OverlayFile) -> Flat:
    """The file's texts by ``(kind, id, field)``; fields left out are not keys."""
    flat: Flat = {}

    def put(kind: str, item: str, field: str, value: str | list[str] | None) -> None:
        if value is not None:
            flat[(kind, item, field)] = value.strip() if isinstance(value, str) else tuple(value)

    for muscle_id, muscle in parsed.muscles.items():
        for field in ("name", "client_explanation", "symptoms", "perpetuating_factors"):
            put("muscle", muscle_id, field, getattr(muscle, field))
        put("muscle", muscle_id, "self_care", muscle.self_care)
        for tp_id, tp in muscle.trigger_points.items():
            put("trigger_point", f"{muscle_id}/{tp_id}", "label", tp.label)
            put("trigger_point", f"{muscle_id}/{tp_id}", "palpation", tp.palpation)
        for first_tp, note in muscle.patterns.items():
            put("pattern", f"{muscle_id}/{first_tp}", "note", note)
    for section, kind in _LABEL_SECTIONS.items():
        for item, text in getattr(parsed, section).items():
            put(kind, item, "label", text)
    for section, kind in _RECORD_SECTIONS.items():
        for item, record in getattr(parsed, section).items():
            for field, value in record.model_dump().items():
                put(kind, item, field, value)
    for phrase, text in parsed.phrases.items():
        put("phrase", phrase, "text", text)
    return flat
