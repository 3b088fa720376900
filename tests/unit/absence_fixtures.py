"""Scenarios on the scheduled small demo branch for absence, substitute and conflict tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from altdesk.db.engine import transaction
from altdesk.db.enums import LunchMode, VisitKind, VisitOrigin, VisitStatus
from altdesk.db.models import Absence, Alt, School, Visit
from altdesk.demo_schedule import schedule_demo_branch
from altdesk.services.workspace import Workspace

# A week of June 2026 with no holiday: Monday 8th to Friday 12th.
WEEK = (dt.date(2026, 6, 8), dt.date(2026, 6, 12))


@dataclass(frozen=True)
class BusyAlt:
    id: int
    code: str
    name: str
    visit_ids: tuple[int, ...]  # planned visits in WEEK, by date
    dates: tuple[dt.date, ...]


def schedule(ws: Workspace) -> Workspace:
    schedule_demo_branch(ws, 2026, seed=7)
    return ws


def busy_alt(ws: Workspace, first: dt.date = WEEK[0], last: dt.date = WEEK[1], skip: int = 0) -> BusyAlt:
    """An ALT with several planned visits between first and last and no absence there."""
    with ws.db.sessions() as s:
        absent = set(s.scalars(select(Absence.alt_id).where(Absence.start_date <= last, Absence.end_date >= first)))
        rows = s.execute(
            select(Visit.alt_id, Visit.id, Visit.date).where(
                Visit.branch_id == ws.branch_id, Visit.date.between(first, last),
                Visit.status == VisitStatus.PLANNED, Visit.kind == VisitKind.REGULAR,
            ).order_by(Visit.alt_id, Visit.date, Visit.start_time)
        ).all()
        by_alt: dict[int, list[tuple[int, dt.date]]] = {}
        for alt_id, visit_id, day in rows:
            if alt_id not in absent:
                by_alt.setdefault(alt_id, []).append((visit_id, day))
        ranked = sorted(by_alt.items(), key=lambda item: (-len(item[1]), item[0]))
        alt_id, visits = ranked[skip]
        alt = s.get(Alt, alt_id)
        assert alt is not None
        return BusyAlt(alt_id, alt.code, alt.display_name, tuple(v for v, _ in visits), tuple(d for _, d in visits))


def double_book(ws: Workspace, visit_id: int) -> int:
    """Add a manual visit for the same ALT, same day and times, at another school."""
    with transaction(ws.db.sessions) as s:
        visit = s.get(Visit, visit_id)
        assert visit is not None
        other = s.scalar(select(School.id).where(School.branch_id == ws.branch_id, School.id != visit.school_id,
                                                 School.level == visit.school.level).order_by(School.id).limit(1))
        extra = Visit(branch_id=ws.branch_id, alt_id=visit.alt_id, school_id=other, date=visit.date,
                      start_time=visit.start_time, end_time=visit.end_time, periods="1-2", classes=2,
                      lunch_mode=LunchMode.OWN_LUNCH, status=VisitStatus.PLANNED, kind=VisitKind.REGULAR,
                      origin=VisitOrigin.MANUAL)
        s.add(extra)
        s.flush()
        return extra.id
