"""Education mode (F11): show the client, full screen, where a muscle is and where it hurts.

The screen faces the client, so it holds **no private data**: no name, no notes, no
visit text. It is built only from muscle ids and the shared knowledge base and atlas;
the caller passes candidate muscle ids (from the current visit), never the visit itself.
For the chosen muscle the body drawing fades in, in order, the muscle, its trigger points
and its referral zone (essential solid, spillover hatched), with the plain-language
explanation underneath in large type. Left/Right (or Previous/Next) step through the
list; Esc leaves. It opens on the muscle the therapist has selected (``selected``), draws
in the charting view's colours (:class:`~nmt_bodymap.ui.map.palette.MapColors`) and always shows
the whole figure, head to feet.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEasingCurve,
    QPointF,
    QPropertyAnimation,
    QSequentialAnimationGroup,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QPainter, QShortcut
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.atlas import Atlas, load_atlas
from nmt_bodymap.core.knowledge import KnowledgeBase, load_knowledge
from nmt_bodymap.core.knowledge_schema import MuscleDef
from nmt_bodymap.core.sides import Side
from nmt_bodymap.resources import asset_path
from nmt_bodymap.ui.education.education_drawing import (
    ESSENTIAL,
    MUSCLE_EDGE,
    SPILLOVER,
    TRIGGER_POINT,
    draw_muscle,
    draw_zone,
)
from nmt_bodymap.ui.education.education_parts import (
    LibraryPanel,
    RevealLayer,
    internal_places,
    muscle_library,
    views_needed,
    zone_places,
)
from nmt_bodymap.ui.education.take_home import TakeHomeSheet, load_take_home, visit_source
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.captions import caption_items
from nmt_bodymap.ui.map.geometry import path_from_geometry
from nmt_bodymap.ui.map.labels import (
    knowledge_text,
    muscle_label,
)

SHOWN_SIDE: Side = "right"  # one side is enough to teach the pattern
VIEW_GAP = 80.0
REVEAL_MS = 450
FIT_MARGIN = 20.0


class EducationWindow(QWidget):
    """Full-screen teaching view for one muscle at a time."""

    def __init__(
        self,
        muscle_ids: Sequence[str] = (),
        knowledge: KnowledgeBase | None = None,
        atlas: Atlas | None = None,
        parent: QWidget | None = None,
        selected: str | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("NMT Body Map — education"))
        self.setObjectName("education-window")
        self.setStyleSheet("#education-window { background: white; }")
        self.knowledge = knowledge or load_knowledge()
        self.atlas = atlas or load_atlas()
        self.muscle_ids = [m for m in muscle_ids if m in self.knowledge]
        self.current: MuscleDef | None = None
        self.layers: list[RevealLayer] = []
        self.animation = QSequentialAnimationGroup(self)

        self.scene = QGraphicsScene(self)
        self.scene.setBackgroundBrush(QColor("white"))
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.view.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.title = QLabel("")
        self.title.setObjectName("education-title")
        self.title.setStyleSheet("font-size: 34px; font-weight: 700; color: #222;")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel("")
        self.caption.setObjectName("education-caption")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet("font-size: 26px; color: #222; padding: 8px 40px;")
        self.legend = QLabel(
            tr(
                "<span style='color:{muscle_edge}'>■</span> muscle &nbsp;&nbsp; <span "
                "style='color:{trigger_point}'>●</span> trigger point "
                "&nbsp;&nbsp;<span style='color:{essential}'>■</span> where it is "
                "usually felt &nbsp;&nbsp;<span style='color:{spillover}'>▨</span> "
                "where some people also feel it"
            ).format(
                muscle_edge=MUSCLE_EDGE.name(),
                trigger_point=TRIGGER_POINT.name(),
                essential=ESSENTIAL.name(),
                spillover=SPILLOVER.name(),
            )
        )
        self.legend.setStyleSheet("font-size: 18px; color: #444;")
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.previous_button = QPushButton(tr("◀  Previous"))
        self.next_button = QPushButton(tr("Next  ▶"))
        self.close_button = QPushButton(tr("Leave (Esc)"))
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setStyleSheet("font-size: 18px; padding: 8px 18px;")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.close)
        self.take_home_button = QPushButton(tr("Take-home sheet"))
        self.take_home_button.setStyleSheet("font-size: 18px; padding: 8px 18px;")
        self.take_home_button.setToolTip(tr("The open visit's after-care sheet, to print"))
        self.take_home_button.clicked.connect(self.show_take_home)
        self.take_home_button.setEnabled(visit_source(parent)[1] is not None)
        self.take_home: TakeHomeSheet | None = None

        self.library = self._library_panel()
        centre = QVBoxLayout()
        centre.addWidget(self.title)
        centre.addWidget(self.view, 1)
        centre.addWidget(self.legend)
        centre.addWidget(self.caption)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.take_home_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        centre.addLayout(buttons)
        self.teaching = QWidget()
        layout = QHBoxLayout(self.teaching)
        layout.addWidget(self.library)
        layout.addLayout(centre, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.teaching)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.leave)
        QShortcut(QKeySequence(Qt.Key.Key_Right), self, lambda: self.step(1))
        QShortcut(QKeySequence(Qt.Key.Key_Left), self, lambda: self.step(-1))
        self._renderers = {
            view: QSvgRenderer(str(asset_path("body_svgs", f"{view}.svg")))
            for view in self.atlas.views()
        }
        known = selected if selected is not None and selected in self.knowledge else None
        if known is not None and known not in self.muscle_ids:
            self.muscle_ids.insert(0, known)
        self._fill_library()
        if known is not None:
            self.show_muscle(known)  # the muscle the therapist was looking at
        elif self.muscle_ids:
            self.show_muscle(self.muscle_ids[0])

    # -- the muscle library -----------------------------------------------------------------
    def _library_panel(self) -> QWidget:
        panel = LibraryPanel(self.knowledge)
        self.search_edit, self.muscle_list = panel.search_edit, panel.muscle_list
        self.region_combo, self.condition_combo = panel.region_combo, panel.condition_combo
        self.search_edit.textChanged.connect(self._fill_library)
        self.region_combo.currentIndexChanged.connect(self._fill_library)
        self.condition_combo.currentIndexChanged.connect(self._fill_library)
        self.muscle_list.itemActivated.connect(self._on_library_item)
        self.muscle_list.itemClicked.connect(self._on_library_item)
        return panel

    def _fill_library(self) -> None:
        """Candidates first (when no filter is set), then the filtered library."""
        self.muscle_list.clear()
        filtered = muscle_library(
            self.knowledge,
            self.search_edit.text(),
            self.region_combo.currentData() or "",
            self.condition_combo.currentData() or "",
        )
        unfiltered = len(filtered) == len(self.knowledge)
        ordered = (
            [self.knowledge.muscle(m) for m in self.muscle_ids]
            + [m for m in filtered if m.id not in self.muscle_ids]
            if unfiltered
            else filtered
        )
        for muscle in ordered:
            item = QListWidgetItem(muscle_label(muscle.id))
            item.setData(Qt.ItemDataRole.UserRole, muscle.id)
            if muscle.id in self.muscle_ids:
                item.setForeground(QColor("#b3261e"))
            self.muscle_list.addItem(item)

    def _on_library_item(self, item: QListWidgetItem) -> None:
        muscle_id = item.data(Qt.ItemDataRole.UserRole)
        if muscle_id not in self.muscle_ids:
            self.muscle_ids.append(muscle_id)
        self.show_muscle(muscle_id)

    # -- showing a muscle ---------------------------------------------------------------------
    def step(self, delta: int) -> None:
        if not self.muscle_ids:
            return
        index = self.muscle_ids.index(self.current.id) if self.current else -1
        self.show_muscle(self.muscle_ids[(index + delta) % len(self.muscle_ids)])

    def show_muscle(self, muscle_id: str) -> None:
        muscle = self.knowledge.muscle(muscle_id)
        self.current = muscle
        self.animation.stop()
        self.animation.clear()
        self.scene.clear()
        self.layers = []
        views = self._views_needed(muscle)
        offsets = {}
        x = 0.0
        for view in views:
            offsets[view] = x
            x += self.atlas.view_box(view)[2] + VIEW_GAP
        muscle_layer, points_layer, zone_layer = (RevealLayer() for _ in range(3))
        for view in views:
            self._draw_figure(view, offsets[view])
            self._draw_zone(muscle, view, offsets[view], zone_layer)
            self._draw_muscle(muscle, view, offsets[view], muscle_layer, points_layer)
        for z, layer in enumerate((zone_layer, muscle_layer, points_layer), start=2):
            layer.setOpacity(0.0)
            layer.setZValue(z)
            self.scene.addItem(layer)
            self.layers.append(layer)
        for layer in (muscle_layer, points_layer, zone_layer):  # the order of the story
            fade = QPropertyAnimation(layer, b"opacity", self)
            fade.setStartValue(0.0)
            fade.setEndValue(1.0)
            fade.setDuration(REVEAL_MS)
            fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
            self.animation.addAnimation(fade)
        self.title.setText(muscle_label(muscle.id))
        internal = internal_places(muscle)
        self.caption.setText(
            knowledge_text("muscle", muscle.id, "client_explanation")
            + (f"\nAlso felt: {', '.join(internal)}." if internal else "")
        )
        self.setWindowTitle(
            tr("NMT Body Map — education — {muscle_label}").format(
                muscle_label=muscle_label(muscle.id)
            )
        )
        self._select_in_library(muscle.id)
        self._fit()
        self.animation.start()

    def _views_needed(self, muscle: MuscleDef) -> list[str]:
        return views_needed(self.atlas, muscle)

    def _zone_places(self, muscle: MuscleDef) -> dict[tuple[str, str], str]:
        return zone_places(muscle)

    def _draw_figure(self, view: str, dx: float) -> None:
        renderer = self._renderers[view]
        if not renderer.elementExists("outline"):
            body = QGraphicsPathItem(path_from_geometry(self.atlas.outline(view)))
            body.setBrush(QBrush(QColor("#f3e3d3")))
            body.setPos(dx, 0)
            self.scene.addItem(body)
        for z, layer in enumerate(("outline", "landmarks")):
            if not renderer.elementExists(layer):
                continue
            drawing = QGraphicsSvgItem()
            drawing.setSharedRenderer(renderer)
            drawing.setElementId(layer)
            drawing.setPos(renderer.boundsOnElement(layer).topLeft() + QPointF(dx, 0))
            drawing.setZValue(z)
            self.scene.addItem(drawing)
        for caption in caption_items(view, dx):  # "Client's right"... translated
            self.scene.addItem(caption)

    def _draw_zone(self, muscle: MuscleDef, view: str, dx: float, layer: RevealLayer) -> None:
        draw_zone(self.atlas, self._zone_places(muscle), view, dx, layer)

    def _draw_muscle(
        self,
        muscle: MuscleDef,
        view: str,
        dx: float,
        muscle_layer: RevealLayer,
        points_layer: RevealLayer,
    ) -> None:
        draw_muscle(self.atlas, muscle, view, dx, muscle_layer, points_layer)

    def _select_in_library(self, muscle_id: str) -> None:
        for row in range(self.muscle_list.count()):
            item = self.muscle_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == muscle_id:
                self.muscle_list.blockSignals(True)
                self.muscle_list.setCurrentItem(item)
                self.muscle_list.blockSignals(False)
                return

    def _fit(self) -> None:
        """Show the whole figure, head to feet (the zone is read against the whole body)."""
        whole = self.scene.itemsBoundingRect().adjusted(
            -FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN
        )
        self.scene.setSceneRect(whole)
        self.view.fitInView(whole, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self._fit()

    # -- the take-home sheet (ui/education/take_home.py) --------------------------------------
    def show_take_home(self) -> None:
        """Read the open visit's handout on the store worker, then show it as a page."""
        store_call, visit_id = visit_source(self.parentWidget())
        if store_call is None or visit_id is None:
            return
        self.take_home_button.setEnabled(False)
        load_take_home(store_call, visit_id, self._put_take_home, self._take_home_failed)

    def _put_take_home(self, sheet: TakeHomeSheet) -> None:
        if self.take_home is not None:
            self.pages.removeWidget(self.take_home)
            self.take_home.deleteLater()
        self.take_home = sheet
        sheet.left.connect(lambda: self.pages.setCurrentWidget(self.teaching))
        self.pages.addWidget(sheet)
        self.pages.setCurrentWidget(sheet)
        self.take_home_button.setEnabled(True)
        self.setWindowTitle(tr("NMT Body Map — take-home sheet"))

    def _take_home_failed(self, line: str) -> None:
        self.take_home_button.setEnabled(True)
        self.caption.setText(line)

    def leave(self) -> None:
        """Esc: from the take-home sheet back to the muscles; from the muscles, close."""
        if self.pages.currentWidget() is not self.teaching:
            self.pages.setCurrentWidget(self.teaching)
        else:
            self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave()
            return
        super().keyPressEvent(event)
