"""The region vocabulary: every named place a pain mark or referral zone can name.

Read from ``resources/regions.yaml``; surface regions are drawn in the body
diagrams, internal sites (teeth, inside the ear, pelvic floor, ...) are not but
can be picked beside them.

A region of the contract that Travell & Simons split (``buttock`` into upper and lower
buttock, ``calf``, ``heel``) lists its ``parts``: the atlas draws only the parts, and the old
name stays valid as their union (:func:`overlapping`: a zone on a part covers a spot on the
whole, and the reverse).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from nmt_bodymap.core import data_cache
from nmt_bodymap.core.sides import Side
from nmt_bodymap.resources import resource_path

INTERNAL_VIEW = "internal"


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionDef:
    """One name of the vocabulary (validated by ``data_models.RegionModel``)."""

    name: str
    group: str
    sides: Literal["bilateral", "midline"]
    views: tuple[str, ...] = (INTERNAL_VIEW,)
    label: str
    plantar: bool = False
    internal: bool = False
    # a midline region whose pain may be one-sided (pain left of the sternum): a look-up may
    # name its side, and then only the muscles of that side (or crossing over) explain it
    sided: bool = False
    # finer regions that replace this one on the drawings (it stays their union)
    parts: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> RegionDef:
        """A record of validated data (never hand it a data file)."""
        return cls(**data | {"views": tuple(data["views"]), "parts": tuple(data["parts"])})

    def client_sides(self) -> tuple[Side, ...]:
        return ("left", "right") if self.sides == "bilateral" else ("midline",)

    def spot_sides(self) -> tuple[Side, ...]:
        """The sides a look-up spot may name: a sided midline region also left or right."""
        return ("midline", "left", "right") if self.sided else self.client_sides()

    def label_for(self, side: Side) -> str:
        """Label as shown on screen: "Right temple", "Sternum"."""
        if side == "midline":
            return self.label[:1].upper() + self.label[1:]
        return f"{side.capitalize()} {self.label}"


class VocabularyError(ValueError):
    """The vocabulary file is malformed (one line naming the file, the entry and why)."""


@cache
def load_vocabulary() -> dict[str, RegionDef]:
    """All region names (surface regions and internal sites), by name: from the
    pre-validated cache while ``regions.yaml`` is unchanged (no pydantic, no YAML)."""
    return _load(resource_path("regions.yaml"), trust=True)


def validate_vocabulary(path: Path | None = None) -> dict[str, RegionDef]:
    """The vocabulary validated from its YAML now, whatever the cache holds (the
    self-test, data authors); the cache is refreshed with the result."""
    return _load(path or resource_path("regions.yaml"), trust=False)


def _load(path: Path, trust: bool) -> dict[str, RegionDef]:
    return data_cache.load(
        "vocabulary", [path], _CODE, lambda: _validated(path), _decode, trust=trust
    )


_CODE = ("vocabulary.py",)


def _decode(data: list[dict[str, Any]]) -> dict[str, RegionDef]:
    return {item["name"]: RegionDef.from_data(item) for item in data}


def _validated(path: Path) -> list[dict[str, Any]]:
    """Every region of ``path`` (surface regions, then internal sites) as validated data."""
    from nmt_bodymap.core.data_models import VocabularyFile
    from nmt_bodymap.core.datafiles import read_model

    parsed = read_model(path, VocabularyFile, VocabularyError)
    entries = [
        *(region.model_dump() for region in parsed.regions),
        *(site.model_dump() | {"internal": True} for site in parsed.internal_sites),
    ]
    names: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if entry["name"] in names:
            raise VocabularyError(f"{path}: region {entry['name']!r} is listed twice")
        names[entry["name"]] = entry
    for entry in entries:
        for part in entry["parts"]:
            found = names.get(part)
            if found is None or found["sides"] != entry["sides"] or found["parts"]:
                raise VocabularyError(f"{path}: {entry['name']}: part {part!r} is not a region")
    return entries


@cache
def whole_of() -> dict[str, str]:
    """Part name -> the first region it is a part of (``upper_buttock`` -> ``buttock``)."""
    return {part: wholes[0] for part, wholes in wholes_of().items()}


@cache
def wholes_of() -> dict[str, tuple[str, ...]]:
    """Part name -> every region it is a part of: a strip seen on both views is a part of
    each view's whole (``lateral_arm`` -> ``anterior_arm``, ``posterior_arm``)."""
    found: dict[str, list[str]] = {}
    for region in load_vocabulary().values():
        for part in region.parts:
            found.setdefault(part, []).append(region.name)
    return {part: tuple(wholes) for part, wholes in found.items()}


@cache
def overlapping(name: str) -> tuple[str, ...]:
    """The names whose places overlap ``name``'s: itself, its parts, the wholes it is part
    of. A referral zone naming any of them covers a spot on ``name``."""
    entry = load_vocabulary().get(name)
    return (name, *(entry.parts if entry is not None else ()), *wholes_of().get(name, ()))


def drawn_regions() -> dict[str, RegionDef]:
    """The surface regions the drawings hold (a region split into parts is not drawn)."""
    return {name: r for name, r in surface_regions().items() if not r.parts}


def surface_regions() -> dict[str, RegionDef]:
    return {name: r for name, r in load_vocabulary().items() if not r.internal}


def internal_sites() -> dict[str, RegionDef]:
    return {name: r for name, r in load_vocabulary().items() if r.internal}


def region_label(name: str, side: Side) -> str:
    return load_vocabulary()[name].label_for(side)


def shown_side(
    view: str,
    region: str,
    side: Side,
    x: float | None,
    side_at: Callable[[str, float], Side] | None,
) -> Side:
    """The side a mark is named and looked up with (the rule, once): a midline mark with a
    point on a region whose pain may be one-sided (vertex, chin, sternum, sacrum) takes the
    side of its point, so a click left of the midline is the "Left sternum"; any other mark
    keeps its side. ``side_at`` gives the client's side of a point's x on a view."""
    if side != "midline" or x is None or view == INTERNAL_VIEW or side_at is None:
        return side
    entry = load_vocabulary().get(region)
    if entry is None or not entry.sided:
        return side
    return side_at(view, x)


def is_valid_place(name: str, side: str) -> bool:
    """True when ``name`` is in the vocabulary and ``side`` fits it."""
    entry = load_vocabulary().get(name)
    return entry is not None and side in entry.client_sides()
