"""visit.planned_date: the placement occurrence a visit fills, kept when it is moved

Revision ID: 0002_visit_planned_date
Revises: 0001_initial
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_visit_planned_date"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit") as batch_op:
        batch_op.add_column(sa.Column("planned_date", sa.Date(), nullable=True))
        batch_op.drop_index("ix_visit_placement_date")
        batch_op.create_index("ix_visit_placement_slot", ["placement_id", "planned_date"], unique=False)
    # Generated visits of older files fill the occurrence on their own date.
    op.execute("UPDATE visit SET planned_date = date WHERE placement_id IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("visit") as batch_op:
        batch_op.drop_index("ix_visit_placement_slot")
        batch_op.create_index("ix_visit_placement_date", ["placement_id", "date"], unique=False)
        batch_op.drop_column("planned_date")
