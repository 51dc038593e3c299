"""Initial chart schema: clients, intakes and complaints, visits, pain marks, findings,
treatments.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nmt_bodymap.store.models import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
    ]


def _visit_fk(table: str) -> list[sa.Column]:
    return [
        sa.Column(
            "visit_id",
            sa.Integer(),
            sa.ForeignKey("visits.id", name=f"fk_{table}_visit_id_visits"),
            nullable=False,
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("surname_key", sa.String(200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(100), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name="pk_clients"),
    )
    for column in ("name_key", "surname_key"):
        op.create_index(
            f"ix_clients_{column}",
            "clients",
            [column],
            postgresql_ops={column: "text_pattern_ops"},
        )
    op.create_index("ix_clients_updated_at", "clients", ["updated_at"])
    op.create_index("ix_clients_date_of_birth", "clients", ["date_of_birth"])

    op.create_table(
        "intakes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", name="fk_intakes_client_id_clients"),
            nullable=False,
        ),
        sa.Column("history", sa.Text(), nullable=False),
        sa.Column("medications", sa.Text(), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("occupation", sa.Text(), nullable=False),
        sa.Column("habits", sa.Text(), nullable=False),
        sa.Column("stress", sa.Integer(), nullable=True),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("sleep_notes", sa.Text(), nullable=False),
        sa.Column("hydration_litres", sa.Float(), nullable=True),
        sa.Column("nutrition", sa.Text(), nullable=False),
        sa.Column("breathing", sa.Text(), nullable=False),
        sa.Column("red_flags", sa.JSON(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name="pk_intakes"),
        sa.UniqueConstraint("client_id", name="uq_intakes_client_id"),
    )

    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "intake_id",
            sa.Integer(),
            sa.ForeignKey("intakes.id", name="fk_complaints_intake_id_intakes"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("onset_date", sa.Date(), nullable=True),
        sa.Column("duration_weeks", sa.Float(), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name="pk_complaints"),
    )
    op.create_index("ix_complaints_intake_id", "complaints", ["intake_id"])

    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", name="fk_visits_client_id_clients"),
            nullable=False,
        ),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("therapist", sa.String(200), nullable=False),
        sa.Column("chief_complaint", sa.Text(), nullable=False),
        sa.Column("subjective", sa.Text(), nullable=False),
        sa.Column("objective", sa.Text(), nullable=False),
        sa.Column("assessment", sa.Text(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("posture", sa.Text(), nullable=False),
        sa.Column("gait", sa.Text(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name="pk_visits"),
    )
    op.create_index("ix_visits_client_id_started_at", "visits", ["client_id", "started_at"])

    op.create_table(
        "pain_marks",
        sa.Column("id", sa.Integer(), primary_key=True),
        *_visit_fk("pain_marks"),
        sa.Column("view", sa.String(20), nullable=False),
        sa.Column("x", sa.Float(), nullable=True),
        sa.Column("y", sa.Float(), nullable=True),
        sa.Column("region", sa.String(60), nullable=False),
        sa.Column("side", sa.String(10), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=False),
        sa.Column("quality", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name="pk_pain_marks"),
    )
    op.create_index("ix_pain_marks_visit_id", "pain_marks", ["visit_id"])

    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), primary_key=True),
        *_visit_fk("findings"),
        sa.Column("muscle_id", sa.String(60), nullable=False),
        sa.Column("side", sa.String(10), nullable=False),
        sa.Column("trigger_point_id", sa.String(30), nullable=False),
        sa.Column("activity", sa.String(10), nullable=False),
        sa.Column("tenderness", sa.Integer(), nullable=True),
        sa.Column("jump_sign", sa.Boolean(), nullable=False),
        sa.Column("local_twitch", sa.Boolean(), nullable=False),
        sa.Column("referral_reproduced", sa.Boolean(), nullable=False),
        sa.Column("ischemia", sa.Boolean(), nullable=False),
        sa.Column("entrapment", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name="pk_findings"),
    )
    op.create_index("ix_findings_visit_id", "findings", ["visit_id"])

    op.create_table(
        "treatments",
        sa.Column("id", sa.Integer(), primary_key=True),
        *_visit_fk("treatments"),
        sa.Column("muscle_id", sa.String(60), nullable=False),
        sa.Column("side", sa.String(10), nullable=False),
        sa.Column("trigger_point_id", sa.String(30), nullable=False),
        sa.Column("technique", sa.String(200), nullable=False),
        sa.Column("pressure_tolerance", sa.Integer(), nullable=True),
        sa.Column("hold_seconds", sa.Integer(), nullable=True),
        sa.Column("repetitions", sa.Integer(), nullable=True),
        sa.Column("response", sa.Text(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name="pk_treatments"),
    )
    op.create_index("ix_treatments_visit_id", "treatments", ["visit_id"])


def downgrade() -> None:
    for table in ("treatments", "findings", "pain_marks", "visits", "complaints", "intakes"):
        op.drop_table(table)
    op.drop_table("clients")
