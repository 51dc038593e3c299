"""One body view as a graphics scene: figure, regions, muscles, marks, pins, findings.

Scene coordinates are the view's SVG user units, so atlas geometry and stored
mark positions need no conversion. Items are kept in dicts keyed by region id
``(region, side)``, muscle id ``(muscle_id, side)`` and mark key, so a change in
the model touches exactly the items it names.

Speed of a click (bench/bench_click.py): the figure that never changes (outline, the
faint region borders, the landmarks) is painted as the scene background, which the views keep as one
pixmap, so a repaint is one blit instead of ~120 items. A region has an item of its own
only to be lit as part of a referral zone: it stays hidden until then and keeps its
brush, so lighting it again reuses its cached pixmap; a new candidate touches only the
zones and muscle whose look changes (``set_highlight``). Trigger-point pins are reused.
Those region items are made on first use (a candidate lit, or the map's extras after the
first click is answered, issue 18): the background draws the borders from the paths.

Close marks (issue 15): the view tells the scene its zoom (``set_view_scale``) and the
hit radius a finger needs (``set_hit_radius``); marks whose badges would overlap at that
zoom have their badges spread on a small circle around the group (``spread_offsets``),
each joined to its charted point by a leader line, so every mark stays visible and
clickable. Stored positions never move.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from nmt_bodymap.core.atlas import Atlas
from nmt_bodymap.resources import asset_path
from nmt_bodymap.ui.first_frame import shared_renderer
from nmt_bodymap.ui.map.figure_layers import layers_renderer
from nmt_bodymap.ui.map.geometry import muscle_paths, path_from_geometry, region_paths
from nmt_bodymap.ui.map.map_items import FindingItem, TriggerPointPin
from nmt_bodymap.ui.map.palette import MapColors
from nmt_bodymap.ui.map.scene_marks import (  # noqa: F401  (re-exported: tests, callers)
    CLOSE_PX,
    DENSE_MARKS,
    SceneMarks,
)
from nmt_bodymap.ui.map.spread import spread_offsets  # noqa: F401  (re-exported: tests)

NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
RegionKey = tuple[str, str]  # (region name, client side)
MuscleKey = tuple[str, str]  # (muscle id, client side)


class BodyScene(SceneMarks):
    """The scene of one view (``anterior`` or ``posterior``)."""

    mark_dragged = Signal(str, QPointF, QPointF)  # key, from, to (scene coordinates)
    pin_clicked = Signal(str, str, str)  # muscle id, side, trigger point id

    def __init__(self, view: str, atlas: Atlas, colors: MapColors) -> None:
        super().__init__(view, colors)
        self.atlas = atlas
        self._region_paths: dict[RegionKey, QPainterPath] = {}  # the borders, by region
        self._region_items: dict[RegionKey, QGraphicsPathItem] | None = None  # made late
        self.muscle_items: dict[MuscleKey, QGraphicsPathItem] = {}
        # The muscle items lit. A muscle (or a zone's region) put out is made fully
        # transparent, not hidden: Qt drops a hidden item's cached pixmap, so one lit again
        # (the same candidate chosen again, a neighbouring click) was drawn again from its
        # path (issue 18); a transparent item is neither drawn nor found under the pointer.
        self._lit: set[MuscleKey] = set()
        self.pins: list[TriggerPointPin] = []
        self.finding_items: list[FindingItem] = []
        self.zones: dict[RegionKey, str] = {}
        self._pin_pool: list[TriggerPointPin] = []  # every pin made, shown or not
        self._hover: QGraphicsPathItem | None = None
        self._renderer: QSvgRenderer | None = None
        self._outline_path: QPainterPath | None = None
        self._muscle_paths: dict[tuple[str, str], QPainterPath] | None = None
        self._essential_brush = QBrush(colors.essential)
        self._spillover_brush = QBrush(colors.spillover, Qt.BrushStyle.BDiagPattern)
        self._draw_figure()
        self._add_layer()

    # -- the figure ------------------------------------------------------------------------
    def _draw_figure(self) -> None:
        x, y, w, h = self.atlas.view_box(self.view)
        margin = 0.03 * max(w, h)
        self.setSceneRect(QRectF(x - margin, y - margin, w + 2 * margin, h + 2 * margin))
        self.setBackgroundBrush(self.colors.background)
        path = asset_path("body_svgs", f"{self.view}.svg")
        # The drawing's outline and landmarks layers parsed alone (issue 18), else the whole
        # drawing (the first frame's parse, one per view and process).
        if path.is_file():
            self._renderer = layers_renderer(self.view) or shared_renderer(self.view)
        if self._renderer is None or not self._renderer.elementExists("outline"):
            self._outline_path = path_from_geometry(self.atlas.outline(self.view))
        self._edge_pen = self._cosmetic_pen(self.colors.region_edge, 0.8)
        self._zone_pen = self._cosmetic_pen(self.colors.spillover, 1.0)
        regions = self.atlas.regions(self.view)  # paths from their cache (issue 18)
        for region, shape_path in zip(regions, region_paths(self.atlas, self.view), strict=True):
            self._region_paths[(region.region, region.side)] = shape_path
        # The landmarks never change either: drawn with the background (issue 18: a lit
        # view's repaint was one more figure-sized translucent pixmap blended per paint).
        self._landmarks = self._renderer is not None and self._renderer.elementExists("landmarks")
        self._hover = QGraphicsPathItem()
        self._hover.setPen(self._cosmetic_pen(self.colors.selection, 1.5))
        self._hover.setBrush(QBrush(self.colors.hover))
        self._hover.setZValue(5)
        self._hover.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.addItem(self._hover)

    @property
    def region_items(self) -> dict[RegionKey, QGraphicsPathItem]:
        """An item per region to light it as part of a referral zone (made on first use:
        ~240 items and their bounds cost the first click's answer ~6 ms, issue 18)."""
        if self._region_items is None:
            self._region_items = {}
            for key, shape_path in self._region_paths.items():
                item = QGraphicsPathItem(shape_path)
                item.setPen(self._zone_pen)
                item.setBrush(NO_BRUSH)
                item.setZValue(2)
                item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                # Shown only while lit; its border at rest is part of the background.
                item.setVisible(False)
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                self.addItem(item)
                self._region_items[key] = item
        return self._region_items

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """The static figure: background, outline and the faint borders of every region.

        The views cache what this draws (``CacheBackground``), so it runs when a view is
        zoomed, scrolled or resized, not when a click lights a muscle.
        """
        super().drawBackground(painter, rect)
        rect = QRectF(rect)
        # The view's background-cache painter starts without the view's render hints.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._outline_path is None and self._renderer is not None:
            self._renderer.render(painter, "outline", self._renderer.boundsOnElement("outline"))
        elif self._outline_path is not None:
            painter.setPen(self._cosmetic_pen(self.colors.outline, 1.6))
            painter.setBrush(QBrush(self.colors.skin))
            painter.drawPath(self._outline_path)
        painter.setPen(self._edge_pen)
        painter.setBrush(NO_BRUSH)
        # A border's cosmetic stroke reaches under a pixel past its path's points.
        pad = 2.0 / max(abs(painter.worldTransform().m11()), 1e-6)
        near = rect.adjusted(-pad, -pad, pad, pad)
        for shape_path in self._region_paths.values():
            if shape_path.controlPointRect().intersects(near):
                painter.drawPath(shape_path)
        if self._landmarks and self._renderer is not None:
            bounds = self._renderer.boundsOnElement("landmarks")
            if bounds.intersects(rect):
                self._renderer.render(painter, "landmarks", bounds)

    @staticmethod
    def _cosmetic_pen(
        color: object, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine
    ) -> QPen:
        pen: QPen = QPen(color, width, style)  # type: ignore[call-overload]
        pen.setCosmetic(True)  # same width on screen at every zoom
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    # -- hover -----------------------------------------------------------------------------
    def show_hover(self, key: RegionKey | None) -> None:
        assert self._hover is not None
        path = self._region_paths.get(key) if key else None
        self._hover.setPath(path if path is not None else path_from_geometry(None))

    # -- touch targets and close marks -----------------------------------------------------
    def set_hit_radius(self, radius: float) -> None:
        """Every mark's and pin's hit area (screen pixels; the view sizes it in mm)."""
        self._hit_radius = radius
        self._layer.set_hit_radius(radius)
        for item in self.mark_items.values():
            item.set_hit_radius(radius)
        for pin in self._pin_pool:
            pin.set_hit_radius(radius)
        self.spread_marks()

    @property
    def hit_radius(self) -> float:
        return self._hit_radius

    # -- highlights of a candidate muscle ---------------------------------------------------
    def clear_highlight(self) -> None:
        """Put out the lit zones, muscles and pins (their items are kept for the next one)."""
        for key in self.zones:
            self.region_items[key].setOpacity(0.0)
        self.zones.clear()
        for key in self._lit:
            self.muscle_items[key].setOpacity(0.0)
        self._lit.clear()
        for pin in self.pins:
            pin.setVisible(False)
        self.pins.clear()

    def set_highlight(
        self, zones: dict[RegionKey, str], muscles: Iterable[tuple[MuscleKey, bool]]
    ) -> None:
        """Light exactly ``zones`` and ``muscles`` ((key, deep)), touching only the items
        whose look changes: a zone or muscle lit before and after keeps its item untouched
        (no hide and show, no repaint of its area, its cached pixmap kept); pins are put
        out (the caller adds the new ones)."""
        for key in [k for k in self.zones if k not in zones]:
            self.region_items[key].setOpacity(0.0)
            del self.zones[key]
        for key, kind in zones.items():
            if self.zones.get(key) != kind:
                self.zones.pop(key, None)
                self.highlight_zone(key, kind)
        wanted = dict(muscles)
        # only the lit ones are looked at: every muscle ever lit keeps its item (issue 18)
        for key in [k for k in self._lit if k not in wanted]:
            self.muscle_items[key].setOpacity(0.0)
            self._lit.discard(key)
        for (muscle_id, side), deep in wanted.items():
            self.highlight_muscle(muscle_id, side, deep)
        for pin in self.pins:
            pin.setVisible(False)
        self.pins.clear()

    def highlight_zone(self, key: RegionKey, kind: str) -> None:
        """Fill a region of a referral zone: essential solid, spillover hatched."""
        item = self.region_items.get(key)
        if item is None:
            return
        if kind == "essential" or self.zones.get(key) == "essential":
            self.zones[key] = "essential"
            item.setBrush(self._essential_brush)
        else:
            self.zones[key] = "spillover"
            item.setBrush(self._spillover_brush)  # the same brush again: its pixmap kept
        if not item.isVisible():
            item.setVisible(True)  # made hidden; put out later, it is made transparent
        item.setOpacity(1.0)

    def highlight_muscle(self, muscle_id: str, side: str, deep: bool) -> bool:
        """Show the muscle's shape (deep muscles dashed); False if it is not on this view."""
        key = (muscle_id, side)
        item = self.muscle_items.get(key)
        if item is None:
            if self._muscle_paths is None:  # every muscle's path at once, from the disk cache
                self._muscle_paths = muscle_paths(self.atlas, self.view)
            path = self._muscle_paths.get(key)
            if path is None:  # not drawn on this view (or empty)
                return False
            item = QGraphicsPathItem(QPainterPath(path))
            style = Qt.PenStyle.DashLine if deep else Qt.PenStyle.SolidLine
            item.setPen(self._cosmetic_pen(self.colors.muscle_edge, 2.2, style))
            muscle_fill = self.colors.muscle
            if deep:
                muscle_fill = type(muscle_fill)(muscle_fill)
                muscle_fill.setAlpha(60)
            item.setBrush(QBrush(muscle_fill))
            item.setZValue(6)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            item.setData(0, muscle_id)
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.addItem(item)
            self.muscle_items[key] = item
        if key not in self._lit:
            item.setOpacity(1.0)  # its pixmap kept since it was last lit
            self._lit.add(key)
        return True

    def add_pin(
        self, muscle_id: str, side: str, tp_id: str, label: str, point: tuple[float, float]
    ) -> TriggerPointPin:
        """Show a trigger-point pin (a put-out pin is reused: no item is made per click)."""
        if len(self.pins) < len(self._pin_pool):
            # The n-th pin shown is always the n-th made, so later pins stack on top.
            pin = self._pin_pool[len(self.pins)]
            pin.retarget(muscle_id, side, tp_id, label)
            pin.setVisible(True)
        else:
            pin = TriggerPointPin(muscle_id, side, tp_id, label, self.colors)
            pin.set_hit_radius(self._hit_radius)
            self.addItem(pin)
            self._pin_pool.append(pin)
        pin.setPos(point[0], point[1])
        self.pins.append(pin)
        return pin

    def visible_muscles(self) -> list[MuscleKey]:
        return [k for k in self.muscle_items if k in self._lit]

    # -- findings --------------------------------------------------------------------------
    def set_findings(self, findings: Iterable[tuple[tuple[float, float], bool, str]]) -> None:
        for item in self.finding_items:
            self.removeItem(item)
        self.finding_items.clear()
        for point, active, tooltip in findings:
            item = FindingItem(active, tooltip, self.colors)
            item.setPos(point[0], point[1])
            self.addItem(item)
            self.finding_items.append(item)
