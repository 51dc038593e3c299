"""The body map: anterior and posterior views side by side, the internal sites beside them,
the marking tools and legend.

Translates gestures into undo commands (add, move, remove, change marks) and
keeps the two scenes and the internal-site strip in step with :class:`VisitMarks`.
Region look-ups go through the core atlas; the panel never writes to the database itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.atlas import Atlas, mark_side
from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW
from nmt_bodymap.settings import load_settings
from nmt_bodymap.ui.chart.commands import push_operations
from nmt_bodymap.ui.chart.marks import QUALITIES, MarkState, saved_note
from nmt_bodymap.ui.chart.visit_marks import VisitMarks
from nmt_bodymap.ui.i18n import tr, tr_noop
from nmt_bodymap.ui.map.body_scene import BodyScene
from nmt_bodymap.ui.map.body_view import BodyView, land_scene_changes
from nmt_bodymap.ui.map.highlight import Highlight
from nmt_bodymap.ui.map.labels import mark_place_label, place_label
from nmt_bodymap.ui.map.legend import MapLegend
from nmt_bodymap.ui.map.map_tools import build_tools, chosen_quality, show_quality
from nmt_bodymap.ui.map.palette import MAX_INTENSITY, MapColors
from nmt_bodymap.ui.map.panel_parts import highlight_look, paint_highlight
from nmt_bodymap.ui.map.panel_sites import PanelSites
from nmt_bodymap.ui.map.selection import MarkSelection

VIEW_TITLES = {
    "anterior": tr_noop("Front (client's right on your left)"),
    "posterior": tr_noop("Back (client's right on your right)"),
}


class BodyMapPanel(PanelSites, QWidget):
    """Both body views with intensity/quality pickers; emits selection and status notes."""

    selection_changed = Signal(list)  # keys of the selected marks
    status_message = Signal(str)
    pin_clicked = Signal(str, str, str)  # muscle id, side, trigger point id

    def __init__(
        self,
        atlas: Atlas,
        marks: VisitMarks,
        undo_stack: QUndoStack,
        colors: MapColors,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.marks = marks
        self.undo_stack = undo_stack
        self.colors = colors
        self.scenes: dict[str, BodyScene] = {}
        self.views: dict[str, BodyView] = {}
        self._highlight: Highlight | None = None
        self._look: tuple[object, ...] | None = None  # what the map draws of it
        self._syncing = False  # True while the panel draws the selection model on the views
        self.selection = MarkSelection(self)
        self.selection.changed.connect(self._on_selection)
        settings = load_settings()
        self._next_intensity = settings.default_intensity  # the next mark's values
        self._next_quality = settings.default_quality

        made = build_tools(self, self._next_intensity, self._next_quality)
        tools = made.row
        self.intensity_box = made.intensity_box
        self.quality_box = made.quality_box
        self.inside_button = made.inside_button
        self._mode_buttons = made.mode_buttons
        self.intensity_box.valueChanged.connect(self.set_intensity)
        self.quality_box.currentIndexChanged.connect(
            lambda _i: self.set_quality(chosen_quality(self.quality_box))
        )
        self.inside_button.toggled.connect(self.show_internal_sites)

        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        for view_name in ("anterior", "posterior"):
            scene = BodyScene(view_name, atlas, colors)
            view = BodyView(scene, tr(VIEW_TITLES[view_name]))
            view.point_clicked.connect(self._on_point_clicked)
            view.hovered.connect(self._on_hovered)
            scene.mark_dragged.connect(self._on_mark_dragged)
            scene.selectionChanged.connect(self._scene_selection_changed(scene))
            scene.pin_clicked.connect(self.pin_clicked)
            view.mark_menu_requested.connect(self._show_mark_menu)  # right click, long press
            self.scenes[view_name] = scene
            self.views[view_name] = view
            self._splitter.addWidget(view)

        self._sites = None  # the strip and the captions: ui/map/panel_sites (issue 18)
        self._captions = False
        self.legend = MapLegend(colors)
        self._beside_row = middle = QHBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self._splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addLayout(middle, 1)
        layout.addWidget(self.legend)

        marks.marks_reset.connect(self._reload_marks)
        marks.mark_added.connect(self._put_mark)
        marks.mark_changed.connect(self._put_mark)
        marks.mark_removed.connect(self._drop_mark)

    def set_layout_mode(self, mode: str) -> None:
        """Show both views, or only the front or only the back."""
        for name, view in self.views.items():
            view.setVisible(mode == "both" or mode == name)
        for button in self._mode_buttons.buttons():
            button.setChecked(button.objectName() == f"mode-{mode}")
        self.fit()

    def zoom_in(self) -> None:
        for view in self._visible_views():
            view.zoom_in()

    def zoom_out(self) -> None:
        for view in self._visible_views():
            view.zoom_out()

    def fit(self) -> None:
        for view in self._visible_views():
            view.fit()

    def _visible_views(self) -> list[BodyView]:
        return [v for v in self.views.values() if v.isVisible()] or list(self.views.values())

    # -- the selection (one model for both views and the internal sites) ----------------
    def selected_mark_keys(self) -> list[str]:
        return self.selection.selected_keys()

    def select_all_marks(self) -> None:
        self.selection.set(m.key for m in self.marks.marks())

    def clear_selection(self) -> None:
        self.selection.clear()

    def _scene_selection_changed(self, scene: BodyScene) -> Callable[[], None]:
        def changed() -> None:
            if self._syncing or not all(shiboken6.isValid(s) for s in self.scenes.values()):
                return  # the panel draws the model, or the window is being destroyed
            picked = scene.selected_mark_keys()
            elsewhere = [k for k in self.selection.selected_keys() if k not in scene.mark_items]
            additive = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
            # A plain click on a mark replaces the whole selection, on both views.
            self.selection.set(elsewhere + picked if additive or not picked else picked)

        return changed

    def _on_selection(self, keys: list[str]) -> None:
        """Draw the selection on both views and the strip, show its values in the tools."""
        chosen = set(keys)
        self._syncing = True
        try:
            for scene in self.scenes.values():
                scene.show_selection(chosen)
            if (sites := self.built_sites()) is not None:
                sites.show_selection(chosen)
        finally:
            self._syncing = False
        self._show_values()
        self.selection_changed.emit(keys)

    # -- gestures on the map -------------------------------------------------------------
    def _place_mark(
        self, view: str, x: float | None, y: float | None, region: str, side: Side
    ) -> None:
        """A new mark with the next mark's values; it becomes the one selected mark."""
        op = self.marks.add_op(view, x, y, region, side, self._next_intensity, self._next_quality)
        where = place_label(region, mark_side(view, region, side, x))  # "Left sternum"
        place = tr("{place}, {quality} {intensity}/10").format(
            place=where,
            quality=tr(self._next_quality),
            intensity=self._next_intensity,
        )
        note = tr("Saved: {marks}").format(marks=place)
        if self._push([op], tr("Mark {place_label}").format(place_label=where), note):
            self.selection.set([op.row], picked=False)

    def _push(self, ops: list[Any], text: str, note: str = "") -> bool:
        """One undoable gesture; False (and a plain message) if the chart refused it."""
        command = push_operations(self.undo_stack, self.marks.visit, ops, text, note)
        if command is None:
            self.status_message.emit(tr("That change does not fit the chart: nothing was changed"))
        return command is not None

    def _on_site_clicked(self, region: str, side: str, additive: bool) -> None:
        """A click on an internal site: mark it, or select it if it is already marked."""
        if self.marks.visit_id is None:
            self.status_message.emit(tr("Open a visit (or start a new one) before marking pain"))
            return
        keys = [m.key for m in self.internal_sites.marks_at(region, side)]
        if keys:
            if additive:
                self.selection.toggle(keys)
            else:
                self.selection.set(keys)
            return
        # Internal sites have no point on a drawing.
        self._place_mark(INTERNAL_VIEW, None, None, region, side)  # type: ignore[arg-type]

    def remove_selected(self) -> bool:
        keys = self.selected_mark_keys()
        if not keys:
            self.status_message.emit(tr("Select a mark first (click it), then press Delete"))
            return False
        what = "Remove mark" if len(keys) == 1 else f"Remove {len(keys)} marks"
        ops = [self.marks.delete_op(k) for k in keys]
        self._push(ops, what, "Removed " + ", ".join(self._labels(keys)))
        return True

    def _labels(self, keys: list[str]) -> list[str]:
        return [mark_place_label(m) for k in keys if (m := self.marks.get(k))]

    def _on_point_clicked(self, view: str, point: QPointF) -> None:
        if self.marks.visit_id is None:
            self.status_message.emit(tr("Open a visit (or start a new one) before marking pain"))
            return
        self.selection.clear()
        region = self.atlas.region_at(view, point.x(), point.y())
        if region is None:
            self.status_message.emit(tr("That point is outside the figure: no mark added"))
            return
        self._place_mark(view, point.x(), point.y(), region.region, region.side)
        land_scene_changes(self.scenes.values())  # the mark and the list: one paint

    def _show_mark_menu(self, key: str, where: QPoint) -> None:
        from nmt_bodymap.ui.map.mark_menu import show_mark_menu

        show_mark_menu(self, key, where)

    def _on_mark_dragged(self, key: str, start: QPointF, end: QPointF) -> None:
        before = self.marks.get(key)
        if before is None:
            return
        region = self.atlas.region_at(before.view, end.x(), end.y())
        if region is None:
            self.scenes[before.view].mark_items[key].setPos(start)
            self.status_message.emit(tr("A mark must stay on the figure: moved back"))
            return
        where = place_label(region.region, region.side)
        op = self.marks.move_op(key, end.x(), end.y(), region.region, region.side)
        self._push(
            [op],
            tr("Move mark to {where}").format(where=where),
            tr("Moved the mark to {where}").format(where=where),
        )

    # -- the tools: they show the selected mark's values, or the next mark's ---------------
    @property
    def intensity(self) -> int:
        return self.intensity_box.value()

    @property
    def quality(self) -> str:
        return chosen_quality(self.quality_box)

    def _selected_marks(self) -> list[MarkState]:
        return [m for k in self.selection.selected_keys() if (m := self.marks.get(k)) is not None]

    def set_intensity(self, value: int) -> None:
        """A digit: the selected marks take it; with none selected, the next mark will."""
        value = max(0, min(MAX_INTENSITY, value))
        text = tr("Set intensity {value}").format(value=value)
        self._set_value("intensity", value, text, lambda stale: saved_note(stale, value, None))

    def set_quality(self, quality: str) -> None:
        if quality in QUALITIES:
            text = tr("Set quality {quality}").format(quality=quality)
            self._set_value("quality", quality, text, lambda s: saved_note(s, None, quality))

    def _set_value(
        self, name: str, value: Any, text: str, note: Callable[[list[MarkState]], str]
    ) -> None:
        """The selected marks whose ``name`` differs take ``value`` in one undoable change;
        with none selected, the next mark will have it."""
        if self.selection.selected_keys():
            stale = [m for m in self._selected_marks() if getattr(m, name) != value]
            if stale:
                ops = [self.marks.change_op(m.key, **{name: value}) for m in stale]
                self._push(ops, text, note(stale))
        else:
            setattr(self, f"_next_{name}", value)
        self._show_values()

    def step_intensity(self, delta: int) -> None:
        self.set_intensity(self.intensity + delta)

    def cycle_quality(self) -> None:
        index = QUALITIES.index(self.quality) if self.quality in QUALITIES else -1
        self.set_quality(QUALITIES[(index + 1) % len(QUALITIES)])

    def _show_values(self) -> None:
        """The last selected mark's values, or the next mark's when none is selected."""
        marks = self._selected_marks()
        intensity, quality = (
            (marks[-1].intensity, marks[-1].quality)
            if marks
            else (self._next_intensity, self._next_quality)
        )
        # Only a value that changed is set: a spin box set to its own value repaints (a
        # click selects the new mark, whose values are the next mark's: nothing to show).
        if self.intensity_box.value() != intensity:
            self.intensity_box.blockSignals(True)
            self.intensity_box.setValue(intensity)
            self.intensity_box.blockSignals(False)
        if chosen_quality(self.quality_box) != quality:
            self.quality_box.blockSignals(True)
            show_quality(self.quality_box, quality)
            self.quality_box.blockSignals(False)

    def _set_inside_button(self, shown: bool) -> None:
        if self.inside_button.isChecked() != shown:
            self.inside_button.setChecked(shown)

    # -- following the marks model ---------------------------------------------------------
    def _reload_marks(self) -> None:
        marks = self.marks.marks()
        self._syncing = True
        try:
            for scene in self.scenes.values():
                scene.set_marks(marks)
            if (sites := self.built_sites()) is not None:
                sites.set_marks(marks)
        finally:
            self._syncing = False
        if any(m.view == INTERNAL_VIEW for m in marks):
            self.show_internal_sites(True)  # never hide a charted mark
        self.selection.clear()
        self._show_values()

    def _put_mark(self, key: str) -> None:
        mark = self.marks.get(key)
        if mark is None:
            return
        if mark.view == INTERNAL_VIEW:
            if (sites := self.built_sites()) is not None:  # else it shows it once built
                sites.set_marks(self.marks.marks())
                sites.show_selection(self.selection.selected_keys())
        elif mark.view in self.scenes:  # a mark never changes view: only its scene is touched
            self.scenes[mark.view].put_mark(mark)
        if key in self.selection:
            self._show_values()  # e.g. after an undo: the tools never show a stale value

    def _drop_mark(self, key: str) -> None:
        self._syncing = True
        try:
            for scene in self.scenes.values():
                if scene.has_mark(key):
                    scene.drop_mark(key)
            if (sites := self.built_sites()) is not None and sites.holds(key):
                sites.set_marks(self.marks.marks())
        finally:
            self._syncing = False
        self.selection.discard(key)

    def _on_hovered(self, label: str) -> None:
        if label:
            self.status_message.emit(label)

    # -- highlight of a candidate ----------------------------------------------------------
    def show_highlight(self, highlight: Highlight | None) -> None:
        """Light up a candidate muscle on both views (None clears)."""
        self._highlight = highlight
        if (look := highlight_look(highlight)) == self._look:
            return  # drawn already (the candidate lit by the click, then chosen)
        self._look = look
        paint_highlight(self.scenes, self.built_sites(), highlight)
        land_scene_changes(self.scenes.values())  # both views lit in one window paint

    @property
    def highlight(self) -> Highlight | None:
        return self._highlight

    def show_findings(self, findings: list[tuple[str, tuple[float, float], bool, str]]) -> None:
        """Draw recorded findings: (view, point, active, tooltip)."""
        for name, scene in self.scenes.items():
            scene.set_findings([(p, a, t) for v, p, a, t in findings if v == name])
