"""Checking that a place exists: a pain mark's view, region and side, and an assessment
observation's item with the place that fits it (split out of ``validation.py``).

The region vocabulary and the assessment lists are data files: they are read when a place
is first checked, not when a chart is opened (issue 18: the store imports them lazily).
"""

from __future__ import annotations

from nmt_bodymap.core.sides import SIDES
from nmt_bodymap.store.errors import ChartValidationError
from nmt_bodymap.store.input_limits import check_on_figure


def views() -> tuple[str, ...]:
    """The views a pain mark may be on: the two diagrams and the internal sites."""
    from nmt_bodymap.core.vocabulary import INTERNAL_VIEW

    return ("anterior", "posterior", INTERNAL_VIEW)


def _fail(field: str, message: str) -> ChartValidationError:
    return ChartValidationError(message, field=field)


def check_place(
    view: str, region: str, side: str, x: float | None, y: float | None, new: bool = True
) -> None:
    """A pain mark's place must exist: the view, a region of the vocabulary and a side it has;
    a ``new`` position on a diagram must lie on the body (``input_limits.check_on_figure``)."""
    from nmt_bodymap.core.vocabulary import INTERNAL_VIEW, is_valid_place, load_vocabulary

    if view not in views():
        raise _fail("view", f"View must be one of {', '.join(views())} (got {view!r}).")
    entry = load_vocabulary().get(region)
    if entry is None:
        raise _fail("region", f"{region!r} is not a region of the body map.")
    if side not in SIDES:
        raise _fail("side", f"Side must be left, right or midline (got {side!r}).")
    if not is_valid_place(region, side):
        sides = " or ".join(entry.client_sides())
        raise _fail("side", f"The {entry.label} is charted {sides}, not {side}.")
    if entry.internal != (view == INTERNAL_VIEW):
        where = "internal sites" if entry.internal else "the anterior or posterior view"
        raise _fail("view", f"The {entry.label} belongs to {where}, not the {view} view.")
    if view == INTERNAL_VIEW and (x is not None or y is not None):
        raise _fail("x", "Internal sites have no position on the diagrams.")
    if view != INTERNAL_VIEW:
        check_on_figure(view, x, y, new)


def check_observation(kind: str, item: str, region: str, side: str) -> None:
    """An observation must name an item of its kind, and a place that fits it.

    Posture and gait are whole-body observations: no region, and a side exactly when the
    item is sided (left, right or both). An ischemia sign is charted at a region of the body
    map with a side that region has (or both sides of a paired region). An entrapment site
    always has a side (nerves come in pairs); the region where it is felt is optional.
    """
    from nmt_bodymap.core.assessment import OBSERVATION_SIDES, load_assessment
    from nmt_bodymap.core.places import region_side_choices
    from nmt_bodymap.core.vocabulary import load_vocabulary

    assessment = load_assessment()
    if item not in assessment.items(kind):
        what = {"ischemia": "ischemia sign", "entrapment": "entrapment site"}.get(
            kind, f"{kind} observation"
        )
        raise _fail("item", f"{item!r} is not a known {what}.")
    label = assessment.label(kind, item)
    sides = ", ".join(OBSERVATION_SIDES[:-1]) + " or " + OBSERVATION_SIDES[-1]
    if kind in ("posture", "gait"):
        if region:
            raise _fail("region", f"{kind.capitalize()} is charted without a region ({label}).")
        if assessment.is_sided(kind, item):
            if side not in OBSERVATION_SIDES:
                hint = assessment.observation(kind, item).side_hint
                given = f" (got {side!r})" if side else ""
                raise _fail("side", f"{label} needs a side: {sides} ({hint}){given}.")
        elif side:
            raise _fail("side", f"{label} is charted without a side (got {side!r}).")
        return
    entry = load_vocabulary().get(region) if region else None
    if region and entry is None:
        raise _fail("region", f"{region!r} is not a region of the body map.")
    if kind == "entrapment":
        if side not in OBSERVATION_SIDES:
            given = f" (got {side!r})" if side else ""
            raise _fail("side", f"{label} needs a side: {sides}{given}.")
        return
    if entry is None:
        raise _fail("region", f"Choose the region where the sign ({label}) was found.")
    fitting = region_side_choices(region)
    if side not in fitting:
        raise _fail("side", f"The {entry.label} is charted {' or '.join(fitting)}, not {side!r}.")
