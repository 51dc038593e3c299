"""The muscle layer of the body drawings: one outline and one axis per muscle and side.

``build.py`` calls :func:`draw_muscles` for each view. Shapes are drawn once, on the
client's right, in half coordinates (lateral distance from the midline, y) by the
``muscles_*`` modules, placed on the view with ``landmarks.lateral_sign`` and mirrored
exactly for the client's left, so the two sides can never drift apart.

Ids follow docs/architecture.md: ``muscle-<id>-<side>`` (class ``muscle superficial`` or
``muscle deep``) and ``axis-<id>-<side>``, the axis running from the origin attachment to
the insertion attachment so trigger points can be placed along it.
"""

from __future__ import annotations

from tools.bodygen import muscles_arm, muscles_head_neck, muscles_leg, muscles_trunk
from tools.bodygen.landmarks import CENTRE_X, half_coordinates, lateral_sign
from tools.bodygen.muscle_table import MuscleEntry, muscles_on
from tools.bodygen.muscles_geometry import MuscleShape, Pt, smooth_closed_path

_MODULES = (muscles_head_neck, muscles_trunk, muscles_arm, muscles_leg)


def half_shapes(view: str) -> dict[str, MuscleShape]:
    """Every muscle of ``view`` on the client's right, in half coordinates."""
    lm = half_coordinates(view)
    shapes: dict[str, MuscleShape] = {}
    for module in _MODULES:
        shapes.update(getattr(module, view)(lm))
    missing = [entry.id for entry in muscles_on(view) if entry.id not in shapes]
    if missing:
        raise LookupError(f"no {view} shape for: {', '.join(missing)}")
    return shapes


def placed_shapes(view: str) -> dict[tuple[str, str], MuscleShape]:
    """Shapes in view coordinates keyed by (muscle id, client side)."""
    sign = lateral_sign(view, "right")

    def place(p: Pt) -> Pt:
        return (CENTRE_X + sign * p[0], p[1])

    placed: dict[tuple[str, str], MuscleShape] = {}
    half = half_shapes(view)
    for entry in muscles_on(view):
        shape = half[entry.id]
        right = MuscleShape(
            ring=tuple(place(p) for p in shape.ring),
            origin=place(shape.origin),
            insertion=place(shape.insertion),
        )
        placed[(entry.id, "right")] = right
        placed[(entry.id, "left")] = right.mirrored(CENTRE_X)
    return placed


def _drawing_order(entries: tuple[MuscleEntry, ...]) -> list[MuscleEntry]:
    """Deep muscles first so the superficial ones are drawn over them."""
    return [e for e in entries if e.deep] + [e for e in entries if not e.deep]


def draw_muscles(view: str) -> tuple[list[str], list[str]]:
    """SVG elements of the ``muscles`` layer and of the hidden ``muscle-axes`` layer."""
    placed = placed_shapes(view)
    paths: list[str] = []
    axes: list[str] = []
    for entry in _drawing_order(muscles_on(view)):
        depth = "deep" if entry.deep else "superficial"
        for side in ("right", "left"):
            shape = placed[(entry.id, side)]
            paths.append(
                f'<path id="muscle-{entry.id}-{side}" class="muscle {depth}" '
                f'd="{smooth_closed_path(shape.ring)}"/>'
            )
            (x1, y1), (x2, y2) = shape.origin, shape.insertion
            axes.append(
                f'<line id="axis-{entry.id}-{side}" '
                f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'
            )
    return paths, axes
