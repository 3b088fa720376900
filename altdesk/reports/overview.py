"""The branch at a glance (the Overview section's charts), read with a handful of grouped queries.

- load: each ALT's classes in their busiest week of a month, against their weekly limit;
- pace: each school's days delivered in the fiscal year to date against its contract, where the
  share of the contract due by now is the share of the branch's scheduled visit days already
  past (so the summer holidays do not make every school look behind in August);
- levels: the fiscal year's placements by school level beside the company's split;
- absences: per month, the ALTs' absence days (weekdays) by kind and the substitute visits;
- fees: per month, the school meals ordered and their fees.

Every figure is built from rows that the list behind each chart shows one by one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from altdesk.dates import fiscal_year_bounds, month_bounds
from altdesk.db.branch_settings import load_branch_settings
from altdesk.db.enums import AbsenceKind, LunchMode, LunchPolicy, SchoolLevel, VisitKind, VisitStatus
from altdesk.db.models import Absence, Alt, Placement, School, Visit

ACTIVE = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)
# Head office's split of the company's placements by school level (the figure it publishes).
COMPANY_LEVEL_SHARE: dict[SchoolLevel, float] = {
    SchoolLevel.KINDERGARTEN: 0.07,
    SchoolLevel.ELEMENTARY: 0.46,
    SchoolLevel.JUNIOR_HIGH: 0.37,
    SchoolLevel.SENIOR_HIGH: 0.10,
    SchoolLevel.SPECIAL_NEEDS: 0.0,
}
PACE_MARGIN = 0.10  # within 10% of the days due by now counts as on pace


class Pace(StrEnum):
    BEHIND = "behind"
    ON_PACE = "on_pace"
    AHEAD = "ahead"
    NO_CONTRACT = "no_contract"


@dataclass(frozen=True)
class AltLoad:
    alt_id: int
    code: str
    name: str
    limit: int
    busiest_week: int  # classes in the month's busiest week (weeks from Monday)
    busiest_monday: dt.date | None
    weeks: int  # weeks of the month with at least one visit

    @property
    def over(self) -> bool:
        return self.busiest_week > self.limit


@dataclass(frozen=True)
class SchoolPace:
    school_id: int
    code: str
    name_ja: str
    name_en: str
    level: SchoolLevel
    contracted: int | None  # days per fiscal year
    delivered: int  # days with a visit that took place, fiscal year to date
    due: float | None  # the contract's days due by now

    @property
    def pace(self) -> Pace:
        if not self.contracted or self.due is None:
            return Pace.NO_CONTRACT
        if self.delivered < self.due * (1 - PACE_MARGIN):
            return Pace.BEHIND
        if self.delivered > self.due * (1 + PACE_MARGIN):
            return Pace.AHEAD
        return Pace.ON_PACE

    @property
    def shortfall(self) -> float:
        return (self.due or 0) - self.delivered


@dataclass(frozen=True)
class LevelShare:
    level: SchoolLevel
    placements: int
    share: float  # of the branch's placements
    company_share: float


@dataclass
class MonthAbsences:
    month: str
    days: dict[AbsenceKind, int] = field(default_factory=dict)  # ALT weekdays absent, by kind
    substitute_visits: int = 0

    @property
    def total_days(self) -> int:
        return sum(self.days.values())


@dataclass
class MonthFees:
    month: str
    lunch: int = 0  # meals ordered (給食)
    milk: int = 0
    yen: int = 0
    unpriced: int = 0  # meals at a school with no unit price


@dataclass(frozen=True)
class Overview:
    fiscal_year: int
    month: str  # the month of the load chart
    today: dt.date
    elapsed_share: float  # of the branch's scheduled visit days of the year, the share past
    loads: list[AltLoad]
    schools: list[SchoolPace]
    levels: list[LevelShare]
    absences: list[MonthAbsences]
    fees: list[MonthFees]


def fiscal_months(fiscal_year: int) -> list[str]:
    return [f"{fiscal_year + (m < 4)}-{m:02d}" for m in (*range(4, 13), 1, 2, 3)]


def _loads(session: Session, branch_id: int, month: str) -> list[AltLoad]:
    first, last = month_bounds(month)
    weeks: dict[int, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    rows = session.execute(
        select(Visit.alt_id, Visit.date, func.sum(Visit.classes))
        .where(Visit.branch_id == branch_id, Visit.date.between(first, last), Visit.status.in_(ACTIVE))
        .group_by(Visit.alt_id, Visit.date))
    for alt_id, day, classes in rows:
        weeks[alt_id][day - dt.timedelta(days=day.weekday())] += int(classes or 0)
    alts = session.execute(select(Alt.id, Alt.code, Alt.family_name, Alt.given_name, Alt.weekly_class_limit)
                           .where(Alt.branch_id == branch_id, Alt.id.in_(list(weeks))))
    loads = []
    for alt_id, code, family, given, limit in alts:
        per_week = weeks[alt_id]
        monday, busiest = max(per_week.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))
        loads.append(AltLoad(alt_id, code, f"{given} {family}".strip(), limit, busiest, monday, len(per_week)))
    return sorted(loads, key=lambda a: (-a.busiest_week, a.code))


def _paces(session: Session, branch_id: int, fiscal_year: int, today: dt.date) -> tuple[list[SchoolPace], float]:
    first, last = fiscal_year_bounds(fiscal_year)
    cut = min(max(today, first - dt.timedelta(days=1)), last)
    # The share of the year's scheduled visit days already past: the branch's own calendar.
    in_year = (Visit.branch_id == branch_id, Visit.date.between(first, last))
    total, past = session.execute(select(
        func.count(Visit.date.distinct()), func.count(case((Visit.date <= cut, Visit.date)).distinct()))
        .where(*in_year, Visit.status != VisitStatus.CANCELLED.value)).one()
    share = past / total if total else 0.0
    delivered = dict(session.execute(
        select(Visit.school_id, func.count(Visit.date.distinct()))
        .where(*in_year, Visit.date <= cut, Visit.status.in_(ACTIVE)).group_by(Visit.school_id)).all())
    schools = session.execute(
        select(School.id, School.code, School.name_ja, School.name_en, School.level, School.contracted_days)
        .where(School.branch_id == branch_id).order_by(School.code))
    paces = [SchoolPace(sid, code, name_ja, name_en or "", SchoolLevel(level), contracted,
                        int(delivered.get(sid, 0)), contracted * share if contracted else None)
             for sid, code, name_ja, name_en, level, contracted in schools
             if contracted or sid in delivered]
    return paces, share


def _levels(session: Session, branch_id: int, fiscal_year: int) -> list[LevelShare]:
    first, last = fiscal_year_bounds(fiscal_year)
    counts = dict(session.execute(
        select(School.level, func.count(Placement.id)).join(School, School.id == Placement.school_id)
        .where(Placement.branch_id == branch_id, Placement.start_date <= last, Placement.end_date >= first)
        .group_by(School.level)).all())
    total = sum(counts.values())
    # SchoolLevel is a StrEnum: the stored value and the member find the same count.
    return [LevelShare(level, int(counts.get(level, 0)), counts.get(level, 0) / total if total else 0.0, company)
            for level, company in COMPANY_LEVEL_SHARE.items() if company or counts.get(level)]


def _absences(session: Session, branch_id: int, fiscal_year: int) -> list[MonthAbsences]:
    first, last = fiscal_year_bounds(fiscal_year)
    months = {m: MonthAbsences(m) for m in fiscal_months(fiscal_year)}
    rows = session.execute(select(Absence.start_date, Absence.end_date, Absence.kind).where(
        Absence.branch_id == branch_id, Absence.start_date <= last, Absence.end_date >= first))
    for start, end, kind in rows:
        day = max(start, first)
        while day <= min(end, last):
            if day.weekday() < 5:
                month = months[f"{day:%Y-%m}"]
                month.days[AbsenceKind(kind)] = month.days.get(AbsenceKind(kind), 0) + 1
            day += dt.timedelta(days=1)
    subs = session.scalars(select(Visit.date).where(
        Visit.branch_id == branch_id, Visit.date.between(first, last), Visit.status.in_(ACTIVE),
        Visit.kind == VisitKind.SUBSTITUTE.value))
    for day in subs:  # a few per month: counted here rather than grouped by a dialect's date function
        months[f"{day:%Y-%m}"].substitute_visits += 1
    return list(months.values())


def fees_by_month(session: Session, branch_id: int, fiscal_year: int) -> list[MonthFees]:
    settings = load_branch_settings(session, branch_id)
    prices = {sid: (LunchPolicy(policy), price) for sid, policy, price in session.execute(
        select(School.id, School.lunch_policy, School.lunch_price_yen).where(School.branch_id == branch_id))}
    fees = []
    # A month at a time: twelve small sorts are several times quicker than one of the year.
    for month in fiscal_months(fiscal_year):
        first, last = month_bounds(month)
        totals = MonthFees(month)
        # One meal per ALT per school per day, as the order sheets count them.
        meals = select(Visit.school_id, Visit.alt_id, Visit.date, Visit.lunch_mode).where(
            Visit.branch_id == branch_id, Visit.date.between(first, last), Visit.status.in_(ACTIVE),
            Visit.lunch_mode.in_([LunchMode.SCHOOL_LUNCH.value, LunchMode.MILK_ONLY.value])).distinct().subquery()
        rows = session.execute(select(meals.c.school_id, meals.c.lunch_mode, func.count())
                               .group_by(meals.c.school_id, meals.c.lunch_mode))
        for school_id, mode, count in rows:
            policy, school_price = prices[school_id]
            if LunchMode(mode) is LunchMode.SCHOOL_LUNCH:
                totals.lunch += count
                price = school_price if policy is LunchPolicy.SERVES else None
            else:
                totals.milk += count
                price = school_price if policy is LunchPolicy.MILK_ONLY else settings.milk_price_yen
            if price is None:
                totals.unpriced += count
            else:
                totals.yen += count * price
        fees.append(totals)
    return fees


def build_overview(session: Session, branch_id: int, fiscal_year: int, month: str, today: dt.date,
                   fees: list[MonthFees] | None = None) -> Overview:
    """`fees`, when given, was read elsewhere (on a second connection, at the same time)."""
    schools, share = _paces(session, branch_id, fiscal_year, today)
    return Overview(fiscal_year, month, today, share, _loads(session, branch_id, month), schools,
                    _levels(session, branch_id, fiscal_year), _absences(session, branch_id, fiscal_year),
                    fees if fees is not None else fees_by_month(session, branch_id, fiscal_year))
