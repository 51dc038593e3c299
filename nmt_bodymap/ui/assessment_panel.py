"""The Assessment tab: posture, gait, ischemia and nerve entrapment of the open visit.

Charting is picking, not typing: posture and gait observations are ticks (with the side
where it matters), ischemia is a region of the body map plus the signs found there, an
entrapment is a site from the list. Each pick is stored at once through the worker and
goes on the window's undo stack. Below, "Muscles to check" gathers the muscles the ticked
observations point at (Travell & Simons' perpetuating factors), most often named first.

``install_assessment(window)`` adds the tab to the main window and follows its visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.assessment import Assessment, Observation, load_assessment
from nmt_bodymap.core.knowledge import KnowledgeBase
from nmt_bodymap.core.vocabulary import RegionDef, surface_regions
from nmt_bodymap.ui.visit_observations import (
    AddObservation,
    ChangeObservation,
    RemoveObservation,
    VisitObservations,
)

NO_CHOICE = "—"
SIDE_CHOICES = (("Left", "left"), ("Right", "right"), ("Both", "both"))
SEVERITY_CHOICES = (("Mild", "mild"), ("Moderate", "moderate"), ("Marked", "marked"))
_ROLE = Qt.ItemDataRole.UserRole


def _side_words(side: str) -> str:
    return {"left": "left", "right": "right", "both": "both sides", "midline": "midline"}.get(
        side, side
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def place_text(region: str, side: str) -> str:
    """ "Right calf", "Calf (both sides)", "Sternum": a region of the map with its side."""
    entry = surface_regions().get(region)
    label = entry.label if entry else region.replace("_", " ")
    if side in ("left", "right"):
        return f"{_capital(side)} {label}"
    if side == "both":
        return f"{_capital(label)} (both sides)"
    return _capital(label)


def observation_text(assessment: Assessment, record: Any) -> str:
    """One line for a charted observation, as the therapist would write it."""
    text = assessment.label(record.kind, record.item)
    if record.kind == "ischemia":
        text += f" — {place_text(record.region, record.side)}"
    elif record.side:
        text += f" ({_side_words(record.side)})"
    if record.kind == "entrapment" and record.region:
        text += f", felt at the {surface_label(record.region)}"
    if record.severity:
        text += f", {record.severity}"
    if record.note:
        text += f": {record.note}"
    return text


KIND_TITLES = (
    ("posture", "Posture"),
    ("gait", "Gait"),
    ("ischemia", "Ischemia"),
    ("entrapment", "Entrapment"),
)


def assessment_lines(model: VisitObservations) -> list[str]:
    """The visit's assessment for its summary: one line per kind that has observations."""
    assessment = load_assessment()
    lines = []
    for kind, title in KIND_TITLES:
        texts = [observation_text(assessment, r) for r in model.of_kind(kind)]
        if texts:
            lines.append(f"{title}: " + "; ".join(texts))
    return lines


def surface_label(region: str) -> str:
    entry = surface_regions().get(region)
    return entry.label if entry else region.replace("_", " ")


def _combo(choices: tuple[tuple[str, str], ...], blank: bool = True) -> QComboBox:
    combo = QComboBox()
    if blank:
        combo.addItem(NO_CHOICE, "")
    for label, value in choices:
        combo.addItem(label, value)
    return combo


def _select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


@dataclass
class _Row:
    """One posture or gait observation in the tree, with its side and severity pickers."""

    kind: str
    observation: Observation
    item: QTreeWidgetItem
    side: QComboBox | None
    severity: QComboBox


class AssessmentPanel(QWidget):
    """Posture & gait ticks, ischemia and entrapment forms, and the muscles they point at."""

    status_message = Signal(str)
    error = Signal(str)

    def __init__(
        self,
        model: VisitObservations,
        undo_stack: QUndoStack,
        knowledge: KnowledgeBase,
        assessment: Assessment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
        self.knowledge = knowledge
        self.assessment = assessment or load_assessment()
        self._rows: dict[tuple[str, str], _Row] = {}
        self._syncing = False

        self.hint = QLabel("Tick what you see; each tick is saved at once (Ctrl+Z undoes).")
        self.hint.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("assessment-tabs")
        self.tabs.addTab(self._build_tree(), "Posture && &gait")
        self.tabs.addTab(self._build_ischemia(), "&Ischemia")
        self.tabs.addTab(self._build_entrapment(), "&Entrapment")

        self.muscles_list = QListWidget()
        self.muscles_list.setObjectName("assessment-muscles")
        self.muscles_list.setWordWrap(True)
        self.muscles_list.setAlternatingRowColors(True)
        muscles_box = QWidget()
        muscles_layout = QVBoxLayout(muscles_box)
        muscles_layout.setContentsMargins(0, 4, 0, 0)
        title = QLabel("<b>Muscles to check</b> (named by what is charted)")
        muscles_layout.addWidget(title)
        muscles_layout.addWidget(self.muscles_list, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(muscles_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)

        model.changed.connect(self.refresh)
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName("posture-gait-tree")
        tree.setColumnCount(3)
        tree.setHeaderLabels(["Observation", "Side", "Severity"])
        tree.setUniformRowHeights(True)
        tree.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        groups: list[tuple[str, str, tuple[Observation, ...]]] = [
            ("posture", area.label, area.observations) for area in self.assessment.posture
        ]
        groups.append(("gait", "Gait", self.assessment.gait))
        for kind, label, observations in groups:
            group = QTreeWidgetItem(tree, [label])
            group.setFirstColumnSpanned(False)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for observation in observations:
                self._add_row(tree, group, kind, observation)
            group.setExpanded(True)
        tree.itemChanged.connect(self._on_item_changed)
        self.tree = tree
        return tree

    def _add_row(
        self, tree: QTreeWidget, group: QTreeWidgetItem, kind: str, observation: Observation
    ) -> None:
        item = QTreeWidgetItem(group, [observation.label])
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(0, Qt.CheckState.Unchecked)
        item.setData(0, _ROLE, (kind, observation.id))
        item.setToolTip(0, self._observation_tip(observation))
        side = None
        if observation.sided:
            side = _combo(SIDE_CHOICES)
            side.setToolTip(f"Side: {observation.side_hint}")
            side.setAccessibleName(f"{observation.label} side")
            side.currentIndexChanged.connect(lambda _i, k=(kind, observation.id): self._side(k))
            tree.setItemWidget(item, 1, side)
        severity = _combo(SEVERITY_CHOICES)
        severity.setToolTip("How marked it is (optional)")
        severity.setAccessibleName(f"{observation.label} severity")
        severity.currentIndexChanged.connect(lambda _i, k=(kind, observation.id): self._severity(k))
        tree.setItemWidget(item, 2, severity)
        self._rows[(kind, observation.id)] = _Row(kind, observation, item, side, severity)

    def _observation_tip(self, observation: Observation) -> str:
        parts = [f"<b>{escape(observation.label)}</b>: {escape(observation.about)}"]
        if observation.sided:
            parts.append(f"Side: {escape(observation.side_hint)}.")
        if observation.muscles:
            parts.append("Check: " + escape(", ".join(self._names(observation.muscles))) + ".")
        if observation.caution:
            parts.append(f"<i>{escape(observation.caution)}</i>")
        return "<br>".join(parts)

    def _build_ischemia(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.ischemia_region = QComboBox()
        self.ischemia_region.setObjectName("ischemia-region")
        self.ischemia_region.setEditable(True)
        self.ischemia_region.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for name, entry in surface_regions().items():
            self.ischemia_region.addItem(_capital(entry.label), name)
        completer = QCompleter(self.ischemia_region.model(), self.ischemia_region)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.ischemia_region.setCompleter(completer)
        self.ischemia_region.currentIndexChanged.connect(self._region_changed)
        self.ischemia_side = QComboBox()
        self.ischemia_side.setObjectName("ischemia-side")
        self.ischemia_signs = QListWidget()
        self.ischemia_signs.setObjectName("ischemia-signs")
        for sign in self.assessment.ischemia_signs:
            item = QListWidgetItem(sign.label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(_ROLE, sign.id)
            item.setToolTip(sign.about)
            self.ischemia_signs.addItem(item)
        rows = self.ischemia_signs.count()
        self.ischemia_signs.setFixedHeight(self.ischemia_signs.sizeHintForRow(0) * rows + 6)
        self.ischemia_severity = _combo(SEVERITY_CHOICES)
        self.ischemia_note = QLineEdit()
        self.ischemia_note.setPlaceholderText("optional")
        self.add_ischemia_button = QPushButton("Add ischemia")
        self.add_ischemia_button.clicked.connect(self.add_ischemia)
        form.addRow("&Region", self.ischemia_region)
        form.addRow("Si&de", self.ischemia_side)
        form.addRow("Signs", self.ischemia_signs)
        form.addRow("Severity", self.ischemia_severity)
        form.addRow("Note", self.ischemia_note)
        self.ischemia_list = QListWidget()
        self.ischemia_list.setObjectName("ischemia-list")
        self.ischemia_list.setWordWrap(True)
        self._region_changed()
        return self._page(page, form, self.add_ischemia_button, self.ischemia_list)

    def _build_entrapment(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.entrapment_site = QComboBox()
        self.entrapment_site.setObjectName("entrapment-site")
        # Site names are long: the box shows ~24 characters (the list opens full width)
        # so the side panel does not squeeze the body map.
        self.entrapment_site.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.entrapment_site.setMinimumContentsLength(24)
        self.entrapment_site.view().setMinimumWidth(420)
        for site in self.assessment.sites:
            self.entrapment_site.addItem(site.label, site.id)
        self.entrapment_site.currentIndexChanged.connect(self._site_changed)
        self.entrapment_side = _combo(SIDE_CHOICES)
        self.entrapment_side.setObjectName("entrapment-side")
        self.entrapment_region = QComboBox()
        self.entrapment_region.setObjectName("entrapment-region")
        self.entrapment_severity = _combo(SEVERITY_CHOICES)
        self.entrapment_note = QLineEdit()
        self.entrapment_note.setPlaceholderText("optional")
        self.site_info = QLabel()
        self.site_info.setObjectName("entrapment-info")
        self.site_info.setWordWrap(True)
        self.site_info.setTextFormat(Qt.TextFormat.RichText)
        self.site_info.setStyleSheet("padding: 4px;")
        self.add_entrapment_button = QPushButton("Add entrapment")
        self.add_entrapment_button.clicked.connect(self.add_entrapment)
        form.addRow("&Site", self.entrapment_site)
        form.addRow("Si&de", self.entrapment_side)
        form.addRow("Felt at", self.entrapment_region)
        form.addRow("Severity", self.entrapment_severity)
        form.addRow("Note", self.entrapment_note)
        form.addRow(self.site_info)
        self.entrapment_list = QListWidget()
        self.entrapment_list.setObjectName("entrapment-list")
        self.entrapment_list.setWordWrap(True)
        self._site_changed()
        return self._page(page, form, self.add_entrapment_button, self.entrapment_list)

    def _page(
        self, page: QWidget, form: QFormLayout, add: QPushButton, charted: QListWidget
    ) -> QWidget:
        remove = QPushButton("&Remove selected")
        remove.clicked.connect(lambda: self._remove_selected(charted))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(remove)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Charted this visit:"))
        layout.addWidget(charted, 1)
        return page

    # -- showing the chart -------------------------------------------------------------------

    def refresh(self) -> None:
        """Show what the model holds: ticks, pickers, the charted lists and the muscles."""
        self._syncing = True
        try:
            for key, row in self._rows.items():
                record = self.model.find(*key)
                charted = record is not None or key in self.model.pending
                row.item.setCheckState(
                    0, Qt.CheckState.Checked if charted else Qt.CheckState.Unchecked
                )
                if row.side is not None:
                    row.side.blockSignals(True)
                    _select_data(row.side, record.side if record else "")
                    row.side.blockSignals(False)
                row.severity.blockSignals(True)
                _select_data(row.severity, (record.severity or "") if record else "")
                row.severity.setVisible(record is not None)  # graded once charted
                row.severity.blockSignals(False)
        finally:
            self._syncing = False
        self._fill_list(self.ischemia_list, self.model.of_kind("ischemia"))
        self._fill_list(self.entrapment_list, self.model.of_kind("entrapment"))
        self._fill_muscles()
        enabled = self.model.visit_id is not None
        self.tabs.setEnabled(enabled)
        self.hint.setText(
            "Tick what you see; each tick is saved at once (Ctrl+Z undoes)."
            if enabled
            else "Open a visit to chart its assessment."
        )

    def _fill_list(self, widget: QListWidget, records: list[Any]) -> None:
        widget.clear()
        for record in records:
            item = QListWidgetItem(observation_text(self.assessment, record))
            item.setData(_ROLE, record.id)
            widget.addItem(item)

    def _fill_muscles(self) -> None:
        reasons: dict[str, list[str]] = {}
        for record in sorted(self.model.observations.values(), key=lambda r: r.id):
            muscles = self.assessment.muscles_to_check(record.kind, record.item)
            label = self.assessment.label(record.kind, record.item)
            if record.side:
                label += f" ({_side_words(record.side)})"
            for muscle_id in muscles:
                if label not in reasons.setdefault(muscle_id, []):
                    reasons[muscle_id].append(label)
        self.muscles_list.clear()
        order = sorted(reasons, key=lambda m: -len(reasons[m]))  # stable: charting order
        for muscle_id in order:
            name = self._names((muscle_id,))[0]
            item = QListWidgetItem(f"{name} — {', '.join(reasons[muscle_id])}")
            item.setData(_ROLE, muscle_id)
            self.muscles_list.addItem(item)

    def muscles_to_check(self) -> list[str]:
        """Ids in the order the list shows them."""
        return [self.muscles_list.item(i).data(_ROLE) for i in range(self.muscles_list.count())]

    def _names(self, muscle_ids: tuple[str, ...]) -> list[str]:
        return [self.knowledge.muscle(m).name if m in self.knowledge else m for m in muscle_ids]

    # -- posture and gait ticks --------------------------------------------------------------

    def row(self, kind: str, item: str) -> _Row:
        return self._rows[(kind, item)]

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(0, _ROLE)
        if self._syncing or column != 0 or key is None:
            return
        row = self._rows[tuple(key)]  # type: ignore[index]
        if item.checkState(0) == Qt.CheckState.Checked:
            self._tick(row)
        else:
            self._untick(row)

    def _tick(self, row: _Row) -> None:
        key = (row.kind, row.observation.id)
        if self.model.find(*key) is not None or key in self.model.pending:
            return
        side = row.side.currentData() if row.side is not None else ""
        if row.side is not None and not side:
            self.refresh()  # not charted until a side is chosen
            self.status_message.emit(f"Choose the side: {row.observation.side_hint}")
            row.side.setFocus()
            row.side.showPopup()
            return
        self._chart(row, side)

    def _chart(self, row: _Row, side: str) -> None:
        fields: dict[str, Any] = {"kind": row.kind, "item": row.observation.id}
        if side:
            fields["side"] = side
        severity = row.severity.currentData()
        if severity:
            fields["severity"] = severity
        text = row.observation.label + (f" ({_side_words(side)})" if side else "")
        self.undo_stack.push(AddObservation(self.model, fields, f"Chart {text}"))
        self.refresh()

    def _untick(self, row: _Row) -> None:
        record = self.model.find(row.kind, row.observation.id)
        if record is None:
            self.refresh()
            if (row.kind, row.observation.id) in self.model.pending:
                self.status_message.emit("Still saving that tick; try again in a moment")
            return
        self.undo_stack.push(
            RemoveObservation(self.model, record.id, f"Remove {row.observation.label}")
        )

    def _side(self, key: tuple[str, str]) -> None:
        row = self._rows[key]
        assert row.side is not None
        side = row.side.currentData()
        record = self.model.find(*key)
        if record is None:
            if side and key not in self.model.pending:
                self._chart(row, side)  # choosing a side charts the observation
            return
        if not side:
            self.undo_stack.push(
                RemoveObservation(self.model, record.id, f"Remove {row.observation.label}")
            )
        elif side != record.side:
            self.undo_stack.push(
                ChangeObservation(
                    self.model,
                    record.id,
                    {"side": record.side},
                    {"side": side},
                    f"{row.observation.label}: {_side_words(side)}",
                )
            )

    def _severity(self, key: tuple[str, str]) -> None:
        row = self._rows[key]
        record = self.model.find(*key)
        if record is None:
            return
        severity = row.severity.currentData() or None
        if severity != record.severity:
            self.undo_stack.push(
                ChangeObservation(
                    self.model,
                    record.id,
                    {"severity": record.severity},
                    {"severity": severity},
                    f"{row.observation.label}: {severity or 'no severity'}",
                )
            )

    # -- ischemia ----------------------------------------------------------------------------

    def _region(self) -> RegionDef | None:
        """The region the picker names (typed text must match a label)."""
        text = self.ischemia_region.currentText().strip().casefold()
        for name, entry in surface_regions().items():
            if text in (entry.label.casefold(), name):
                return entry
        return None

    def _region_changed(self) -> None:
        entry = self._region()
        current = self.ischemia_side.currentData()
        self.ischemia_side.clear()
        if entry is None:
            return
        if entry.sides == "bilateral":
            for label, value in SIDE_CHOICES:
                self.ischemia_side.addItem(label, value)
        else:
            self.ischemia_side.addItem("Midline", "midline")
        if current is not None:
            _select_data(self.ischemia_side, current)

    def suggest_place(self, region: str, side: str) -> None:
        """Preset the ischemia picker to a pain mark's place (a surface region only)."""
        index = self.ischemia_region.findData(region)
        if index < 0:
            return
        self.ischemia_region.setCurrentIndex(index)
        self._region_changed()
        _select_data(self.ischemia_side, side)

    def add_ischemia(self) -> None:
        """Chart each ticked sign at the chosen region and side (one undo step)."""
        entry = self._region()
        if entry is None:
            typed = self.ischemia_region.currentText().strip()
            self.error.emit(f"“{typed}” is not a region of the body map; pick one from the list.")
            return
        signs = [
            self.ischemia_signs.item(i)
            for i in range(self.ischemia_signs.count())
            if self.ischemia_signs.item(i).checkState() == Qt.CheckState.Checked
        ]
        if not signs:
            self.error.emit("Tick at least one sign of ischemia to chart.")
            return
        side = self.ischemia_side.currentData() or ""
        base: dict[str, Any] = {"kind": "ischemia", "region": entry.name, "side": side}
        if self.ischemia_severity.currentData():
            base["severity"] = self.ischemia_severity.currentData()
        if self.ischemia_note.text().strip():
            base["note"] = self.ischemia_note.text().strip()
        where = place_text(entry.name, side)
        self.undo_stack.beginMacro(f"Ischemia at {where}")
        for sign in signs:
            fields = {**base, "item": sign.data(_ROLE)}
            self.undo_stack.push(AddObservation(self.model, fields, f"{sign.text()} at {where}"))
        self.undo_stack.endMacro()
        for sign in signs:
            sign.setCheckState(Qt.CheckState.Unchecked)
        self.ischemia_note.clear()

    # -- entrapment --------------------------------------------------------------------------

    def _site_changed(self) -> None:
        site = self.assessment.site(self.entrapment_site.currentData())
        self.entrapment_region.clear()
        self.entrapment_region.addItem("(not given)", "")
        for region in site.regions:
            self.entrapment_region.addItem(_capital(surface_label(region)), region)
        muscles = ", ".join(self._names(site.muscles))
        felt = ", ".join(surface_label(r) for r in site.regions)
        html = (
            f"<b>{escape(site.nerve)}</b><br>"
            f"<b>Client feels:</b> {escape('; '.join(site.symptoms))}<br>"
            f"<b>Where:</b> {escape(felt)}<br>"
            f"<b>Muscles to check:</b> {escape(muscles)}"
        )
        if site.caution:
            html += f"<br><span style='color:#c0392b'>⚠ {escape(site.caution)}</span>"
        self.site_info.setText(html)

    def add_entrapment(self) -> None:
        site = self.assessment.site(self.entrapment_site.currentData())
        fields: dict[str, Any] = {
            "kind": "entrapment",
            "item": site.id,
            "side": self.entrapment_side.currentData() or "",
            "region": self.entrapment_region.currentData() or "",
        }
        if self.entrapment_severity.currentData():
            fields["severity"] = self.entrapment_severity.currentData()
        if self.entrapment_note.text().strip():
            fields["note"] = self.entrapment_note.text().strip()
        self.undo_stack.push(AddObservation(self.model, fields, f"Entrapment: {site.label}"))
        self.entrapment_note.clear()

    # -- removing from the charted lists -----------------------------------------------------

    def _remove_selected(self, charted: QListWidget) -> None:
        item = charted.currentItem()
        if item is None:
            self.status_message.emit("Choose a charted line to remove")
            return
        record = self.model.observations.get(item.data(_ROLE))
        if record is not None:
            self.undo_stack.push(
                RemoveObservation(self.model, record.id, f"Remove {item.text().split(' — ')[0]}")
            )


def install_assessment(window: QMainWindow) -> AssessmentPanel:
    """Add the "Assessment" tab to ``window.side_tabs``, following the open visit.

    Needs of the window: ``worker``, ``undo_stack``, ``knowledge``, ``side_tabs``,
    ``visits.visit_chosen``, ``marks`` (visit id and marks, for the ischemia region),
    ``body_map.selection_changed``, ``show_status`` and ``show_error``.
    """
    w: Any = window
    model = VisitObservations(w.worker, window)
    panel = AssessmentPanel(model, w.undo_stack, w.knowledge)
    panel.setObjectName("assessment-panel")
    w.side_tabs.addTab(panel, "&Assessment")

    def follow(visit: Any | None) -> None:
        visit_id = None if visit is None else visit.id
        if visit_id != model.visit_id:
            model.load_visit(visit_id)

    def suggest(key: str) -> None:
        mark = w.marks.get(key)
        if mark is not None:
            panel.suggest_place(mark.region, mark.side)

    w.visits.visit_chosen.connect(follow)
    w.marks.mark_added.connect(suggest)
    w.body_map.selection_changed.connect(lambda keys: suggest(keys[-1]) if keys else None)
    model.saved.connect(w.show_status)
    model.failed.connect(w.show_error)
    panel.status_message.connect(w.show_status)
    panel.error.connect(w.show_error)
    if w.marks.visit_id is not None:
        model.load_visit(w.marks.visit_id)
        marks = w.marks.marks()
        if marks:
            suggest(marks[-1].key)
    return panel
