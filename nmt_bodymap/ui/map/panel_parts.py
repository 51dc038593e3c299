"""Pieces of the body-map panel that need none of its state (split out of
``body_map_panel.py``): the folding strip of internal sites and the drawing of a
candidate's highlight on the views."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea

from nmt_bodymap.ui.map.body_scene import BodyScene
from nmt_bodymap.ui.map.highlight import Highlight
from nmt_bodymap.ui.map.labels import knowledge_language, trigger_point_label

if TYPE_CHECKING:
    from nmt_bodymap.ui.map.internal_sites import InternalSitesPanel


def sites_strip(internal_sites: InternalSitesPanel) -> QScrollArea:
    """The strip beside the views; it scrolls rather than squeeze on a short screen and is
    folded away until asked for (or a visit has marks inside): the figures get the room."""
    beside = QScrollArea()
    beside.setWidget(internal_sites)
    beside.setWidgetResizable(True)
    beside.setFrameShape(QFrame.Shape.NoFrame)
    beside.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    beside.setFixedWidth(internal_sites.width() + 14)
    beside.hide()
    return beside


def highlight_look(highlight: Highlight | None) -> tuple[object, ...] | None:
    """What the map draws for ``highlight``: the same look twice (the best candidate lit by
    the click, then chosen) is drawn once (issue 18)."""
    if highlight is None:
        return None
    zones = frozenset(highlight.zones.items())
    pins = highlight.candidate.trigger_points
    return (highlight.muscle_id, highlight.sides, highlight.deep, zones, pins)


def paint_highlight(
    scenes: Mapping[str, BodyScene],
    internal_sites: InternalSitesPanel | None,
    highlight: Highlight | None,
) -> None:
    """Light up a candidate muscle, its zones and its trigger-point pins (None clears).

    Only what changes is touched (``BodyScene.set_highlight``): a zone or muscle lit for
    the last candidate and this one is not put out and lit again, so its area is not
    repainted. A strip not built yet (None) shows the zones once it is built."""
    if internal_sites is not None:
        internal_sites.show_zones(highlight.zones if highlight is not None else {})
    if highlight is None:
        for scene in scenes.values():
            scene.clear_highlight()
        return
    muscles = [((highlight.muscle_id, side), highlight.deep) for side in highlight.sides]
    for scene in scenes.values():
        scene.set_highlight(highlight.zones, muscles)
    language = knowledge_language()  # once, not per pin's label
    for tp in highlight.candidate.trigger_points:
        if tp.point is not None and tp.view in scenes:
            scenes[tp.view].add_pin(
                highlight.muscle_id,
                tp.side,
                tp.id,
                trigger_point_label(highlight.muscle_id, tp.id, tp.label, language),
                tp.point,
            )
