"""The menu of one pain mark: a right click on it, or a long press on a touchscreen.

The mark becomes the one selected mark, and each entry is the same gesture as the tools
above the map (a digit, the quality keys, Delete), so undo and the status line read alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from nmt_bodymap.ui.chart.marks import QUALITIES
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.map.labels import mark_place_label
from nmt_bodymap.ui.map.palette import MAX_INTENSITY

if TYPE_CHECKING:
    from nmt_bodymap.ui.map.body_map_panel import BodyMapPanel


def mark_menu(panel: BodyMapPanel, key: str) -> QMenu | None:
    """The menu for the mark ``key`` (None when the mark is gone)."""
    mark = panel.marks.get(key)
    if mark is None:
        return None
    menu = QMenu(panel)
    menu.setObjectName("mark-menu")
    menu.addSection(mark_place_label(mark))
    intensity = menu.addMenu(tr("Intensity"))
    for value in range(MAX_INTENSITY + 1):
        action = intensity.addAction(str(value))
        action.setCheckable(True)
        action.setChecked(value == mark.intensity)
        action.triggered.connect(lambda _on=False, v=value: panel.set_intensity(v))
    quality = menu.addMenu(tr("Quality"))
    for name in QUALITIES:
        action = quality.addAction(tr(name))
        action.setCheckable(True)
        action.setChecked(name == mark.quality)
        action.triggered.connect(lambda _on=False, q=name: panel.set_quality(q))
    menu.addSeparator()
    remove = menu.addAction(tr("Remove mark"))
    remove.setObjectName("remove-mark")
    remove.triggered.connect(panel.remove_selected)
    return menu


def show_mark_menu(panel: BodyMapPanel, key: str, where: QPoint) -> None:
    """Select the mark alone and open its menu at ``where`` (global position)."""
    if panel.marks.get(key) is None:
        return
    panel.selection.set([key])
    menu = mark_menu(panel, key)
    if menu is not None:
        open_menu(menu, where)
        menu.deleteLater()


def open_menu(menu: QMenu, where: QPoint) -> None:
    """Run the menu (modal until an entry is chosen or it is dismissed); tests replace it."""
    menu.exec(where)
