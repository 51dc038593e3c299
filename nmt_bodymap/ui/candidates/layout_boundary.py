"""A container whose content's layout changes stay inside it (issue 18).

Every layout that runs tells its widget's parents that their layout may have to change
(Qt's ``QLayout::activate`` ends in ``updateGeometry()``, whatever changed), up to the
window. On the way up, the side tabs (a ``QTabWidget``) lay themselves out again and
repaint the whole tab area on every such request. A click that changes the candidates'
heading, list or detail therefore repainted the whole right column and laid out the
window (bench/NOTES.md, branch paint). ``LayoutBoundary`` holds one child filling it and
has no layout of its own: the child's layout requests end here, and what the child
shows changes only the child's pixels. Its size hints are the child's, read when the
parents lay out (a window resize, a splitter moved, the tab shown).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class LayoutBoundary(QWidget):
    """Holds ``child``, filling it; the child's layout requests go no further."""

    def __init__(self, child: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        child.setParent(self)
        policy = child.sizePolicy()
        self.setSizePolicy(QSizePolicy(policy.horizontalPolicy(), policy.verticalPolicy()))

    def sizeHint(self) -> QSize:
        return self.child.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.child.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.child.setGeometry(self.rect())
        super().resizeEvent(event)
