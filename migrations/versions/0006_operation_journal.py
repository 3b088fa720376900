"""the operation journal: one row per edit (or undo, or redo), and the audit rows that name it

A table `operation` (who, when, what in English and Japanese, the topics and months it touched,
whether it can be undone, which edit an undo or redo reverts, and whether an edit is done or
undone) and a column audit_entry.operation_id. Existing audit rows name no operation.

Revision ID: 0006_operation_journal
Revises: 0005_alt_diet_review
Create Date: 2027-01-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_operation_journal"
down_revision = "0005_alt_diet_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "operation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.Enum("edit", "undo", "redo", name="operation_kind", native_enum=False,
                                  create_constraint=True, length=20), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("text_ja", sa.Text(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("months", sa.JSON(), nullable=False),
        sa.Column("undoable", sa.Boolean(), nullable=False),
        sa.Column("reverts", sa.Integer(), nullable=True),
        sa.Column("state", sa.Enum("done", "undone", name="operation_state", native_enum=False,
                                   create_constraint=True, length=20), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"], name=op.f("fk_operation_branch_id_branch"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reverts"], ["operation.id"], name=op.f("fk_operation_reverts_operation"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operation")),
    )
    with op.batch_alter_table("operation") as batch_op:
        batch_op.create_index("ix_operation_branch", ["branch_id", "id"], unique=False)
    with op.batch_alter_table("audit_entry") as batch_op:
        batch_op.add_column(sa.Column("operation_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_audit_entry_operation_id_operation"), "operation",
                                    ["operation_id"], ["id"], ondelete="SET NULL")
        batch_op.create_index(batch_op.f("ix_audit_entry_operation_id"), ["operation_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_entry") as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_operation_id"))
        batch_op.drop_constraint(batch_op.f("fk_audit_entry_operation_id_operation"), type_="foreignkey")
        batch_op.drop_column("operation_id")
    with op.batch_alter_table("operation") as batch_op:
        batch_op.drop_index("ix_operation_branch")
    op.drop_table("operation")
