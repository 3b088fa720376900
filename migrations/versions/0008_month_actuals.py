"""month actuals: a cancelled visit's reason, closed months and their corrections

visit: cancel_reason (school_closed, weather, illness, event, other; NULL for a visit never
cancelled, and for visits cancelled before this revision), cancel_note (''). New tables
closed_month (a branch's month whose actuals went to head office) and month_correction (an edit
made to a closed month, with its reason). The visit columns are added in place (no rebuild of
the visit table on SQLite).

Revision ID: 0008_month_actuals
Revises: 0007_planning_data
Create Date: 2027-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_month_actuals"
down_revision = "0007_planning_data"
branch_labels = None
depends_on = None

REASONS = ("school_closed", "weather", "illness", "event", "other")


def upgrade() -> None:
    # SQLite cannot add a CHECK to a table in place (only a rebuild can); the ORM's enum
    # validates the value on every write there, PostgreSQL gets the CHECK.
    in_place = op.get_bind().dialect.name == "sqlite"
    op.add_column("visit", sa.Column(
        "cancel_reason",
        sa.Enum(*REASONS, name="visit_cancel_reason", native_enum=False, create_constraint=not in_place,
                length=20),
        nullable=True))
    op.add_column("visit", sa.Column("cancel_note", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "closed_month",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"], name=op.f("fk_closed_month_branch_id_branch"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closed_month")),
        sa.UniqueConstraint("branch_id", "month", name=op.f("uq_closed_month_branch_id_month")),
    )
    op.create_table(
        "month_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"], name=op.f("fk_month_correction_branch_id_branch"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_month_correction")),
    )
    op.create_index("ix_month_correction_lookup", "month_correction", ["branch_id", "month"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_month_correction_lookup", table_name="month_correction")
    op.drop_table("month_correction")
    op.drop_table("closed_month")
    with op.batch_alter_table("visit") as batch_op:
        batch_op.drop_column("cancel_note")
        batch_op.drop_column("cancel_reason")
