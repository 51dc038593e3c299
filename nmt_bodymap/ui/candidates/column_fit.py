"""The candidate list's Side and Explains columns fitted to their texts, cheaply."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTreeWidget

from nmt_bodymap.ui.candidates.candidate_rows import Shown


class ColumnFit:
    """Side and Explains as wide as their widest text or heading (as ResizeToContents);
    the last of them left to the header when it stretches it to fill the list.

    The widths come from each text's advance, measured once per text (there are few:
    sides and "n of m spots") plus the delegate's margin, measured once per font, so a
    click does not ask the delegate about every row again. The texts are read from what
    the rows show (``Shown``), not from the items.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        self.tree = tree
        self._font = ""
        self._margins: dict[int, tuple[int, int]] = {}
        self._advances: dict[str, int] = {}

    def fit(self, shown: Sequence[Shown]) -> None:
        if not shown:
            return
        tree = self.tree
        header = tree.header()
        metrics = tree.fontMetrics()
        if self._font != tree.font().key():
            self._font = tree.font().key()
            self._advances.clear()
            first = next((row for row in shown if row.texts[1]), shown[0])
            self._margins = {
                column: (
                    tree.sizeHintForIndex(tree.indexFromItem(first.item, column)).width()
                    - self._advance(metrics, first.texts[column]),
                    header.sectionSizeHint(column),
                )
                for column in (1, 2)
            }
        # The last section, stretched by the header (``stretchLastSection``), takes the room
        # left whatever it is given: resizing it only made the header put its width back,
        # and the header and the list repaint twice after each click (bench/NOTES.md).
        stretched = header.logicalIndex(header.count() - 1) if header.stretchLastSection() else -1
        for column, (margin, heading) in self._margins.items():
            if column == stretched:
                continue
            widest = max(self._advance(metrics, row.texts[column]) for row in shown)
            width = max(widest + margin, heading)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _advance(self, metrics: QFontMetrics, text: str) -> int:
        advance = self._advances.get(text)
        if advance is None:
            advance = self._advances[text] = metrics.horizontalAdvance(text)
        return advance
