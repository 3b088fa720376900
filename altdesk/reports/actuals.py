"""The month's actuals (実績報告), the report head office bills schools and pays ALTs from.

Per school (grouped by board of education): days and classes planned (the month's visits as
first planned: a visit counts in the month of its placement occurrence, `planned_date`, else
its date; substitute visits are not planned, they stand in for one), delivered (visits that took
place: planned or confirmed, not cancelled or covered, on or before the cut-off: today, or the
month's last day once the month is closed), cancelled visits by reason, and the contracted days
of the fiscal year against the days delivered to the cut-off. Per ALT: days worked, event days,
振替 days off, absences by kind (weekdays of the month), classes per week against the limit.
Corrections: edits made to a closed month, with who, when and why.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.dates import fiscal_year_bounds, fiscal_year_of, month_bounds
from altdesk.db.enums import AbsenceKind, CancelReason, VisitKind, VisitStatus
from altdesk.db.models import Absence, Alt, Board, ClosedMonth, MonthCorrection, School, Visit
from altdesk.reports.month_common import BranchInfo, load_branch, today_tokyo

DELIVERED = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)
REASONS = tuple(CancelReason)
ABSENCE_KINDS = (AbsenceKind.PAID_LEAVE, AbsenceKind.SICK, AbsenceKind.TRAINING)  # 振替 has its own column
NO_BOARD = "（教育委員会なし）"


@dataclass
class SchoolActuals:
    school_id: int
    code: str
    name_ja: str
    planned_days: int = 0
    planned_classes: int = 0
    delivered_days: int = 0
    delivered_classes: int = 0
    cancelled: dict[CancelReason, int] = field(default_factory=dict)  # visits cancelled, by reason
    contracted_days: int | None = None  # per fiscal year
    days_to_date: int = 0  # days delivered in the fiscal year up to the cut-off

    @property
    def cancelled_total(self) -> int:
        return sum(self.cancelled.values())


@dataclass
class BoardActuals:
    name: str
    schools: list[SchoolActuals]

    def total(self) -> SchoolActuals:
        t = SchoolActuals(0, "", "計")
        contracted = [s.contracted_days for s in self.schools if s.contracted_days is not None]
        for s in self.schools:
            t.planned_days += s.planned_days
            t.planned_classes += s.planned_classes
            t.delivered_days += s.delivered_days
            t.delivered_classes += s.delivered_classes
            t.days_to_date += s.days_to_date
            for reason, n in s.cancelled.items():
                t.cancelled[reason] = t.cancelled.get(reason, 0) + n
        t.contracted_days = sum(contracted) if contracted else None
        return t


@dataclass(frozen=True)
class WeekClasses:
    monday: dt.date
    classes: int


@dataclass
class AltActuals:
    alt_id: int
    code: str
    name: str
    weekly_limit: int
    days_worked: int = 0
    classes: int = 0
    event_days: int = 0
    compensatory_days: int = 0  # 振替 days off
    absences: dict[AbsenceKind, int] = field(default_factory=dict)  # weekdays of the month, by kind
    weeks: list[WeekClasses] = field(default_factory=list)

    @property
    def weeks_over_limit(self) -> int:
        return sum(1 for w in self.weeks if w.classes > self.weekly_limit)

    @property
    def most_classes_in_a_week(self) -> int:
        return max((w.classes for w in self.weeks), default=0)


@dataclass(frozen=True)
class Correction:
    month: str
    at: dt.datetime
    actor: str
    entity: str
    entity_id: int | None
    summary: str
    reason: str


@dataclass
class MonthActuals:
    month: str
    first: dt.date
    last: dt.date
    cutoff: dt.date
    made_on: dt.date
    branch: BranchInfo
    closed_at: dt.datetime | None
    closed_by: str
    boards: list[BoardActuals]
    alts: list[AltActuals]
    corrections: list[Correction]

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    def schools(self) -> list[SchoolActuals]:
        return [s for b in self.boards for s in b.schools]

    def total(self) -> SchoolActuals:
        return BoardActuals("", self.schools()).total()


def _weekdays_in(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)
            if (first + dt.timedelta(days=i)).weekday() < 5]


def _previous(month: str) -> str:
    first, _ = month_bounds(month)
    return f"{first - dt.timedelta(days=1):%Y-%m}"


def _corrections(session: Session, branch_id: int, month: str, closed: dict[str, dt.datetime]) -> list[Correction]:
    """Edits to this month once closed, and edits to earlier closed months not listed before: made
    after the previous month was closed and (if this month is closed) before it was."""
    query = select(MonthCorrection).where(MonthCorrection.branch_id == branch_id, MonthCorrection.month <= month)
    rows = []
    since = closed.get(_previous(month))
    until = closed.get(month)
    for row in session.scalars(query.order_by(MonthCorrection.at, MonthCorrection.id)):
        if row.month != month:
            at = _aware(row.at)
            if since is not None and at <= _aware(since):
                continue
            if until is not None and at > _aware(until):
                continue
        rows.append(Correction(row.month, _aware(row.at), row.actor, row.entity, row.entity_id, row.summary,
                               row.reason))
    return rows


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def build_actuals(session: Session, branch_id: int, month: str, today: dt.date | None = None) -> MonthActuals:
    first, last = month_bounds(month)
    made_on = today or today_tokyo()
    closed = {m: at for m, at in session.execute(
        select(ClosedMonth.month, ClosedMonth.closed_at).where(ClosedMonth.branch_id == branch_id))}
    closed_row = session.execute(select(ClosedMonth.closed_at, ClosedMonth.actor).where(
        ClosedMonth.branch_id == branch_id, ClosedMonth.month == month)).one_or_none()
    cutoff = last if closed_row is not None else min(last, made_on)

    boards = {b.id: b.name_ja for b in session.scalars(select(Board).where(Board.branch_id == branch_id))}
    schools: dict[int, SchoolActuals] = {}
    school_board: dict[int, str] = {}
    for s in session.scalars(select(School).where(School.branch_id == branch_id).order_by(School.code)):
        schools[s.id] = SchoolActuals(s.id, s.code, s.name_ja, contracted_days=s.contracted_days)
        school_board[s.id] = boards.get(s.board_id, NO_BOARD) if s.board_id is not None else NO_BOARD
    alts = {a.id: AltActuals(a.id, a.code, f"{a.given_name} {a.family_name}", a.weekly_class_limit)
            for a in session.scalars(select(Alt).where(Alt.branch_id == branch_id).order_by(Alt.code))}

    fy_first, _fy_last = fiscal_year_bounds(fiscal_year_of(first))
    first_monday = first - dt.timedelta(days=first.weekday())
    last_sunday = last + dt.timedelta(days=6 - last.weekday())
    planned_days: dict[int, set[dt.date]] = defaultdict(set)
    delivered_days: dict[int, set[dt.date]] = defaultdict(set)
    fy_days: dict[int, set[dt.date]] = defaultdict(set)
    alt_days: dict[int, set[dt.date]] = defaultdict(set)
    alt_event_days: dict[int, set[dt.date]] = defaultdict(set)
    week_classes: dict[tuple[int, dt.date], int] = defaultdict(int)
    rows = session.execute(select(
        Visit.school_id, Visit.alt_id, Visit.date, Visit.planned_date, Visit.classes, Visit.status, Visit.kind,
        Visit.cancel_reason).where(
        Visit.branch_id == branch_id,
        ((Visit.date >= min(fy_first, first_monday)) & (Visit.date <= last_sunday))
        | Visit.planned_date.between(first, last)))
    for school_id, alt_id, day, planned, classes, status, kind, reason in rows:
        school = schools.get(school_id)
        if school is None:
            continue
        status, kind = VisitStatus(status), VisitKind(kind)
        slot = planned or day
        if kind != VisitKind.SUBSTITUTE and first <= slot <= last:
            planned_days[school_id].add(slot)
            school.planned_classes += classes
        done = status.value in DELIVERED and day <= cutoff
        if done and day >= fy_first:
            fy_days[school_id].add(day)
        if status.value in DELIVERED and alt_id in alts and first_monday <= day <= last_sunday:
            # The week's classes as planned (whole weeks, as the board shows them).
            week_classes[(alt_id, day - dt.timedelta(days=day.weekday()))] += classes
        if not first <= day <= last:
            continue
        if status == VisitStatus.CANCELLED:
            why = CancelReason(reason) if reason else CancelReason.OTHER
            school.cancelled[why] = school.cancelled.get(why, 0) + 1
        if done:
            delivered_days[school_id].add(day)
            school.delivered_classes += classes
            if alt_id in alts:
                alt_days[alt_id].add(day)
                alts[alt_id].classes += classes
                if kind == VisitKind.EVENT:
                    alt_event_days[alt_id].add(day)
    for school_id, school in schools.items():
        school.planned_days = len(planned_days[school_id])
        school.delivered_days = len(delivered_days[school_id])
        school.days_to_date = len(fy_days[school_id])

    weekdays = _weekdays_in(first, last)
    for alt_id, start, end, kind in session.execute(select(Absence.alt_id, Absence.start_date, Absence.end_date,
                                                           Absence.kind).where(
            Absence.branch_id == branch_id, Absence.start_date <= last, Absence.end_date >= first)):
        alt = alts.get(alt_id)
        if alt is None:
            continue
        days = sum(1 for d in weekdays if start <= d <= end)
        kind = AbsenceKind(kind)
        if kind == AbsenceKind.COMPENSATORY:
            alt.compensatory_days += days
        alt.absences[kind] = alt.absences.get(kind, 0) + days
    mondays = sorted({d - dt.timedelta(days=d.weekday()) for d in weekdays})
    for alt_id, alt in alts.items():
        alt.days_worked = len(alt_days[alt_id])
        alt.event_days = len(alt_event_days[alt_id])
        alt.weeks = [WeekClasses(m, week_classes.get((alt_id, m), 0)) for m in mondays]

    grouped: dict[str, list[SchoolActuals]] = defaultdict(list)
    for school_id, school in schools.items():
        grouped[school_board[school_id]].append(school)
    board_list = [BoardActuals(name, grouped[name]) for name in sorted(grouped, key=lambda n: (n == NO_BOARD, n))]
    return MonthActuals(month, first, last, cutoff, made_on, load_branch(session, branch_id),
                        _aware(closed_row[0]) if closed_row else None, closed_row[1] if closed_row else "",
                        board_list, list(alts.values()), _corrections(session, branch_id, month, closed))
