"""Row ids and versions on every clinical row; the append-only history of changes.

Every clinical table gets ``uid`` (a UUID, unique; existing rows get a fresh one) and
``version`` (existing rows start at 1). Plain ``ADD COLUMN`` with a default on both
SQLite and PostgreSQL (no table is rebuilt, so no foreign key is disturbed), then the
backfill, then a unique index. ``history`` starts empty: what happened before this
revision was not recorded. Triggers make the database refuse any UPDATE or DELETE of a
history entry (append-only).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from nmt_bodymap.store.models import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = (
    "clients",
    "intakes",
    "complaints",
    "visits",
    "pain_marks",
    "findings",
    "treatments",
    "follow_ups",
    "observations",
)

_REFUSE = "the history of changes is append-only"
# The database itself refuses to change or remove a history entry.
APPEND_ONLY = {
    True: [  # SQLite
        f"CREATE TRIGGER history_no_update BEFORE UPDATE ON history "
        f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END",
        f"CREATE TRIGGER history_no_delete BEFORE DELETE ON history "
        f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END",
    ],
    False: [  # PostgreSQL
        "CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{_REFUSE}'; END $$",
        "CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history "
        "FOR EACH ROW EXECUTE FUNCTION history_append_only()",
    ],
}


def upgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        op.add_column(table, sa.Column("uid", sa.String(36), nullable=False, server_default=""))
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        ids = [row[0] for row in bind.execute(sa.text(f"SELECT id FROM {table} ORDER BY id"))]
        if ids:
            bind.execute(
                sa.text(f"UPDATE {table} SET uid = :uid, version = 1 WHERE id = :id"),
                [{"uid": str(uuid.uuid4()), "id": row_id} for row_id in ids],
            )
        op.create_index(f"ix_{table}_uid", table, ["uid"], unique=True)
        if bind.dialect.name != "sqlite":  # SQLite cannot drop a default without a rebuild
            op.alter_column(table, "uid", server_default=None)
    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", name="fk_history_client_id_clients"),
            nullable=False,
        ),
        sa.Column("client_uid", sa.String(36), nullable=False),
        sa.Column("visit_uid", sa.String(36), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("row_uid", sa.String(36), nullable=False),
        sa.Column("op", sa.String(10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_history"),
    )
    op.create_index("ix_history_client_id_id", "history", ["client_id", "id"])
    op.create_index("ix_history_row_uid", "history", ["row_uid"])
    for statement in APPEND_ONLY[bind.dialect.name == "sqlite"]:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER IF EXISTS history_append_only ON history")
        op.execute("DROP FUNCTION IF EXISTS history_append_only()")
    op.drop_index("ix_history_row_uid", table_name="history")
    op.drop_index("ix_history_client_id_id", table_name="history")
    op.drop_table("history")
    for table in reversed(TABLES):
        op.drop_index(f"ix_{table}_uid", table_name=table)
        for column in ("version", "uid"):
            # Plain DROP COLUMN (SQLite 3.35+): a batch rebuild would drop parent tables
            # that other rows refer to, which foreign keys forbid.
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
