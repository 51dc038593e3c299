"""Where things are charted: the domain rules the screens used to re-derive, written once.

- ``spot_for_mark`` / ``spots_for_marks``: a pain mark (a record, a ``RowState``'s values or
  any mapping/object with view, region, side, x, y) as the ranking's ``Spot``; internal
  sites and marks without a point have no coordinates.
- ``expand_side``: "both" (an observation, a zone felt both sides) and "bilateral" (a
  candidate or an examination on both sides) as the two client sides, right first.
- ``zone_sides``: which sides of a muscle cover a spot, from a referral entry's rule.
- ``referral_sides``: on which sides of a region a muscle on one side refers pain.
- ``region_side_choices``: the sides an observation at a region can be charted on.

Qt-free; imports only the region vocabulary and the sides (ranking lazily, for ``Spot``,
so ``core.ranking`` can use ``zone_sides`` from here).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from nmt_bodymap.core.sides import Side, opposite
from nmt_bodymap.core.vocabulary import load_vocabulary

if TYPE_CHECKING:
    from nmt_bodymap.core.ranking import Spot

BOTH_SIDES: tuple[Side, Side] = ("right", "left")
# Side words that mean "the left and the right side".
TWO_SIDED = frozenset({"both", "bilateral"})


def _field(mark: Any, name: str) -> Any:
    return mark.get(name) if isinstance(mark, Mapping) else getattr(mark, name, None)


def spot_for_mark(mark: Any) -> Spot:
    """The ranking spot of one pain mark (no point when it has no x or y)."""
    from nmt_bodymap.core.ranking import Spot  # ranking may import this module

    if hasattr(mark, "values") and isinstance(mark.values, Mapping):
        mark = mark.values  # a RowState of the visit document
    x, y = _field(mark, "x"), _field(mark, "y")
    point = None if x is None or y is None else (float(x), float(y))
    return Spot(_field(mark, "view"), _field(mark, "region"), _field(mark, "side"), point)


def spots_for_marks(marks: Iterable[Any]) -> list[Spot]:
    return [spot_for_mark(mark) for mark in marks]


def expand_side(side: str) -> tuple[Side, ...]:
    """The client sides a side word stands for: "both"/"bilateral" -> right and left."""
    if side in TWO_SIDED:
        return BOTH_SIDES
    if side not in ("left", "right", "midline"):
        raise ValueError(f"{side!r} is not a side.")
    return (side,)  # type: ignore[return-value]


def zone_sides(rule: str, spot_side: Side) -> tuple[Side, ...]:
    """The sides of a muscle whose referral entry (rule same/opposite/both) covers a spot
    on ``spot_side``: a midline spot is covered from both sides."""
    if spot_side == "midline" or rule == "both":
        return ("left", "right")
    return (spot_side,) if rule == "same" else (opposite(spot_side),)


def referral_sides(region: str, rule: str, muscle_side: Side) -> tuple[Side, ...]:
    """Where a muscle on ``muscle_side`` refers to ``region`` under ``rule``: a midline
    region on its midline; otherwise the same side, the opposite one, or both."""
    entry = load_vocabulary().get(region)
    if entry is not None and entry.sides == "midline":
        return ("midline",)
    if rule == "both":
        return ("left", "right")
    return (opposite(muscle_side),) if rule == "opposite" else (muscle_side,)


def region_side_choices(region: str) -> tuple[str, ...]:
    """Sides an observation at ``region`` may name: left, right or both for a paired region,
    midline alone for a midline one; nothing for a name the map does not have."""
    entry = load_vocabulary().get(region)
    if entry is None:
        return ()
    if entry.sides == "bilateral":
        return ("left", "right", "both")
    return ("midline",)
