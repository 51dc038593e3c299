"""Signed visits, amendments and consent (issue 16): the visit's signature columns, the
append-only ``amendments`` table (``store/signing.py``, ``core/signing.py``) and the
append-only ``consents`` table (``store/consent.py``, ``core/consent.py``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nmt_bodymap.store.models import UtcDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("signed_by", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("signed_at", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("signature", sa.String(64), nullable=False, server_default=""))
    op.create_table(
        "amendments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column(
            "visit_id",
            sa.Integer(),
            sa.ForeignKey("visits.id", name="fk_amendments_visit_id_visits"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("row_uid", sa.String(36), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("amended_by", sa.String(200), nullable=False),
        sa.Column("amended_at", UtcDateTime(), nullable=False),
        sa.Column("signature", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_amendments"),
    )
    op.create_index("ix_amendments_uid", "amendments", ["uid"], unique=True)
    op.create_index("ix_amendments_visit_id", "amendments", ["visit_id"])
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", name="fk_consents_client_id_clients"),
            nullable=False,
        ),
        sa.Column("text_version", sa.String(60), nullable=False),
        sa.Column("consented_on", sa.Date(), nullable=False),
        sa.Column("typed_name", sa.String(200), nullable=False),
        sa.Column("drawing", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(200), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consents"),
    )
    op.create_index("ix_consents_uid", "consents", ["uid"], unique=True)
    op.create_index("ix_consents_client_id", "consents", ["client_id"])


def downgrade() -> None:
    op.drop_index("ix_consents_client_id", table_name="consents")
    op.drop_index("ix_consents_uid", table_name="consents")
    op.drop_table("consents")
    op.drop_index("ix_amendments_visit_id", table_name="amendments")
    op.drop_index("ix_amendments_uid", table_name="amendments")
    op.drop_table("amendments")
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("signature")
        batch.drop_column("signed_at")
        batch.drop_column("signed_by")
