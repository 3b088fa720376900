"""covering index for a branch's visits by date: the board and the conflict check read from the index alone

Replaces ix_visit_date (branch_id, date) with an index that starts with the same two columns
and holds every column those reads need, so it serves every query the old one served.

Revision ID: 0004_visit_covering_index
Revises: 0003_visit_substitute_index
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0004_visit_covering_index"
down_revision = "0003_visit_substitute_index"
branch_labels = None
depends_on = None

# Written out, not imported from the models: a migration stays what it was when it shipped.
COVERED = ["branch_id", "date", "start_time", "id", "version", "alt_id", "school_id", "end_time",
           "status", "kind", "lunch_mode", "classes", "periods", "needs_reschedule"]


def upgrade() -> None:
    with op.batch_alter_table("visit") as batch_op:
        batch_op.drop_index("ix_visit_date")
        batch_op.create_index("ix_visit_branch_date_covering", COVERED, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit") as batch_op:
        batch_op.drop_index("ix_visit_branch_date_covering")
        batch_op.create_index("ix_visit_date", ["branch_id", "date"], unique=False)
