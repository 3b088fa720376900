"""April rollover: copy placements (and board day layers, as a starting point) into the next
fiscal year. The old year is left untouched; running it twice copies nothing twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.dates import fiscal_year_bounds
from altdesk.db.models import DayOff, Placement


@dataclass
class RolloverResult:
    placements_copied: int = 0
    placements_already_there: int = 0
    day_offs_copied: int = 0


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _same_weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def rollover(session: Session, branch_id: int, to_fiscal_year: int) -> RolloverResult:
    result = RolloverResult()
    old_first, old_last = fiscal_year_bounds(to_fiscal_year - 1)
    new_first, new_last = fiscal_year_bounds(to_fiscal_year)
    existing = {
        (p.alt_id, p.school_id, p.rrule)
        for p in session.execute(
            select(Placement.alt_id, Placement.school_id, Placement.rrule).where(
                Placement.branch_id == branch_id, Placement.start_date <= new_last, Placement.end_date >= new_first)
        )
    }
    old = session.scalars(
        select(Placement).where(Placement.branch_id == branch_id, Placement.start_date <= old_last,
                                Placement.end_date >= old_first).order_by(Placement.id)
    ).all()
    for placement in old:
        if (placement.alt_id, placement.school_id, placement.rrule) in existing:
            result.placements_already_there += 1
            continue
        # Keep the weekday (and so the A/B parity of alternate weeks) of the first visit.
        shift = 364 if placement.start_date >= old_first else None
        start = (placement.start_date + dt.timedelta(days=shift)) if shift else _same_weekday_on_or_after(
            new_first, placement.start_date.weekday())
        while start < new_first:
            start += dt.timedelta(days=7 * (2 if "INTERVAL=2" in placement.rrule else 1))
        end = new_last if placement.end_date >= old_last - dt.timedelta(days=14) else min(
            new_last, _shift_year(placement.end_date, 1))
        if end < start:
            continue
        session.add(Placement(
            branch_id=branch_id, alt_id=placement.alt_id, school_id=placement.school_id, start_date=start,
            end_date=end, rrule=placement.rrule, extra_dates=[], removed_dates=[],
            start_time=placement.start_time, end_time=placement.end_time, periods=placement.periods,
            classes_per_day=placement.classes_per_day, lunch_mode=placement.lunch_mode, note=placement.note,
        ))
        result.placements_copied += 1
    present = {
        (d.kind, d.board_id, d.school_id, d.name_ja, d.start_date.month, d.start_date.day)
        for d in session.execute(
            select(DayOff.kind, DayOff.board_id, DayOff.school_id, DayOff.name_ja, DayOff.start_date).where(
                DayOff.branch_id == branch_id, DayOff.start_date.between(new_first, new_last))
        )
    }
    for day_off in session.scalars(
        select(DayOff).where(DayOff.branch_id == branch_id, DayOff.start_date.between(old_first, old_last))
    ).all():
        new_start = _shift_year(day_off.start_date, 1)
        key = (day_off.kind, day_off.board_id, day_off.school_id, day_off.name_ja, new_start.month, new_start.day)
        if key in present:
            continue
        present.add(key)
        session.add(DayOff(
            branch_id=branch_id, kind=day_off.kind, board_id=day_off.board_id, school_id=day_off.school_id,
            start_date=new_start, end_date=_shift_year(day_off.end_date, 1),
            name_ja=day_off.name_ja, name_en=day_off.name_en,
        ))
        result.day_offs_copied += 1
    session.flush()
    return result
