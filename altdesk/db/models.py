"""Typed ORM models for every entity of the domain.

Every record belongs to a branch so one PostgreSQL database can hold many branches.
Editable records carry a `version` column used by SQLAlchemy for optimistic locking:
an UPDATE that finds another version raises StaleDataError instead of losing an edit.
"""

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from altdesk.db.enums import (
    AbsenceKind,
    AltStatus,
    AuditAction,
    CancelReason,
    DayOffKind,
    LunchMode,
    LunchPolicy,
    OperationKind,
    OperationState,
    SchoolLevel,
    TravelMode,
    VisitKind,
    VisitOrigin,
    VisitStatus,
)

# Stable constraint names so Alembic batch migrations on SQLite can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def str_enum(enum_cls: type[StrEnum], name: str) -> Enum:
    """A portable enum column: VARCHAR plus a CHECK listing the allowed values."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class Versioned:
    """Mixin: a version column SQLAlchemy checks on every UPDATE and DELETE."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}


class Branch(Versioned, Base):
    __tablename__ = "branch"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Board(Versioned, Base):
    """A board of education (教育委員会): the client."""

    __tablename__ = "board"
    __table_args__ = (UniqueConstraint("branch_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name_ja: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    contract_days_per_year: Mapped[int | None] = mapped_column(Integer)
    contract_hours_per_day: Mapped[float | None]
    # Lunch notice rule, e.g. {"kind": "school_days_before", "days": 4, "time": "11:00"}
    lunch_notice_rule: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class School(Versioned, Base):
    __tablename__ = "school"
    __table_args__ = (
        UniqueConstraint("branch_id", "code"),
        CheckConstraint("lunch_price_yen >= 0", name="lunch_price_not_negative"),
        CheckConstraint("contracted_days IS NULL OR contracted_days >= 0", name="contracted_days_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"), index=True)
    board_id: Mapped[int | None] = mapped_column(ForeignKey("board.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name_ja: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    short_name_ja: Mapped[str] = mapped_column(String(40), default="")
    level: Mapped[SchoolLevel] = mapped_column(str_enum(SchoolLevel, "school_level"))
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    contact_teacher: Mapped[str] = mapped_column(String(100), default="")
    lunch_policy: Mapped[LunchPolicy] = mapped_column(
        str_enum(LunchPolicy, "lunch_policy"), default=LunchPolicy.SERVES
    )
    lunch_price_yen: Mapped[int] = mapped_column(Integer, default=0)
    lunch_notice_rule: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    contracted_days: Mapped[int | None] = mapped_column(Integer)
    # Where the school is (the planner's travel estimate); None: not known.
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

    board: Mapped[Board | None] = relationship()
    periods: Mapped[list["BellPeriod"]] = relationship(
        back_populates="school", cascade="all, delete-orphan", order_by="BellPeriod.number"
    )


class BellPeriod(Base):
    """One period (校時) of a school's bell schedule."""

    __tablename__ = "bell_period"
    __table_args__ = (
        UniqueConstraint("school_id", "number"),
        CheckConstraint("end_time > start_time", name="period_end_after_start"),
        CheckConstraint("number >= 1", name="period_number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)

    school: Mapped[School] = relationship(back_populates="periods")


class Alt(Versioned, Base):
    """An Assistant Language Teacher. Diet details are sensitive personal data."""

    __tablename__ = "alt"
    __table_args__ = (UniqueConstraint("branch_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    family_name: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100))
    kana: Mapped[str] = mapped_column(String(200), default="")
    nationality: Mapped[str] = mapped_column(String(60), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[AltStatus] = mapped_column(str_enum(AltStatus, "alt_status"), default=AltStatus.ACTIVE)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    levels: Mapped[list[str]] = mapped_column(JSON, default=list)  # SchoolLevel values taught
    # Diet profile (要配慮個人情報): leaves the program only with share_diet_consent.
    allergens: Mapped[list[str]] = mapped_column(JSON, default=list)  # altdesk.lunch.diet.ALLERGEN_KEYS
    other_allergens: Mapped[str] = mapped_column(String(300), default="")
    vegetarian: Mapped[bool] = mapped_column(Boolean, default=False)
    vegan: Mapped[bool] = mapped_column(Boolean, default=False)
    halal: Mapped[bool] = mapped_column(Boolean, default=False)
    gluten_free: Mapped[bool] = mapped_column(Boolean, default=False)
    diet_notes: Mapped[str] = mapped_column(Text, default="")
    share_diet_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    # A coordinator's reading of the free text (notes, other allergens) the lunch rules cannot
    # read: "school_lunch_ok" or "own_lunch" (altdesk.lunch.diet.DietReview), and a fingerprint of
    # the text it was made for, so a changed text is to be reviewed again.
    diet_review: Mapped[str | None] = mapped_column(String(20), default=None)
    diet_review_of: Mapped[str | None] = mapped_column(String(64), default=None)
    weekly_class_limit: Mapped[int] = mapped_column(Integer, default=25)
    # For the placement planner (altdesk.planning): the last day of the contract (None: open),
    # home location, how the ALT travels, levels the ALT would rather teach, at most this many schools.
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    home_latitude: Mapped[float | None] = mapped_column(Float)
    home_longitude: Mapped[float | None] = mapped_column(Float)
    travel_mode: Mapped[TravelMode] = mapped_column(str_enum(TravelMode, "travel_mode"), default=TravelMode.CAR)
    preferred_levels: Mapped[list[str]] = mapped_column(JSON, default=list)
    max_schools: Mapped[int | None] = mapped_column(Integer)

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def has_diet_restriction(self) -> bool:
        return bool(
            self.allergens or self.other_allergens or self.vegetarian or self.vegan
            or self.halal or self.gluten_free or (self.diet_notes or "").strip()
        )


class Placement(Versioned, Base):
    """ALT at a school for a date range, repeating by an RFC 5545 RRULE."""

    __tablename__ = "placement"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="placement_end_after_start"),
        CheckConstraint("classes_per_day >= 0", name="placement_classes_not_negative"),
        Index("ix_placement_school", "school_id"),
        Index("ix_placement_alt", "alt_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"), index=True)
    alt_id: Mapped[int] = mapped_column(ForeignKey("alt.id", ondelete="RESTRICT"))
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    rrule: Mapped[str] = mapped_column(String(300))  # e.g. "FREQ=WEEKLY;BYDAY=MO,WE"
    extra_dates: Mapped[list[str]] = mapped_column(JSON, default=list)  # ISO dates added
    removed_dates: Mapped[list[str]] = mapped_column(JSON, default=list)  # ISO dates removed
    start_time: Mapped[dt.time] = mapped_column(Time, default=dt.time(8, 15))
    end_time: Mapped[dt.time] = mapped_column(Time, default=dt.time(16, 0))
    periods: Mapped[str] = mapped_column(String(40), default="")  # e.g. "1-4,6"
    classes_per_day: Mapped[int] = mapped_column(Integer, default=4)
    lunch_mode: Mapped[LunchMode | None] = mapped_column(str_enum(LunchMode, "placement_lunch_mode"))
    note: Mapped[str] = mapped_column(Text, default="")
    # Pinned by the coordinator: the planner keeps it as it is.
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)

    alt: Mapped[Alt] = relationship()
    school: Mapped[School] = relationship()


class SchoolDemand(Versioned, Base):
    """What a school asks for, from a date: ALT days per week (or per fortnight), on which
    weekdays, so many classes a day. A school may have several rows; rows in force together add up."""

    __tablename__ = "school_demand"
    __table_args__ = (
        CheckConstraint("days >= 1 AND days <= 10", name="demand_days_range"),
        CheckConstraint("period_weeks IN (1, 2)", name="demand_period_weeks"),
        CheckConstraint("classes_per_day >= 0", name="demand_classes_not_negative"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="demand_end_after_start"),
        Index("ix_school_demand_school", "school_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"))
    days: Mapped[int] = mapped_column(Integer, default=1)  # ALT days per period
    period_weeks: Mapped[int] = mapped_column(Integer, default=1)  # 1: per week, 2: per fortnight
    weekdays: Mapped[list[str]] = mapped_column(JSON, default=list)  # "MO".."FR"; empty: any weekday
    classes_per_day: Mapped[int] = mapped_column(Integer, default=4)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    school: Mapped[School] = relationship()


class TravelTime(Base):
    """An imported travel time in minutes from a place (an ALT's home by ALT code, or a school by
    code) to a school (by code), for branches that have such a table; it wins over the estimate."""

    __tablename__ = "travel_time"
    __table_args__ = (
        UniqueConstraint("branch_id", "from_code", "to_code"),
        CheckConstraint("minutes >= 0", name="travel_minutes_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"))
    from_code: Mapped[str] = mapped_column(String(20))
    to_code: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[int] = mapped_column(Integer)


VISIT_COVERED_COLUMNS = ("branch_id", "date", "start_time", "id", "version", "alt_id", "school_id", "end_time",
                         "status", "kind", "lunch_mode", "classes", "periods", "needs_reschedule")


class Visit(Versioned, Base):
    """One day of one ALT at one school."""

    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint("end_time > start_time", name="visit_end_after_start"),
        CheckConstraint("classes >= 0", name="visit_classes_not_negative"),
        # The board and the conflict check read a month or a year of a branch's visits: with every
        # column they read in the index, SQLite answers from the index alone, in date order,
        # instead of one table lookup per visit (`bench` measures the month read).
        Index("ix_visit_branch_date_covering", *VISIT_COVERED_COLUMNS),
        Index("ix_visit_alt_date", "alt_id", "date"),
        Index("ix_visit_school_date", "school_id", "date"),
        Index("ix_visit_placement_slot", "placement_id", "planned_date"),
        # Deleting a visit checks this self-reference: without an index every delete scans the table.
        Index("ix_visit_substitute_for", "substitute_for_visit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"))
    alt_id: Mapped[int] = mapped_column(ForeignKey("alt.id", ondelete="RESTRICT"))
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"))
    placement_id: Mapped[int | None] = mapped_column(ForeignKey("placement.id", ondelete="SET NULL"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("school_event.id", ondelete="SET NULL"))
    date: Mapped[dt.date] = mapped_column(Date)
    # The placement occurrence this visit fills. It stays when a coordinator moves the
    # visit, so regeneration knows the slot is taken and never recreates it.
    planned_date: Mapped[dt.date | None] = mapped_column(Date)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    periods: Mapped[str] = mapped_column(String(40), default="")
    classes: Mapped[int] = mapped_column(Integer, default=0)
    lunch_mode: Mapped[LunchMode] = mapped_column(str_enum(LunchMode, "visit_lunch_mode"))
    lunch_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[VisitStatus] = mapped_column(
        str_enum(VisitStatus, "visit_status"), default=VisitStatus.PLANNED
    )
    kind: Mapped[VisitKind] = mapped_column(str_enum(VisitKind, "visit_kind"), default=VisitKind.REGULAR)
    origin: Mapped[VisitOrigin] = mapped_column(
        str_enum(VisitOrigin, "visit_origin"), default=VisitOrigin.GENERATED
    )
    # For a covered visit: the substitute; for a substitute visit: the ALT it covers.
    covered_by_alt_id: Mapped[int | None] = mapped_column(ForeignKey("alt.id", ondelete="SET NULL"))
    substitute_for_visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visit.id", ondelete="SET NULL")
    )
    needs_reschedule: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    # A cancelled visit's reason (the month's actuals count cancellations by it) and its note.
    cancel_reason: Mapped[CancelReason | None] = mapped_column(str_enum(CancelReason, "visit_cancel_reason"))
    cancel_note: Mapped[str] = mapped_column(Text, default="")

    alt: Mapped[Alt] = relationship(foreign_keys=[alt_id])
    school: Mapped[School] = relationship()


class Absence(Versioned, Base):
    __tablename__ = "absence"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="absence_end_after_start"),
        Index("ix_absence_alt_dates", "alt_id", "start_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"), index=True)
    alt_id: Mapped[int] = mapped_column(ForeignKey("alt.id", ondelete="CASCADE"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[AbsenceKind] = mapped_column(str_enum(AbsenceKind, "absence_kind"))
    note: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("school_event.id", ondelete="CASCADE"))

    alt: Mapped[Alt] = relationship()


class DayOff(Versioned, Base):
    """A day-layer entry: board break or closure, school day off, branch closure.

    Scope follows the kind: board kinds name a board, school days off name a school,
    branch closures name neither.
    """

    __tablename__ = "day_off"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="day_off_end_after_start"),
        CheckConstraint(
            "(kind IN ('break', 'closure') AND board_id IS NOT NULL AND school_id IS NULL)"
            " OR (kind = 'school_day_off' AND school_id IS NOT NULL AND board_id IS NULL)"
            " OR (kind = 'branch_closure' AND board_id IS NULL AND school_id IS NULL)",
            name="day_off_scope_matches_kind",
        ),
        Index("ix_day_off_dates", "branch_id", "start_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"))
    kind: Mapped[DayOffKind] = mapped_column(str_enum(DayOffKind, "day_off_kind"))
    board_id: Mapped[int | None] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    name_ja: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")


class HolidayOverride(Versioned, Base):
    """Overrides the national-holiday layer for one date (a holiday the law moved)."""

    __tablename__ = "holiday_override"
    __table_args__ = (UniqueConstraint("branch_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    is_holiday: Mapped[bool] = mapped_column(Boolean)
    name_ja: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")


class SchoolEvent(Versioned, Base):
    """A weekend or holiday event (Sports Day) that ALTs attend."""

    __tablename__ = "school_event"
    __table_args__ = (
        CheckConstraint("end_time > start_time", name="event_end_after_start"),
        Index("ix_school_event_school_date", "school_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    name_ja: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    start_time: Mapped[dt.time] = mapped_column(Time, default=dt.time(8, 30))
    end_time: Mapped[dt.time] = mapped_column(Time, default=dt.time(15, 30))
    school_day_off: Mapped[dt.date | None] = mapped_column(Date)  # the school's own 振替 day

    attendees: Mapped[list["EventAttendee"]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )


class EventAttendee(Base):
    """An ALT attending an event, with the compensatory day off (振替) they get."""

    __tablename__ = "event_attendee"
    __table_args__ = (UniqueConstraint("event_id", "alt_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("school_event.id", ondelete="CASCADE"))
    alt_id: Mapped[int] = mapped_column(ForeignKey("alt.id", ondelete="CASCADE"))
    compensatory_date: Mapped[dt.date | None] = mapped_column(Date)

    event: Mapped[SchoolEvent] = relationship(back_populates="attendees")


class Operation(Base):
    """One edit a person made (or an undo or redo of one): the journal the audit rows of its
    transaction point to (audit_entry.operation_id). Written by altdesk.operations."""

    __tablename__ = "operation"
    __table_args__ = (Index("ix_operation_branch", "branch_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(100))
    kind: Mapped[OperationKind] = mapped_column(str_enum(OperationKind, "operation_kind"),
                                                default=OperationKind.EDIT)
    text_en: Mapped[str] = mapped_column(Text, default="")
    text_ja: Mapped[str] = mapped_column(Text, default="")
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)  # e.g. ["visits"]
    months: Mapped[list[str]] = mapped_column(JSON, default=list)  # e.g. ["2026-05", "2026-06"]
    undoable: Mapped[bool] = mapped_column(Boolean, default=True)
    # The edit an undo or redo took back or made again.
    reverts: Mapped[int | None] = mapped_column(ForeignKey("operation.id", ondelete="SET NULL"))
    state: Mapped[OperationState] = mapped_column(str_enum(OperationState, "operation_state"),
                                                  default=OperationState.DONE)


class AuditEntry(Base):
    """Who changed or exported what, and when. Never updated, never deleted."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_at", "branch_id", "at"), Index("ix_audit_entity", "entity", "entity_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[AuditAction] = mapped_column(str_enum(AuditAction, "audit_action"))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The operation (altdesk.operations) whose transaction wrote this row, if any.
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("operation.id", ondelete="SET NULL"), index=True)


class IssuedReport(Base):
    """What was issued to a school (or ALT) for a month: the basis of 変更箇所 on re-issue."""

    __tablename__ = "issued_report"
    __table_args__ = (Index("ix_issued_report_lookup", "branch_id", "report", "subject_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"))
    report: Mapped[str] = mapped_column(String(40))  # e.g. "school-month", "lunch-orders"
    subject_id: Mapped[int] = mapped_column(Integer)  # school or ALT id, by report
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(100), default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)  # the rows as issued


class ClosedMonth(Base):
    """A month whose actuals (実績) went to head office: an edit to its dated records then needs a
    reason and is listed as a correction (altdesk.db.closing)."""

    __tablename__ = "closed_month"
    __table_args__ = (UniqueConstraint("branch_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(100), default="")


class MonthCorrection(Base):
    """An edit made to a closed month, with its reason: what the next actuals list as corrections."""

    __tablename__ = "month_correction"
    __table_args__ = (Index("ix_month_correction_lookup", "branch_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # the closed month the edit touched
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(100), default="")
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
