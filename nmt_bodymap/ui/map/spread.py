"""Badge offsets that keep close marks apart (issue 15), split from ``body_scene``."""

from __future__ import annotations

import math


def spread_offsets(
    points: dict[str, tuple[float, float]], close: float, spacing: float
) -> dict[str, tuple[float, float]]:
    """Badge offsets (screen pixels) that keep close marks apart; (0, 0) for a lone mark.

    ``points`` are the marks' positions on screen. Marks nearer than ``close`` to another
    form a group (transitively); a group's badges go on a circle around its centre, in
    the order of their angle from it (ties: by key), at least ``spacing`` apart.
    """
    keys = sorted(points)
    group_of = {key: key for key in keys}

    def root(key: str) -> str:
        while group_of[key] != key:
            group_of[key] = group_of[group_of[key]]
            key = group_of[key]
        return key

    # Pairs nearer than ``close`` are looked for in the neighbouring cells of a grid of
    # that size (the same pairs as every pair against every other, without n * n checks).
    cells: dict[tuple[int, int], list[str]] = {}
    size = close if close > 0 else 1.0
    for a in keys:
        ax, ay = points[a]
        col, row = math.floor(ax / size), math.floor(ay / size)
        for gx in (col - 1, col, col + 1):
            for gy in (row - 1, row, row + 1):
                for b in cells.get((gx, gy), ()):
                    bx, by = points[b]
                    if math.hypot(ax - bx, ay - by) < close:
                        group_of[root(a)] = root(b)
        cells.setdefault((col, row), []).append(a)
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(root(key), []).append(key)
    offsets: dict[str, tuple[float, float]] = {}
    for members in groups.values():
        if len(members) == 1:
            offsets[members[0]] = (0.0, 0.0)
            continue
        cx = sum(points[k][0] for k in members) / len(members)
        cy = sum(points[k][1] for k in members) / len(members)
        radius = max(spacing / (2 * math.sin(math.pi / len(members))), spacing * 0.75)

        def angle(key: str, cx: float = cx, cy: float = cy) -> tuple[float, str]:
            x, y = points[key]
            if math.hypot(x - cx, y - cy) < 1e-6:
                return (-math.pi, key)
            return (math.atan2(y - cy, x - cx), key)

        ordered = sorted(members, key=angle)
        start = angle(ordered[0])[0] if angle(ordered[0])[0] > -math.pi else -math.pi / 2
        for index, key in enumerate(ordered):
            theta = start + 2 * math.pi * index / len(members)
            x, y = points[key]
            offsets[key] = (cx + radius * math.cos(theta) - x, cy + radius * math.sin(theta) - y)
    return offsets
