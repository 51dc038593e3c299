"""Is a point on the figure? (Qt-free)

A pain mark belongs on the body: inside the figure's outline (the ``outline`` layer of the
view's drawing), or within ``ON_BODY_TOLERANCE`` view units of it, so a click on the edge
of the skin still counts. Points in the empty parts of the view box (beside the head,
between the legs) are not on the figure.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import shapely

    from nmt_bodymap.core.atlas import Atlas

# View units (the diagrams are drawn about 1,000 units tall): about the width of a fingertip
# on the drawing, the slack a click on the skin's edge needs.
ON_BODY_TOLERANCE = 12.0

# atlas -> view -> its outline grown by the tolerance, prepared for fast point tests
_GROWN: weakref.WeakKeyDictionary[Atlas, dict[str, shapely.Geometry]] = weakref.WeakKeyDictionary()


def _grown_outline(atlas: Atlas, view: str) -> shapely.Geometry:
    import shapely

    grown = _GROWN.setdefault(atlas, {})
    if view not in grown:
        shape = atlas.outline(view).buffer(ON_BODY_TOLERANCE)
        shapely.prepare(shape)
        grown[view] = shape
    return grown[view]


def on_body(atlas: Atlas, view: str, x: float, y: float) -> bool:
    """True when ``(x, y)`` lies on the ``view`` figure or within the tolerance of its edge.

    Raises ``KeyError`` for a view the atlas does not draw (``internal`` has no figure).
    """
    found = atlas.near_outline(view, x, y, ON_BODY_TOLERANCE)  # no shapely (issue 18)
    if found is not None:
        return found
    from shapely.geometry import Point

    return bool(_grown_outline(atlas, view).intersects(Point(x, y)))
