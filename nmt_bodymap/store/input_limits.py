"""Limits every chart database has, checked before anything is written (Qt-free).

Text that no database can keep (a NUL, which PostgreSQL refuses, so the chart could never
move to the clinic server; half of a surrogate pair, which has no UTF-8 form), and pain
marks on a body diagram without a position or off the body (``core/on_body.py``). Numbers
beyond 64 bits and such text reaching a query anyway are turned into
``ChartValidationError`` by the engine's error hook (``database.py``).
"""

from __future__ import annotations

from nmt_bodymap.store.errors import ChartValidationError


def _fail(field: str, message: str) -> ChartValidationError:
    return ChartValidationError(message, field=field)


def storable(value: str, label: str) -> str:
    """Refuse text no chart database can keep: a NUL character (PostgreSQL cannot store it,
    so the chart could never move to the clinic server) or half of a surrogate pair."""
    if "\x00" in value:
        raise ValueError(f"{label} contains a NUL character, which cannot be stored.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            f"{label} contains a broken character (half of a surrogate pair); retype it."
        ) from None
    return value


def check_on_figure(view: str, x: float | None, y: float | None, new: bool = True) -> None:
    """A mark on a body diagram needs a position (a mark without one would blank the whole
    map of its visit), and a ``new`` position must lie on the body: inside the figure's
    outline or within ``ON_BODY_TOLERANCE`` of its edge, not just inside the view box.

    A position that is not new (a mark stored before this rule, re-scored or restored)
    is left as it is, so older charts keep opening and working. The refusal names the view
    only: no coordinates, nothing of the client.
    """
    if x is None or y is None:
        raise _fail("x", "A pain mark on the body map needs its position (x and y).")
    if not new:
        return
    try:
        from nmt_bodymap.core.atlas import load_atlas
        from nmt_bodymap.core.on_body import on_body

        atlas = load_atlas()
        left, top, width, height = atlas.view_box(view)
    except Exception:  # no atlas built (a bare store install): positions stay unchecked
        return
    inside_box = left <= x <= left + width and top <= y <= top + height
    if not (inside_box and on_body(atlas, view, x, y)):
        raise _fail(
            "x",
            f"This position is outside the {view} figure: a pain mark must lie on the body.",
        )
