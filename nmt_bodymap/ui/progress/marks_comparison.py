"""Both body views of one visit with its marked places coloured by what changed since
another visit: new in red, resolved in green (hatched), unchanged in orange."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsView, QWidget

from nmt_bodymap.core.atlas import Atlas
from nmt_bodymap.ui.first_frame import shared_renderer  # one parse per view and app
from nmt_bodymap.ui.map.figure_layers import layers_renderer
from nmt_bodymap.ui.map.geometry import path_from_geometry

NEW = QColor(214, 39, 40, 200)
RESOLVED = QColor(44, 160, 44, 200)
UNCHANGED = QColor(255, 127, 14, 170)
VIEW_GAP = 60.0


class MarksComparison(QGraphicsView):
    """Both body views of one visit, its marked places coloured by what changed."""

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.setScene(QGraphicsScene(self))
        self.scene().setBackgroundBrush(QColor("white"))
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(260, 300)
        # the outline layer parsed alone, as the body scene's (the whole drawing if it cannot
        # be cut out): the body scene no longer parses the whole drawing for this to share
        self._renderers = {v: layers_renderer(v) or shared_renderer(v) for v in atlas.views()}
        self.shown: dict[tuple[str, str, str], str] = {}

    def show_places(self, places: dict[tuple[str, str, str], str]) -> None:
        """``places``: (view, region, side) -> "new" | "resolved" | "unchanged"."""
        self.shown = dict(places)
        scene = self.scene()
        scene.clear()
        offsets: dict[str, float] = {}
        x = 0.0
        for view in self.atlas.views():
            offsets[view] = x
            renderer = self._renderers[view]
            if renderer.elementExists("outline"):
                body = QGraphicsSvgItem()
                body.setSharedRenderer(renderer)
                body.setElementId("outline")
                body.setPos(renderer.boundsOnElement("outline").topLeft() + QPointF(x, 0))
                scene.addItem(body)
            else:
                outline = QGraphicsPathItem(path_from_geometry(self.atlas.outline(view)))
                outline.setBrush(QColor("#f3e3d3"))
                outline.setPos(x, 0)
                scene.addItem(outline)
            x += self.atlas.view_box(view)[2] + VIEW_GAP
        colours = {"new": NEW, "resolved": RESOLVED, "unchanged": UNCHANGED}
        for (view, region, side), change in places.items():
            if view not in offsets:
                continue
            try:
                shape = self.atlas.region(view, region, side).shape  # type: ignore[arg-type]
            except KeyError:
                continue
            item = QGraphicsPathItem(path_from_geometry(shape))
            item.setPos(offsets[view], 0)
            style = (
                Qt.BrushStyle.BDiagPattern if change == "resolved" else Qt.BrushStyle.SolidPattern
            )
            item.setBrush(QBrush(colours[change], style))
            item.setPen(QPen(colours[change].darker(140), 2))
            item.setZValue(2)
            scene.addItem(item)
        rect = scene.itemsBoundingRect().adjusted(-10, -10, 10, 10)
        scene.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
