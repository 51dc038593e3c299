"""The client's side. Always the client's, never the viewer's."""

from __future__ import annotations

from typing import Literal, get_args

Side = Literal["left", "right", "midline"]
SIDES: tuple[Side, ...] = get_args(Side)
VIEWS: tuple[str, ...] = ("anterior", "posterior")


def opposite(side: Side) -> Side:
    if side == "left":
        return "right"
    if side == "right":
        return "left"
    return "midline"
