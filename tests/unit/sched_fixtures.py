"""Small hand-built branches for scheduling tests."""

from __future__ import annotations

import datetime as dt

from altdesk.db.engine import transaction
from altdesk.db.enums import DayOffKind, LunchPolicy, SchoolLevel
from altdesk.db.models import Alt, Board, DayOff, Placement, School
from altdesk.services.workspace import Workspace


def make_board(ws: Workspace, code: str = "B1") -> int:
    with transaction(ws.db.sessions) as s:
        board = Board(branch_id=ws.branch_id, code=code, name_ja="さくら市教育委員会", name_en="Sakura BoE")
        s.add(board)
        s.flush()
        return board.id


def make_school(ws: Workspace, code: str, level: SchoolLevel = SchoolLevel.ELEMENTARY, board_id: int | None = None,
                policy: LunchPolicy = LunchPolicy.SERVES, price: int = 280, contracted: int | None = None) -> int:
    with transaction(ws.db.sessions) as s:
        school = School(branch_id=ws.branch_id, code=code, name_ja=f"市立{code}小学校", name_en=f"{code} ES",
                        level=level, board_id=board_id, lunch_policy=policy, lunch_price_yen=price,
                        contracted_days=contracted)
        s.add(school)
        s.flush()
        return school.id


def make_alt(ws: Workspace, code: str, levels: tuple[str, ...] = ("elementary", "junior_high"),
             allergens: tuple[str, ...] = (), **extra) -> int:
    with transaction(ws.db.sessions) as s:
        alt = Alt(branch_id=ws.branch_id, code=code, family_name=f"Family{code}", given_name=f"Given{code}",
                  levels=list(levels), allergens=list(allergens), **extra)
        s.add(alt)
        s.flush()
        return alt.id


def make_placement(ws: Workspace, alt_id: int, school_id: int, rrule: str = "FREQ=WEEKLY;BYDAY=MO,WE",
                   start: dt.date = dt.date(2026, 4, 6), end: dt.date = dt.date(2027, 3, 24),
                   times: tuple[dt.time, dt.time] = (dt.time(8, 15), dt.time(15, 45)), classes: int = 4,
                   **extra) -> int:
    with transaction(ws.db.sessions) as s:
        placement = Placement(branch_id=ws.branch_id, alt_id=alt_id, school_id=school_id, start_date=start,
                              end_date=end, rrule=rrule, start_time=times[0], end_time=times[1],
                              classes_per_day=classes, periods="1-4", **extra)
        s.add(placement)
        s.flush()
        return placement.id


def make_day_off(ws: Workspace, kind: DayOffKind, start: dt.date, end: dt.date, name_ja: str = "休業",
                 board_id: int | None = None, school_id: int | None = None) -> None:
    with transaction(ws.db.sessions) as s:
        s.add(DayOff(branch_id=ws.branch_id, kind=kind, start_date=start, end_date=end, name_ja=name_ja,
                     name_en=name_ja, board_id=board_id, school_id=school_id))
