"""The pain marks of a body view's scene (the base of :class:`~.body_scene.BodyScene`).

Every mark of the view is known (``has_mark``); how it is drawn depends on how many there
are. Up to ``DENSE_MARKS`` each mark is a :class:`PainMarkItem` (a badge with its number,
spread from close neighbours). Over it (issue 18: a 10,000-mark visit opened in seconds,
mostly making and painting 10,000 items) the view is *dense*: one
:class:`~.dense_marks.DenseMarks` layer paints the plain symbols, and only the marks that
need it get an item of their own: the selected ones (drawn selected, dragged, acted on by
the keys) and the unsaved ones (their "not saved" badge). A click on the layer raises the
mark hit to an item (``mark_under``); a mark is lowered back when it is saved and not
selected. ``mark_items`` holds the marks drawn as items.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsScene

from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.map.dense_marks import DenseMarks
from nmt_bodymap.ui.map.labels import mark_place_label
from nmt_bodymap.ui.map.map_items import MARK_RADIUS, PainMarkItem
from nmt_bodymap.ui.map.palette import MapColors
from nmt_bodymap.ui.map.spread import spread_offsets

CLOSE_PX = 40.0  # marks nearer than this on screen cover each other
# Above this many marks on a view, they are drawn as plain symbols (no number) where charted,
# not spread, by one layer item: a visit of thousands of marks.
DENSE_MARKS = 300


class SceneMarks(QGraphicsScene):
    """A scene's pain marks: items of their own, or one dense layer (see the module)."""

    def __init__(self, view: str, colors: MapColors) -> None:
        super().__init__()
        self.view = view
        self.colors = colors
        self._marks: dict[str, MarkState] = {}  # every mark of this view
        # Marks drawn as items of their own: all of a sparse view; on a dense view only the
        # selected and unsaved ones (the rest are painted by the one dense layer).
        self.mark_items: dict[str, PainMarkItem] = {}
        self._view_scale = 0.0  # screen pixels per scene unit; 0 until a view shows it
        self._hit_radius = MARK_RADIUS * 1.3
        self._layer = DenseMarks(self.sceneRect())

    def _add_layer(self) -> None:
        """Put the dense layer on the scene (once the scene's rect is known)."""
        self._layer.set_area(self.sceneRect())
        self._layer.setVisible(False)
        self.addItem(self._layer)

    def set_marks(self, marks: Iterable[MarkState]) -> None:
        """Show exactly these marks (a visit opened): in one batch, with the views' updates
        and the scene's item index off while adding. A dense view (over ``DENSE_MARKS``)
        draws its marks as one layer; only unsaved marks get items of their own."""
        views = [v for v in self.views() if v.updatesEnabled()]
        index = self.itemIndexMethod()
        for v in views:
            v.setUpdatesEnabled(False)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        try:
            for item in self.mark_items.values():
                self.removeItem(item)
            self.mark_items.clear()
            self._marks = {m.key: m for m in marks if m.view == self.view}
            # a visit's marks sit on a few places: each label made once
            labels: dict[tuple[str, str, float | None], str] = {}
            dense = self.dense
            self._layer.set_marks(
                {k: m for k, m in self._marks.items() if m.status != "unsaved"} if dense else {}
            )
            self._layer.setVisible(dense)
            for mark in self._marks.values():
                if dense and mark.status != "unsaved":
                    continue
                at = mark.x if mark.side == "midline" else None  # a sided midline place
                label = labels.get((mark.region, mark.side, at))
                if label is None:
                    label = labels[(mark.region, mark.side, at)] = mark_place_label(mark)
                self._add_item(mark, label)
            self.spread_marks()
        finally:
            self.setItemIndexMethod(index)
            for v in views:
                v.setUpdatesEnabled(True)

    @property
    def dense(self) -> bool:
        """Too many marks on this view to read one by one (see ``DENSE_MARKS``)."""
        return len(self._marks) > DENSE_MARKS

    def has_mark(self, key: str) -> bool:
        """True if ``key`` is a mark of this view (drawn as an item or in the dense layer)."""
        return key in self._marks

    def mark_count(self) -> int:
        return len(self._marks)

    def layer_keys(self) -> list[str]:
        """The marks the dense layer draws (the others have items of their own)."""
        return self._layer.keys()

    def _add_item(self, mark: MarkState, label: str | None = None) -> PainMarkItem:
        item = PainMarkItem(mark, self.colors, label)
        item.set_hit_radius(self._hit_radius)
        self.addItem(item)
        self.mark_items[mark.key] = item
        return item

    def raise_mark(self, key: str) -> PainMarkItem | None:
        """The item of mark ``key``, made (and taken out of the dense layer) if need be."""
        item = self.mark_items.get(key)
        mark = self._marks.get(key)
        if item is None and mark is not None:
            self._layer.drop(key)
            item = self._add_item(mark)
        return item

    def _lower(self, key: str) -> None:
        """Back into the dense layer: a saved mark that is not selected needs no item."""
        item = self.mark_items.get(key)
        mark = self._marks.get(key)
        if item is None or mark is None or item.isSelected() or mark.status == "unsaved":
            return
        del self.mark_items[key]
        self.removeItem(item)
        self._layer.put(mark)

    def mark_under(self, point: QPointF) -> PainMarkItem | None:
        """The dense layer's mark at the scene ``point``, raised to an item (None: none)."""
        key = self._layer.key_at(point, self._view_scale or None)
        return None if key is None else self.raise_mark(key)

    def show_selection(self, keys: set[str]) -> None:
        """Draw ``keys`` (of any view) as selected: raised and marked; the rest not."""
        for key in keys & self._marks.keys():
            self.raise_mark(key)
        for key, item in list(self.mark_items.items()):
            if item.isSelected() != (key in keys):
                item.setSelected(key in keys)
            if self.dense and key not in keys:
                self._lower(key)

    def _set_detail(self) -> None:
        """Level of detail after the count crossed ``DENSE_MARKS``: one layer, or items."""
        if self.dense:
            self._layer.setVisible(True)
            for key in list(self.mark_items):
                self._lower(key)
        else:
            for key in list(self._layer.keys()):
                self.raise_mark(key)
            self._layer.setVisible(False)

    def put_mark(self, mark: MarkState) -> None:
        """Add or update ``mark`` (removed if it is on another view)."""
        if mark.view != self.view:
            self.drop_mark(mark.key)
            return
        before = self._marks.get(mark.key)
        new = before is None
        self._marks[mark.key] = mark
        item = self.mark_items.get(mark.key)
        if item is not None:
            item.update_mark(mark)
        elif self.dense and mark.status != "unsaved":
            self._layer.put(mark)
        else:
            self._add_item(mark)
        if new and len(self._marks) == DENSE_MARKS + 1:
            self._set_detail()
        elif self.dense:
            self._lower(mark.key)  # saved again and not selected: back into the layer
        if before is None or (before.x, before.y) != (mark.x, mark.y):
            self.spread_marks()  # a save answer or a new score moves no badge (issue 18)

    def drop_mark(self, key: str) -> None:
        if self._marks.pop(key, None) is None:
            return
        item = self.mark_items.pop(key, None)
        if item is not None:
            self.removeItem(item)
        self._layer.drop(key)
        if len(self._marks) == DENSE_MARKS:
            self._set_detail()
        self.spread_marks()

    def set_view_scale(self, scale: float) -> None:
        """The view's zoom (screen pixels per scene unit): badges are spread for it."""
        if scale > 0 and abs(scale - self._view_scale) > 1e-9:
            self._view_scale = scale
            self._layer.set_scale(scale)
            self.spread_marks()

    def spread_marks(self) -> None:
        """Move apart the badges of marks that would cover each other at the view's zoom."""
        scale = self._view_scale
        if scale <= 0:
            return
        if self.dense:  # hundreds of badges on circles read as nothing: plain symbols
            for item in self.mark_items.values():
                item.set_offset(QPointF(0, 0))
            return
        points = {
            key: (item.pos().x() * scale, item.pos().y() * scale)
            for key, item in self.mark_items.items()
        }
        spacing = max(2 * self._hit_radius, 2 * MARK_RADIUS * 1.45) + 2
        offsets = spread_offsets(points, max(CLOSE_PX, spacing), spacing)
        for key, (dx, dy) in offsets.items():
            self.mark_items[key].set_offset(QPointF(dx, dy))

    def selected_mark_keys(self) -> list[str]:
        return [i.key for i in self.selectedItems() if isinstance(i, PainMarkItem)]
