"""Pieces of education mode: the fading layer and the muscle library's filter."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsObject

from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.knowledge_schema import MuscleDef
from nmt_bodymap.ui.map.labels import muscle_label


class RevealLayer(QGraphicsObject):
    """An invisible parent whose ``opacity`` (animated) fades its children in together."""

    def boundingRect(self) -> QRectF:
        return self.childrenBoundingRect()

    def paint(self, *_args: object) -> None:
        pass


def muscle_library(
    knowledge: KnowledgeBase, text: str = "", region: str = "", condition: str = ""
) -> list[MuscleDef]:
    """Muscles whose name or alias contains ``text``, that refer to ``region`` and are
    known for ``condition`` (each filter ignored when empty)."""
    needle = text.strip().lower()
    found = []
    for muscle in knowledge:
        names = (muscle.name.lower(), muscle_label(muscle.id).lower(), *muscle.aliases)
        if needle and not any(needle in n for n in names):
            continue
        if region and all(zone.region != region for _kind, zone in muscle.all_zones()):
            continue
        if condition and condition not in muscle.conditions:
            continue
        found.append(muscle)
    return found
