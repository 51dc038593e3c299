"""The keystroke-level model (Card, Moran & Newell 1980, CACM 23(7); *The Psychology of
Human-Computer Interaction*, 1983): user actions of a scripted task and their time.

K = 0.28 s a key or mouse button (average non-secretarial typist), P = 1.1 s pointing
with the mouse, H = 0.4 s a hand between keyboard and mouse, M = 1.35 s mental
preparation. Actions = clicks + keys or shortcuts (a chord is one action, one K per key
held) + typed characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KLM = {"K": 0.28, "P": 1.1, "H": 0.4, "M": 1.35}


@dataclass
class Tally:
    """User actions and KLM operators of one path."""

    clicks: int = 0
    keys: int = 0  # keys and shortcuts (a chord counts once)
    typed: int = 0  # characters typed
    operators: list[str] = field(default_factory=list)
    hand: str = "mouse"

    def _to(self, device: str) -> None:
        if self.hand != device:
            self.operators.append("H")
            self.hand = device

    def think(self) -> None:
        self.operators.append("M")

    def click(self) -> None:
        self._to("mouse")
        self.clicks += 1
        self.operators += ["P", "K"]

    def key(self, chord_size: int = 1) -> None:
        self._to("keyboard")
        self.keys += 1
        self.operators += ["K"] * chord_size

    def key_left_hand(self, chord_size: int = 1) -> None:
        """A digit or shortcut pressed by the hand that stays on the keyboard while the
        other holds the mouse (no homing)."""
        self.keys += 1
        self.operators += ["K"] * chord_size

    def type(self, text: str) -> None:
        self._to("keyboard")
        self.typed += len(text)
        self.operators += ["K"] * len(text)

    @property
    def actions(self) -> int:
        return self.clicks + self.keys + self.typed

    @property
    def seconds(self) -> float:
        return round(sum(KLM[o] for o in self.operators), 2)

    def figures(self) -> dict[str, float]:
        return {
            "actions": self.actions,
            "clicks": self.clicks,
            "keys": self.keys,
            "typed_chars": self.typed,
            "klm_s": self.seconds,
            **{f"ops_{o}": self.operators.count(o) for o in "KPHM"},
        }
