"""Lateral arm and forearm strips (issue 17): stored marks on the front and back of the upper
arm and of the forearm move to the part under the mark.

The outer third of each limb segment is now its own region, drawn on both views and a part
of both wholes: ``anterior_arm`` became ``medial_anterior_arm`` and ``lateral_arm``,
``posterior_arm`` ``medial_posterior_arm`` and ``lateral_arm`` (the forearm alike). As in
0008, a pain mark on one of these names with a point on a drawing is moved to the part the
atlas finds under its point (the nearest part of the same side when the point lies just
outside every part); a mark without a point keeps the old name, which stays valid as the
union of its parts. Versions and history are left as they are (a rename the schema makes,
not a clinician's edit). Downgrade names the whole of the mark's view again.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Frozen here, as the vocabulary stood when the split was made (resources/regions.yaml).
SPLITS: dict[str, tuple[str, ...]] = {
    "anterior_arm": ("medial_anterior_arm", "lateral_arm"),
    "posterior_arm": ("medial_posterior_arm", "lateral_arm"),
    "anterior_forearm": ("medial_anterior_forearm", "lateral_forearm"),
    "posterior_forearm": ("medial_posterior_forearm", "lateral_forearm"),
}
# Downgrade: a strip mark goes back to the whole of the view it was marked on.
_WHOLE_ON_VIEW = {
    ("anterior", "lateral_arm"): "anterior_arm",
    ("posterior", "lateral_arm"): "posterior_arm",
    ("anterior", "lateral_forearm"): "anterior_forearm",
    ("posterior", "lateral_forearm"): "posterior_forearm",
}

_MARKS = sa.table(
    "pain_marks",
    sa.column("id", sa.Integer),
    sa.column("view", sa.String),
    sa.column("x", sa.Float),
    sa.column("y", sa.Float),
    sa.column("region", sa.String),
    sa.column("side", sa.String),
)


def part_for(view: str, x: float, y: float, whole: str, side: str) -> str | None:
    """The part of ``whole`` under the point (the nearest part of the side if none is)."""
    from shapely.geometry import Point

    from nmt_bodymap.core.atlas import load_atlas

    atlas = load_atlas()
    if view not in atlas.views():
        return None
    parts = SPLITS[whole]
    hit = atlas.region_at(view, x, y)
    if hit is not None and hit.region in parts and hit.side == side:
        return hit.region
    shapes = [r for r in atlas.regions(view) if r.region in parts and r.side == side]
    if not shapes:
        return None
    point = Point(x, y)
    return min(shapes, key=lambda r: (r.shape.distance(point), r.region)).region


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(_MARKS.c.id, _MARKS.c.view, _MARKS.c.x, _MARKS.c.y, _MARKS.c.region,
                  _MARKS.c.side).where(_MARKS.c.region.in_(list(SPLITS)))
    ).all()  # fmt: skip
    for mark_id, view, x, y, region, side in rows:
        if x is None or y is None:
            continue
        part = part_for(view, float(x), float(y), region, side)
        if part is not None:
            bind.execute(_MARKS.update().where(_MARKS.c.id == mark_id).values(region=part))


def downgrade() -> None:
    bind = op.get_bind()
    for whole, (medial, _) in SPLITS.items():
        bind.execute(_MARKS.update().where(_MARKS.c.region == medial).values(region=whole))
    for (view, strip), whole in _WHOLE_ON_VIEW.items():
        bind.execute(
            _MARKS.update()
            .where(_MARKS.c.region == strip, _MARKS.c.view == view)
            .values(region=whole)
        )
