"""Touch on a body view: tap, pinch zoom, two-finger pan, long press (issue 15).

Only a touchscreen's events are taken here (a touchpad's come as mouse and wheel events
already). The whole touch sequence is accepted, so Qt makes no mouse events from it and a
tap places a mark exactly once:

- one finger, lifted without moving more than ``SLOP_MM``: a tap, i.e. a left click;
- one finger held ``LONG_PRESS_MS`` without moving: the menu of the mark under it (the
  same as a right click); nothing on the figure under it: nothing happens;
- two fingers: the figure zooms by the change of their distance around their centre and
  follows their centre (pinch and pan in one gesture); lifting them places nothing.

Distances on the glass are in millimetres, turned into pixels with the screen's physical
DPI (``target_pixels``), so gestures and targets feel the same on every screen.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QTimer
from PySide6.QtGui import QEventPoint, QInputDevice, QScreen, QTouchEvent

if TYPE_CHECKING:
    from nmt_bodymap.ui.map.body_view import BodyView

TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd)
TARGET_MM = 9.0  # smallest touch target (marks, pins)
SLOP_MM = 3.0  # a finger moving less than this is holding still
LONG_PRESS_MS = 500
MM_PER_INCH = 25.4
FALLBACK_DPI = 96.0  # a screen that reports no usable physical size
DPI_RANGE = (60.0, 600.0)


def screen_dpi(screen: QScreen | None) -> float:
    """Device-independent pixels per inch of ``screen`` from its physical size."""
    if screen is None:
        return FALLBACK_DPI
    dpi = screen.physicalDotsPerInch()
    low, high = DPI_RANGE
    if not math.isfinite(dpi) or not low <= dpi <= high:
        dpi = screen.logicalDotsPerInch()  # a bogus EDID: the system's idea instead
    return dpi if low <= dpi <= high else FALLBACK_DPI


def mm_to_pixels(mm: float, screen: QScreen | None) -> float:
    return mm / MM_PER_INCH * screen_dpi(screen)


def target_pixels(screen: QScreen | None) -> float:
    """The diameter in pixels of a 9 mm touch target on ``screen``."""
    return mm_to_pixels(TARGET_MM, screen)


class TouchGestures:
    """Turns a view's touchscreen events into taps, pinches, pans and long presses."""

    def __init__(self, view: BodyView) -> None:
        self._view = view
        self._long_press = QTimer(view)
        self._long_press.setSingleShot(True)
        self._long_press.setInterval(LONG_PRESS_MS)
        self._long_press.timeout.connect(self._on_long_press)
        self._start = QPointF()
        self._tap_possible = False  # one finger, still, not yet used for anything else
        self._pinch: tuple[QPointF, float] | None = None  # anchor (scene), last distance

    @property
    def pinching(self) -> bool:
        return self._pinch is not None

    @property
    def long_press_pending(self) -> bool:
        """A finger is down and still: its menu opens when the long press is up."""
        return self._long_press.isActive()

    def handle(self, event: QTouchEvent) -> bool:
        """Act on one touch event; False leaves it to Qt (not from a touchscreen)."""
        device = event.device()
        if device is None or device.type() != QInputDevice.DeviceType.TouchScreen:
            return False
        points = [p for p in event.points() if p.state() != QEventPoint.State.Released]
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            self._begin(event)
        elif kind == QEvent.Type.TouchUpdate:
            self._update(event, points)
        else:
            self._end(event)
        event.accept()
        return True

    def _begin(self, event: QTouchEvent) -> None:
        self._pinch = None
        self._tap_possible = len(event.points()) == 1
        self._start = event.points()[0].position()
        if self._tap_possible:
            self._long_press.start()
        else:  # two fingers down at once: the pinch starts from where they are
            self._pinch_to(event.points()[0].position(), event.points()[1].position())

    def _update(self, event: QTouchEvent, held: list[QEventPoint]) -> None:
        if len(event.points()) >= 2 or len(held) >= 2:
            self._cancel_tap()
            first, second = (held if len(held) >= 2 else event.points())[:2]
            self._pinch_to(first.position(), second.position())
            return
        self._pinch = None  # one finger left of a pinch: it does nothing more
        if self._tap_possible and event.points():
            moved = event.points()[0].position() - self._start
            if math.hypot(moved.x(), moved.y()) > mm_to_pixels(SLOP_MM, self._view.screen()):
                self._cancel_tap()

    def _end(self, event: QTouchEvent) -> None:
        tap = self._tap_possible and self._long_press.isActive()
        self._cancel_tap()
        self._pinch = None
        if tap and event.points():
            self._view.tap(event.points()[0].position().toPoint())

    def _cancel_tap(self) -> None:
        self._tap_possible = False
        self._long_press.stop()

    def _on_long_press(self) -> None:
        if self._tap_possible:
            self._tap_possible = False  # the finger lifting later is not a tap
            self._view.request_mark_menu(self._start.toPoint())

    def _pinch_to(self, a: QPointF, b: QPointF) -> None:
        centre = (a + b) / 2
        distance = math.hypot(a.x() - b.x(), a.y() - b.y())
        view = self._view
        if self._pinch is None:
            # The point of the figure under the fingers' centre: it stays under it.
            anchor, _ok = view.viewportTransform().inverted()
            self._pinch = (anchor.map(centre), distance)
            return
        anchor_point, last_distance = self._pinch
        self._pinch = (anchor_point, distance)
        if last_distance > 0 and distance > 0:
            factor = view.clamped_factor(distance / last_distance)
            if abs(factor - 1) > 1e-6:
                view.zoom_by(factor)
        # Zoom and pan in one: the anchored point follows the fingers' centre.
        now = view.viewportTransform().map(anchor_point)
        view.pan_by(centre.x() - now.x(), centre.y() - now.y())
