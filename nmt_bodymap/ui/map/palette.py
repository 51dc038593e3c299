"""Colours of the body map: pain intensity, referral zones, highlights.

Intensity uses a perceptually uniform sequential ramp (the "inferno" family,
pale yellow for mild to deep purple for worst): its lightness falls steadily,
so the order reads the same with any colour-vision deficiency and in grey-scale
print. Every mark also carries its number, so colour is never the only cue.
"""

from __future__ import annotations

import itertools

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from nmt_bodymap.core.pain import INTENSITY_MAX

MAX_INTENSITY = INTENSITY_MAX

# (t, colour) stops of the inferno colour map; interpolated linearly between them.
_INFERNO: tuple[tuple[float, str], ...] = (
    (0.0, "#000004"),
    (0.1, "#160b39"),
    (0.2, "#420a68"),
    (0.3, "#6a176e"),
    (0.4, "#932667"),
    (0.5, "#bc3754"),
    (0.6, "#dd513a"),
    (0.7, "#f37819"),
    (0.8, "#fca50a"),
    (0.9, "#f6d746"),
    (1.0, "#fcffa4"),
)
_MILD_T = 0.93  # intensity 0: pale yellow
_WORST_T = 0.12  # intensity 10: deep purple


def _inferno(t: float) -> QColor:
    t = min(1.0, max(0.0, t))
    for (t0, c0), (t1, c1) in itertools.pairwise(_INFERNO):
        if t <= t1:
            a, b = QColor(c0), QColor(c1)
            f = (t - t0) / (t1 - t0)
            return QColor.fromRgbF(
                a.redF() + (b.redF() - a.redF()) * f,
                a.greenF() + (b.greenF() - a.greenF()) * f,
                a.blueF() + (b.blueF() - a.blueF()) * f,
            )
    return QColor(_INFERNO[-1][1])


_BY_LEVEL: dict[int, QColor] = {}  # each level's colour, worked out once (a paint reads it)


def intensity_color(intensity: int) -> QColor:
    """Fill colour of a pain mark of the given intensity (0-10)."""
    level = min(MAX_INTENSITY, max(0, intensity))
    found = _BY_LEVEL.get(level)
    if found is None:
        found = _BY_LEVEL[level] = _inferno(_MILD_T + (_WORST_T - _MILD_T) * level / MAX_INTENSITY)
    return QColor(found)  # a copy: the caller may change it


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    r, g, b = background.redF(), background.greenF(), background.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#000000") if luminance > 0.45 else QColor("#ffffff")


def is_dark_theme() -> bool:
    """True when the system palette (and so the app) is dark."""
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class MapColors:
    """Colours of the drawing, chosen for the current light or dark palette."""

    def __init__(self, dark: bool | None = None) -> None:
        self.choose(dark)

    def choose(self, dark: bool | None = None) -> None:
        """(Re)pick every colour for a light or dark palette (None: the current one); the
        scenes share this object, so a theme change while running reaches them all."""
        self.dark = is_dark_theme() if dark is None else dark
        if self.dark:
            self.background = QColor("#1f2327")
            self.skin = QColor("#3a4047")
            self.outline = QColor("#d8dde3")
            # The drawing keeps its light skin tone in both themes (it is the SVG's),
            # so lines on the figure stay dark.
            self.region_edge = QColor(0, 0, 0, 34)
            self.landmark = QColor(0, 0, 0, 80)
            self.hover = QColor(120, 190, 255, 70)
        else:
            self.background = QColor("#fbfbfa")
            self.skin = QColor("#f1ece6")
            self.outline = QColor("#4a4f55")
            self.region_edge = QColor(0, 0, 0, 30)
            self.landmark = QColor(0, 0, 0, 80)
            self.hover = QColor(30, 120, 220, 55)
        # Referral zones and the muscle: blue/teal family, distinct from the warm pain ramp.
        self.essential = QColor(0, 114, 178, 120)  # Okabe-Ito blue
        self.spillover = QColor(0, 114, 178, 200)  # hatch lines
        self.spillover_fill = QColor(0, 114, 178, 28)
        self.muscle = QColor(0, 158, 115, 110)  # Okabe-Ito bluish green
        self.muscle_edge = QColor(0, 110, 80) if not self.dark else QColor(90, 220, 170)
        self.pin = QColor(213, 94, 0)  # Okabe-Ito vermillion
        self.finding_active = QColor(204, 121, 167)  # Okabe-Ito reddish purple
        self.selection = QColor(30, 120, 220) if not self.dark else QColor(120, 190, 255)
        self.unsaved = QColor(213, 0, 0)
