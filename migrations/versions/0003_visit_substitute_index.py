"""index on visit.substitute_for_visit_id: deleting a visit no longer scans the whole table

Revision ID: 0003_visit_substitute_index
Revises: 0002_visit_planned_date
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0003_visit_substitute_index"
down_revision = "0002_visit_planned_date"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit") as batch_op:
        batch_op.create_index("ix_visit_substitute_for", ["substitute_for_visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit") as batch_op:
        batch_op.drop_index("ix_visit_substitute_for")
