"""Place a pain mark by typing where it hurts: "/" then "r temple" or "l heel", Enter.

The picker is a small line edit with a completer over the region names of the drawings
("Right temple", "Left heel (back)"). Short words are enough: each typed word is the
start of a word of the name, in order, and "r"/"l" stand for right/left. Enter places
the mark at the region's representative point through the very path a click on the map
takes (``BodyMapPanel._on_point_clicked``: open visit checked, undo command, current
intensity and quality), so a typed mark and a clicked one are the same mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCompleter, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from nmt_bodymap.core.atlas import Atlas
from nmt_bodymap.ui.actions import menu_titled
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import place_label

if TYPE_CHECKING:
    from nmt_bodymap.ui.main_window import MainWindow

VIEW_WORDS = {"anterior": "front", "posterior": "back"}
SHORT_WORDS = {"r": "right", "l": "left", "rt": "right", "lt": "left", "f": "front", "b": "back"}
MAX_SHOWN = 12


@dataclass(frozen=True)
class RegionChoice:
    """One name in the picker and the spot a click there would have hit."""

    label: str  # "Right temple", or "Right shoulder (back)" when both views draw it
    view: str
    region: str
    side: str
    point: tuple[float, float]


def region_choices(atlas: Atlas) -> list[RegionChoice]:
    """Every drawn region of both views, named as the therapist reads it."""
    regions = atlas.regions()
    names = {(r.region, r.side): place_label(r.region, r.side) for r in regions}
    views_of: dict[str, set[str]] = {}
    for r in regions:
        views_of.setdefault(names[(r.region, r.side)], set()).add(r.view)
    choices = [
        RegionChoice(
            f"{names[(r.region, r.side)]} ({VIEW_WORDS.get(r.view, r.view)})"
            if len(views_of[names[(r.region, r.side)]]) > 1
            else names[(r.region, r.side)],
            r.view,
            r.region,
            r.side,
            r.point,
        )
        for r in regions
    ]
    return sorted(choices, key=lambda c: c.label)


def _words(text: str) -> list[str]:
    return text.lower().replace("(", " ").replace(")", " ").replace("-", " ").split()


def matches(query: str, label: str) -> bool:
    """Each typed word starts a word of ``label``, in order ("r temple" -> "Right temple")."""
    wanted = [SHORT_WORDS.get(w, w) for w in _words(query)]
    words = _words(label)
    at = 0
    for part in wanted:
        while at < len(words) and not words[at].startswith(part):
            at += 1
        if at == len(words):
            return False
        at += 1
    return bool(wanted)


def find_regions(query: str, choices: list[RegionChoice]) -> list[RegionChoice]:
    """The choices ``query`` names, best first: front view, then the shorter name."""
    found = [c for c in choices if matches(query, c.label)]
    return sorted(found, key=lambda c: (c.view != "anterior", len(c.label), c.label))


class RegionPicker(QFrame):
    """The typed place: a line edit with its completer; Enter places the mark."""

    placed = Signal(str)  # the label of the region marked

    def __init__(self, atlas: Atlas, body_map: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("region-picker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.body_map = body_map
        self.choices = region_choices(atlas)
        self.edit = QLineEdit()
        self.edit.setObjectName("region-picker-edit")
        self.edit.setPlaceholderText(
            tr("Where it hurts: r temple, l heel… (Enter marks, Esc closes)")
        )
        self.edit.setMinimumWidth(360)
        self.edit.setAccessibleName(tr("Place mark by name"))
        self.edit.setAccessibleDescription(self.edit.placeholderText())
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.edit.setCompleter(self.completer)
        self.hint = QLabel("")
        self.hint.setObjectName("region-picker-hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        self.edit.textEdited.connect(self._update)
        self.edit.returnPressed.connect(self.place)
        self.completer.activated.connect(self._chosen)
        escape = QAction(self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self.close_picker)
        self.addAction(escape)
        self.hide()

    def open_picker(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.adjustSize()
            self.move(max(0, (parent.width() - self.width()) // 2), 8)
        self.edit.clear()
        self.hint.setText("")
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_picker(self) -> None:
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        self.hide()
        shown = [v for v in self.body_map.views.values() if v.isVisible()]
        if shown:
            shown[0].setFocus(Qt.FocusReason.OtherFocusReason)  # digits and Q reach the mark

    def best(self) -> RegionChoice | None:
        text = self.edit.text()
        exact = [c for c in self.choices if c.label.lower() == text.strip().lower()]
        found = exact or find_regions(text, self.choices)
        return found[0] if found else None

    def _update(self, text: str) -> None:
        found = find_regions(text, self.choices)[:MAX_SHOWN]
        self.model.setStringList([c.label for c in found])
        self.hint.setText(
            tr("Enter marks: {label}").format(label=found[0].label)
            if found
            else tr("No place by that name")
        )
        if found:
            self.completer.complete()

    def _chosen(self, label: str) -> None:
        self.edit.setText(label)
        self.place()

    def place(self) -> None:
        """Mark the best match, exactly as a click on its representative point would."""
        if not self.isVisible():
            return  # Enter in the completer's list answers twice (activated, returnPressed)
        choice = self.best()
        if choice is None:
            self.hint.setText(tr("No place by that name"))
            return
        # The click path of the map (one code path for clicked and typed marks).
        self.body_map._on_point_clicked(choice.view, QPointF(*choice.point))
        self.placed.emit(choice.label)
        self.close_picker()


def install_region_picker(window: MainWindow) -> RegionPicker:
    """Add "Place mark by name…" ("/") to the window's Mark menu; returns the picker."""
    picker = RegionPicker(window.atlas, window.body_map, window.body_map)
    action = QAction(tr("Place mark by &name…"), window)
    action.setObjectName("action-place-by-name")
    action.setShortcut(QKeySequence("/"))
    action.setStatusTip(tr("Type where it hurts (r temple, l heel) and press Enter"))
    action.triggered.connect(picker.open_picker)
    window.addAction(action)
    mark_menu = menu_titled(window, "Mark", create=False)
    if mark_menu is not None:
        mark_menu.addSeparator()
        mark_menu.addAction(action)
    window.actions_by_key["place-by-name"] = action
    picker.placed.connect(
        lambda label: window.show_status(tr("Marked {label}").format(label=label))
    )
    return picker
