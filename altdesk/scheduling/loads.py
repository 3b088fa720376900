"""Loads and contracts: classes and hours per ALT per week; days per school per fiscal year."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.dates import fiscal_year_bounds
from altdesk.db.enums import VisitStatus
from altdesk.db.models import Alt, School, Visit
from altdesk.scheduling.generate import minutes

COUNTED = [VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value]


@dataclass(frozen=True)
class WeekLoad:
    alt_id: int
    alt_code: str
    week_start: dt.date  # Monday
    classes: int
    hours: float
    days: int
    limit: int

    @property
    def over_limit(self) -> bool:
        return self.classes > self.limit


@dataclass(frozen=True)
class ContractProgress:
    school_id: int
    school_code: str
    fiscal_year: int
    scheduled_days: int
    done_days: int  # scheduled days up to `today`
    contracted_days: int | None

    @property
    def difference(self) -> int | None:
        return None if self.contracted_days is None else self.scheduled_days - self.contracted_days


def weekly_loads(session: Session, branch_id: int, first: dt.date, last: dt.date) -> list[WeekLoad]:
    alts = {a.id: (a.code, a.weekly_class_limit) for a in session.execute(
        select(Alt.id, Alt.code, Alt.weekly_class_limit).where(Alt.branch_id == branch_id))}
    sums: dict[tuple[int, dt.date], list] = defaultdict(lambda: [0, 0, set()])
    for alt_id, day, start, end, classes in session.execute(
        select(Visit.alt_id, Visit.date, Visit.start_time, Visit.end_time, Visit.classes).where(
            Visit.branch_id == branch_id, Visit.date.between(first, last), Visit.status.in_(COUNTED))
    ):
        entry = sums[(alt_id, day - dt.timedelta(days=day.weekday()))]
        entry[0] += classes
        entry[1] += minutes(end) - minutes(start)
        entry[2].add(day)
    return sorted(
        (WeekLoad(alt_id, alts[alt_id][0], monday, c, round(m / 60, 2), len(d), alts[alt_id][1])
         for (alt_id, monday), (c, m, d) in sums.items()),
        key=lambda w: (w.alt_code, w.week_start),
    )


def contract_progress(session: Session, branch_id: int, fiscal_year: int, today: dt.date) -> list[ContractProgress]:
    first, last = fiscal_year_bounds(fiscal_year)
    days: dict[int, set[dt.date]] = defaultdict(set)
    for school_id, day in session.execute(
        select(Visit.school_id, Visit.date).where(
            Visit.branch_id == branch_id, Visit.date.between(first, last),
            Visit.status.in_([*COUNTED, VisitStatus.COVERED.value]))
    ):
        days[school_id].add(day)
    return [
        ContractProgress(sid, code, fiscal_year, len(days.get(sid, ())),
                         sum(1 for d in days.get(sid, ()) if d <= today), contracted)
        for sid, code, contracted in session.execute(
            select(School.id, School.code, School.contracted_days).where(School.branch_id == branch_id)
            .order_by(School.code))
    ]
