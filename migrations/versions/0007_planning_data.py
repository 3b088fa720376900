"""the placement planner's data: schools' demand, locations, how ALTs travel, pinned placements

school: latitude, longitude. alt: end_date (contract end), home_latitude, home_longitude,
travel_mode (car, train_bus, bicycle; existing ALTs: car), preferred_levels (JSON, []),
max_schools (a cap on schools). placement: pinned (false). New tables school_demand (ALT days
per week or per fortnight, weekdays, classes per day, from a date) and travel_time (minutes from
a place code to a school code, imported by branches that have such a table).

Revision ID: 0007_planning_data
Revises: 0006_operation_journal
Create Date: 2027-01-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_planning_data"
down_revision = "0006_operation_journal"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("school") as batch_op:
        batch_op.add_column(sa.Column("latitude", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("longitude", sa.Float(), nullable=True))
    with op.batch_alter_table("alt") as batch_op:
        batch_op.add_column(sa.Column("end_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("home_latitude", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("home_longitude", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column(
            "travel_mode",
            sa.Enum("car", "train_bus", "bicycle", name="travel_mode", native_enum=False,
                    create_constraint=True, length=20),
            nullable=False, server_default="car"))
        batch_op.add_column(sa.Column("preferred_levels", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("max_schools", sa.Integer(), nullable=True))
    with op.batch_alter_table("placement") as batch_op:
        batch_op.add_column(sa.Column("pinned", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "school_demand",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("period_weeks", sa.Integer(), nullable=False),
        sa.Column("weekdays", sa.JSON(), nullable=False),
        sa.Column("classes_per_day", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("days >= 1 AND days <= 10", name=op.f("ck_school_demand_demand_days_range")),
        sa.CheckConstraint("period_weeks IN (1, 2)", name=op.f("ck_school_demand_demand_period_weeks")),
        sa.CheckConstraint("classes_per_day >= 0", name=op.f("ck_school_demand_demand_classes_not_negative")),
        sa.CheckConstraint("end_date IS NULL OR end_date >= start_date",
                           name=op.f("ck_school_demand_demand_end_after_start")),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"], name=op.f("fk_school_demand_branch_id_branch"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"], name=op.f("fk_school_demand_school_id_school"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_demand")),
    )
    with op.batch_alter_table("school_demand") as batch_op:
        batch_op.create_index(batch_op.f("ix_school_demand_branch_id"), ["branch_id"], unique=False)
        batch_op.create_index("ix_school_demand_school", ["school_id"], unique=False)
    op.create_table(
        "travel_time",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("from_code", sa.String(length=20), nullable=False),
        sa.Column("to_code", sa.String(length=20), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint("minutes >= 0", name=op.f("ck_travel_time_travel_minutes_not_negative")),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"], name=op.f("fk_travel_time_branch_id_branch"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_travel_time")),
        sa.UniqueConstraint("branch_id", "from_code", "to_code",
                            name=op.f("uq_travel_time_branch_id_from_code_to_code")),
    )


def downgrade() -> None:
    op.drop_table("travel_time")
    with op.batch_alter_table("school_demand") as batch_op:
        batch_op.drop_index("ix_school_demand_school")
        batch_op.drop_index(batch_op.f("ix_school_demand_branch_id"))
    op.drop_table("school_demand")
    with op.batch_alter_table("placement") as batch_op:
        batch_op.drop_column("pinned")
    with op.batch_alter_table("alt") as batch_op:
        batch_op.drop_column("max_schools")
        batch_op.drop_column("preferred_levels")
        batch_op.drop_constraint(batch_op.f("ck_alt_travel_mode"), type_="check")
        batch_op.drop_column("travel_mode")
        batch_op.drop_column("home_longitude")
        batch_op.drop_column("home_latitude")
        batch_op.drop_column("end_date")
    with op.batch_alter_table("school") as batch_op:
        batch_op.drop_column("longitude")
        batch_op.drop_column("latitude")
