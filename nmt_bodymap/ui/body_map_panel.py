"""The body map: anterior and posterior views side by side, the internal sites beside them,
the marking tools and legend.

Translates gestures into undo commands (add, move, remove, change marks) and
keeps the two scenes and the internal-site strip in step with :class:`VisitMarks`.
Region look-ups go through the core atlas; the panel never writes to the database itself.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.atlas import Atlas
from nmt_bodymap.core.vocabulary import INTERNAL_VIEW
from nmt_bodymap.ui.body_scene import BodyScene
from nmt_bodymap.ui.body_view import BodyView
from nmt_bodymap.ui.commands import (
    AddPainMark,
    ChangeMarkDetails,
    MovePainMark,
    RemovePainMarks,
)
from nmt_bodymap.ui.highlight import Highlight
from nmt_bodymap.ui.internal_sites import InternalSitesPanel
from nmt_bodymap.ui.legend import MapLegend
from nmt_bodymap.ui.marks import QUALITIES
from nmt_bodymap.ui.palette import MAX_INTENSITY, MapColors
from nmt_bodymap.ui.visit_marks import VisitMarks

VIEW_TITLES = {
    "anterior": "Front (client's right on your left)",
    "posterior": "Back (client's right on your right)",
}


class BodyMapPanel(QWidget):
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
        self._selecting = False  # True while the panel itself changes the scenes' selection

        self.intensity_box = QSpinBox()
        self.intensity_box.setRange(0, MAX_INTENSITY)
        self.intensity_box.setValue(5)
        self.intensity_box.setSuffix(" / 10")
        self.intensity_box.setToolTip("Intensity of the next mark (keys 0-9, + and -)")
        self.intensity_box.setMinimumHeight(32)
        self.quality_box = QComboBox()
        self.quality_box.addItems(list(QUALITIES))
        self.quality_box.setToolTip("Quality of the next mark (Q cycles)")
        self.quality_box.setMinimumHeight(32)
        self.intensity_box.valueChanged.connect(self._apply_intensity_to_selection)
        self.quality_box.currentTextChanged.connect(self._apply_quality_to_selection)

        tools = QHBoxLayout()
        tools.addWidget(QLabel("Intensity"))
        tools.addWidget(self.intensity_box)
        tools.addSpacing(12)
        tools.addWidget(QLabel("Quality"))
        tools.addWidget(self.quality_box)
        tools.addStretch(1)
        self._mode_buttons = QButtonGroup(self)
        for mode, text in (("both", "Both"), ("anterior", "Front"), ("posterior", "Back")):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setMinimumSize(56, 32)
            button.setObjectName(f"mode-{mode}")
            button.clicked.connect(self._mode_setter(mode))
            self._mode_buttons.addButton(button)
            tools.addWidget(button)
            if mode == "both":
                button.setChecked(True)
        tools.addSpacing(12)
        self.inside_button = QToolButton()
        self.inside_button.setText("Inside the body")
        self.inside_button.setObjectName("toggle-inside")
        self.inside_button.setCheckable(True)
        self.inside_button.setMinimumHeight(32)
        self.inside_button.setToolTip(
            "Pain the drawings cannot show: teeth, ear, eye, sinus, throat, pelvis (Ctrl+4)"
        )
        self.inside_button.toggled.connect(self.show_internal_sites)
        tools.addWidget(self.inside_button)

        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        for view_name in ("anterior", "posterior"):
            scene = BodyScene(view_name, atlas, colors)
            view = BodyView(scene, VIEW_TITLES[view_name])
            view.point_clicked.connect(self._on_point_clicked)
            view.hovered.connect(self._on_hovered)
            scene.mark_dragged.connect(self._on_mark_dragged)
            scene.selectionChanged.connect(self._scene_selection_changed(scene))
            scene.pin_clicked.connect(self.pin_clicked)
            self.scenes[view_name] = scene
            self.views[view_name] = view
            self._splitter.addWidget(view)

        self.internal_sites = InternalSitesPanel(colors)
        self.internal_sites.site_clicked.connect(self._on_site_clicked)
        self.internal_sites.selection_changed.connect(self._emit_selection)
        beside = QScrollArea()  # the strip scrolls rather than squeeze on a short screen
        beside.setWidget(self.internal_sites)
        beside.setWidgetResizable(True)
        beside.setFrameShape(QFrame.Shape.NoFrame)
        beside.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        beside.setFixedWidth(self.internal_sites.width() + 14)
        # Folded away until asked for (or a visit has marks inside): the figures get the room.
        beside.hide()
        self._beside = beside

        self.legend = MapLegend(colors)
        middle = QHBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self._splitter, 1)
        middle.addWidget(beside)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addLayout(middle, 1)
        layout.addWidget(self.legend)

        marks.marks_reset.connect(self._reload_marks)
        marks.mark_added.connect(self._put_mark)
        marks.mark_changed.connect(self._put_mark)
        marks.mark_removed.connect(self._drop_mark)

    # -- the tools -------------------------------------------------------------------------
    @property
    def intensity(self) -> int:
        return self.intensity_box.value()

    @property
    def quality(self) -> str:
        return self.quality_box.currentText()

    def set_intensity(self, value: int) -> None:
        self.intensity_box.setValue(max(0, min(MAX_INTENSITY, value)))

    def step_intensity(self, delta: int) -> None:
        self.set_intensity(self.intensity + delta)

    def cycle_quality(self) -> None:
        self.quality_box.setCurrentIndex(
            (self.quality_box.currentIndex() + 1) % self.quality_box.count()
        )

    def _mode_setter(self, mode: str) -> Callable[[], None]:
        def choose() -> None:
            self.set_layout_mode(mode)

        return choose

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

    # -- marks -----------------------------------------------------------------------------
    def selected_mark_keys(self) -> list[str]:
        on_figure = [k for scene in self.scenes.values() for k in scene.selected_mark_keys()]
        return on_figure + self.internal_sites.selected_mark_keys()

    def select_all_marks(self) -> None:
        self._selecting = True
        try:
            for scene in self.scenes.values():
                for item in scene.mark_items.values():
                    item.setSelected(True)
        finally:
            self._selecting = False
        self.internal_sites.select_all()

    def _clear_figure_selection(self) -> None:
        self._selecting = True
        try:
            for scene in self.scenes.values():
                scene.clearSelection()
        finally:
            self._selecting = False

    def _scene_selection_changed(self, scene: BodyScene) -> Callable[[], None]:
        def changed() -> None:
            if not all(shiboken6.isValid(s) for s in self.scenes.values()):
                return  # the window is being destroyed: its scenes clear their selection
            # A mark picked on the figure replaces a picked internal site (as a plain click
            # on another mark does), unless the panel itself is selecting several.
            if not self._selecting and scene.selected_mark_keys():
                self.internal_sites.blockSignals(True)
                self.internal_sites.clear_selection()
                self.internal_sites.blockSignals(False)
            self._emit_selection()

        return changed

    def _on_site_clicked(self, region: str, side: str, additive: bool) -> None:
        """A click on an internal site: mark it, or select it if it is already marked."""
        if self.marks.visit_id is None:
            self.status_message.emit("Open a visit (or start a new one) before marking pain")
            return
        if self.internal_sites.marks_at(region, side):
            if not additive:
                self._clear_figure_selection()
            self.internal_sites.select_site(region, side, additive)
            return
        self.undo_stack.push(
            AddPainMark(
                self.marks,
                INTERNAL_VIEW,
                None,  # internal sites have no point on a drawing
                None,
                region,
                side,  # type: ignore[arg-type]
                self.intensity,
                self.quality,
            )
        )

    def remove_selected(self) -> bool:
        keys = self.selected_mark_keys()
        if not keys:
            self.status_message.emit("Select a mark first (click it), then press Delete")
            return False
        self.undo_stack.push(RemovePainMarks(self.marks, keys))
        return True

    def _on_point_clicked(self, view: str, point: QPointF) -> None:
        if self.marks.visit_id is None:
            self.status_message.emit("Open a visit (or start a new one) before marking pain")
            return
        self.internal_sites.clear_selection()
        region = self.atlas.region_at(view, point.x(), point.y())
        if region is None:
            self.status_message.emit("That point is outside the figure: no mark added")
            return
        self.undo_stack.push(
            AddPainMark(
                self.marks,
                view,
                point.x(),
                point.y(),
                region.region,
                region.side,
                self.intensity,
                self.quality,
            )
        )

    def _on_mark_dragged(self, key: str, start: QPointF, end: QPointF) -> None:
        before = self.marks.get(key)
        if before is None:
            return
        region = self.atlas.region_at(before.view, end.x(), end.y())
        if region is None:
            self.scenes[before.view].mark_items[key].setPos(start)
            self.status_message.emit("A mark must stay on the figure: moved back")
            return
        after = before.moved(end.x(), end.y(), region.region, region.side)
        self.undo_stack.push(MovePainMark(self.marks, before, after))

    def _apply_intensity_to_selection(self, value: int) -> None:
        selected = [m for k in self.selected_mark_keys() if (m := self.marks.get(k))]
        selected = [m for m in selected if m.intensity != value]
        if selected:
            self.undo_stack.push(ChangeMarkDetails(self.marks, selected, value, None))

    def _apply_quality_to_selection(self, quality: str) -> None:
        selected = [m for k in self.selected_mark_keys() if (m := self.marks.get(k))]
        selected = [m for m in selected if m.quality != quality]
        if selected:
            self.undo_stack.push(ChangeMarkDetails(self.marks, selected, None, quality))

    def show_internal_sites(self, shown: bool) -> None:
        """Unfold (or fold away) the strip of sites inside the body beside the views."""
        self._beside.setVisible(shown)
        if self.inside_button.isChecked() != shown:
            self.inside_button.setChecked(shown)

    def _reload_marks(self) -> None:
        marks = self.marks.marks()
        for scene in self.scenes.values():
            scene.set_marks(marks)
        self.internal_sites.set_marks(marks)
        if any(m.view == INTERNAL_VIEW for m in marks):
            self.show_internal_sites(True)  # never hide a charted mark
        self._emit_selection()

    def _put_mark(self, key: str) -> None:
        mark = self.marks.get(key)
        if mark is None:
            return
        if mark.view == INTERNAL_VIEW:
            self.internal_sites.set_marks(self.marks.marks())
            return
        for scene in self.scenes.values():
            scene.put_mark(mark)

    def _drop_mark(self, key: str) -> None:
        for scene in self.scenes.values():
            scene.drop_mark(key)
        self.internal_sites.set_marks(self.marks.marks())
        self._emit_selection()

    def _emit_selection(self) -> None:
        keys = self.selected_mark_keys()
        if len(keys) == 1 and (mark := self.marks.get(keys[0])) is not None:
            # Show the selected mark's values in the pickers without re-applying them.
            for box, value in ((self.intensity_box, mark.intensity),):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)
            self.quality_box.blockSignals(True)
            self.quality_box.setCurrentText(mark.quality)
            self.quality_box.blockSignals(False)
        self.selection_changed.emit(keys)

    def _on_hovered(self, label: str) -> None:
        if label:
            self.status_message.emit(label)

    # -- highlight of a candidate ----------------------------------------------------------
    def show_highlight(self, highlight: Highlight | None) -> None:
        """Light up a candidate muscle on both views (None clears)."""
        self._highlight = highlight
        for scene in self.scenes.values():
            scene.clear_highlight()
        self.internal_sites.show_zones(highlight.zones if highlight is not None else {})
        if highlight is None:
            return
        for scene in self.scenes.values():
            for key, kind in highlight.zones.items():
                scene.highlight_zone(key, kind)
            for side in highlight.sides:
                scene.highlight_muscle(highlight.muscle_id, side, highlight.deep)
        for tp in highlight.candidate.trigger_points:
            if tp.point is not None and tp.view in self.scenes:
                self.scenes[tp.view].add_pin(
                    highlight.muscle_id, tp.side, tp.id, tp.label, tp.point
                )

    @property
    def highlight(self) -> Highlight | None:
        return self._highlight

    def show_findings(self, findings: list[tuple[str, tuple[float, float], bool, str]]) -> None:
        """Draw recorded findings: (view, point, active, tooltip)."""
        for name, scene in self.scenes.items():
            scene.set_findings([(p, a, t) for v, p, a, t in findings if v == name])
