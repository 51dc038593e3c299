"""Pieces of education mode: the fading layer, the muscle library's filter, and which
places and views a muscle's referral zone needs (for ``SHOWN_SIDE``)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsObject,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.atlas import Atlas
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.knowledge_schema import MuscleDef
from nmt_bodymap.core.places import referral_sides
from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.vocabulary import load_vocabulary
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import knowledge_text, muscle_label, region_word

SHOWN_SIDE: Side = "right"  # one side is enough to teach the pattern


class RevealLayer(QGraphicsObject):
    """An invisible parent whose ``opacity`` (animated) fades its children in together."""

    def boundingRect(self) -> QRectF:
        return self.childrenBoundingRect()

    def paint(self, *_args: object) -> None:
        pass


class LibraryPanel(QWidget):
    """The muscle library's filters and list (education mode fills and follows them)."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        super().__init__()
        self.setFixedWidth(300)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(tr("Find a muscle by name…"))
        self.region_combo = QComboBox()
        self.region_combo.addItem(tr("Any place it refers to"), "")
        region_names = {name: region_word(name) for name in load_vocabulary()}
        for name, label in sorted(region_names.items(), key=lambda kv: kv[1].casefold()):
            self.region_combo.addItem(label, name)
        self.condition_combo = QComboBox()
        self.condition_combo.addItem(tr("Any condition"), "")
        for condition in knowledge.conditions.values():
            label = knowledge_text("condition", condition.id, "label", condition.label)
            self.condition_combo.addItem(label, condition.id)
        self.muscle_list = QListWidget()
        self.muscle_list.setStyleSheet("font-size: 15px;")
        layout = QVBoxLayout(self)
        heading = QLabel(tr("Muscles"))
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        layout.addWidget(heading)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.region_combo)
        layout.addWidget(self.condition_combo)
        layout.addWidget(self.muscle_list, 1)


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


def zone_places(muscle: MuscleDef) -> dict[tuple[str, str], str]:
    """(region, side) -> "essential" or "spillover", for trigger points on SHOWN_SIDE."""
    places: dict[tuple[str, str], str] = {}
    vocabulary = load_vocabulary()
    for kind, zone in muscle.all_zones():
        vocabulary[zone.region]  # a zone outside the vocabulary is a data error: KeyError
        for side in referral_sides(zone.region, zone.side, SHOWN_SIDE):
            if places.get((zone.region, side)) != "essential":
                places[(zone.region, side)] = kind
    return places


def internal_places(muscle: MuscleDef) -> list[str]:
    vocabulary = load_vocabulary()
    return sorted(
        {region_word(z.region) for _k, z in muscle.all_zones() if vocabulary[z.region].internal}
    )


def views_needed(atlas: Atlas, muscle: MuscleDef) -> list[str]:
    """The muscle's main view, plus the other one when part of the zone is only there."""
    main = muscle.views[0]
    views: list[str] = [main]
    for view in atlas.views():
        if view == main:
            continue
        drawn_here = {(r.region, r.side) for r in atlas.regions(view)}
        drawn_main = {(r.region, r.side) for r in atlas.regions(main)}
        if set(zone_places(muscle)) & drawn_here - drawn_main:
            views.append(view)
    return sorted(views, key=lambda v: atlas.views().index(v))
