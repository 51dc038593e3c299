"""Geometry helpers for drawing muscles: axis frames, smooth outlines, mirroring.

A muscle is described on the client's RIGHT side only, as a closed ring of points and an
axis from its origin attachment to its insertion attachment. The ring is turned into a
smooth closed outline with a centripetal Catmull-Rom spline (written as cubic Béziers, so
the SVG stays editable in Inkscape), and the left side is the exact mirror image about the
figure's midline. Points are often given in the muscle's own frame: ``u`` runs 0..1 from
origin to insertion along the axis and ``v`` is a distance in view units across it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Pt = tuple[float, float]


def lerp(a: Pt, b: Pt, t: float) -> Pt:
    """The point a fraction ``t`` of the way from ``a`` to ``b``."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def add(a: Pt, dx: float = 0.0, dy: float = 0.0) -> Pt:
    """``a`` shifted by (dx, dy)."""
    return (a[0] + dx, a[1] + dy)


def dist(a: Pt, b: Pt) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


@dataclass(frozen=True)
class Frame:
    """Coordinates along (u, 0..1) and across (v, view units) an origin->insertion axis.

    ``v`` is positive to the right of the direction of travel as seen on screen (x right,
    y down), i.e. the normal is the direction rotated a quarter turn clockwise on screen.
    """

    origin: Pt
    insertion: Pt

    def at(self, u: float, v: float = 0.0) -> Pt:
        ox, oy = self.origin
        dx, dy = self.insertion[0] - ox, self.insertion[1] - oy
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length, dx / length
        return (ox + dx * u + nx * v, oy + dy * u + ny * v)

    def ring(self, uv: Iterable[tuple[float, float]]) -> list[Pt]:
        return [self.at(u, v) for u, v in uv]

    @property
    def length(self) -> float:
        return dist(self.origin, self.insertion)


@dataclass(frozen=True)
class MuscleShape:
    """One side's drawing of a muscle: its outline ring and its origin->insertion axis."""

    ring: tuple[Pt, ...]
    origin: Pt
    insertion: Pt

    def mirrored(self, midline: float) -> MuscleShape:
        def flip(p: Pt) -> Pt:
            return (2 * midline - p[0], p[1])

        # Reversing keeps the ring's winding direction after the reflection.
        return MuscleShape(
            ring=tuple(flip(p) for p in reversed(self.ring)),
            origin=flip(self.origin),
            insertion=flip(self.insertion),
        )


def belly(
    origin: Pt,
    insertion: Pt,
    widths: Sequence[tuple[float, float]] | Sequence[tuple[float, float, float]],
    tip0: float = -0.02,
    tip1: float = 1.02,
) -> MuscleShape:
    """A spindle or fan around the axis: ``widths`` lists (u, half-width) or
    (u, half-width on the +v side, half-width on the -v side) from origin to insertion.

    The ends close on the axis slightly beyond the attachments (``tip0``/``tip1``) so
    the axis end points lie inside the outline.
    """
    frame = Frame(origin, insertion)
    plus: list[Pt] = []
    minus: list[Pt] = []
    for row in widths:
        u = row[0]
        w_plus = row[1]
        w_minus = row[2] if len(row) == 3 else row[1]  # type: ignore[misc]
        plus.append(frame.at(u, w_plus))
        minus.append(frame.at(u, -w_minus))
    ring = [frame.at(tip0, 0.0), *plus, frame.at(tip1, 0.0), *reversed(minus)]
    return MuscleShape(tuple(ring), origin, insertion)


def spindle(origin: Pt, insertion: Pt, width: float, peak: float = 0.45) -> MuscleShape:
    """A fusiform belly of greatest half-width ``width`` at fraction ``peak``."""
    rows = [
        (0.03, width * 0.28),
        (peak * 0.5, width * 0.8),
        (peak, width),
        ((peak + 1) / 2, width * 0.78),
        (0.97, width * 0.26),
    ]
    return belly(origin, insertion, rows)


def outline(ring: Sequence[Pt], origin: Pt, insertion: Pt) -> MuscleShape:
    """A muscle drawn from an explicit ring of view points (sheets, odd shapes)."""
    return MuscleShape(tuple(ring), origin, insertion)


def smooth_closed_path(ring: Sequence[Pt], alpha: float = 0.5) -> str:
    """SVG path data of a closed centripetal Catmull-Rom spline through ``ring``.

    The centripetal form (alpha 0.5) never loops or overshoots at unevenly spaced points,
    which keeps narrow tendon ends from bulging out of the figure.
    """
    pts = _dedupe(ring)
    n = len(pts)
    parts = [f"M{_fmt(pts[0])}"]
    for i in range(n):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        c1, c2 = _bezier_controls(p0, p1, p2, p3, alpha)
        parts.append(f"C{_fmt(c1)} {_fmt(c2)} {_fmt(p2)}")
    parts.append("Z")
    return " ".join(parts)


def sample_closed(ring: Sequence[Pt], steps: int = 12, alpha: float = 0.5) -> list[Pt]:
    """Points along the smooth outline (for checks against the figure outline)."""
    pts = _dedupe(ring)
    n = len(pts)
    out: list[Pt] = []
    for i in range(n):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        c1, c2 = _bezier_controls(p0, p1, p2, p3, alpha)
        for k in range(steps):
            t = k / steps
            s = 1 - t
            out.append(
                (
                    s**3 * p1[0] + 3 * s * s * t * c1[0] + 3 * s * t * t * c2[0] + t**3 * p2[0],
                    s**3 * p1[1] + 3 * s * s * t * c1[1] + 3 * s * t * t * c2[1] + t**3 * p2[1],
                )
            )
    return out


def _bezier_controls(p0: Pt, p1: Pt, p2: Pt, p3: Pt, alpha: float) -> tuple[Pt, Pt]:
    d1 = max(dist(p0, p1), 1e-6) ** alpha
    d2 = max(dist(p1, p2), 1e-6) ** alpha
    d3 = max(dist(p2, p3), 1e-6) ** alpha
    c1 = tuple(
        (d1 * d1 * p2[k] - d2 * d2 * p0[k] + (2 * d1 * d1 + 3 * d1 * d2 + d2 * d2) * p1[k])
        / (3 * d1 * (d1 + d2))
        for k in range(2)
    )
    c2 = tuple(
        (d3 * d3 * p1[k] - d2 * d2 * p3[k] + (2 * d3 * d3 + 3 * d3 * d2 + d2 * d2) * p2[k])
        / (3 * d3 * (d3 + d2))
        for k in range(2)
    )
    return (c1[0], c1[1]), (c2[0], c2[1])


def _dedupe(ring: Sequence[Pt]) -> list[Pt]:
    pts: list[Pt] = []
    for p in ring:
        if not pts or dist(pts[-1], p) > 1e-3:
            pts.append(p)
    if len(pts) > 1 and dist(pts[0], pts[-1]) <= 1e-3:
        pts.pop()
    return pts


def _fmt(p: Pt) -> str:
    return f"{_num(p[0])},{_num(p[1])}"


def _num(v: float) -> str:
    """One decimal, without a trailing ``.0`` (the SVGs stay small)."""
    s = f"{v:.1f}".removesuffix(".0")
    return "0" if s == "-0" else s


def strap(
    spine: Sequence[Pt],
    widths: float | Sequence[float],
    origin: Pt | None = None,
    insertion: Pt | None = None,
) -> MuscleShape:
    """A band of half-width ``widths`` (one per spine point, or one for all) along a curved
    centre line; for long muscles that bend (sartorius, digastric, tendons round a malleolus).
    The axis runs from the first to the last spine point unless given.
    """
    pts = list(spine)
    ws = [float(widths)] * len(pts) if isinstance(widths, int | float) else list(widths)
    left: list[Pt] = []
    right: list[Pt] = []
    for i, p in enumerate(pts):
        a = pts[max(i - 1, 0)]
        b = pts[min(i + 1, len(pts) - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length, dx / length
        left.append((p[0] + nx * ws[i], p[1] + ny * ws[i]))
        right.append((p[0] - nx * ws[i], p[1] - ny * ws[i]))

    def tip(p: Pt, q: Pt, w: float) -> Pt:
        d = dist(p, q) or 1.0
        reach = min(w, 3.0)
        return (p[0] + (p[0] - q[0]) / d * reach, p[1] + (p[1] - q[1]) / d * reach)

    ring = [tip(pts[0], pts[1], ws[0]), *left, tip(pts[-1], pts[-2], ws[-1]), *reversed(right)]
    return MuscleShape(tuple(ring), origin or pts[0], insertion or pts[-1])


def ellipse(centre: Pt, rx: float, ry: float, n: int = 12) -> list[Pt]:
    """Ring points of an axis-aligned ellipse (orbicularis oculi round the eye)."""
    return [
        (
            centre[0] + rx * math.cos(2 * math.pi * k / n),
            centre[1] + ry * math.sin(2 * math.pi * k / n),
        )
        for k in range(n)
    ]


def pts(text: str) -> list[Pt]:
    """Points written compactly as ``"u,y u,y ..."`` (outline rings read like SVG data)."""
    out: list[Pt] = []
    for pair in text.split():
        u, y = pair.split(",")
        out.append((float(u), float(y)))
    return out
