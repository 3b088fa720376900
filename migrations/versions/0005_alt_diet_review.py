"""a coordinator's review of an ALT's free-text diet (notes, other allergens) the lunch rules cannot read

Two columns on alt: diet_review ("school_lunch_ok" or "own_lunch") and diet_review_of (a
fingerprint of the text the review was made for). Both empty: every ALT with such text
starts as "to review", which is the safe side (own lunch).

Revision ID: 0005_alt_diet_review
Revises: 0004_visit_covering_index
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_alt_diet_review"
down_revision = "0004_visit_covering_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alt") as batch_op:
        batch_op.add_column(sa.Column("diet_review", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("diet_review_of", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("alt") as batch_op:
        batch_op.drop_column("diet_review_of")
        batch_op.drop_column("diet_review")
