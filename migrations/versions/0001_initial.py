"""initial schema

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-25 17:37:34.814562
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "branch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branch")),
        sa.UniqueConstraint("code", name=op.f("uq_branch_code")),
    )
    op.create_table(
        "alt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("given_name", sa.String(length=100), nullable=False),
        sa.Column("kana", sa.String(length=200), nullable=False),
        sa.Column("nationality", sa.String(length=60), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "on_leave",
                "left",
                name="alt_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("levels", sa.JSON(), nullable=False),
        sa.Column("allergens", sa.JSON(), nullable=False),
        sa.Column("other_allergens", sa.String(length=300), nullable=False),
        sa.Column("vegetarian", sa.Boolean(), nullable=False),
        sa.Column("vegan", sa.Boolean(), nullable=False),
        sa.Column("halal", sa.Boolean(), nullable=False),
        sa.Column("gluten_free", sa.Boolean(), nullable=False),
        sa.Column("diet_notes", sa.Text(), nullable=False),
        sa.Column("share_diet_consent", sa.Boolean(), nullable=False),
        sa.Column("weekly_class_limit", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_alt_branch_id_branch"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alt")),
        sa.UniqueConstraint("branch_id", "code", name=op.f("uq_alt_branch_id_code")),
    )
    with op.batch_alter_table("alt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alt_branch_id"), ["branch_id"], unique=False)

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "create",
                "update",
                "delete",
                "export",
                "import",
                name="audit_action",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_audit_entry_branch_id_branch"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index("ix_audit_at", ["branch_id", "at"], unique=False)
        batch_op.create_index("ix_audit_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "board",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name_ja", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("contract_days_per_year", sa.Integer(), nullable=True),
        sa.Column("contract_hours_per_day", sa.Double(), nullable=True),
        sa.Column("lunch_notice_rule", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_board_branch_id_branch"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board")),
        sa.UniqueConstraint("branch_id", "code", name=op.f("uq_board_branch_id_code")),
    )
    with op.batch_alter_table("board", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_board_branch_id"), ["branch_id"], unique=False)

    op.create_table(
        "holiday_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("is_holiday", sa.Boolean(), nullable=False),
        sa.Column("name_ja", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"],
            ["branch.id"],
            name=op.f("fk_holiday_override_branch_id_branch"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holiday_override")),
        sa.UniqueConstraint("branch_id", "date", name=op.f("uq_holiday_override_branch_id_date")),
    )
    op.create_table(
        "issued_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("report", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_issued_report_branch_id_branch"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_report")),
    )
    with op.batch_alter_table("issued_report", schema=None) as batch_op:
        batch_op.create_index(
            "ix_issued_report_lookup", ["branch_id", "report", "subject_id", "month"], unique=False
        )

    op.create_table(
        "school",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name_ja", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("short_name_ja", sa.String(length=40), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "kindergarten",
                "elementary",
                "junior_high",
                "senior_high",
                "special_needs",
                name="school_level",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("contact_teacher", sa.String(length=100), nullable=False),
        sa.Column(
            "lunch_policy",
            sa.Enum(
                "serves",
                "none",
                "milk_only",
                name="lunch_policy",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("lunch_price_yen", sa.Integer(), nullable=False),
        sa.Column("lunch_notice_rule", sa.JSON(), nullable=True),
        sa.Column("contracted_days", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "contracted_days IS NULL OR contracted_days >= 0",
            name=op.f("ck_school_contracted_days_not_negative"),
        ),
        sa.CheckConstraint("lunch_price_yen >= 0", name=op.f("ck_school_lunch_price_not_negative")),
        sa.ForeignKeyConstraint(
            ["board_id"], ["board.id"], name=op.f("fk_school_board_id_board"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_school_branch_id_branch"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school")),
        sa.UniqueConstraint("branch_id", "code", name=op.f("uq_school_branch_id_code")),
    )
    with op.batch_alter_table("school", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_school_board_id"), ["board_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_school_branch_id"), ["branch_id"], unique=False)

    op.create_table(
        "bell_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_bell_period_period_end_after_start")),
        sa.CheckConstraint("number >= 1", name=op.f("ck_bell_period_period_number_positive")),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_bell_period_school_id_school"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bell_period")),
        sa.UniqueConstraint("school_id", "number", name=op.f("uq_bell_period_school_id_number")),
    )
    op.create_table(
        "day_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "break",
                "closure",
                "school_day_off",
                "branch_closure",
                name="day_off_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("board_id", sa.Integer(), nullable=True),
        sa.Column("school_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("name_ja", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(kind IN ('break', 'closure') AND board_id IS NOT NULL AND school_id IS NULL) OR (kind = 'school_day_off' AND school_id IS NOT NULL AND board_id IS NULL) OR (kind = 'branch_closure' AND board_id IS NULL AND school_id IS NULL)",
            name=op.f("ck_day_off_day_off_scope_matches_kind"),
        ),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_day_off_day_off_end_after_start")),
        sa.ForeignKeyConstraint(
            ["board_id"], ["board.id"], name=op.f("fk_day_off_board_id_board"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_day_off_branch_id_branch"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_day_off_school_id_school"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_day_off")),
    )
    with op.batch_alter_table("day_off", schema=None) as batch_op:
        batch_op.create_index("ix_day_off_dates", ["branch_id", "start_date", "end_date"], unique=False)

    op.create_table(
        "placement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("alt_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("rrule", sa.String(length=300), nullable=False),
        sa.Column("extra_dates", sa.JSON(), nullable=False),
        sa.Column("removed_dates", sa.JSON(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("periods", sa.String(length=40), nullable=False),
        sa.Column("classes_per_day", sa.Integer(), nullable=False),
        sa.Column(
            "lunch_mode",
            sa.Enum(
                "school_lunch",
                "own_lunch",
                "milk_only",
                "none",
                name="placement_lunch_mode",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("classes_per_day >= 0", name=op.f("ck_placement_placement_classes_not_negative")),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_placement_placement_end_after_start")),
        sa.ForeignKeyConstraint(
            ["alt_id"], ["alt.id"], name=op.f("fk_placement_alt_id_alt"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_placement_branch_id_branch"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_placement_school_id_school"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement")),
    )
    with op.batch_alter_table("placement", schema=None) as batch_op:
        batch_op.create_index("ix_placement_alt", ["alt_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_placement_branch_id"), ["branch_id"], unique=False)
        batch_op.create_index("ix_placement_school", ["school_id"], unique=False)

    op.create_table(
        "school_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("name_ja", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("school_day_off", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_school_event_event_end_after_start")),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_school_event_branch_id_branch"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_school_event_school_id_school"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_event")),
    )
    with op.batch_alter_table("school_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_school_event_branch_id"), ["branch_id"], unique=False)
        batch_op.create_index("ix_school_event_school_date", ["school_id", "date"], unique=False)

    op.create_table(
        "absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("alt_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "paid_leave",
                "sick",
                "training",
                "compensatory",
                name="absence_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_absence_absence_end_after_start")),
        sa.ForeignKeyConstraint(
            ["alt_id"], ["alt.id"], name=op.f("fk_absence_alt_id_alt"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_absence_branch_id_branch"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["school_event.id"],
            name=op.f("fk_absence_event_id_school_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence")),
    )
    with op.batch_alter_table("absence", schema=None) as batch_op:
        batch_op.create_index("ix_absence_alt_dates", ["alt_id", "start_date", "end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_absence_branch_id"), ["branch_id"], unique=False)

    op.create_table(
        "event_attendee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("alt_id", sa.Integer(), nullable=False),
        sa.Column("compensatory_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["alt_id"], ["alt.id"], name=op.f("fk_event_attendee_alt_id_alt"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["school_event.id"],
            name=op.f("fk_event_attendee_event_id_school_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_attendee")),
        sa.UniqueConstraint("event_id", "alt_id", name=op.f("uq_event_attendee_event_id_alt_id")),
    )
    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("alt_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("periods", sa.String(length=40), nullable=False),
        sa.Column("classes", sa.Integer(), nullable=False),
        sa.Column(
            "lunch_mode",
            sa.Enum(
                "school_lunch",
                "own_lunch",
                "milk_only",
                "none",
                name="visit_lunch_mode",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("lunch_overridden", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "confirmed",
                "cancelled",
                "covered",
                name="visit_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum(
                "regular",
                "event",
                "substitute",
                name="visit_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "origin",
            sa.Enum(
                "generated",
                "manual",
                name="visit_origin",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("covered_by_alt_id", sa.Integer(), nullable=True),
        sa.Column("substitute_for_visit_id", sa.Integer(), nullable=True),
        sa.Column("needs_reschedule", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("classes >= 0", name=op.f("ck_visit_visit_classes_not_negative")),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_visit_visit_end_after_start")),
        sa.ForeignKeyConstraint(
            ["alt_id"], ["alt.id"], name=op.f("fk_visit_alt_id_alt"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_visit_branch_id_branch"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["covered_by_alt_id"],
            ["alt.id"],
            name=op.f("fk_visit_covered_by_alt_id_alt"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["school_event.id"],
            name=op.f("fk_visit_event_id_school_event"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
            name=op.f("fk_visit_placement_id_placement"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_visit_school_id_school"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["substitute_for_visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_substitute_for_visit_id_visit"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_alt_date", ["alt_id", "date"], unique=False)
        batch_op.create_index("ix_visit_date", ["branch_id", "date"], unique=False)
        batch_op.create_index("ix_visit_placement_date", ["placement_id", "date"], unique=False)
        batch_op.create_index("ix_visit_school_date", ["school_id", "date"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_school_date")
        batch_op.drop_index("ix_visit_placement_date")
        batch_op.drop_index("ix_visit_date")
        batch_op.drop_index("ix_visit_alt_date")

    op.drop_table("visit")
    op.drop_table("event_attendee")
    with op.batch_alter_table("absence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_absence_branch_id"))
        batch_op.drop_index("ix_absence_alt_dates")

    op.drop_table("absence")
    with op.batch_alter_table("school_event", schema=None) as batch_op:
        batch_op.drop_index("ix_school_event_school_date")
        batch_op.drop_index(batch_op.f("ix_school_event_branch_id"))

    op.drop_table("school_event")
    with op.batch_alter_table("placement", schema=None) as batch_op:
        batch_op.drop_index("ix_placement_school")
        batch_op.drop_index(batch_op.f("ix_placement_branch_id"))
        batch_op.drop_index("ix_placement_alt")

    op.drop_table("placement")
    with op.batch_alter_table("day_off", schema=None) as batch_op:
        batch_op.drop_index("ix_day_off_dates")

    op.drop_table("day_off")
    op.drop_table("bell_period")
    with op.batch_alter_table("school", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_school_branch_id"))
        batch_op.drop_index(batch_op.f("ix_school_board_id"))

    op.drop_table("school")
    with op.batch_alter_table("issued_report", schema=None) as batch_op:
        batch_op.drop_index("ix_issued_report_lookup")

    op.drop_table("issued_report")
    op.drop_table("holiday_override")
    with op.batch_alter_table("board", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_board_branch_id"))

    op.drop_table("board")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entity")
        batch_op.drop_index("ix_audit_at")

    op.drop_table("audit_entry")
    with op.batch_alter_table("alt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alt_branch_id"))

    op.drop_table("alt")
    op.drop_table("branch")
