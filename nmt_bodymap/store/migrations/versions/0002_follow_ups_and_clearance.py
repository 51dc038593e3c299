"""Follow-ups after a visit, and the red-flag clearance on the intake.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nmt_bodymap.store.models import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "visit_id",
            sa.Integer(),
            sa.ForeignKey("visits.id", name="fk_follow_ups_visit_id_visits"),
            nullable=False,
        ),
        sa.Column("soreness_hours", sa.Float(), nullable=True),
        sa.Column("relief_days", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_follow_ups"),
    )
    op.create_index("ix_follow_ups_visit_id", "follow_ups", ["visit_id"])
    with op.batch_alter_table("intakes") as batch:
        batch.add_column(
            sa.Column("red_flag_clearance", sa.Text(), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("red_flag_cleared_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("intakes") as batch:
        batch.drop_column("red_flag_cleared_on")
        batch.drop_column("red_flag_clearance")
    op.drop_index("ix_follow_ups_visit_id", table_name="follow_ups")
    op.drop_table("follow_ups")
