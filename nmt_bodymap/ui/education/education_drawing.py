"""Drawing a muscle, its trigger points and its referral zones for education mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsPathItem

from nmt_bodymap.core.atlas import Atlas
from nmt_bodymap.core.knowledge_schema import MuscleDef
from nmt_bodymap.ui.education.education_parts import SHOWN_SIDE
from nmt_bodymap.ui.map.geometry import path_from_geometry
from nmt_bodymap.ui.map.labels import trigger_point_label
from nmt_bodymap.ui.map.palette import MapColors

COLORS = MapColors(dark=False)  # the screen is white whatever the theme: light map colours
ESSENTIAL = COLORS.essential
SPILLOVER = COLORS.spillover
MUSCLE = COLORS.muscle
MUSCLE_EDGE = COLORS.muscle_edge
TRIGGER_POINT = COLORS.pin


def draw_zone(
    atlas: Atlas, places: dict[tuple[str, str], str], view: str, dx: float, layer: QGraphicsItem
) -> None:
    """The muscle's referral zones on ``view``: essential solid, spillover hatched."""
    for (region, side), kind in places.items():
        try:
            shape = atlas.region(view, region, side).shape  # type: ignore[arg-type]
        except KeyError:
            continue
        item = QGraphicsPathItem(path_from_geometry(shape), layer)
        item.setPos(dx, 0)
        if kind == "essential":
            item.setBrush(QBrush(ESSENTIAL))
            item.setPen(QPen(ESSENTIAL.darker(130), 1.5))
        else:
            item.setBrush(QBrush(SPILLOVER, Qt.BrushStyle.BDiagPattern))  # as on the map
            item.setPen(QPen(SPILLOVER, 1.5, Qt.PenStyle.DashLine))
        item.setData(0, kind)


def draw_muscle(
    atlas: Atlas,
    muscle: MuscleDef,
    view: str,
    dx: float,
    muscle_layer: QGraphicsItem,
    points_layer: QGraphicsItem,
) -> None:
    """The muscle (dashed when deep) and its trigger points on ``view``, shifted by ``dx``."""
    shape = atlas.muscle_shape(view, muscle.id, SHOWN_SIDE)
    if shape is None:
        return
    item = QGraphicsPathItem(path_from_geometry(shape), muscle_layer)
    item.setPos(dx, 0)
    item.setBrush(QBrush(MUSCLE))
    style = Qt.PenStyle.DashLine if atlas.muscle_is_deep(muscle.id) else Qt.PenStyle.SolidLine
    item.setPen(QPen(MUSCLE_EDGE, 2.5, style))
    for point in muscle.trigger_points:
        if point.view != view:
            continue
        where = atlas.point_on_muscle(view, muscle.id, SHOWN_SIDE, point.along, point.across)
        if where is None:
            continue
        radius = 9.0
        dot = QGraphicsEllipseItem(-radius, -radius, 2 * radius, 2 * radius, points_layer)
        dot.setPos(dx + where[0], where[1])
        dot.setBrush(QBrush(TRIGGER_POINT))
        dot.setPen(QPen(QColor("white"), 2.5))
        dot.setToolTip(trigger_point_label(muscle.id, point.id, point.label))
