"""The demo branch's year: visits generated, school events with compensatory days, a few
absences, and contracts set near what the schedule delivers (so warnings stay believable)."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select, update

from altdesk.dates import fiscal_year_bounds
from altdesk.db.engine import transaction
from altdesk.db.enums import AbsenceKind, SchoolLevel
from altdesk.db.models import Absence, Alt, Placement, School
from altdesk.scheduling.events import create_event
from altdesk.scheduling.generate import GenerateResult
from altdesk.scheduling.loads import contract_progress
from altdesk.services.scheduling import generate_visits
from altdesk.services.workspace import Workspace


def _saturday_in(year: int, month: int, nth: int) -> dt.date:
    day = dt.date(year, month, 1)
    day += dt.timedelta(days=(5 - day.weekday()) % 7)
    return day + dt.timedelta(days=7 * (nth - 1))


def schedule_demo_branch(ws: Workspace, fiscal_year: int = 2026, seed: int = 1) -> GenerateResult:
    rng = random.Random(seed * 7919 + fiscal_year)
    first, last = fiscal_year_bounds(fiscal_year)
    with transaction(ws.db.sessions) as session:
        alts = session.scalars(select(Alt.id).where(Alt.branch_id == ws.branch_id).order_by(Alt.id)).all()
        # A few absences: paid leave and training days spread over the year.
        for alt_id in rng.sample(list(alts), k=max(1, len(alts) // 10)):
            start = first + dt.timedelta(days=rng.randint(30, 330))
            kind = rng.choice([AbsenceKind.PAID_LEAVE, AbsenceKind.TRAINING])
            session.add(Absence(branch_id=ws.branch_id, alt_id=alt_id, start_date=start,
                                end_date=start + dt.timedelta(days=rng.choice([0, 0, 1, 2])), kind=kind))
    result = generate_visits(ws, first, last)
    with transaction(ws.db.sessions) as session:
        # Sports Day (運動会) on a Saturday for some elementary and junior high schools, with
        # the ALTs placed there attending and taking their 振替 on the next school day.
        schools = session.execute(
            select(School.id, School.level).where(School.branch_id == ws.branch_id).order_by(School.id)
        ).all()
        placed = {}
        for alt_id, school_id in session.execute(
            select(Placement.alt_id, Placement.school_id).where(Placement.branch_id == ws.branch_id)
        ):
            placed.setdefault(school_id, []).append(alt_id)
        candidates = [s for s in schools if s.level in (SchoolLevel.ELEMENTARY, SchoolLevel.JUNIOR_HIGH)
                      and s.id in placed]
        for school in rng.sample(candidates, k=max(1, len(candidates) // 20)):
            month = 5 if school.level == SchoolLevel.ELEMENTARY else 9
            day = _saturday_in(fiscal_year, month, rng.randint(2, 4))
            create_event(session, ws.branch_id, school.id, day, "運動会", "Sports Day", placed[school.id][:1])
        # Contracts near what the year delivers: most match, a few are short or over.
        for progress in contract_progress(session, ws.branch_id, fiscal_year, last):
            roll = rng.random()
            delta = 0 if roll < 0.85 else rng.choice([-3, -2, 2, 3, 5])
            session.execute(update(School).where(School.id == progress.school_id)
                            .values(contracted_days=max(0, progress.scheduled_days + delta)))
    return result
