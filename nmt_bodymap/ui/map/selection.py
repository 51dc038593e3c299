"""The marks the screen shows as selected: one selection for both views and the internal sites.

The views and the internal-site strip draw this model; they never keep a selection of their
own that the keys could act on. Digits, quality keys and Delete act on :meth:`keys`.

A mark just placed becomes the one selected mark (so a digit changes it), but the therapist
did not *pick* it: the candidates keep explaining all marks until marks are picked
(:meth:`picked_keys`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class MarkSelection(QObject):
    """Selected mark keys, in the order they were selected."""

    changed = Signal(list)  # the selected keys

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: list[str] = []
        self._picked = False

    def selected_keys(self) -> list[str]:
        return list(self._keys)

    def picked_keys(self) -> list[str]:
        """The keys the therapist picked (empty while the selection is a just-placed mark)."""
        return list(self._keys) if self._picked else []

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def set(self, keys: Iterable[str], picked: bool = True) -> None:
        """Select exactly ``keys``; ``picked`` False for a mark the therapist just placed."""
        chosen = list(dict.fromkeys(keys))
        picked = picked and bool(chosen)
        if chosen == self._keys and picked == self._picked:
            return
        self._keys = chosen
        self._picked = picked
        self.changed.emit(self.selected_keys())

    def toggle(self, keys: Iterable[str]) -> None:
        """Ctrl+click: add ``keys`` if none of them is selected, otherwise take them out."""
        keys = list(keys)
        if any(k in self._keys for k in keys):
            self.set([k for k in self._keys if k not in keys])
        else:
            self.set([*self._keys, *keys])

    def discard(self, key: str) -> None:
        if key in self._keys:
            self.set([k for k in self._keys if k != key], self._picked)

    def clear(self) -> None:
        self.set([])
