"""Internal pain sites beside the body views: teeth, inside the ear, throat, pelvic floor...

Clients feel referred pain where no surface drawing can show it (a temporalis trigger point
aches in the upper teeth, levator ani in the rectum), so these places are picked from a
labelled strip instead of the figure. The sites, their labels, groups and whether they have
a left and right come from the region vocabulary (``resources/regions.yaml``); nothing about
them is written here. A marked site shows the same symbol as a mark on the figure (colour =
intensity, shape = quality, the number inside). The strip only displays and reports clicks:
:class:`~nmt_bodymap.ui.map.body_map_panel.BodyMapPanel` turns them into the same undo
commands as a click on the figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.sides import Side
from nmt_bodymap.core.vocabulary import RegionDef, internal_sites
from nmt_bodymap.ui.chart.marks import MarkState
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import place_label, region_word
from nmt_bodymap.ui.map.map_items import draw_pain_symbol
from nmt_bodymap.ui.map.palette import MapColors

SiteKey = tuple[str, str]  # (region name, client side)
ICON_SIZE = 30
SIDE_TEXT = {"right": "R", "left": "L", "midline": "Mark"}
SIDE_WIDTH = 46  # a button per side: its letter, or the mark's symbol once marked
COLUMN_GAP = 4
PANEL_WIDTH = 228  # narrow: every pixel taken here is taken from the figures
# Vocabulary groups shown under one heading (the mouth and throat sit with the head).
SECTION_OF_GROUP = {"head": "Head and mouth", "mouth": "Head and mouth", "neck": "Head and mouth"}


def short_label(site: RegionDef) -> str:
    """The site's label without its parenthesis, capitalised: "Throat and back of tongue"."""
    text = re.sub(r"\s*\([^)]*\)", "", region_word(site.name)).strip()
    return text[:1].upper() + text[1:]


def sections() -> dict[str, list[RegionDef]]:
    """Internal sites by heading, in the vocabulary's order."""
    grouped: dict[str, list[RegionDef]] = {}
    for site in internal_sites().values():
        heading = SECTION_OF_GROUP.get(site.group, site.group.capitalize())
        grouped.setdefault(heading, []).append(site)
    return grouped


def mark_icon(mark: MarkState, colors: MapColors, size: int = ICON_SIZE) -> QIcon:
    """The mark's symbol as an icon, drawn exactly as on the figure."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(QPointF(size / 2, size / 2))
    # Radius 0.3: the symbol and its "not saved" badge (radius + 6 px) both fit.
    draw_pain_symbol(painter, mark, colors, radius=size * 0.3)
    painter.end()
    return QIcon(pixmap)


class SiteButton(QToolButton):
    """One side of one internal site; remembers whether Ctrl was held (add to selection)."""

    def __init__(self, site: RegionDef, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region = site.name
        self.side = side
        self.additive = False
        self.place = place_label(site.name, side)
        self.setObjectName(f"internal-{site.name}-{side}")
        self.setAccessibleName(self.place)
        self.setText(SIDE_TEXT[side])
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setMinimumHeight(34)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedWidth(SIDE_WIDTH if side != "midline" else 2 * SIDE_WIDTH + COLUMN_GAP)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.additive = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        super().mouseReleaseEvent(event)
        self.additive = False


class InternalSitesPanel(QFrame):
    """The strip of internal sites: click to mark, click a marked site to select it."""

    site_clicked = Signal(str, str, bool)  # region, client side, add to the selection

    def __init__(self, colors: MapColors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colors = colors
        self.setObjectName("internal-sites")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.buttons: dict[SiteKey, SiteButton] = {}
        self._marks: dict[SiteKey, list[MarkState]] = {}
        self._selected: set[SiteKey] = set()
        self._zones: dict[SiteKey, str] = {}

        title = QLabel(tr("Inside the body"))
        title.setStyleSheet("font-weight: 600; font-size: 14px;")
        hint = QLabel(tr("Pain the drawings cannot show."))
        hint.setWordWrap(True)
        hint.setStyleSheet("font-size: 12px;")  # full text colour: legible in dark themes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(hint)
        grid = QGridLayout()  # one grid, so the buttons line up across the sections
        grid.setHorizontalSpacing(COLUMN_GAP)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(0, 1)
        for column, text in ((1, "right"), (2, "left")):
            header = QLabel(text)
            header.setToolTip(tr("The client's {text} side").format(text=text))
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet("font-size: 12px;")
            grid.addWidget(header, 0, column)
        row = 1
        for heading, sites in sections().items():
            label = QLabel(heading)
            label.setStyleSheet("font-weight: 600; margin-top: 6px;")
            grid.addWidget(label, row, 0, 1, 3)
            row += 1
            for site in sites:
                name = QLabel(short_label(site))
                name.setWordWrap(True)
                name.setToolTip(region_word(site.name))
                grid.addWidget(name, row, 0)
                # Right before left, as sides are read everywhere else in the app.
                sides = sorted(site.client_sides(), key=("right", "midline", "left").index)
                for column, side in enumerate(sides, start=1):
                    button = SiteButton(site, side)
                    button.clicked.connect(self._clicked_handler(button))
                    self.buttons[(site.name, side)] = button
                    span = 2 if side == "midline" else 1
                    grid.addWidget(button, row, column, 1, span)
                    self._refresh(button)
                row += 1
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.setFixedWidth(PANEL_WIDTH)

    def _clicked_handler(self, button: SiteButton):  # type: ignore[no-untyped-def]
        def clicked() -> None:
            self.site_clicked.emit(button.region, button.side, button.additive)

        return clicked

    # -- marks -----------------------------------------------------------------------------
    def set_marks(self, marks: Iterable[MarkState]) -> None:
        """Show the visit's marks at internal sites (marks on the figure are ignored)."""
        self._marks = {}
        for mark in marks:
            if (mark.region, mark.side) in self.buttons:
                self._marks.setdefault((mark.region, mark.side), []).append(mark)
        self._selected &= set(self._marks)
        for button in self.buttons.values():
            self._refresh(button)

    def holds(self, key: str) -> bool:
        """True if the strip shows the mark ``key``."""
        return any(m.key == key for marks in self._marks.values() for m in marks)

    def marks_at(self, region: str, side: str) -> list[MarkState]:
        return list(self._marks.get((region, side), []))

    # -- selection -------------------------------------------------------------------------
    def selected_sites(self) -> list[SiteKey]:
        return sorted(self._selected)

    def selected_mark_keys(self) -> list[str]:
        return [m.key for site in sorted(self._selected) for m in self._marks.get(site, [])]

    def show_selection(self, keys: Iterable[str]) -> None:
        """Ring the sites holding the selected marks (the selection model owns the choice)."""
        wanted = set(keys)
        chosen = {
            site for site, marks in self._marks.items() if any(m.key in wanted for m in marks)
        }
        if chosen == self._selected:
            return
        changed = chosen ^ self._selected
        self._selected = chosen
        for key in changed:
            self._refresh(self.buttons[key])

    # -- referral zone of the chosen candidate ---------------------------------------------
    def show_zones(self, zones: dict[tuple[str, str], str]) -> None:
        """Outline the sites in the chosen muscle's referral zone (essential / spillover)."""
        shown = {k: v for k, v in zones.items() if k in self.buttons}
        changed = set(shown) | set(self._zones)
        self._zones = shown
        for key in changed:
            self._refresh(self.buttons[key])

    def zone_at(self, region: str, side: str) -> str | None:
        return self._zones.get((region, side))

    # -- look ------------------------------------------------------------------------------
    def _refresh(self, button: SiteButton) -> None:
        key = (button.region, button.side)
        marks = self._marks.get(key, [])
        zone = self._zones.get(key)
        selected = key in self._selected
        if marks:
            worst = max(marks, key=lambda m: m.intensity)
            button.setIcon(mark_icon(worst, self.colors))
            status = {"saving": "", "unsaved": " — NOT SAVED", "saved": ""}
            details = "; ".join(f"{m.quality}, {m.intensity}/10{status[m.status]}" for m in marks)
            tip = f"{button.place}: {details}\nClick to select (Delete removes it)."
            # Marked: the symbol alone (the column and the tooltip give the side).
            button.setText("")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        else:
            button.setIcon(QIcon())
            button.setText(SIDE_TEXT[button.side])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            tip = f"{button.place}: click to mark pain here."
        if zone is not None:
            tip += f"\nIn the chosen muscle's {zone} referral zone."
        button.setToolTip(tip)
        button.setStyleSheet(self._style(bool(marks), selected, zone))

    def _style(self, marked: bool, selected: bool, zone: str | None) -> str:
        """Selection: a thick ring in the figure's selection colour. Referral zone: the
        figure's zone blue as the background (solid for essential, pale with a dashed
        edge for spillover), so a site reads like the regions on the drawing."""
        blue = self.colors.essential
        rgb = f"{blue.red()}, {blue.green()}, {blue.blue()}"
        rules = ["padding: 2px 6px;", "border-radius: 5px;"]
        if selected:
            rules.append(f"border: 3px solid {self.colors.selection.name()};")
        elif zone == "spillover":
            rules.append(f"border: 2px dashed rgb({rgb});")
        else:
            rules.append("border: 1px solid palette(mid);")
        if zone == "essential":
            rules.append(f"background: rgba({rgb}, {blue.alpha()});")
        elif zone == "spillover":
            rules.append(f"background: rgba({rgb}, 40);")
        elif marked:
            rules.append("background: palette(base);")
        if marked:
            rules.append("font-weight: 600;")
        return f"QToolButton {{ {' '.join(rules)} }}"
