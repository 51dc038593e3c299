"""Plain names for places and sides, as the therapist reads them."""

from __future__ import annotations

from nmt_bodymap.core.vocabulary import region_label, surface_regions
from nmt_bodymap.ui.i18n import tr


def place_label(region: str, side: str) -> str:
    """ "Right temple"; falls back to the raw names for a region the vocabulary lacks."""
    try:
        return region_label(region, side)  # type: ignore[arg-type]
    except KeyError:
        return f"{side.capitalize()} {region.replace('_', ' ')}"


def side_label(side: str) -> str:
    words = {"left": tr("Left"), "right": tr("Right"), "bilateral": tr("Both sides")}
    return {**words, "midline": tr("Midline")}.get(side, side)


def surface_label(region: str) -> str:
    """The body map's name for a surface region; the raw name for one the map lacks."""
    entry = surface_regions().get(region)
    return entry.label if entry else region.replace("_", " ")
