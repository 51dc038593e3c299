"""Every hold's length: ``treatments.hold_lengths``, the seconds of each hold in order.

Before this revision a treatment kept one length and a count (``hold_seconds`` and
``repetitions``), so 20 s then 10 s could only be stored as "10 s x 2". The new column is
JSON (a list of whole seconds, ``[20, 10]``): one column, read back as a list, written as
it is by the JSON export and as ``[20, 10]`` in the CSV.

Data migration of the rows already charted (their real lengths were never stored, so
this is the best the old columns say):

- ``hold_seconds`` H with ``repetitions`` N becomes N equal holds ``[H] * N``
  (no count: one hold ``[H]``); no ``hold_seconds``: no holds ``[]``;
- a response the charting form wrote as "Holds 20 s, 10 s; softened" (holds of different
  lengths, written there while the store kept one length) gives ``[20, 10]`` and keeps
  "softened" as the response; its ``hold_seconds`` (then the total) is cleared.

Downgrade drops the column (the equal-length summary columns are left as they are).

Revision ID: 0007
Revises: 0005 (the lead re-chains it after 0006 at merge)
Create Date: 2026-12-02
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"  # re-chained at merge after 0006 signing
branch_labels = None
depends_on = None

HOLDS_PREFIX = "Holds "
_LISTED = re.compile(r"^Holds ((?:\d+ s, )*\d+ s)(?:; (.*))?$", re.DOTALL)


def old_holds(
    hold_seconds: int | None, repetitions: int | None, response: str
) -> tuple[list[int], int | None, str]:
    """(hold lengths, hold_seconds, response) of a treatment row written before 0007."""
    listed = _LISTED.match(response or "")
    if listed is not None:
        lengths = [int(n) for n in re.findall(r"\d+", listed.group(1))]
        return lengths, None, listed.group(2) or ""
    if not hold_seconds:
        return [], hold_seconds, response
    return [hold_seconds] * max(1, repetitions or 1), hold_seconds, response


def upgrade() -> None:
    op.add_column("treatments", sa.Column("hold_lengths", sa.JSON(), nullable=True))
    treatments = sa.table(
        "treatments",
        sa.column("id", sa.Integer()),
        sa.column("hold_seconds", sa.Integer()),
        sa.column("repetitions", sa.Integer()),
        sa.column("response", sa.Text()),
        sa.column("hold_lengths", sa.JSON()),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            treatments.c.id,
            treatments.c.hold_seconds,
            treatments.c.repetitions,
            treatments.c.response,
        )
    ).all()
    for row_id, hold_seconds, repetitions, response in rows:
        lengths, seconds, text = old_holds(hold_seconds, repetitions, response)
        bind.execute(
            treatments.update()
            .where(treatments.c.id == row_id)
            .values(hold_lengths=lengths, hold_seconds=seconds, response=text)
        )


def downgrade() -> None:
    op.drop_column("treatments", "hold_lengths")  # plain DROP COLUMN (SQLite 3.35+)
