"""Enumerations stored as their string values (with CHECK constraints in the schema)."""

from __future__ import annotations

from enum import StrEnum


class SchoolLevel(StrEnum):
    KINDERGARTEN = "kindergarten"
    ELEMENTARY = "elementary"
    JUNIOR_HIGH = "junior_high"
    SENIOR_HIGH = "senior_high"
    SPECIAL_NEEDS = "special_needs"


class LunchPolicy(StrEnum):
    """Whether a school serves its ALT school lunch."""

    SERVES = "serves"
    NONE = "none"
    MILK_ONLY = "milk_only"


class LunchMode(StrEnum):
    """What the ALT does for lunch on one visit."""

    SCHOOL_LUNCH = "school_lunch"
    OWN_LUNCH = "own_lunch"
    MILK_ONLY = "milk_only"
    NONE = "none"


class AltStatus(StrEnum):
    ACTIVE = "active"
    ON_LEAVE = "on_leave"
    LEFT = "left"


class VisitStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    COVERED = "covered"  # covered by a substitute ALT


class VisitKind(StrEnum):
    REGULAR = "regular"
    EVENT = "event"
    SUBSTITUTE = "substitute"


class VisitOrigin(StrEnum):
    GENERATED = "generated"  # made from a placement; regeneration may rewrite it
    MANUAL = "manual"  # created or edited by hand; regeneration never touches it


class AbsenceKind(StrEnum):
    PAID_LEAVE = "paid_leave"
    SICK = "sick"
    TRAINING = "training"
    COMPENSATORY = "compensatory"  # 振替休日 / 代休


class CancelReason(StrEnum):
    """Why a visit did not happen (the month's actuals count cancellations by reason)."""

    SCHOOL_CLOSED = "school_closed"  # 休校・学校閉庁
    WEATHER = "weather"  # 警報 (weather warning)
    ILLNESS = "illness"  # the ALT's illness
    EVENT = "event"  # a school event took the day
    OTHER = "other"


class DayOffKind(StrEnum):
    """Kinds of day-layer entries a coordinator keeps."""

    BREAK = "break"  # board term break: spring, summer, winter
    CLOSURE = "closure"  # 学校閉庁日
    SCHOOL_DAY_OFF = "school_day_off"  # 開校記念日, a school's own day off
    BRANCH_CLOSURE = "branch_closure"  # 年末年始


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    IMPORT = "import"



class OperationKind(StrEnum):
    """What one journalled operation was: a person's edit, or an undo or redo of one."""

    EDIT = "edit"
    UNDO = "undo"
    REDO = "redo"


class OperationState(StrEnum):
    """An edit's state: in effect (done) or taken back (undone). Undos and redos stay done."""

    DONE = "done"
    UNDONE = "undone"


class TravelMode(StrEnum):
    """How an ALT gets from home to a school (the planner's travel estimate)."""

    CAR = "car"
    TRAIN_BUS = "train_bus"
    BICYCLE = "bicycle"
