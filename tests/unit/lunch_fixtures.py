"""A small branch for lunch tests: one board with a 4-school-days-before rule, June 2026.

June 2026 has no public holiday; June 1 is a Monday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update

from altdesk.db.engine import transaction
from altdesk.db.enums import LunchPolicy, SchoolLevel, VisitStatus
from altdesk.db.models import Board, Branch, Visit
from altdesk.lunch.notice import JST
from altdesk.services.scheduling import generate_visits
from altdesk.services.workspace import Workspace
from tests.unit.sched_fixtures import make_alt, make_board, make_placement, make_school

JUNE = (dt.date(2026, 6, 1), dt.date(2026, 6, 30))
RULE_4_DAYS = {"kind": "school_days_before", "days": 4, "time": "11:00"}


def jst(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=JST)


@dataclass
class LunchBranch:
    board: int
    school: int
    alt: int


def lunch_branch(ws: Workspace, rrule: str = "FREQ=WEEKLY;BYDAY=TU,TH", price: int = 280,
                 rule: dict | None = None, **alt_extra) -> LunchBranch:
    """An elementary school serving lunch at `price`, one ALT placed there; June generated."""
    board = make_board(ws)
    with transaction(ws.db.sessions) as s:
        s.execute(update(Board).where(Board.id == board).values(lunch_notice_rule=rule or RULE_4_DAYS))
        s.execute(update(Branch).where(Branch.id == ws.branch_id).values(
            name="ALTdesk さくら支店", phone="043-123-4567"))
    school = make_school(ws, "S1", SchoolLevel.ELEMENTARY, board_id=board, policy=LunchPolicy.SERVES, price=price)
    alt = make_alt(ws, "A1", **alt_extra)
    make_placement(ws, alt, school, rrule)
    generate_visits(ws, *JUNE)
    return LunchBranch(board, school, alt)


def visit_on(ws: Workspace, alt: int, day: dt.date) -> int:
    with ws.db.sessions() as s:
        visit_id = s.scalar(select(Visit.id).where(Visit.alt_id == alt, Visit.date == day))
    assert visit_id is not None, f"no visit on {day}"
    return visit_id


def move(ws: Workspace, visit_id: int, new_day: dt.date) -> None:
    with transaction(ws.db.sessions) as s:
        s.get(Visit, visit_id).date = new_day


def cancel(ws: Workspace, visit_id: int) -> None:
    with transaction(ws.db.sessions) as s:
        s.get(Visit, visit_id).status = VisitStatus.CANCELLED
